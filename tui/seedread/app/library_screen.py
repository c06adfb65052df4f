"""The library: the articles given on the command line, with their shaped titles, size,
entity count, review progress and where the reader left them. Enter opens one; `/` filters."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.message import Message
from textual.widgets import DataTable, Footer, Input, Static

from seedread.analysis.normalize import normalize_word
from seedread.app import background
from seedread.app.help_screen import HelpScreen, binding_rows
from seedread.app.prompt_bar import PromptBar
from seedread.app.shaped import shaped_aligned
from seedread.review import ReviewStoreError
from seedread.text.document import Document
from seedread.text.layout import LayoutOptions

FIXED_COLUMNS = 44  # cells taken by every column but the title, with separators
MISSING = "—"


def _matching_form(text: str) -> str:
    return " ".join(normalize_word(word) for word in text.split())


class Counted(Message):
    """The background count reached one more document (its index in the library)."""

    def __init__(self, index: int, entities: int, reviewed: str) -> None:
        super().__init__()
        self.index, self.entities, self.reviewed = index, entities, reviewed


class LibraryScreen(Screen):
    BINDINGS = [
        # Priority: acted on as the key is read, so the keys after it go to the prompt.
        Binding("slash", "filter", "Filter", id="library.filter", priority=True),
        Binding("escape", "clear_filter", "Clear filter", id="library.clear_filter", show=False),
        Binding("question_mark", "help", "Help", id="library.help"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self, documents: list[Document], options: LayoutOptions) -> None:
        super().__init__()
        self.documents = documents
        self.options = options
        self.filter = ""
        self.entity_counts: dict[str, int] = {}
        self.review_progress: dict[str, str] = {}  # sha256 -> "3/52", or "error"
        self._generation = 0  # bumped by each new count, so an older one stops

    def compose(self) -> ComposeResult:
        count = len(self.documents)
        yield Static(f"seedread — {count} article{'' if count == 1 else 's'}", id="library-title")
        prompt = PromptBar(id="library-filter")
        prompt.display = False
        yield prompt
        table: DataTable = DataTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()
        self.call_after_refresh(self._count_entities)

    def on_resize(self) -> None:
        self._fill()

    def on_screen_resume(self) -> None:
        self._fill()
        self._count_entities()

    def relayout(self, options: LayoutOptions) -> None:
        self.options = options
        self._fill()

    def _shown(self) -> list[tuple[int, Document]]:
        """(index, document) of the rows shown; rows are keyed by index, so the same file
        given twice is two rows, not a crash."""
        listed = list(enumerate(self.documents))
        if not self.filter:
            return listed
        wanted = _matching_form(self.filter)
        return [
            (index, document) for index, document in listed
            if wanted in _matching_form(document.title) or wanted in str(document.path).casefold()
        ]

    def _fill(self) -> None:
        """(Re)build the rows, keeping the cursor on the same document."""
        table = self.query_one(DataTable)
        current = self._index_at_cursor()
        if current is None and self.app.state.last_document:
            current = next((i for i, d in enumerate(self.documents)
                            if str(d.path) == self.app.state.last_document), None)
        title_width = max(16, self.size.width - FIXED_COLUMNS)
        table.clear(columns=True)
        table.add_column("Title", width=title_width, key="title")
        table.add_column("Words", key="words")
        table.add_column("Entities", key="entities")
        table.add_column("Reviewed", key="reviewed")
        table.add_column("Read", key="read")
        state = self.app.state
        for index, document in self._shown():
            title = shaped_aligned(document.title, self.options, title_width)
            count = self.entity_counts.get(document.sha256)
            progress = state.progress(document.sha256)
            table.add_row(
                title,
                Text(f"{document.words:,}", justify="right"),
                Text(MISSING if count is None else str(count), justify="right"),
                Text(self.review_progress.get(document.sha256, MISSING), justify="right"),
                Text(MISSING if progress is None else f"{progress}%", justify="right"),
                key=str(index),
            )
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))

    def _index_at_cursor(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)

    def _count_entities(self) -> None:
        """Entity counts and review progress fill in as the extractor gets through the
        folder (in a daemon thread: quitting never waits for it)."""
        self._generation += 1
        generation, app, documents = self._generation, self.app, list(self.documents)
        service = app.review

        def run() -> None:
            for index, document in enumerate(documents):
                if generation != self._generation:
                    return
                try:
                    analysis = app.analysis_of(document)
                except Exception:  # one bad article must not stop the rest
                    continue
                try:
                    progress = service.call_blocking(service.progress_of, document, analysis)
                    reviewed = f"{progress.reviewed}/{progress.total}"
                except ReviewStoreError:
                    reviewed = "error"  # the reader says why when the article is opened
                except RuntimeError:  # the store thread has stopped: the app is closing
                    return
                if not background.deliver(self, Counted(index, len(analysis.entities), reviewed)):
                    return

        background.start("library", run)

    @on(Counted)
    def _show_count(self, message: Counted) -> None:
        document = self.documents[message.index]
        self.entity_counts[document.sha256] = message.entities
        self.review_progress[document.sha256] = message.reviewed
        table = self.query_one(DataTable)
        key = str(message.index)
        if key in table.rows:
            table.update_cell(key, "entities", Text(str(message.entities), justify="right"))
            table.update_cell(key, "reviewed", Text(message.reviewed, justify="right"))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_document(self.documents[int(event.row_key.value)], standalone=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the filter prompt is open every key is the prompt's."""
        return not (self.is_mounted and self.query_one(PromptBar).display)

    def action_filter(self) -> None:
        self.query_one(PromptBar).ask("filter", "filter titles (Enter to keep, Esc to clear)")

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter = event.value
        self._fill()

    def action_clear_filter(self) -> None:
        if self.filter:
            self.filter = ""
            self._fill()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(binding_rows(self)))

