"""BIO tag sequences to entity spans over token indexes."""

from __future__ import annotations


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, label) for each entity; an I- tag that does not continue an entity
    of its own label starts a new one, as conlleval does."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        continues = tag.startswith("I-") and kind == label
        if label and not continues:
            spans.append((start, i, label))
            label = ""
        if kind and not continues:
            start, label = i, kind
    return spans
