"""End-to-end evaluation of entity extraction on ANERcorp articles, scored by ../shared/eval/.

    python train/crossval.py shipped                  # mode A: the shipped model (optimistic)
    python train/crossval.py folds --folds 5          # mode B: retrain the CRF per fold
    python train/crossval.py folds --only 5 --pipelines rules model crf

The corpus is cut into 40-sentence articles by anercorp_articles.py and into five contiguous
fifths of those articles. Each held-out article goes through the function `seedread extract`
uses (`analyze` with the CLI's arguments, then its JSON shape) and score_entities.py scores
the NAME.json files. Mode A scores the shipped CRF, which was trained on the whole file, so
its numbers are optimistic; mode B trains the CRF on the other four fifths (train_ner.py) and
tags the held-out fifth with that model, the only honest figure for news the model never saw.
Pipeline "crf" is the CRF alone (every span its own entity), no rules, for comparison.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read_corpus  # noqa: E402

from seedread.analysis import analyze  # noqa: E402
from seedread.analysis.ner import tagger  # noqa: E402
from seedread.analysis.extract import as_dict  # noqa: E402
from seedread.text.document import load_paths  # noqa: E402

SHARED = Path("/work/shared")
ARTICLE_SENTENCES = 40  # anercorp_articles.py's default
PIPELINES = {  # name -> keyword arguments of analyze(), as the CLI flags set them
    "default": {},
    "rules": {"model": False},
    "model": {"model": True},
}


def cut_articles(corpus: Path, folder: Path, eval_dir: Path) -> list[Path]:
    """All articles of the corpus, in document order (NAME.txt beside NAME.gold.conll)."""
    subprocess.run([sys.executable, str(eval_dir / "anercorp_articles.py"), str(corpus),
                    str(folder), "--sentences", str(ARTICLE_SENTENCES)],
                   check=True, stdout=subprocess.DEVNULL)
    return sorted(folder.glob("*.txt"))


def crf_only(document) -> dict:
    """The CRF's spans as the JSON shape of `extract`, each span an entity of its own."""
    types = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
    entities = [
        {"id": f"e{n}", "name": document.text[start:end], "type": types[label],
         "mentions": [{"start": start, "end": end, "text": document.text[start:end],
                       "source": "model", "kind": "name"}]}
        for n, (start, end, label) in enumerate(tagger.tag_text(document.text))
    ]
    return {"path": str(document.path), "entities": entities}


def extract(articles: list[Path], pipeline: str, out: Path) -> float:
    """Write NAME.json for each article; the seconds taken."""
    out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    for document in load_paths([str(path) for path in articles]).documents:
        if pipeline == "crf":
            data = crf_only(document)
        else:
            analysis = analyze(document, user_data_dir=document.path.parent,
                               **PIPELINES[pipeline])
            data = as_dict(analysis, None)
        (out / (document.path.stem + ".json")).write_text(
            json.dumps([data], ensure_ascii=False), encoding="utf-8")
    return time.perf_counter() - began


def score(articles_dir: Path, json_dir: Path, eval_dir: Path) -> str:
    return subprocess.run([sys.executable, str(eval_dir / "score_entities.py"),
                           str(articles_dir), str(json_dir)],
                          check=True, capture_output=True, text=True).stdout


def held_out(articles: list[Path], fold: int, folds: int, folder: Path) -> Path:
    """A folder with the fold's contiguous share of the articles (txt + gold)."""
    size = len(articles)
    part = articles[size * (fold - 1) // folds : size * fold // folds]
    folder.mkdir(parents=True, exist_ok=True)
    for path in part:
        for source in (path, path.with_suffix(".gold.conll")):
            (folder / source.name).write_bytes(source.read_bytes())
    return folder


def use_model(folder: Path) -> None:
    """Make the tagger use the model trained in `folder` instead of the shipped one."""
    tagger.shipped_model = functools.cache(lambda: tagger.load_model(folder))


def train_fold(corpus: Path, fold_dir: Path, folder: Path, args) -> float:
    """Train the CRF on every sentence outside the held-out articles; the seconds taken."""
    from train_ner import fit_model

    sentences = read_corpus(corpus)
    held = {path.stem for path in fold_dir.glob("*.txt")}
    keep = [s for i, s in enumerate(sentences)
            if f"article_{i // ARTICLE_SENTENCES + 1:04d}" not in held]
    began = time.perf_counter()
    fit_model(keep, folder, args)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("shipped", "folds"))
    parser.add_argument("--corpus", type=Path, default=SHARED / "anercorp" / "train.txt")
    parser.add_argument("--eval", type=Path, default=SHARED / "eval", dest="eval_dir")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", type=int, nargs="+", help="these folds only (1-based)")
    parser.add_argument("--pipelines", nargs="+", choices=(*PIPELINES, "crf"),
                        default=["default"])
    parser.add_argument("--work", type=Path,
                        help="keep articles, models and JSON here (a fold's model found there "
                             "is used, not trained again)")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    args.first_pass_only = False
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        articles = cut_articles(args.corpus, work / "articles", args.eval_dir)
        for fold in args.only or range(1, args.folds + 1):
            fold_dir = held_out(articles, fold, args.folds, work / f"fold{fold}")
            label = "shipped model, trained on all folds: optimistic"
            if args.mode == "folds":
                model_dir = work / f"model{fold}"
                if (model_dir / tagger.RESOURCES_FILE).exists():  # trained by an earlier run
                    label = f"CRF trained on the other folds, kept in {model_dir}"
                else:
                    model_dir.mkdir(parents=True, exist_ok=True)
                    seconds = train_fold(args.corpus, fold_dir, model_dir, args)
                    label = f"CRF trained on the other folds in {seconds:.0f} s"
                use_model(model_dir)
            for pipeline in args.pipelines:
                seconds = extract(sorted(fold_dir.glob("*.txt")), pipeline,
                                  work / f"json{fold}-{pipeline}")
                print(f"## fold {fold}/{args.folds}, pipeline {pipeline} ({label}; "
                      f"extracted in {seconds:.1f} s)")
                print(score(fold_dir, work / f"json{fold}-{pipeline}", args.eval_dir), flush=True)


if __name__ == "__main__":
    main()
