"""Layout speed against the bare `get_display(reshape(paragraph))` call, in one run.

Prints characters per second of (a) the bare baseline and (b) seedread's full layout (maps,
wrapping, mirroring, placeholders) for the seed and for a 5 MB mixed document, the ratio b/a
(slowdown; target <= 3x) and the seed's layout time (target < 20 ms).

    python bench/layout.py [--width 80] [--size-mb 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import arabic_reshaper
from bidi import get_display

from seedread.text.document import load_document
from seedread.text.layout import LayoutOptions, PreparedParagraph

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
ENGLISH = [
    "the Kremlin said", "(Reuters)", "http://example.com/news?id=1070", "Hezbollah",
    "Walla news site", "Avi Dichter", "2016", "Aleppo", "3.5%", "[updated]",
]


def mixed_paragraphs(seed_paragraphs: list[str], size: int) -> list[str]:
    """Seed paragraphs with English words, URLs and numbers mixed in, `size` characters in all."""
    rng = random.Random(1070)
    out: list[str] = []
    total = 0
    while total < size:
        words = rng.choice(seed_paragraphs).split()
        for _ in range(max(1, len(words) // 12)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(ENGLISH))
        paragraph = " ".join(words)
        out.append(paragraph)
        total += len(paragraph) + 1
    return out


def per_second(chars: int, seconds: float) -> float:
    return chars / seconds if seconds else float("inf")


def time_baseline(paragraphs: list[str]) -> float:
    start = time.perf_counter()
    for paragraph in paragraphs:
        get_display(arabic_reshaper.reshape(paragraph))
    return time.perf_counter() - start


def time_layout(paragraphs: list[str], width: int) -> float:
    options = LayoutOptions()
    start = time.perf_counter()
    for paragraph in paragraphs:
        PreparedParagraph(paragraph, 0, options).lines(width)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--size-mb", type=float, default=5.0)
    args = parser.parse_args()

    document = load_document(SEED)
    seed = [document.paragraph_text(p) for p in document.paragraphs]
    big = mixed_paragraphs(seed, int(args.size_mb * 1024 * 1024))
    time_layout(seed, args.width)  # warm caches and imports

    print(f"width {args.width}; seed {sum(map(len, seed)):,} chars in {len(seed)} paragraphs; "
          f"mixed document {sum(map(len, big)):,} chars in {len(big):,} paragraphs")
    seed_runs = [time_layout(seed, args.width) for _ in range(20)]
    print(f"seed full layout: {min(seed_runs) * 1000:.2f} ms best of 20, "
          f"{sorted(seed_runs)[10] * 1000:.2f} ms median (target < 20 ms)")
    for name, paragraphs in (("seed x50", seed * 50), ("5 MB mixed", big)):
        chars = sum(map(len, paragraphs))
        bare = time_baseline(paragraphs)
        full = time_layout(paragraphs, args.width)
        a, b = per_second(chars, bare), per_second(chars, full)
        print(f"{name:>10}: (a) bare get_display(reshape()) {a:,.0f} chars/s; "
              f"(b) full layout {b:,.0f} chars/s; cost b/a = {full / bare:.2f}x (target <= 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
