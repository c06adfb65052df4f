"""Span-level gold for the extractor (tests/gold/*.gold.json) and its scoring.

A gold file lists entity mentions as [surface, type] in text order; each is located by
searching forward from the previous one, so the file stays readable and still names exact
code-point spans. See tests/gold/README.md for the annotation conventions.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from seedread.analysis import analyze
from seedread.analysis.model import Analysis
from seedread.text.document import load_document

GOLD = Path(__file__).resolve().parent / "gold"
SCORED_TYPES = ("PER", "LOC", "ORG", "EVENT")


@dataclass
class Gold:
    name: str
    analysis: Analysis
    text: str
    spans: set[tuple[int, int, str]]
    spec: dict


def locate(text: str, items: list[list[str]]) -> list[tuple[int, int, str]]:
    spans, position = [], 0
    for surface, kind in items:
        start = text.find(surface, position)
        if start < 0:
            raise AssertionError(f"gold mention {surface!r} not found after offset {position}")
        spans.append((start, start + len(surface), kind))
        position = start + 1
    return spans


def load_gold(name: str) -> Gold:
    spec = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    document = load_document(GOLD / spec["text"])
    date = dt.date.fromisoformat(spec["date"]) if spec["date"] else None
    analysis = analyze(document, date=date)
    spans = set(locate(document.text, spec["entities"]))
    return Gold(name, analysis, document.text, spans, spec)


def predicted(analysis: Analysis) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, e.type) for e in analysis.entities for m in e.mentions}


def scores(golds: list[Gold]) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Per type: precision, recall, F1, true positives, predicted, gold (exact spans)."""
    table = {}
    for kind in SCORED_TYPES:
        gold = {(g.name, *s) for g in golds for s in g.spans if s[2] == kind}
        guess = {(g.name, *s) for g in golds for s in predicted(g.analysis) if s[2] == kind}
        hits = len(gold & guess)
        precision = hits / len(guess) if guess else 1.0
        recall = hits / len(gold) if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[kind] = (precision, recall, f1, hits, len(guess), len(gold))
    return table


def all_gold() -> list[Gold]:
    return [load_gold(p.name.removesuffix(".gold.json")) for p in sorted(GOLD.glob("*.gold.json"))]
