"""Shared by the app tests: the seed with a hand-built analysis, so that what the tests
expect does not move when the extractor improves."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from seedread.analysis.model import Analysis, Entity, GlossaryEntry, Mention, Span, TimelineEntry
from seedread.app import background
from seedread.app.app import SeedreadApp
from seedread.app.article import BACKGROUND_DELAY
from seedread.app.review_service import ReviewService
from seedread.app.state import ReaderState
from seedread.text.document import Document, load_document
from seedread.text.layout import LayoutOptions

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"


def seed() -> Document:
    return load_document(SEED)


def occurrences(text: str, word: str) -> list[Mention]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(Mention(start, start + len(word), word))
        start = text.find(word, start + 1)
    return found


def analysis_of(document: Document, date: str | None = None) -> Analysis:
    text = document.text
    date_at = text.find("28 تشرين الأول")
    term_at = text.find("غزوة حلب")
    return Analysis(
        path=str(document.path),
        sha256=document.sha256,
        title=document.title,
        entities=[
            Entity("aleppo", "حلب", "LOC", "Aleppo", occurrences(text, "حلب")),
            Entity("hezbollah", "حزب الله", "ORG", "Hezbollah", occurrences(text, "حزب الله")),
            Entity("russia", "روسيا", "LOC", "Russia", occurrences(text, "روسيا")),
        ],
        timeline=[
            TimelineEntry(date_at, date_at + 14, "28 تشرين الأول", "XXXX-10-28", "unknown",
                          Span(term_at, term_at + 8, "غزوة حلب"), "XXXX-10-28"),
        ],
        glossary=[
            GlossaryEntry("غزوة حلب", "ghazwat halab", "Aleppo raid", "a rebel offensive",
                          [Span(term_at, term_at + 8, "غزوة حلب")]),
        ],
    )


def make_app(tmp_path: Path, documents: list[Document] | None = None, mode: str = "app",
             library: bool | None = None) -> SeedreadApp:
    state = ReaderState.load(tmp_path / "state.json")
    # The review store goes to tmp_path, never next to the repository's seed.
    review = ReviewService("tester", folder_of=lambda path: tmp_path)
    return SeedreadApp(documents or [seed()], LayoutOptions(mode=mode), state=state,
                       analyzer=analysis_of, library=library, review=review)


async def settle(app: SeedreadApp, pilot, timeout: float = 20.0) -> None:
    """Let the background work start (it waits for the first frame), finish, and the screen
    catch up; fails (instead of hanging) when it does not finish in `timeout` seconds."""
    await pilot.pause(BACKGROUND_DELAY + 0.05)
    deadline = time.monotonic() + timeout
    while background.running():
        assert time.monotonic() < deadline, "background work did not finish"
        await pilot.pause(0.02)
    await pilot.pause()
    await asyncio.wait_for(app.workers.wait_for_complete(), timeout)
    await pilot.pause()
