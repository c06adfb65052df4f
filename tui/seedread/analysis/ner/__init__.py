"""Learned Arabic named-entity recognition (CRF trained on ANERcorp, shipped in the package).

Public API:
- `tag(tokens) -> list[str]`: BIO tags over PERS, LOC, ORG, MISC for one sentence.
- `tag_text(text) -> list[(start, end, label)]`: entities of raw text in code-point offsets.
"""

from seedread.analysis.ner.tagger import LABELS, tag, tag_text

__all__ = ["LABELS", "tag", "tag_text"]
