"""seedread.analysis: entities with linked mentions, a timeline and a glossary for a
Document, offline and without Textual. Call `analyze(document)`."""

from __future__ import annotations

from seedread.analysis.pipeline import analyze, merge_candidates

__all__ = ["analyze", "merge_candidates"]
