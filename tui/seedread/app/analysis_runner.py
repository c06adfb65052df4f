"""Running the extractor for the app: off the UI thread, one analysis per document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from seedread.analysis.model import Analysis
from seedread.text.document import Document

Analyzer = Callable[[Document, "dt.date | None"], Analysis]


def default_analyzer(document: Document, date: dt.date | None, model: bool = True) -> Analysis:
    """seedread's extractor, the same pipeline and the same folder gazetteer as `extract` and
    `export` (imported and its model loaded on first use, off the UI thread, so the first
    frame does not wait for them)."""
    from seedread.analysis import analyze

    return analyze(document, date=date, user_data_dir=document.home, model=model)


def rules_analyzer(document: Document, date: dt.date | None) -> Analysis:
    """The extractor without the learned model (`seedread PATH… --no-model`)."""
    return default_analyzer(document, date, model=False)
