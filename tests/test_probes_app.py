"""Hostile-input probes of the reader app (issue 10): each one crashed, hung or lost a
decision before it was fixed. Add new probes here; keep each to what a user would notice."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from test_app_fixtures import analysis_of, make_app, seed, settle
from textual import events
from textual.theme import BUILTIN_THEMES
from textual.widgets import DataTable

from seedread.app.app import SeedreadApp
from seedread.app.library_screen import LibraryScreen
from seedread.app.prompt_bar import PromptBar
from seedread.app.reader_screen import ReaderScreen
from seedread.app.review_service import ReviewService
from seedread.app.state import ReaderState
from seedread.app.status_bar import StatusBar
from seedread.review import ReviewStore
from seedread.text.document import parse_text
from seedread.text.layout import LayoutOptions

pytestmark = pytest.mark.asyncio


def toasts(app) -> list[str]:
    """The text of every notification on screen."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def app_with(tmp_path, documents=None, analyzer=analysis_of, theme=None, library=None) -> SeedreadApp:
    state = ReaderState.load(tmp_path / "state.json")
    review = ReviewService("tester", folder_of=lambda document: tmp_path)
    return SeedreadApp(documents or [seed()], LayoutOptions(mode="app"), state=state,
                       analyzer=analyzer, theme=theme, library=library, review=review)


# Themes


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
async def test_every_textual_theme_starts_the_reader_and_is_remembered(tmp_path, theme):
    app = app_with(tmp_path, theme=theme)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
    assert app.return_code in (None, 0)
    assert ReaderState.load(tmp_path / "state.json").theme == theme
    again = app_with(tmp_path)  # the saved theme comes back
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        assert again.theme == theme


BROKEN_THEMES = {
    "not-toml.toml": "name = 'x\n",
    "unknown-key.toml": 'name = "x"\nprimary = "#112233"\nsparkle = true\n',
    "bad-colour.toml": 'name = "x"\nprimary = "#11223"\n',
    "bad-variable.toml": 'name = "x"\nprimary = "#112233"\n[variables]\nentity-per = "[b]red"\n',
    "variables-not-table.toml": 'name = "x"\nprimary = "#112233"\nvariables = 3\n',
    "no-name.toml": 'primary = "#112233"\n',
}


@pytest.mark.parametrize("name", sorted(BROKEN_THEMES))
async def test_a_malformed_theme_file_is_left_out_with_one_line(tmp_path, name):
    (tmp_path / name).write_text(BROKEN_THEMES[name], encoding="utf-8")
    (tmp_path / "good.toml").write_text('name = "good"\nprimary = "#112233"\n', encoding="utf-8")
    from seedread.app.themes import load_themes

    loaded = load_themes(tmp_path)
    assert [theme.name for theme in loaded.themes] == ["good"]
    assert len(loaded.problems) == 1 and "\n" not in loaded.problems[0]
    assert name in loaded.problems[0]


# Document and user text is never markup


MARKUP = ["[/]", "[link=x]y[/link]", "[/foo]", "\\[x]"]


@pytest.mark.parametrize("query", MARKUP)
async def test_searching_for_markup_says_not_found_in_plain_text(tmp_path, query):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *query, "enter")
        await settle(app, pilot)
        assert any(f"Not found: {query}" in text for text in toasts(app)), toasts(app)


@pytest.mark.parametrize("typed", MARKUP)
async def test_a_markup_percentage_is_refused_in_plain_text(tmp_path, typed):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("percent_sign", *typed, "enter")
        await pilot.pause()
        assert any(typed in text for text in toasts(app)), toasts(app)


async def test_a_folder_with_brackets_in_its_name_is_shown_as_named(tmp_path):
    """The review store's error names the folder; `[/]` in its path is text."""
    folder = tmp_path / "x[" / "]news[bold"
    (folder / ".seedread" / "review.db").mkdir(parents=True)  # a store that cannot be opened
    document = parse_text(seed().text, folder / "a.txt")
    state = ReaderState.load(tmp_path / "state.json")
    app = SeedreadApp([document], LayoutOptions(mode="app"), state=state, analyzer=analysis_of,
                      review=ReviewService("tester", folder_of=lambda document: Path(document.path).parent))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one(StatusBar).review == "review off (store error)"
        assert any("x[/]news[bold" in text for text in toasts(app)), toasts(app)


async def test_an_analysis_error_with_markup_is_shown_as_an_error(tmp_path):
    def broken(document, date):
        raise IndexError("[/] list index out of range")

    app = app_with(tmp_path, analyzer=broken)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert any("Analysis failed" in text and "[/]" in text for text in toasts(app))
        assert "analysis failed" in app.screen.query_one(StatusBar).busy
        await pilot.press("a")
        await pilot.pause()
        assert not any("still being analysed" in text for text in toasts(app))
        assert any("Review is off: the analysis failed" in text for text in toasts(app))


# The library


@pytest.mark.parametrize("copies", [2, 3])
async def test_the_same_article_given_twice_is_listed_twice_without_a_crash(tmp_path, copies):
    app = app_with(tmp_path, documents=[seed()] * copies + [parse_text("# x\n\nAleppo.\n", "x.md")])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == copies + 1
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(PromptBar).display is False


# Keys typed in one burst


KEY_NAMES = {"/": "slash", "%": "percent_sign", "]": "right_square_bracket", "\r": "enter",
             "\x1b": "escape"}


def burst(app, typed: str) -> None:
    """Every key of `typed` queued at once, as from one read of the terminal (a paste, an
    SSH packet): none is handled before the next arrives."""
    for char in typed:
        app.post_message(events.Key(KEY_NAMES.get(char, char), None if char in "\r\x1b" else char))


def stored_log(folder) -> list:
    store = ReviewStore.open(folder, create=False)
    if store is None:
        return []
    with store:
        return store.document(seed()).log()


@pytest.mark.parametrize("typed", ["/abc", "/dog", "/axdAX", "%ax", "%tu"])
async def test_keys_typed_in_a_burst_after_a_prompt_key_all_go_to_the_prompt(tmp_path, typed):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        burst(app, typed)
        await settle(app, pilot)
        assert app.screen.query_one(PromptBar).value == typed[1:]
        assert app.screen.input_mode == "prompt"
        assert app.screen.query_one(StatusBar).review.startswith("0/")
    assert stored_log(tmp_path) == []


async def test_keys_after_enter_in_the_same_burst_are_reading_keys_again(tmp_path):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        burst(app, "/zzz\r]a")
        await settle(app, pilot)
        assert app.screen.query_one(PromptBar).display is False
        assert app.screen.query_one(StatusBar).review.startswith("1/")
    assert [d.action for d in stored_log(tmp_path)] == ["accept"]


async def test_escape_in_a_burst_gives_the_next_keys_back_to_reading(tmp_path):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        burst(app, "%5\x1b]x")
        await settle(app, pilot)
        assert app.screen.input_mode == "reading"
    assert [d.action for d in stored_log(tmp_path)] == ["reject"]


@pytest.mark.parametrize("typed", ["]aq", "]a]x]aq", "]xu]aq"])
async def test_decisions_typed_ahead_of_q_are_stored_before_the_reader_exits(tmp_path, typed):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        burst(app, typed)
        deadline = time.monotonic() + 10
        while app.return_code is None:
            assert time.monotonic() < deadline, "the reader did not quit"
            await asyncio.sleep(0.02)
    actions = [d.action for d in stored_log(tmp_path)]
    assert actions == [{"a": "accept", "x": "reject", "u": "undo"}[c] for c in typed if c in "axu"]


# A retype is a decision


async def test_a_retype_counts_as_reviewed_shows_in_the_pane_and_is_exported(tmp_path):
    from seedread.review.export import ExportItem, entity_spans

    app = app_with(tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        first = app.screen.current
        await pilot.press("t", "3")  # 3 = ORG
        await settle(app, pilot)
        assert app.screen.query_one(StatusBar).review.startswith("1/")
        assert (app.screen.current.start, app.screen.current.end) != (first.start, first.end)
        pane = app.screen.query_one("#entities")
        groups = [str(node.label) for node in pane.root.children]
        entity = next(node for group in pane.root.children for node in group.children
                      if node.data is not None and node.data.id == first.entity_id)
        assert str(entity.parent.label).startswith("Organisations"), groups
    with ReviewStore.open(tmp_path, create=False) as store:
        review = store.document(seed())
        view = review.reviewed(analysis_of(seed()))
    kept = entity_spans(ExportItem(seed(), review.path, view), only_reviewed=True)
    assert [(m.start, m.label, m.status) for m in kept] == [(first.start, "ORG", "accepted")]


# A locked database


async def test_review_comes_back_once_a_database_lock_clears(tmp_path):
    import sqlite3

    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "a")
        await settle(app, pilot)
        status = app.screen.query_one(StatusBar)
        assert status.review.startswith("1/")
        other = sqlite3.connect(tmp_path / ".seedread" / "review.db", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # another process holds the database
        await pilot.press("a")
        deadline = time.monotonic() + 20
        while "paused" not in status.review:
            assert time.monotonic() < deadline, status.review
            await pilot.pause(0.1)
        other.execute("ROLLBACK")
        other.close()
        while not status.review.startswith("1/"):
            assert time.monotonic() < deadline, status.review
            await pilot.pause(0.1)
        await pilot.press("right_square_bracket", "a")
        await settle(app, pilot)
        assert status.review.startswith("2/")
    assert [d.action for d in stored_log(tmp_path)] == ["accept", "accept"]


# Two readers on the same article


async def test_a_decision_made_elsewhere_is_shown_and_the_stale_key_not_applied(tmp_path):
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "a")
        await settle(app, pilot)
        marked = app.screen.current
        with ReviewStore.open(tmp_path, reviewer="sam") as store:  # a second reader
            review = store.document(seed())
            review.reject(review.reviewed(analysis_of(seed())).mention(f"{marked.start}:{marked.end}"))
        await pilot.press("a")
        await settle(app, pilot)
        status = app.screen.query_one(StatusBar).review
        assert "changed by sam" in status and status.startswith("2/")
        assert any("changed elsewhere" in text for text in toasts(app))
        shown = app.screen.reviewed.mention(f"{marked.start}:{marked.end}")
        assert (shown.status, shown.reviewer) == ("rejected", "sam")
        await pilot.press("a")  # now the screen shows the stored state: the key applies
        await settle(app, pilot)
    assert [(d.action, d.reviewer) for d in stored_log(tmp_path)] == [
        ("accept", "tester"), ("reject", "sam"), ("accept", "tester")]
