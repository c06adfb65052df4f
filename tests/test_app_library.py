"""Pilot tests of the library screen and of what the reader remembers between runs."""

from __future__ import annotations

import pytest
from test_app_fixtures import make_app, seed, settle
from textual.widgets import DataTable

from seedread.app.article import ArticleView
from seedread.app.library_screen import LibraryScreen
from seedread.app.reader_screen import ReaderScreen
from seedread.app.state import ReaderState
from seedread.text.document import parse_text
from seedread.text.layout import LayoutOptions, single_line

pytestmark = pytest.mark.asyncio


def library_documents():
    other = parse_text("# Moscow and Damascus\n\nThe Kremlin said on Monday.\n", "other.md")
    return [seed(), other]


async def test_library_lists_shaped_titles_and_opens_and_returns(tmp_path):
    documents = library_documents()
    app = make_app(tmp_path, documents)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        title = table.get_row_at(0)[0].plain
        shaped_start = single_line(seed().title, None, LayoutOptions()).text[-20:]
        assert title.rstrip().endswith(shaped_start)
        assert table.get_row_at(0)[2].plain == "3"  # entity count filled in by the worker
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.document is documents[0]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_library_filter_matches_titles_arabic_aware(tmp_path):
    app = make_app(tmp_path, library_documents())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("slash", *"kremlin")
        assert table.row_count == 0
        await pilot.press(*["backspace"] * 7, *"moscow")
        assert table.row_count == 1
        await pilot.press(*["backspace"] * 6, *"غزوه")  # ة typed as ه still matches
        assert table.row_count == 1
        await pilot.press("enter", "escape")
        assert table.row_count == 2


async def test_reopening_returns_to_the_place_left(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "space")
        top = app.screen.query_one(ArticleView).top_offset
        assert top > 0
        await pilot.press("q")
    state = ReaderState.load(tmp_path / "state.json")
    assert state.position(seed().sha256) == top
    assert state.last_document == str(seed().path)
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.screen.query_one(ArticleView).top_offset == top


async def test_damaged_state_file_means_a_fresh_start(tmp_path):
    (tmp_path / "state.json").write_text("{not json", encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one(ArticleView).scroll_y == 0
