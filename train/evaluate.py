"""Entity-level exact-match precision, recall and F1 per type and micro-averaged."""

from __future__ import annotations

from seedread.analysis.ner.bio import entity_spans

TYPES = ("PERS", "LOC", "ORG", "MISC")
MAIN_TYPES = ("PERS", "LOC", "ORG")


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, tuple[float, ...]]:
    """Rows name -> (precision, recall, F1, gold count)."""
    gold_set = _entities(gold)
    pred_set = _entities(predicted)
    rows = {kind: _prf(gold_set, pred_set, (kind,)) for kind in TYPES}
    rows["micro PERS+LOC+ORG"] = _prf(gold_set, pred_set, MAIN_TYPES)
    rows["micro all"] = _prf(gold_set, pred_set, TYPES)
    return rows


def format_table(rows: dict[str, tuple[float, ...]]) -> str:
    lines = ["| type | P | R | F1 | gold |", "| --- | --- | --- | --- | --- |"]
    for name, (p, r, f, n) in rows.items():
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")
    return "\n".join(lines)


def _entities(sequences):
    return {(i, *span) for i, tags in enumerate(sequences) for span in entity_spans(tags)}


def _prf(gold, pred, kinds):
    g = {e for e in gold if e[3] in kinds}
    p = {e for e in pred if e[3] in kinds}
    hit = len(g & p)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    return precision, recall, f1, len(g)
