"""Speed and memory of the extractor: the seed after import, and a 5 MB document.

    python bench/extract.py [--megabytes 5]

Targets (issue 3): the seed in < 100 ms after import; >= 50,000 words/s on a 5 MB document;
peak memory < 300 MB there.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
MORE = sorted((ROOT / "tests" / "gold").glob("*.txt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()

    started = time.perf_counter()
    from seedread.analysis import analyze
    from seedread.text.document import load_document, parse_text

    imported = time.perf_counter()
    print(f"import seedread.analysis: {1000 * (imported - started):.0f} ms")

    seed = load_document(SEED)
    started = time.perf_counter()
    analyze(seed)
    print(f"seed, first call after import: {1000 * (time.perf_counter() - started):.1f} ms")
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        analyze(seed)
        runs.append(time.perf_counter() - started)
    print(f"seed, warm (median of 20): {1000 * sorted(runs)[10]:.1f} ms")

    pieces = [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in MORE]
    block = "\n".join(pieces) + "\n"
    target = int(args.megabytes * 1024 * 1024)
    copies = max(1, target // len(block.encode("utf-8")))
    big = parse_text(block * copies, "big.txt")
    size = len(big.text.encode("utf-8")) / 1024 / 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    analysis = analyze(big)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mentions = sum(len(e.mentions) for e in analysis.entities)
    print(f"{size:.1f} MB document, {big.words:,} words: {elapsed:.2f} s, "
          f"{big.words / elapsed:,.0f} words/s")
    print(f"  {len(analysis.entities)} entities, {mentions:,} mentions, "
          f"{len(analysis.timeline):,} dates, {len(analysis.glossary)} glossary terms")
    print(f"  process peak RSS: {peak:.0f} MB ({before:.0f} MB before the analysis)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
