"""The reader: the article with the Entities, Timeline and Glossary panes, and every way of
moving through the article (mentions, same-entity walk, search, jump history)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.widgets import Footer, Tab, Tabs

from seedread.analysis.model import Analysis
from seedread.app import background
from seedread.app.article import BACKGROUND_DELAY, ArticleView
from seedread.app.entities_pane import EntitiesPane
from seedread.app.glossary_pane import GlossaryPane
from seedread.app.help_screen import HelpScreen, binding_rows
from seedread.app.messages import AnalysisDone, ArticleMoved, HitsFound, JumpRequested, LayoutProgress
from seedread.app.navigation import JumpHistory, MentionIndex, Place, Target
from seedread.app.prompt_bar import PromptBar
from seedread.app.review_keys import ReviewKeys
from seedread.app.search import find_hits
from seedread.app.selection_bar import SelectionBar
from seedread.app.status_bar import StatusBar
from seedread.app.timeline_pane import TimelinePane
from seedread.text.document import Document
from seedread.text.layout import LayoutOptions

PANES = ("entities", "timeline", "glossary")
FOCUS_ORDER = ("article", *PANES)


class ReaderScreen(ReviewKeys):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("tab", "pane(1)", "Next pane", id="reader.next_pane", show=False),
        Binding("shift+tab", "pane(-1)", "Previous pane", id="reader.previous_pane", show=False),
        Binding("right_square_bracket", "mention(1)", "Next mention", id="reader.next_mention"),
        Binding("left_square_bracket", "mention(-1)", "Previous mention", id="reader.previous_mention"),
        Binding("n", "walk(1)", "Next same", id="reader.next_same"),
        Binding("N", "walk(-1)", "Previous same", id="reader.previous_same"),
        Binding("enter", "show_entity", "Entity of mention", id="reader.show_entity", show=False),
        Binding("ctrl+o", "history(-1)", "Jump back", id="reader.jump_back", show=False),
        Binding("ctrl+i,alt+i", "history(1)", "Jump forward", id="reader.jump_forward", show=False),
        # Priority: acted on as the key is read, so the keys after it go to the prompt.
        Binding("slash", "search", "Search", id="reader.search", priority=True),
        Binding("escape", "clear_search", "Clear search", id="reader.clear_search", show=False),
        Binding("percent_sign", "go_to_percent", "Go to %", id="reader.go_to_percent", show=False,
                priority=True),
        Binding("p", "toggle_panes", "Panes", id="reader.toggle_panes"),
        Binding("question_mark", "help", "Help", id="reader.help"),
        Binding("q", "close", "Back/quit", id="reader.close"),
    ]

    def __init__(self, document: Document, options: LayoutOptions, standalone: bool) -> None:
        super().__init__()
        self.document = document
        self.options = options
        self.standalone = standalone
        self.analysis: Analysis | None = None
        self.mentions = MentionIndex([])
        self.history = JumpHistory()
        self.current: Target | None = None
        self.hits: list[tuple[int, int]] = []
        self.hit_query = ""
        self._query = ""  # the search running in the background
        self.walking_hits = False
        self.active_pane = "entities"
        self.analysis_problem: str | None = None  # why there is no analysis (it failed)
        self._leaving = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield ArticleView(self.document, self.options, id="article")
            with Vertical(id="side"):
                yield Tabs(
                    Tab("Entities", id="tab-entities"),
                    Tab("Timeline", id="tab-timeline"),
                    Tab("Glossary", id="tab-glossary"),
                    id="side-tabs",
                )
                yield EntitiesPane(id="entities")
                yield TimelinePane(id="timeline")
                yield GlossaryPane(id="glossary")
        prompt = PromptBar(id="prompt")
        prompt.display = False
        yield prompt
        selection = SelectionBar(id="selection")
        selection.display = False
        yield selection
        yield StatusBar(self.options, id="status")
        yield Footer()

    @property
    def input_mode(self) -> str:
        """Where keys go: "reading" (the reader's and review keys), "prompt" (`/`, `%`),
        "selection" (`v`) or "menu" (a question on top of the reader). The reader's own
        actions run only while reading, so a key meant for a prompt can never decide."""
        if not self.is_active:
            return "menu"
        try:
            if self.query_one(PromptBar).display:
                return "prompt"
            if self.query_one(SelectionBar).display:
                return "selection"
        except NoMatches:  # not composed yet
            pass
        return "reading"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.input_mode == "reading"

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False
        for name in PANES:
            self.query_one(f"#{name}").add_class("pane")
        self._set_active_pane("entities")
        status = self.status
        status.title = self.document.title
        status.bidi = self.options.mode
        self.article.show_offset(self.app.state.position(self.document.sha256), at_top=True)
        self.article.focus()
        cached = self.app.cached_analysis(self.document)
        if cached is not None:
            self._show_analysis(cached)
        else:
            status.busy = "analysing…"
            self.set_timer(BACKGROUND_DELAY, self._analyse)

    def _analyse(self) -> None:
        """The extractor can take seconds on a long article: it never holds up reading, nor
        quitting (see `background`)."""
        app, document = self.app, self.document

        def run() -> None:
            try:
                analysis = app.analysis_of(document)
            except Exception as exc:  # untrusted text must not take the reader down
                background.deliver(self, AnalysisDone(None, f"{type(exc).__name__}: {exc}"))
                return
            background.deliver(self, AnalysisDone(analysis))

        background.start("analysis", run)

    @on(AnalysisDone)
    def _analysed(self, message: AnalysisDone) -> None:
        if message.analysis is not None:
            self._show_analysis(message.analysis)
            return
        self.analysis_problem = message.problem
        self.status.busy = "analysis failed"
        self.notify(f"Analysis failed: {message.problem}", severity="error", timeout=15,
                    markup=False)

    def _show_analysis(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.show_entities(self.reviewed.entities if self.reviewed else analysis.entities)
        self.query_one(TimelinePane).show(analysis.timeline, self.options)
        self.query_one(GlossaryPane).show(analysis.glossary, self.options)
        self.status.busy = ""
        self.start_review()

    def show_entities(self, entities: list) -> None:
        """The extractor's entities, or after review the reviewed ones (ReviewedEntity)."""
        self.mentions = MentionIndex(entities)
        self.query_one(EntitiesPane).show(entities, self.document.text, self.options)
        self.article.set_marks(entities=entities)

    # Panes and layout

    def _set_active_pane(self, name: str) -> None:
        self.active_pane = name
        for pane in PANES:
            self.query_one(f"#{pane}").set_class(pane == name, "-active")
        self.query_one(Tabs).active = f"tab-{name}"

    @on(Tabs.TabActivated)
    def _tab_chosen(self, event: Tabs.TabActivated) -> None:
        name = (event.tab.id or "tab-entities").removeprefix("tab-")
        if name != self.active_pane:
            self._set_active_pane(name)

    def action_pane(self, step: int) -> None:
        """Tab / Shift+Tab: article, Entities, Timeline, Glossary, round again."""
        focused = self.focused.id if self.focused is not None else "article"
        index = FOCUS_ORDER.index(focused) if focused in FOCUS_ORDER else 0
        target = FOCUS_ORDER[(index + step) % len(FOCUS_ORDER)]
        if target != "article":
            self._set_active_pane(target)
            self.add_class("-show-side")
        self.query_one(f"#{target}").focus()

    def action_toggle_panes(self) -> None:
        """At 80 columns the panes fold away under the article; `p` brings them back."""
        self.toggle_class("-show-side")
        if not self.has_class("-show-side") and self.focused is not self.article:
            self.article.focus()

    # Jumps

    @property
    def place(self) -> Place:
        return Place(self.article.top_offset, self.current)

    def jump(self, target: Target, record: bool = True) -> None:
        """Mark `target`, bring it into view, and remember where we came from."""
        if record:
            self.history.record(self.place)
        self.current = target
        self.article.set_marks(current=(target.start, target.end))
        self.article.show_offset(target.start)
        self._update_walking()

    def _restore(self, place: Place) -> None:
        self.current = place.target
        self.article.set_marks(current=(place.target.start, place.target.end) if place.target else None)
        self.article.show_offset(place.top, at_top=True)
        self._update_walking()

    def _reference(self) -> int:
        """Where "next" counts from: the marked span, else the top of the view."""
        return self.current.start if self.current else self.article.top_offset - 1

    def action_mention(self, step: int) -> None:
        """`]` / `[`: the next or previous mention of any entity, in reading order."""
        if not self.mentions:
            self.notify("No mentions in this article (yet).", severity="warning", markup=False)
            return
        reference = self._reference()
        target = self.mentions.after(reference) if step > 0 else self.mentions.before(reference)
        if target is not None:
            self.walking_hits = False
            self.jump(target)

    def action_walk(self, step: int) -> None:
        """`n` / `N`: the next or previous search hit while a search is on, else the next or
        previous mention of the marked mention's entity (wrapping)."""
        if self.walking_hits and self.hits:
            self._walk_hits(step)
            return
        current = self.current
        if current is None or current.entity_id is None:
            found = self.mentions.at(self._reference()) if self.mentions else None
            if found is None:
                self.notify("Mark a mention first (] or [), then n/N walks its entity.", markup=False)
                return
            current = found
        target = self.mentions.same_entity(current, step)
        if target is not None:
            self.jump(target)

    def _walk_hits(self, step: int) -> None:
        reference = self._reference()
        if step > 0:
            following = [hit for hit in self.hits if hit[0] > reference]
            hit = following[0] if following else self.hits[0]
        else:
            preceding = [hit for hit in self.hits if hit[0] < reference]
            hit = preceding[-1] if preceding else self.hits[-1]
        self.jump(Target(*hit))

    def action_history(self, step: int) -> None:
        """ctrl+o back, ctrl+i forward through the places jumps started from."""
        place = self.history.back(self.place) if step < 0 else self.history.forward(self.place)
        if place is None:
            self.notify("No older jump." if step < 0 else "No newer jump.", markup=False)
            return
        self._restore(place)

    @on(JumpRequested)
    def _jump_requested(self, message: JumpRequested) -> None:
        self.walking_hits = False
        self.jump(message.target)

    def action_show_entity(self) -> None:
        """Enter on a marked mention: its entity in the Entities pane."""
        if self.focused is not self.article:
            return
        target = self.current if self.current and self.current.entity_id else None
        if target is None and self.mentions:
            target = self.mentions.at(self._reference())
        if target is None or target.entity_id is None:
            self.notify("No mention is marked; ] and [ mark one.", markup=False)
            return
        pane = self.query_one(EntitiesPane)
        if pane.select_entity(target.entity_id):
            self._set_active_pane("entities")
            self.add_class("-show-side")
            pane.focus()

    def _update_walking(self) -> None:
        status = self.status
        if self.walking_hits and self.hits and self.current:
            number = next((k for k, hit in enumerate(self.hits, 1) if hit[0] == self.current.start), 0)
            status.walking = f"/{self.hit_query} {number}/{len(self.hits)}"
        elif self.current and self.current.entity_id and self.analysis:
            shown = self.reviewed.entities if self.reviewed else self.analysis.entities
            entity = next((e for e in shown if e.id == self.current.entity_id), None)
            position = self.mentions.position(self.current)
            total = len(self.mentions.by_entity.get(self.current.entity_id, []))
            name = entity.name if entity else self.current.entity_id
            status.walking = f"{name} {0 if position is None else position + 1}/{total}"
        else:
            status.walking = ""

    # Search and percent

    def action_search(self) -> None:
        self.query_one(PromptBar).ask("search", "search (Arabic-aware; Enter to find, Esc to cancel)")

    def action_go_to_percent(self) -> None:
        self.query_one(PromptBar).ask("percent", "go to percent (0-100)")

    def action_clear_search(self) -> None:
        if self.hits:
            self.hits, self.hit_query, self.walking_hits = [], "", False
            self.article.set_marks(hits=[])
            self._update_walking()

    @on(PromptBar.Answered)
    def _answered(self, message: PromptBar.Answered) -> None:
        if message.purpose == "percent":
            try:
                percent = float(message.value.strip().rstrip("%"))
            except ValueError:
                self.notify(f"Not a percentage: {message.value!r}", severity="warning", markup=False)
                return
            self.history.record(self.place)
            self.article.go_to_percent(percent)
        elif message.purpose == "search" and message.value.strip():
            self._search(message.value.strip())

    def _search(self, query: str) -> None:
        text, self._query = self.document.text, query
        background.start("search",
                         lambda: background.deliver(self, HitsFound(query, find_hits(text, query))))

    @on(HitsFound)
    def _found(self, message: HitsFound) -> None:
        if message.query == self._query:  # not an older search finishing late
            self._show_hits(message.query, message.hits)

    def _show_hits(self, query: str, hits: list[tuple[int, int]]) -> None:
        self.hits, self.hit_query = hits, query
        self.article.set_marks(hits=hits)
        if not hits:
            self.walking_hits = False
            self.notify(f"Not found: {query}", severity="warning", markup=False)
            self._update_walking()
            return
        self.walking_hits = True
        self._walk_hits(1)

    # Help, bidi, leaving

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(binding_rows(self)))

    def relayout(self, options: LayoutOptions) -> None:
        """The bidi mode changed: lay out the article and every pane again."""
        self.options = options
        self.article.set_options(options)
        status = self.status
        status.options = options
        status.bidi = options.mode
        status.refresh()
        if self.analysis is not None:
            self._show_analysis(self.analysis)

    @on(ArticleMoved)
    def _moved(self, message: ArticleMoved) -> None:
        self.status.percent = message.percent

    @on(LayoutProgress)
    def _laid_out(self, message: LayoutProgress) -> None:
        done = message.done >= message.total
        self.status.layout = "" if done else f"layout {message.done * 100 // message.total}%"

    def remember_place(self) -> None:
        state = self.app.state
        state.remember(self.document.sha256, str(self.document.path), self.article.top_offset, self.article.percent)
        state.save()

    def action_close(self) -> None:
        if self._leaving:
            return
        self._leaving = True
        self.remember_place()
        self.run_worker(self._close_when_decided(), group="closing")

    async def _close_when_decided(self) -> None:
        await self.finish_decisions()
        if self.standalone:
            self.app.exit()
        else:
            self.dismiss()
