"""Pilot tests of reading and linked-mention navigation, asserting what the user sees:
which span is marked, that it is in view, and what the status bar says."""

from __future__ import annotations

import pytest
from test_app_fixtures import make_app, occurrences, seed, settle

from seedread.app.article import ArticleView
from seedread.app.messages import LayoutProgress
from seedread.app.palette import ShapedCommandInput
from seedread.app.prompt_bar import PromptBar
from seedread.app.status_bar import StatusBar
from seedread.text.layout import LayoutOptions, single_line

pytestmark = pytest.mark.asyncio


def in_view(article: ArticleView, offset: int) -> bool:
    y = article.text_layout.y_of(offset)
    return article.scroll_y <= y < article.scroll_y + article.size.height


def walking(app) -> str:
    return app.screen.query_one(StatusBar).walking


def aleppo_status(number: int, total: int) -> str:
    return f"حلب {number}/{total}"


async def test_brackets_walk_all_mentions_in_reading_order(tmp_path):
    app = make_app(tmp_path)
    text = seed().text
    starts = sorted(m.start for word in ("حلب", "حزب الله", "روسيا") for m in occurrences(text, word))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        seen = []
        for _ in range(4):
            await pilot.press("right_square_bracket")
            seen.append(article.current[0])
        assert seen == starts[:4]
        await pilot.press("left_square_bracket")
        assert article.current[0] == starts[2]


async def test_n_walks_same_entity_wrapping_and_scrolls_into_view(tmp_path):
    app = make_app(tmp_path)
    aleppo = [m.start for m in occurrences(seed().text, "حلب")]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket")  # the first mention is حلب
        assert article.current[0] == aleppo[0]
        assert walking(app) == aleppo_status(1, len(aleppo))
        for number in range(2, len(aleppo) + 1):
            await pilot.press("n")
            await pilot.pause()
            assert article.current[0] == aleppo[number - 1]
            assert in_view(article, article.current[0])
            assert walking(app) == aleppo_status(number, len(aleppo))
        await pilot.press("n")
        assert article.current[0] == aleppo[0]
        await pilot.press("N")
        assert article.current[0] == aleppo[-1]
        assert walking(app) == aleppo_status(len(aleppo), len(aleppo))


async def test_ctrl_o_goes_back_and_ctrl_i_forward(tmp_path):
    app = make_app(tmp_path)
    aleppo = [m.start for m in occurrences(seed().text, "حلب")]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket", "N")
        assert article.current[0] == aleppo[-1]
        assert in_view(article, aleppo[-1])
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert article.current[0] == aleppo[0]
        assert in_view(article, aleppo[0])
        await pilot.press("ctrl+o")
        assert article.current is None
        assert article.scroll_y == 0
        await pilot.press("ctrl+i")
        assert article.current[0] == aleppo[0]
        await pilot.press("ctrl+i")
        assert article.current[0] == aleppo[-1]


async def test_scroll_keys(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("j", "j", "down")
        assert article.scroll_y == 3
        await pilot.press("k", "up")
        assert article.scroll_y == 1
        await pilot.press("space")
        page = article.size.height - 1
        assert article.scroll_y == 1 + page
        await pilot.press("b")
        assert article.scroll_y == 1
        await pilot.press("pagedown", "pageup")
        assert article.scroll_y == 1
        await pilot.press("G")
        assert article.scroll_y == article.max_scroll_y > 0
        await pilot.press("g")
        assert article.scroll_y == 0
        await pilot.press("end", "home")
        assert article.scroll_y == 0


async def test_percent_goes_to_place_and_is_a_jump(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("percent_sign", "5", "0", "enter")
        await pilot.pause()
        assert article.scroll_y == round(article.text_layout.line_count / 2)
        await pilot.press("ctrl+o")
        assert article.scroll_y == 0
        await pilot.press("percent_sign", "x", "enter")
        assert article.scroll_y == 0


async def test_search_matches_through_clitics_and_n_walks_hits(tmp_path):
    app = make_app(tmp_path)
    text = seed().text
    with_clitic = text.find("لروسيا")
    assert with_clitic >= 0
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"روسيا", "enter")
        await settle(app, pilot)
        hits = app.screen.hits
        assert with_clitic in [start for start, _ in hits]
        assert all("روسي" in text[start:end] for start, end in hits)
        assert article.current[0] == hits[0][0]
        assert walking(app).endswith(f"1/{len(hits)}")
        await pilot.press("n")
        assert article.current[0] == hits[1][0]
        await pilot.press("N", "N")
        assert article.current[0] == hits[-1][0]
        await pilot.press("escape")
        assert app.screen.hits == []


async def test_search_ignores_harakat_and_alef_variants(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"الاكاديمية", "enter")  # the text has الأكاديمية
        await settle(app, pilot)
        assert len(app.screen.hits) == 1
        await pilot.press("slash", *"حَلَب", "enter")
        await settle(app, pilot)
        assert len(app.screen.hits) == len(occurrences(seed().text, "حلب"))


async def test_article_lines_are_the_layout_engines(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        width = article.text_layout.width
        for y in range(article.size.height):
            found = article.text_layout.line(y)
            drawn = article.render_line(y).text
            expected = found[0].padded(width) if found else ""
            assert drawn.rstrip() == expected.rstrip()
            assert len(drawn) == width
        assert width >= 60


async def test_resize_rewraps_and_keeps_place(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        wide = article.text_layout.width
        await pilot.press("percent_sign", "6", "0", "enter")
        top = article.top_offset
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert article.text_layout.width < wide
        y = article.text_layout.y_of(top)
        assert article.scroll_y == y


async def test_status_bar_text_is_shaped(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        bar = app.screen.query_one(StatusBar)
        rendered = bar.render().plain
        total = len(occurrences(seed().text, "حلب"))
        assert single_line(aleppo_status(1, total), None, LayoutOptions()).text in rendered
        assert "حلب" not in rendered  # never the logical, unshaped form


async def test_an_arabic_query_is_shown_shaped_while_typed(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"حزب الله")
        prompt = app.screen.query_one(PromptBar)
        drawn = prompt.render_line(0).text.strip()
        assert drawn == single_line("حزب الله").text  # joined and right to left
        assert drawn != "حزب الله"


async def test_the_palette_shows_an_arabic_query_shaped(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"روسيا")
        await pilot.pause()
        palette_input = app.screen.query_one(ShapedCommandInput)
        assert palette_input.value == "روسيا"
        drawn = palette_input.render_line(0).text.strip()
        assert drawn == single_line("روسيا").text


async def test_background_layout_progress_shows_until_done(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        status = app.screen.query_one(StatusBar)
        article.post_message(LayoutProgress(40, 100))
        await pilot.pause()
        assert "layout 40%" in str(status.render())
        article.post_message(LayoutProgress(100, 100))
        await pilot.pause()
        assert "layout" not in str(status.render())
