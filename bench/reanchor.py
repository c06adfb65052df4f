"""Re-anchoring review decisions after an edit, against the same decisions on the unchanged
text (where every quote is still at its offset), in one run.

A 1.6 MB article (the seed repeated, so every quote occurs hundreds of times in identical
context: the worst case for choosing an occurrence) with 2,000 decisions; prints the time to
re-anchor all of them after a one-character edit at the top and after a paragraph inserted
there, the ratio to the unchanged case (target: re-anchoring all under 1 s), and whether
every decision landed at its exact new offset.

    python bench/reanchor.py [--copies 500] [--decisions 2000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from seedread.review.anchors import anchored, relocate
from seedread.review.decisions import Decision, MentionState
from seedread.text.document import load_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"


def decisions_on(text: str, count: int) -> list[Decision]:
    step = max(1, (len(text) - 10) // count)
    made = []
    for number, start in enumerate(range(0, len(text) - 10, step)):
        state = anchored(MentionState(f"{start}:{start + 6}", start, start + 6,
                                      text[start : start + 6], "PER", "e", "name"), text)
        made.append(Decision(number, "accept", "bench", "-", (state,), (state,)))
    return made


def time_relocate(decisions: list[Decision], text: str) -> tuple[float, list]:
    seen: dict[str, list[int]] = {}
    start = time.perf_counter()
    moved = [relocate(d, text, seen) for d in decisions]
    return time.perf_counter() - start, moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=500)
    parser.add_argument("--decisions", type=int, default=2000)
    args = parser.parse_args()
    text = load_document(SEED).text * args.copies
    decisions = decisions_on(text, args.decisions)
    unchanged, _ = time_relocate(decisions, text)
    print(f"{len(text):,} characters, {len(decisions):,} decisions; unchanged text "
          f"(baseline): {unchanged * 1000:.1f} ms")
    for name, prefix in (("one character added at the top", "x"),
                         ("a paragraph added at the top", "خبر عاجل من مراسلنا اليوم.\n")):
        seconds, moved = time_relocate(decisions, prefix + text)
        exact = all(m is not None and m.after[0].start == d.after[0].start + len(prefix)
                    for m, d in zip(moved, decisions))
        print(f"{name}: {seconds * 1000:.1f} ms ({seconds / unchanged:.1f}x the baseline; "
              f"target < 1 s); every decision at its new offset: {exact}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
