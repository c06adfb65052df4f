"""Speed and memory of the shipped NER model: tokens per second over article-sized pieces
of the ANERcorp training text, or the seed articles (speed only, nothing is scored), and
peak memory.

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


ARTICLE_SENTENCES = 20


def sample_articles() -> list[str]:
    """Article-sized texts of running news: ANERcorp sentences in groups of twenty when
    the corpus is present, else the bundled seed articles."""
    if not CORPUS.exists():
        return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.*"))]
    lines, words = [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            lines.append(" ".join(words))
            words = []
    return [
        "\n".join(lines[i : i + ARTICLE_SENTENCES])
        for i in range(0, len(lines), ARTICLE_SENTENCES)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="later rounds reuse the cache")
    args = parser.parse_args()
    articles = sample_articles()
    tracemalloc.start()
    began = time.perf_counter()
    shipped_model()
    load_seconds = time.perf_counter() - began
    tag_text(articles[0])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tokens = sum(len(tokenize(article)) for article in articles) * args.repeat
    began, cpu_began = time.perf_counter(), time.process_time()
    entities = 0
    for _ in range(args.repeat):
        entities += sum(len(tag_text(article)) for article in articles)
    seconds = time.perf_counter() - began
    cpu_seconds = time.process_time() - cpu_began
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load: {load_seconds:.2f} s")
    print(f"tagged {len(articles)} articles, {tokens} tokens ({entities} entities) "
          f"in {seconds:.2f} s: "
          f"{tokens / seconds:,.0f} tokens/s (target >= 20,000); "
          f"{tokens / cpu_seconds:,.0f} tokens per CPU second (steadier on a busy machine)")
    print(f"peak Python heap while loading and tagging one article (tracemalloc): "
          f"{peak / 1e6:.1f} MB; peak RSS of the whole run: {rss:.0f} MB")


if __name__ == "__main__":
    main()
