"""The review store as the app meets it: a damaged database is reported and left untouched
while the article stays readable; a read-only folder's review goes to the data dir and the
status bar says so; the library shows real progress; the palette exports."""

from __future__ import annotations

import json

import pytest
from test_app_fixtures import analysis_of, make_app, seed, settle

from seedread.app.app import SeedreadApp
from seedread.app.article import ArticleView
from seedread.app.export_commands import export
from seedread.app.review_service import ReviewService
from seedread.app.state import ReaderState
from seedread.app.status_bar import StatusBar
from seedread.review import ReviewStore
from seedread.review import location as location_module
from seedread.text.layout import LayoutOptions

pytestmark = pytest.mark.asyncio
TOTAL = sum(len(e.mentions) for e in analysis_of(seed()).entities)


def messages(app) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_a_damaged_database_is_reported_never_written_and_reading_goes_on(tmp_path):
    database = tmp_path / ".seedread" / "review.db"
    database.parent.mkdir()
    damaged = b"SQLite format 3\x00" + bytes(range(256)) * 20
    database.write_bytes(damaged)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "damaged" in messages(app) and "left untouched" in messages(app)
        assert app.screen.query_one(StatusBar).review == "review off (store error)"
        await pilot.press("right_square_bracket", "a", "x", "d", "u")
        await settle(app, pilot)
        assert "Review is off" in messages(app)
        article = app.screen.query_one(ArticleView)
        assert article.current is not None  # navigation still works
        assert article.render_line(0).text.strip()  # and the article is drawn
    assert database.read_bytes() == damaged
    assert sorted(p.name for p in database.parent.iterdir()) == ["review.db"]


async def test_a_read_only_folder_keeps_the_review_in_the_data_dir_and_says_so(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setattr(location_module, "_can_write", lambda directory: False)
    review = ReviewService("tester", folder_of=lambda path: corpus)
    app = SeedreadApp([seed()], LayoutOptions(mode="app"), state=ReaderState.load(tmp_path / "s.json"),
                      analyzer=analysis_of, review=review)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "a")
        await settle(app, pilot)
        status = app.screen.query_one(StatusBar)
        assert status.review == f"1/{TOTAL} reviewed · in data dir"
        assert "in data dir" in status.render().plain
        assert "is read-only, so the review is kept in" in messages(app)
    assert not (corpus / ".seedread").exists()
    with ReviewStore.open(corpus, create=False) as store:
        assert str(tmp_path / "data-home") in str(store.location.path)
        assert store.document(seed()).reviewed(analysis_of(seed())).progress.reviewed == 1


async def test_the_library_shows_review_progress_from_the_store(tmp_path):
    with ReviewStore.open(tmp_path, reviewer="tester") as store:
        review = store.document(seed())
        view = review.reviewed(analysis_of(seed()))
        review.accept(view.mentions[:3])
    app = make_app(tmp_path, library=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one("#library-table")
        assert table.get_cell("0", "reviewed").plain == f"3/{TOTAL}"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket",
                          "right_square_bracket", "a", "q")
        await settle(app, pilot)
        assert table.get_cell("0", "reviewed").plain == f"4/{TOTAL}"


async def test_palette_export_writes_next_to_the_store_and_says_where(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "a")
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"export as jsonl")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        target = tmp_path / ".seedread" / "export" / f"{seed().path.stem}.jsonl"
        assert str(target) in messages(app)
        line = json.loads(target.read_text(encoding="utf-8"))
        assert line["meta"]["sha256"] == seed().sha256
        assert [s["status"] for s in line["spans"]].count("accepted") == 1
        brat = await app.run_worker(lambda: export(app, [seed()], "x", "brat"), thread=True).wait()
        assert brat == tmp_path / ".seedread" / "export" / "brat"
        assert any(p.suffix == ".ann" for p in brat.rglob("*"))
