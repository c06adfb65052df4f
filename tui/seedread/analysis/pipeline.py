"""analyze(): a Document in, an Analysis out (entities, timeline, glossary)."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable
from pathlib import Path

from seedread.analysis import gazetteer as gazetteers
from seedread.analysis.entities import find_candidates
from seedread.analysis.glossary import build_glossary
from seedread.analysis.linking import Candidate, link
from seedread.analysis.model import Analysis
from seedread.analysis.timeline import build_timeline
from seedread.analysis.tokens import tokenize


def document_date(document, date: dt.date | None = None) -> dt.date | None:
    """The date relative expressions resolve against: `date`, else front matter `date:`."""
    if date is not None:
        return date
    raw = (getattr(document, "meta", None) or {}).get("date")
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(str(raw).strip()[:10])
    except ValueError:
        return None


def _body(document) -> str:
    """The text with front matter blanked out (same length, so offsets stay true)."""
    paragraphs = getattr(document, "paragraphs", ())
    start = paragraphs[0].start if paragraphs else 0
    return " " * start + document.text[start:] if start else document.text


def _paragraph_spans(document, text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, or the whole text when the document lists none."""
    spans = [(p.start, p.end) for p in getattr(document, "paragraphs", ())]
    return spans or [(0, len(text))]


def analyze(
    document,
    date: dt.date | None = None,
    user_data_dir: Path | str | None = None,
    extra: Iterable[Candidate] = (),
    model: bool = True,
) -> Analysis:
    """Entities, timeline and glossary of `document`.

    `user_data_dir` is the folder whose `.seedread/gazetteer.toml` adds names (raises
    `gazetteer.GazetteerError` with a one-line reason when that file is bad). `extra` are
    candidate mentions from another recogniser, linked together with the rules' and the
    gazetteer's. With `model` (the default; `--no-model` turns it off) the learned NER model's
    spans win and the rules and gazetteer fill its gaps (model_candidates.combine): on news
    the project was not built from that scores far higher than the rules alone
    (train/README.md, train/crossval.py).
    """
    known = gazetteers.load(user_data_dir)
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects, none of them in a cycle
    try:
        return _analyze(document, known, document_date(document, date), extra, model)
    finally:
        if collecting:
            gc.enable()


def _analyze(
    document, known, reference: dt.date | None, extra: Iterable[Candidate], model: bool
) -> Analysis:
    text = _body(document)
    tokens = tokenize(text)
    candidates = find_candidates(text, tokens, known)
    candidates.extend(extra)
    if model:
        from seedread.analysis.model_candidates import combine  # loads the model

        candidates = combine(text, _paragraph_spans(document, text), tokens, candidates)
    entities = link(text, tokens, candidates, known)
    return Analysis(
        path=str(document.path),
        sha256=document.sha256,
        title=document.title,
        entities=entities,
        timeline=build_timeline(text, tokens, entities, reference),
        glossary=build_glossary(text, tokens, entities, known),
    )


def merge_candidates(
    document, candidates: Iterable[Candidate], date: dt.date | None = None,
    user_data_dir: Path | str | None = None,
) -> Analysis:
    """The analysis with another recogniser's mentions merged in and linked (the seam for
    another recogniser: its candidates take the shipped model's place beside the rules')."""
    return analyze(document, date=date, user_data_dir=user_data_dir, extra=candidates,
                   model=False)
