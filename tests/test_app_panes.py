"""Pilot tests of the side panes, the help, the palette, bidi switching and the narrow
(80x24) and wide (140x40) arrangements."""

from __future__ import annotations

import pytest
from test_app_fixtures import analysis_of, make_app, occurrences, seed, settle
from textual.widgets import OptionList

from seedread.app.article import ArticleView
from seedread.app.entities_pane import EntitiesPane
from seedread.app.help_screen import HelpScreen
from seedread.app.status_bar import StatusBar

pytestmark = pytest.mark.asyncio


async def test_tab_cycles_panes_and_shows_them_at_80_columns(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        side = app.screen.query_one("#side")
        assert not side.display or side.region.height == 0
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["entities", "timeline", "glossary", "article"]
        assert side.region.height > 0
        assert app.screen.query_one("#entities").region.height == 0  # one tab shown at a time
        await pilot.press("shift+tab")
        assert app.focused.id == "glossary"
        assert app.screen.query_one("#glossary").region.height > 0
        assert app.screen.query_one(ArticleView).region.width == 80
        await pilot.press("p")
        assert app.focused.id == "article"
        assert side.region.height == 0


async def test_wide_screen_puts_all_panes_beside_the_article(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView).region
        for name in ("entities", "timeline", "glossary"):
            pane = app.screen.query_one(f"#{name}").region
            assert pane.height > 0 and pane.x >= article.right
        assert article.width >= 60


async def test_enter_on_a_mention_in_the_entities_pane_jumps_to_it(tmp_path):
    app = make_app(tmp_path)
    hezbollah = [m.start for m in occurrences(seed().text, "حزب الله")]
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        tree = app.screen.query_one(EntitiesPane)
        node = tree._entity_nodes["hezbollah"]
        node.expand()
        await pilot.pause()
        tree.focus()
        tree.move_cursor(node.children[1])
        await pilot.press("enter")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert article.current == (hezbollah[1], hezbollah[1] + len("حزب الله"))
        assert app.screen.query_one(StatusBar).walking.endswith(f"2/{len(hezbollah)}")
        tree.move_cursor(node)
        await pilot.press("enter")
        assert article.current[0] == hezbollah[0]


async def test_enter_on_a_mention_in_the_article_selects_its_entity(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        tree = app.screen.query_one(EntitiesPane)
        assert app.focused is tree
        assert tree.cursor_node.data.id == "aleppo"
        assert tree.region.height > 0


async def test_timeline_and_glossary_enter_jump_to_their_phrases(tmp_path):
    app = make_app(tmp_path)
    analysis = analysis_of(seed())
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        timeline = app.screen.query_one("#timeline", OptionList)
        timeline.focus()
        timeline.highlighted = 0
        await pilot.press("enter")
        entry = analysis.timeline[0]
        assert article.current == (entry.start, entry.end)
        glossary = app.screen.query_one("#glossary", OptionList)
        glossary.focus()
        glossary.highlighted = 0
        await pilot.press("enter")
        span = analysis.glossary[0].mentions[0]
        assert article.current == (span.start, span.end)
        await pilot.press("ctrl+o")
        assert article.current == (entry.start, entry.end)


async def test_help_lists_the_live_bindings(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {description: key for key, description, _ in app.screen.rows}
        assert described["Next mention"] == "]"
        assert described["Next same"] == "n"
        assert "j" in described["Line down"]
        assert "Toggle bidi mode" in described
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_t_switches_to_terminal_mode_and_back(tmp_path):
    app = make_app(tmp_path)
    text = seed().text
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.query_one(StatusBar).bidi == "terminal"
        first = article.render_line(0).text.rstrip()
        assert text.startswith(first)  # logical order, unshaped, not padded
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert article.render_line(0).text.rstrip() != first
        assert app.state.bidi["unknown"] == "app"


async def test_calibration_answer_sets_and_remembers_the_mode(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert app.options.mode == "terminal"
        assert app.state.bidi["unknown"] == "terminal"


async def test_palette_jumps_to_an_entity_by_romanisation(tmp_path):
    app = make_app(tmp_path)
    russia = occurrences(seed().text, "روسيا")[0].start
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Russia")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ArticleView).current[0] == russia


async def test_themes_are_registered_and_switch(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for name in ("seedread-dark", "seedread-light", "seedread-high-contrast"):
            assert name in app.available_themes
        article = app.screen.query_one(ArticleView)
        dark = article.get_component_rich_style("article--loc").color
        app.theme = "seedread-light"
        await pilot.pause()
        assert article.get_component_rich_style("article--loc").color != dark
        assert app.state.theme == "seedread-light"
