"""Tag sequences: BIO to entity spans over token indexes, and BIO to and from BILOU (the
models are trained on BILOU, which marks the last word and single-word entities)."""

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


def to_bilou(tags: list[str]) -> list[str]:
    """BIO tags as BILOU: an entity's last word is L-, a one-word entity is U-."""
    bilou = ["O"] * len(tags)
    for first, last, label in entity_spans(tags):
        if last - first == 1:
            bilou[first] = f"U-{label}"
            continue
        bilou[first] = f"B-{label}"
        bilou[first + 1 : last - 1] = [f"I-{label}"] * (last - first - 2)
        bilou[last - 1] = f"L-{label}"
    return bilou


def to_bio(tags: list[str]) -> list[str]:
    """BILOU tags as BIO: U- begins an entity, L- continues one."""
    return [
        "B-" + tag[2:] if tag[:2] == "U-" else "I-" + tag[2:] if tag[:2] == "L-" else tag
        for tag in tags
    ]
