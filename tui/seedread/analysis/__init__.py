"""seedread.analysis: entities with linked mentions, a timeline and a glossary for a
Document, offline and without Textual. Call `analyze(document)`, or `extract_file(path)` for
the JSON record `seedread extract` prints.

The pipeline (gazetteers, calendars, Babel) is imported on first use of `analyze`, so that
importing `seedread.analysis.model` — as the reader does before its first frame — stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from seedread.analysis.extract import extract_file
    from seedread.analysis.pipeline import analyze, merge_candidates

__all__ = ["analyze", "extract_file", "merge_candidates"]


def __getattr__(name: str) -> Any:
    if name == "extract_file":
        from seedread.analysis.extract import extract_file

        return extract_file
    if name in __all__:
        from seedread.analysis import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
