"""Score the timeline against the date gold (tests/gold/dates): per category, the share of
gold expressions whose value the timeline gets right (recall), and the share of timeline
entries that are right (precision), on the dev or held-out articles.

An entry is right when it overlaps a gold expression and its value matches: equal, the
document date for PRESENT_REF («اليوم» meaning nowadays), or more precise than the gold
(2002-07-03 for «منذ أربعة أعوام» = 2002). An entry on a gold "unknown" is right only
when it is itself unresolved (X or P in it); one on a not-date or on no gold is wrong —
the annotated articles are annotated exhaustively.

Usage: python train/score_dates.py [--split dev|held-out|blind|all] [--errors]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
from pathlib import Path

from seedread.analysis.pipeline import analyze
from seedread.text.document import parse_text

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "dates"


def load(split: str) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = collections.defaultdict(list)
    for line in (GOLD / "dates.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if split in ("all", row["split"]):
            by_article[row["article"]].append(row)
    return by_article


def unresolved(value: str) -> bool:
    return "X" in value or "P" in value


def matches(value: str, gold: str, reference: str) -> bool:
    if gold == "PRESENT_REF":
        return value in (reference, "PRESENT_REF")
    return value == gold or (len(value) > len(gold) and value.startswith(gold)
                             and value[len(gold)] == "-" and "/" not in gold)


def score(split: str, errors: bool = False) -> tuple[dict, tuple[int, int]]:
    recall: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    right_entries = total_entries = 0
    for article, rows in sorted(load(split).items()):
        text = (GOLD / "articles" / f"{article}.txt").read_text(encoding="utf-8")
        reference = rows[0]["document_date"]
        document = parse_text(text, article)
        assert document.text == text, "the scorer needs offsets into the raw text"
        timeline = analyze(document, date=dt.date.fromisoformat(reference)).timeline
        for row in rows:
            if row["value"] in (None, "unknown"):
                continue
            over = [e for e in timeline if e.start < row["end"] and row["start"] < e.end]
            good = any(matches(e.value, row["value"], reference) for e in over)
            recall[row["category"]][0] += good
            recall[row["category"]][1] += 1
            if errors and not good:
                print(f"MISS {article} {row['category']:15} «{row['text']}» want {row['value']}"
                      f" got {[(e.text, e.value) for e in over]}")
        for entry in timeline:
            total_entries += 1
            over = [r for r in rows if r["start"] < entry.end and entry.start < r["end"]]
            good = any(
                (r["value"] not in (None, "unknown") and matches(entry.value, r["value"], reference))
                or (r["value"] == "unknown" and unresolved(entry.value))
                for r in over
            )
            right_entries += good
            if errors and not good:
                print(f"WRONG {article} «{entry.text}» = {entry.value} gold "
                      f"{[(r['text'], r['value']) for r in over]}")
    return dict(recall), (right_entries, total_entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "held-out", "blind", "all"))
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong entry")
    args = parser.parse_args()
    recall, (right, total) = score(args.split, args.errors)
    print(f"| category | value right | gold |  ({args.split})")
    print("| --- | --- | --- |")
    for category, (good, count) in sorted(recall.items()):
        print(f"| {category} | {good / count:.0%} | {count} |")
    good = sum(g for g, _ in recall.values())
    count = sum(c for _, c in recall.values())
    print(f"| all | {good / count:.1%} ({good}/{count}) | {count} |")
    print(f"timeline precision: {right / max(total, 1):.1%} ({right}/{total})")


if __name__ == "__main__":
    main()
