"""One article file to the documented JSON record of `seedread extract`, with no CLI around
it, so that scripts, process pools and Dask workers can run it per file:
`seedread.analysis.extract_file(path)`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from seedread.analysis.model import Analysis
from seedread.analysis.romanize import SCHEME
from seedread.text.document import Document, load_document


def analysis_of(document: Document, date: dt.date | None = None, model: bool = True) -> Analysis:
    """`analyze` as `seedread extract` calls it: the article's folder may add names."""
    from seedread.analysis.pipeline import analyze

    return analyze(document, date=date, user_data_dir=document.home, model=model)


def as_dict(analysis: Analysis, date: dt.date | None) -> dict:
    """The documented JSON shape of one document's analysis."""
    data = analysis.to_dict()
    for entry in data["timeline"]:
        entry.pop("sort_key", None)
    return {
        "path": data["path"],
        "sha256": data["sha256"],
        "title": data["title"],
        "date": date.isoformat() if date else None,
        "romanization_scheme": SCHEME,
        "entities": data["entities"],
        "timeline": data["timeline"],
        "glossary": data["glossary"],
    }


def extract_file(path: Path | str, date: dt.date | None = None, model: bool = True) -> dict:
    """The record `seedread extract --format json` prints for the article at `path`.

    `date` resolves relative dates (default: the front matter's `date:`); `model=False`
    leaves out the learned NER model (rules and gazetteer only, as `--no-model`). Raises
    `DocumentError` for a file that cannot be opened and `GazetteerError` for a bad
    `.seedread/gazetteer.toml` next to it, each with a one-line reason.
    """
    from seedread.analysis.pipeline import document_date

    document = load_document(path)
    return as_dict(analysis_of(document, date, model), document_date(document, date))
