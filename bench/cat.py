"""`seedread cat` per-paragraph cost against the bare `get_display(reshape(line))` call, in
one run, on a 50 KB file of one-letter lines (where per-paragraph overhead is everything)
and on the seed.

Prints microseconds per paragraph of (a) the bare baseline and (b) `cat`'s full output path
(document load excluded), the ratio b/a (target <= 3x), and the wall time of the whole
`seedread cat` process on the 50 KB file (it took 11.6 s when the overhead was ~0.4 ms a
paragraph).

    python bench/cat.py [--width 80] [--lines 25000]
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import arabic_reshaper
from bidi import get_display

from seedread.commands.cat import document_lines
from seedread.text.document import load_document
from seedread.text.layout import LayoutOptions

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_dce8252990c8ebab.txt"
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def time_baseline(paragraphs: list[str]) -> float:
    start = time.perf_counter()
    for paragraph in paragraphs:
        get_display(arabic_reshaper.reshape(paragraph))
    return time.perf_counter() - start


def time_cat(document, width: int) -> float:
    sink = io.StringIO()
    start = time.perf_counter()
    sink.writelines(document_lines(document, width, LayoutOptions(), styled=False))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--lines", type=int, default=25_000)
    args = parser.parse_args()
    rng = random.Random(1070)
    with tempfile.TemporaryDirectory() as tmp:
        short = Path(tmp) / "one-letter-lines.txt"
        short.write_text("\n".join(rng.choice(LETTERS) for _ in range(args.lines)) + "\n",
                         encoding="utf-8")
        for name, path in (("one-letter lines", short), ("seed", SEED)):
            document = load_document(path)
            paragraphs = [document.paragraph_text(p) for p in document.paragraphs]
            time_cat(document, args.width)  # warm caches and imports
            bare = min(time_baseline(paragraphs) for _ in range(3))
            full = min(time_cat(document, args.width) for _ in range(3))
            n = len(paragraphs)
            print(f"{name:>16}: {n:,} paragraphs, {path.stat().st_size:,} bytes; "
                  f"(a) bare get_display(reshape()) {bare / n * 1e6:.1f} us/paragraph; "
                  f"(b) cat {full / n * 1e6:.1f} us/paragraph; b/a = {full / bare:.2f}x (target <= 3x)")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "seedread.cli", "cat", "--width", str(args.width),
                        str(short)], check=True, stdout=subprocess.DEVNULL)
        print(f"`seedread cat` on {short.stat().st_size:,} bytes of one-letter lines: "
              f"{time.perf_counter() - start:.2f} s wall, process start included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
