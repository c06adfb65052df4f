"""Pilot tests of the review keys: each key changes what the user sees (the mention's look in
the article's drawn line, its mark in the Entities pane, the progress in the status bar) and
what is stored (checked by opening the store afresh)."""

from __future__ import annotations

import pytest
from rich.style import Style
from test_app_fixtures import analysis_of, make_app, occurrences, seed, settle

from seedread.app.article import ArticleView
from seedread.app.entities_pane import EntitiesPane
from seedread.app.navigation import Target
from seedread.app.review_menu import TypeMenu, YesNo
from seedread.app.status_bar import StatusBar
from seedread.review import ReviewStore, unlinked_occurrences
from seedread.review.tokens import words

pytestmark = pytest.mark.asyncio

ALEPPO = [m.start for m in occurrences(seed().text, "حلب")]
TOTAL = sum(len(e.mentions) for e in analysis_of(seed()).entities)


def stored(tmp_path):
    """The decisions in force, read by a new connection as another process would."""
    with ReviewStore.open(tmp_path, create=False) as store:
        review = store.document(seed())
        return review.reviewed(analysis_of(seed()))


def span_of(mention) -> tuple[int, int]:
    return mention.start, mention.end


def progress(app) -> str:
    return app.screen.query_one(StatusBar).review


def drawn_style(app, start: int, end: int) -> Style:
    """The style the article draws the span [start, end) with, read from the rendered
    line strip (the span must not be the marked one)."""
    article = app.screen.query_one(ArticleView)
    article.show_offset(start)
    y = article.text_layout.y_of(start)
    line, _ = article.text_layout.line(y)
    visual = "".join(text for text, styles in line.runs([(start, end, "m")]) if styles)
    strip = article.render_line(y - int(article.scroll_y))
    styles = [segment.style for segment in strip if segment.text == visual]
    assert styles, f"span {start}-{end} not drawn on its own"
    return styles[0]


def pane_lines(app) -> list[str]:
    pane = app.screen.query_one(EntitiesPane)
    lines = []

    def walk(node):
        for child in node.children:
            lines.append(child.label.plain)
            walk(child)

    walk(pane.root)
    return lines


async def mark_first_aleppo(app, pilot) -> None:
    await pilot.press("right_square_bracket")
    assert app.screen.query_one(ArticleView).current[0] == ALEPPO[0]


async def test_accept_and_reject_show_everywhere_and_are_stored(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert progress(app) == f"0/{TOTAL} reviewed"
        before = drawn_style(app, ALEPPO[0], ALEPPO[0] + 3)
        assert not before.reverse and not before.strike
        await mark_first_aleppo(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        assert progress(app) == f"1/{TOTAL} reviewed"
        assert drawn_style(app, ALEPPO[0], ALEPPO[0] + 3).reverse  # accepted: solid block
        assert article.current[0] != ALEPPO[0]  # the cursor moved on
        rejected_at = article.current
        await pilot.press("x")
        await settle(app, pilot)
        assert progress(app) == f"2/{TOTAL} reviewed"
        style = drawn_style(app, *rejected_at)
        assert style.strike and not style.reverse
        assert any(line.startswith("✓ ") for line in pane_lines(app))
        assert any(line.startswith("✗ ") for line in pane_lines(app))
    view = stored(tmp_path)
    assert view.mention(f"{ALEPPO[0]}:{ALEPPO[0] + 3}").status == "accepted"
    assert view.mention(f"{rejected_at[0]}:{rejected_at[1]}").status == "rejected"
    assert view.mention(f"{ALEPPO[0]}:{ALEPPO[0] + 3}").reviewer == "tester"


async def test_after_a_decision_the_cursor_goes_to_the_next_unreviewed_mention(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        third = article.current
        await pilot.press("left_square_bracket", "left_square_bracket", "x")  # the 1st
        await settle(app, pilot)
        await pilot.press("a")  # the 2nd: the 3rd is next
        await settle(app, pilot)
        assert article.current == (third[0], third[1])
        await pilot.press("left_square_bracket", "left_square_bracket", "a")  # 1st again
        await settle(app, pilot)
        assert article.current == (third[0], third[1])  # decided ones are skipped


async def test_undo_and_redo_many_steps(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await mark_first_aleppo(app, pilot)
        await pilot.press("a", "a", "x", "a", "x")
        await settle(app, pilot)
        assert progress(app) == f"5/{TOTAL} reviewed"
        assert stored(tmp_path).progress.reviewed == 5
        await pilot.press("u", "u", "u", "u", "u")
        await settle(app, pilot)
        assert progress(app) == f"0/{TOTAL} reviewed"
        assert stored(tmp_path).progress.reviewed == 0
        article = app.screen.query_one(ArticleView)
        assert article.current[0] == ALEPPO[0]  # the last undo shows what it undid
        await pilot.press("right_square_bracket")
        assert not drawn_style(app, ALEPPO[0], ALEPPO[0] + 3).reverse
        await pilot.press("u")  # nothing left to undo: nothing changes
        await settle(app, pilot)
        await pilot.press("ctrl+r", "ctrl+r", "ctrl+r")
        await settle(app, pilot)
        assert progress(app) == f"3/{TOTAL} reviewed"
        view = stored(tmp_path)
        assert [m.status for m in view.mentions[:3]] == ["accepted", "accepted", "rejected"]
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert drawn_style(app, view.mentions[0].start, view.mentions[0].end).reverse


async def test_retype_menu_numbers_and_escape(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await mark_first_aleppo(app, pilot)
        loc_style = drawn_style(app, ALEPPO[1], ALEPPO[1] + 3)
        await pilot.press("t")
        assert isinstance(app.screen, TypeMenu)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, TypeMenu)
        await pilot.press("t", "3")  # 3 = ORG
        await settle(app, pilot)
        assert drawn_style(app, ALEPPO[0], ALEPPO[0] + 3).italic  # ORG's look
        assert not loc_style.italic
    assert stored(tmp_path).mention(f"{ALEPPO[0]}:{ALEPPO[0] + 3}").label == "ORG"
    assert len(stored(tmp_path).mentions) == TOTAL


async def test_resize_keys_move_the_visual_edges_of_an_rtl_mention(tmp_path):
    text = seed().text
    app = make_app(tmp_path)
    start, end = ALEPPO[0], ALEPPO[0] + 3
    line_words = words(text)
    before_word = max(a for a, b in line_words if b <= start)  # the word on its right on screen
    after_end = min(b for a, b in line_words if a >= end)  # the word on its left
    key = f"{start}:{end}"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await mark_first_aleppo(app, pilot)
        await pilot.press("greater_than_sign")  # grow on the right = the logical start
        await settle(app, pilot)
        assert span_of(stored(tmp_path).mention(key)) == (before_word, end)
        assert app.screen.query_one(ArticleView).current == (before_word, end)
        await pilot.press("full_stop")  # shrink on the right
        await settle(app, pilot)
        assert span_of(stored(tmp_path).mention(key)) == (start, end)
        await pilot.press("less_than_sign")  # grow on the left = the logical end
        await settle(app, pilot)
        grown = stored(tmp_path).mention(key)
        assert (grown.start, grown.end) == (start, after_end)
        await pilot.press("comma")  # shrink on the left
        await settle(app, pilot)
        assert span_of(stored(tmp_path).mention(key)) == (start, end)
        await pilot.press("comma")  # a single word cannot shrink: refused, nothing stored
        await settle(app, pilot)
        assert span_of(stored(tmp_path).mention(key)) == (start, end)
        assert len(stored(tmp_path).mentions) == TOTAL


async def test_delete_removes_the_mention(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await mark_first_aleppo(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert progress(app) == f"0/{TOTAL - 1} reviewed"
        article = app.screen.query_one(ArticleView)
        y = article.text_layout.y_of(ALEPPO[0])
        plain = {segment.style for segment in article.render_line(y - int(article.scroll_y))
                 if segment.text.strip()}
        assert len(plain) == 1  # the line is drawn all in one style: no mark is left
    assert stored(tmp_path).mention(f"{ALEPPO[0]}:{ALEPPO[0] + 3}") is None


async def test_accept_all_and_reject_all_of_an_entity_are_one_undo_step(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await mark_first_aleppo(app, pilot)
        await pilot.press("A")
        await settle(app, pilot)
        assert progress(app) == f"{len(ALEPPO)}/{TOTAL} reviewed"
        assert all(drawn_style(app, s, s + 3).reverse for s in ALEPPO)
        assert any(f"{len(ALEPPO)}/{len(ALEPPO)}✓" in line for line in pane_lines(app))
        assert {stored(tmp_path).mention(f"{s}:{s + 3}").status for s in ALEPPO} == {"accepted"}
        await pilot.press("u")
        await settle(app, pilot)
        assert progress(app) == f"0/{TOTAL} reviewed"
        assert app.screen.query_one(ArticleView).current[0] == ALEPPO[0]  # what was undone
        await pilot.press("X")
        await settle(app, pilot)
        assert all(drawn_style(app, s, s + 3).strike for s in ALEPPO)
    assert {stored(tmp_path).mention(f"{s}:{s + 3}").status for s in ALEPPO} == {"rejected"}


async def test_filter_shows_only_unreviewed_entities(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await mark_first_aleppo(app, pilot)
        await pilot.press("A", "U")
        await settle(app, pilot)
        lines = pane_lines(app)
        assert not any("Aleppo" in line for line in lines)
        assert any("Russia" in line for line in lines)
        await pilot.press("U")
        await settle(app, pilot)
        assert any("Aleppo" in line for line in pane_lines(app))


async def test_add_a_missed_entity_and_link_its_other_occurrences(tmp_path):
    text = seed().text
    word = "سوريا"
    first = next(m.start for m in occurrences(text, word) if not text[m.start - 1].isalpha())
    taken = [(m.start, m.end) for e in analysis_of(seed()).entities for m in e.mentions]
    others = unlinked_occurrences(text, first, first + len(word), taken)
    assert others  # the seed has the word more than once
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.screen.jump(Target(first, first + len(word)))  # as a search hit marks it
        await pilot.press("v")
        article = app.screen.query_one(ArticleView)
        assert article.current == (first, first + len(word))
        await pilot.press("left")  # RTL: the word on the left is the logical next one
        next_end = article.current[1]
        assert article.current[0] == first and next_end > first + len(word)
        await pilot.press("right")  # back to the one word
        assert article.current == (first, first + len(word))
        await pilot.press("enter")
        assert isinstance(app.screen, TypeMenu)
        await pilot.press("2")  # LOC
        await pilot.pause()
        assert isinstance(app.screen, YesNo)
        await pilot.press("y")
        await settle(app, pilot)
        assert progress(app) == f"{1 + len(others)}/{TOTAL + 1 + len(others)} reviewed"
        assert drawn_style(app, *others[0]).reverse
    view = stored(tmp_path)
    added = [m for m in view.mentions if m.source == "user"]
    assert [(m.start, m.end) for m in added] == [(first, first + len(word)), *others]
    assert {m.label for m in added} == {"LOC"} and len({m.entity_id for m in added}) == 1
