"""Running the extractor for the app: off the UI thread, one analysis per document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from seedread.analysis.model import Analysis
from seedread.text.document import Document

Analyzer = Callable[[Document, "dt.date | None"], Analysis]


def default_analyzer(document: Document, date: dt.date | None, model: bool = False) -> Analysis:
    """seedread's extractor (imported on first use, so the first frame does not wait for it)."""
    from seedread.analysis import analyze

    return analyze(document, date=date, model=model)


def model_analyzer(document: Document, date: dt.date | None) -> Analysis:
    """The extractor with the learned NER model's names added (`seedread PATH… --model`)."""
    return default_analyzer(document, date, model=True)
