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

from seedread.analysis.ner.bio import to_bilou, to_bio  # noqa: E402
from seedread.analysis.ner.document import first_pass, second_pass_rows  # noqa: E402
from seedread.analysis.ner.features import dump_resources  # noqa: E402
from seedread.analysis.ner.tagger import (  # noqa: E402
    FIRST_PASS_FILE,
    RESOURCES_FILE,
    SECOND_PASS_FILE,
    Model,
    open_tagger,
)

SHIPPED = Path(__file__).resolve().parents[1] / "tui" / "seedread" / "data" / "ner"
DOCUMENT_SENTENCES = 20  # ANERcorp keeps no article boundaries: pseudo-documents


def train_crf(rows, tags, model_path: Path, args) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence_rows, sentence_tags in zip(rows, tags):
        trainer.append(sentence_rows, sentence_tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(model_path))
    return open_tagger(model_path)


def documents(items: list) -> list[list]:
    return [items[i : i + DOCUMENT_SENTENCES] for i in range(0, len(items), DOCUMENT_SENTENCES)]


def extend_by_document(resources, tokens, rows, passes):
    extended = []
    for doc in zip(*(documents(items) for items in (tokens, rows, passes))):
        extended += second_pass_rows(resources, *doc)
    return extended


def train_model(sentences, folder: Path, args) -> Model:
    """Both passes. The second pass learns from first-pass tags made by models that did not
    see the sentence (two contiguous halves, each tagged by a model of the other), so that
    it learns how far to trust them on unseen text."""
    tokens = [t for t, _ in sentences]
    tags = [to_bilou(g) for _, g in sentences]
    resources = build_resources(tokens)
    rows = [resources.sentence_features(t) for t in tokens]
    first = train_crf(rows, tags, folder / FIRST_PASS_FILE, args)
    if args.first_pass_only:
        return Model(first, first, resources)  # no second pass: predict() does not use it
    half = len(rows) // 2
    passes = []
    for own, other in (((0, half), (half, len(rows))), ((half, len(rows)), (0, half))):
        inner = train_crf(rows[slice(*other)], tags[slice(*other)], folder / "inner", args)
        passes += [first_pass(inner, r) for r in rows[slice(*own)]]
    extended = extend_by_document(resources, tokens, rows, passes)
    second = train_crf(extended, tags, folder / SECOND_PASS_FILE, args)
    (folder / "inner").unlink()
    return Model(first, second, resources)


def predict(model: Model, tokens, both_passes: bool) -> tuple[list, list]:
    """(first-pass tags, two-pass tags) over pseudo-documents; without the second pass,
    the first pass's tags twice."""
    single, double = [], []
    for doc in documents(tokens):
        single += [to_bio(model.first.tag(model.resources.sentence_features(t))) for t in doc]
        if both_passes:
            double += model.tag_document(doc)
    return single, double if both_passes else single


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
    gold, single, double = [], [], []
    for n, (start, end) in enumerate(folds(sentences, args.folds), 1):
        began = time.time()
        test_part = sentences[start:end]
        with tempfile.TemporaryDirectory() as folder:
            model = train_model(sentences[:start] + sentences[end:], Path(folder), args)
            fold_single, fold_double = predict(model, [t for t, _ in test_part],
                                               not args.first_pass_only)
        fold_gold = [tags for _, tags in test_part]
        f1 = [score(fold_gold, p)["micro PERS+LOC+ORG"][2] for p in (fold_single, fold_double)]
        print(f"fold {n}: sentences {start}-{end}, F1 PERS+LOC+ORG first pass {f1[0]:.3f}, "
              f"two passes {f1[1]:.3f}, {time.time() - began:.0f}s", flush=True)
        gold += fold_gold
        single += fold_single
        double += fold_double
    if args.predictions:
        with args.predictions.open("w", encoding="utf-8") as out:
            for (tokens, _), gold_tags, tags in zip(sentences, gold, double):
                out.writelines(f"{t} {g} {p}\n" for t, g, p in zip(tokens, gold_tags, tags))
                out.write("\n")
    print("first pass only:")
    print(format_table(score(gold, single)))
    print("two passes (shipped configuration):")
    print(format_table(score(gold, double)))


def fit_model(sentences, folder: Path, args) -> None:
    """Train both passes on `sentences` and write the model's three files to `folder`."""
    model = train_model(sentences, folder, args)
    dump_resources(model.resources, folder / RESOURCES_FILE)


def fit(sentences, args) -> None:
    args.out.mkdir(parents=True, exist_ok=True)
    fit_model(sentences, args.out, args)
    for name in (FIRST_PASS_FILE, SECOND_PASS_FILE, RESOURCES_FILE):
        print(f"{args.out / name}: {(args.out / name).stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("cv", "fit"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--predictions", type=Path, help="cv: write token gold predicted")
    parser.add_argument("--first-pass-only", action="store_true",
                        help="cv: train and score the first pass alone (3x quicker, for trying features)")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=200)
    args = parser.parse_args()
    sentences = read_corpus(args.corpus)
    (cross_validate if args.mode == "cv" else fit)(sentences, args)


if __name__ == "__main__":
    main()
