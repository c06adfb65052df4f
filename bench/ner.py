"""Speed and memory of the shipped NER model: tokens per second over the sample seeds and
the ANERcorp training text (tagging speed only; nothing is scored), and peak memory.

    python bench/ner.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from seedread.analysis.ner import tag_text
from seedread.analysis.ner.tagger import shipped_model
from seedread.analysis.ner.tokenize import tokenize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "anercorp" / "train.txt"


def sample_text() -> str:
    """Running news text: ANERcorp sentences when present, else the bundled seeds."""
    if CORPUS.exists():
        lines, words = [], []
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.append(line.split()[0])
            elif words:
                lines.append(" ".join(words))
                words = []
        return "\n".join(lines)
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.*")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    text = sample_text()
    tracemalloc.start()
    began = time.perf_counter()
    shipped_model()
    load_seconds = time.perf_counter() - began
    tag_text(text[:20_000])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tokens = len(tokenize(text)) * args.repeat
    began = time.perf_counter()
    entities = 0
    for _ in range(args.repeat):
        entities += len(tag_text(text))
    seconds = time.perf_counter() - began
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load: {load_seconds:.2f} s")
    print(f"tagged {tokens} tokens ({entities} entities) in {seconds:.2f} s: "
          f"{tokens / seconds:,.0f} tokens/s (target >= 20,000)")
    print(f"peak Python heap while loading and tagging 20k characters (tracemalloc): "
          f"{peak / 1e6:.1f} MB; peak RSS of the whole run: {rss:.0f} MB")


if __name__ == "__main__":
    main()
