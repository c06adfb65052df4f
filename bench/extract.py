"""Speed and memory of the extractor: the seed after import, and a 5 MB document, rules only
(`--no-model`, `analyze(..., model=False)`); then the default pipeline with the learned NER
model, on a smaller piece because it is several times slower.

    python bench/extract.py [--megabytes 5] [--model-megabytes 1]

Targets (issue 3, rules only): the seed in < 100 ms after import; >= 50,000 words/s on a 5 MB
document; peak memory < 300 MB there. Issue 11, the default pipeline: >= 20,000 words/s.
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


def copies_for(block: str, megabytes: float) -> int:
    """How many copies of `block` make a document of about `megabytes`."""
    return max(1, int(megabytes * 1024 * 1024) // len(block.encode("utf-8")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--model-megabytes", type=float, default=1.0)
    args = parser.parse_args()

    started = time.perf_counter()
    from seedread.analysis import analyze
    from seedread.text.document import load_document, parse_text

    imported = time.perf_counter()
    print(f"import seedread.analysis: {1000 * (imported - started):.0f} ms")

    seed = load_document(SEED)
    started = time.perf_counter()
    analyze(seed, model=False)
    print(f"seed, first call after import: {1000 * (time.perf_counter() - started):.1f} ms")
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        analyze(seed, model=False)
        runs.append(time.perf_counter() - started)
    print(f"seed, warm (median of 20): {1000 * sorted(runs)[10]:.1f} ms")

    pieces = [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in MORE]
    block = "\n".join(pieces) + "\n"
    big = parse_text(block * copies_for(block, args.megabytes), "big.txt")
    size = len(big.text.encode("utf-8")) / 1024 / 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    analysis = analyze(big, model=False)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mentions = sum(len(e.mentions) for e in analysis.entities)
    print(f"--no-model, {size:.1f} MB document, {big.words:,} words: {elapsed:.2f} s, "
          f"{big.words / elapsed:,.0f} words/s")
    print(f"  {len(analysis.entities)} entities, {mentions:,} mentions, "
          f"{len(analysis.timeline):,} dates, {len(analysis.glossary)} glossary terms")
    print(f"  process peak RSS: {peak:.0f} MB ({before:.0f} MB before the analysis)")
    del analysis, big

    piece = parse_text(block * copies_for(block, args.model_megabytes), "piece.txt")
    size = len(piece.text.encode("utf-8")) / 1024 / 1024
    started = time.perf_counter()
    analyze(piece, model=True)
    loaded = time.perf_counter() - started
    print(f"default (model), first call (loads the model) on {size:.2f} MB: {loaded:.2f} s")
    started = time.perf_counter()
    analysis = analyze(piece, model=True)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    added = sum(m.source == "model" for e in analysis.entities for m in e.mentions)
    print(f"default (model), {size:.2f} MB document, {piece.words:,} words: {elapsed:.2f} s, "
          f"{piece.words / elapsed:,.0f} words/s ({added:,} mentions from the model)")
    print(f"  process peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
