"""Train and evaluate the seedread Arabic NER model (CRF over rich features).

    python train/train_ner.py cv    # 5-fold cross-validation, contiguous folds in document order
    python train/train_ner.py fit   # train on the whole file, write the shipped model

Uses one CPU core (crfsuite is single-threaded; numpy is pinned to one thread).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pycrfsuite  # noqa: E402
from clusters import build_resources  # noqa: E402
from corpus import DEFAULT_CORPUS, read_corpus  # noqa: E402
from evaluate import format_table, score  # noqa: E402

from seedread.analysis.ner.features import Resources, dump_resources  # noqa: E402
from seedread.analysis.ner.tagger import MODEL_FILE, RESOURCES_FILE  # noqa: E402

SHIPPED = Path(__file__).resolve().parents[1] / "tui" / "seedread" / "data" / "ner"


def train(sentences, resources: Resources, model_path: Path, args) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(resources.sentence_features(tokens), tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(model_path))


def folds(sentences, k: int):
    """k contiguous chunks in document order, balanced by token count."""
    total = sum(len(tokens) for tokens, _ in sentences)
    bounds, running, target = [0], 0, total / k
    for i, (tokens, _) in enumerate(sentences):
        running += len(tokens)
        if running >= target * len(bounds) and len(bounds) < k:
            bounds.append(i + 1)
    bounds.append(len(sentences))
    return [(bounds[i], bounds[i + 1]) for i in range(k)]


def cross_validate(sentences, args) -> None:
    gold, predicted = [], []
    for n, (start, end) in enumerate(folds(sentences, args.folds), 1):
        began = time.time()
        train_part = sentences[:start] + sentences[end:]
        test_part = sentences[start:end]
        resources = build_resources([tokens for tokens, _ in train_part])
        with tempfile.TemporaryDirectory() as folder:
            model_path = Path(folder) / MODEL_FILE
            train(train_part, resources, model_path, args)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(model_path))
            fold_pred = [tagger.tag(resources.sentence_features(t)) for t, _ in test_part]
        fold_gold = [tags for _, tags in test_part]
        fold_f1 = score(fold_gold, fold_pred)["micro PERS+LOC+ORG"][2]
        print(f"fold {n}: sentences {start}-{end}, F1 PERS+LOC+ORG {fold_f1:.3f}, "
              f"{time.time() - began:.0f}s", flush=True)
        gold += fold_gold
        predicted += fold_pred
    print(format_table(score(gold, predicted)))


def fit(sentences, args) -> None:
    resources = build_resources([tokens for tokens, _ in sentences])
    args.out.mkdir(parents=True, exist_ok=True)
    train(sentences, resources, args.out / MODEL_FILE, args)
    dump_resources(resources, args.out / RESOURCES_FILE)
    for name in (MODEL_FILE, RESOURCES_FILE):
        print(f"{args.out / name}: {(args.out / name).stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("cv", "fit"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    sentences = read_corpus(args.corpus)
    (cross_validate if args.mode == "cv" else fit)(sentences, args)


if __name__ == "__main__":
    main()
