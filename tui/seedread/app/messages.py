"""Messages the reader's widgets send up to the screen that owns the navigation."""

from __future__ import annotations

from textual.message import Message

from seedread.app.navigation import Target


class JumpRequested(Message):
    """A side pane (or the palette) asks for a span of the article to be shown and marked."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target


class ArticleMoved(Message):
    """The article scrolled; the status bar shows the new place."""

    def __init__(self, top: int, percent: int) -> None:
        super().__init__()
        self.top = top
        self.percent = percent


class LayoutProgress(Message):
    """The background layout prepared more paragraphs."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class AnalysisDone(Message):
    """The background analysis finished: `analysis`, or `problem` (one line) if it failed."""

    def __init__(self, analysis: object | None, problem: str | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        self.problem = problem


class HitsFound(Message):
    """The background search finished."""

    def __init__(self, query: str, hits: list[tuple[int, int]]) -> None:
        super().__init__()
        self.query = query
        self.hits = hits
