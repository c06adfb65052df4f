"""The library: the articles given on the command line, with their shaped titles, size,
entity count, review progress and where the reader left them. Enter opens one; `/` filters."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from seedread.analysis.normalize import normalize_word
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


class LibraryScreen(Screen):
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="library.filter"),
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

    def _shown(self) -> list[Document]:
        if not self.filter:
            return self.documents
        wanted = _matching_form(self.filter)
        return [
            document for document in self.documents
            if wanted in _matching_form(document.title) or wanted in str(document.path).casefold()
        ]

    def _fill(self) -> None:
        """(Re)build the rows, keeping the cursor on the same document."""
        table = self.query_one(DataTable)
        current = self._document_at_cursor()
        if current is None and self.app.state.last_document:
            current = next((d for d in self.documents if str(d.path) == self.app.state.last_document), None)
        title_width = max(16, self.size.width - FIXED_COLUMNS)
        table.clear(columns=True)
        table.add_column("Title", width=title_width, key="title")
        table.add_column("Words", key="words")
        table.add_column("Entities", key="entities")
        table.add_column("Reviewed", key="reviewed")
        table.add_column("Read", key="read")
        state = self.app.state
        for document in self._shown():
            title = shaped_aligned(document.title, self.options, title_width)
            count = self.entity_counts.get(document.sha256)
            progress = state.progress(document.sha256)
            table.add_row(
                title,
                Text(f"{document.words:,}", justify="right"),
                Text(MISSING if count is None else str(count), justify="right"),
                Text(self.review_progress.get(document.sha256, MISSING), justify="right"),
                Text(MISSING if progress is None else f"{progress}%", justify="right"),
                key=str(document.path),
            )
        if current is not None and str(current.path) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current.path)))

    def _document_at_cursor(self) -> Document | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return next((d for d in self.documents if str(d.path) == key), None)

    @work(thread=True, exclusive=True, group="library-analysis")
    def _count_entities(self) -> None:
        """Entity counts and review progress fill in as the extractor gets through the
        folder."""
        service = self.app.review
        for document in self.documents:
            try:
                analysis = self.app.analysis_of(document)
            except Exception:  # one bad article must not stop the rest
                continue
            try:
                progress = service.call_blocking(service.progress_of, document, analysis)
                reviewed = f"{progress.reviewed}/{progress.total}"
            except ReviewStoreError:
                reviewed = "error"  # the reader says why when the article is opened
            self.app.call_from_thread(self._show_count, document, len(analysis.entities), reviewed)

    def _show_count(self, document: Document, count: int, reviewed: str) -> None:
        self.entity_counts[document.sha256] = count
        self.review_progress[document.sha256] = reviewed
        table = self.query_one(DataTable)
        key = str(document.path)
        if key in table.rows:
            table.update_cell(key, "entities", Text(str(count), justify="right"))
            table.update_cell(key, "reviewed", Text(reviewed, justify="right"))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        document = next((d for d in self.documents if str(d.path) == event.row_key.value), None)
        if document is not None:
            self.app.open_document(document, standalone=False)

    def action_filter(self) -> None:
        self.query_one(PromptBar).ask("filter", "filter titles (Enter to keep, Esc to clear)")

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter = event.value
        self._fill()

    @on(PromptBar.Answered)
    def _filter_kept(self, message: PromptBar.Answered) -> None:
        self.query_one(DataTable).focus()

    def action_clear_filter(self) -> None:
        if self.filter:
            self.filter = ""
            self._fill()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(binding_rows(self)))

