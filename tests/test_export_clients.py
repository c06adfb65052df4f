"""Each export loaded by the real tool's own code: Label Studio's task validation
(label-studio-sdk), seqeval on two CoNLL exports of one text, spaCy's CoNLL converter, and
doccano's import pipeline.

The tools are heavy (label-studio-sdk pulls pandas and OpenCV, doccano a whole Django
server that needs numpy < 2), so they are not in the `test` extra: `.ci/clients` installs
them (`pip install -e '.[test,clients]'`, doccano in an environment of its own) and runs
this file with SEEDREAD_CLIENT_TESTS=1, where a missing tool is an error, not a skip.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
from test_review_support import analysis_of, write_article

from seedread.analysis import analyze
from seedread.review import ReviewStore
from seedread.review.export import ExportItem
from seedread.review.export_conll import write_conll
from seedread.review.export_doccano import write_doccano
from seedread.review.export_label_studio import LABEL_CONFIG, write_label_studio

REQUIRED = os.environ.get("SEEDREAD_CLIENT_TESTS") == "1"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
DOCCANO = Path(__file__).parent / "clients" / "doccano_import.py"


def client(module: str):
    return importlib.import_module(module) if REQUIRED else pytest.importorskip(module)


def written(write, items, **options) -> str:
    out = io.StringIO()
    write(items, out, **options)
    return out.getvalue()


@pytest.fixture
def seed_items(tmp_path) -> list[ExportItem]:
    """The seed with the real extractor, reviewed: the first two entities accepted, the
    third rejected; and the sample article with its hand-built analysis, unreviewed."""
    seed = write_article(tmp_path / "corpus", SEED.name, SEED.read_text(encoding="utf-8"))
    analysis = analyze(seed)
    other = write_article(tmp_path / "corpus", "sample.txt")
    with ReviewStore.open(tmp_path / "corpus", reviewer="ana") as store:
        review = store.document(seed)
        view = review.reviewed(analysis)
        review.accept(view.entities[0].mentions + view.entities[1].mentions)
        review.reject(view.entities[2].mentions)
        items = [ExportItem(seed, review.path, review.reviewed(analysis))]
        sample = store.document(other)
        items.append(ExportItem(other, sample.path, sample.reviewed(analysis_of(other))))
    return items


def conll_documents(conll: str) -> list[list[list[tuple[str, str]]]]:
    documents = []
    for block in conll.split("-DOCSTART- -X- O O\n")[1:]:
        sentences = [[tuple(line.split("\t")) for line in chunk.splitlines()]
                     for chunk in block.strip("\n").split("\n\n") if chunk.strip()]
        documents.append(sentences)
    return documents


def test_label_studio_validates_every_task_against_the_labeling_config(seed_items):
    label_interface = client("label_studio_sdk.label_interface")
    interface = label_interface.LabelInterface(LABEL_CONFIG)
    interface.validate()
    tasks = json.loads(written(write_label_studio, seed_items))
    assert len(tasks) == 2 and all(t["predictions"][0]["result"] for t in tasks)
    for task in tasks:
        (prediction,) = task["predictions"]
        assert interface.validate_prediction(prediction, return_errors=True) == []
        for region in prediction["result"]:
            value = region["value"]
            assert task["data"]["text"][value["start"] : value["end"]] == value["text"]
    wrong = json.loads(json.dumps(tasks[0]["predictions"][0]))
    wrong["result"][0]["value"]["labels"] = ["DATE"]
    assert interface.validate_prediction(wrong, return_errors=True) != []


def test_seqeval_scores_one_reviews_conll_against_another_token_for_token(seed_items):
    metrics = client("seqeval.metrics")
    everything = conll_documents(written(write_conll, seed_items))
    reviewed = conll_documents(written(write_conll, seed_items, only_reviewed=True))
    truth = [[tag for _, tag in s] for d in reviewed for s in d]
    guess = [[tag for _, tag in s] for d in everything for s in d]
    assert [[w for w, _ in s] for d in reviewed for s in d] == [
        [w for w, _ in s] for d in everything for s in d]
    # the accepted spans are in both; the unreviewed ones only in the full export
    assert metrics.recall_score(truth, guess) == 1.0
    assert 0 < metrics.precision_score(truth, guess) < 1.0


def test_spacy_converts_the_conll_into_one_doc_per_article(seed_items):
    converters = client("spacy.training.converters")
    conll = written(write_conll, seed_items)
    docs = list(converters.conll_ner_to_docs(conll, n_sents=0, no_print=True))
    expected = conll_documents(conll)
    assert len(docs) == len(expected) == 2
    for doc, sentences in zip(docs, expected):
        words = [word for sentence in sentences for word, _ in sentence]
        assert [token.text for token in doc] == words and "-DOCSTART-" not in words
        entities = [tag for sentence in sentences for _, tag in sentence if tag.startswith("B-")]
        assert [ent.label_ for ent in doc.ents] == [tag[2:] for tag in entities]
        assert len(list(doc.sents)) == len(sentences)


def doccano_python() -> str:
    python = os.environ.get("SEEDREAD_DOCCANO_PYTHON")
    if not python:
        if REQUIRED:
            pytest.fail("SEEDREAD_DOCCANO_PYTHON must name the Python doccano is installed in")
        pytest.skip("doccano: set SEEDREAD_DOCCANO_PYTHON (see .ci/clients)")
    return python


def doccano_import(path: Path, file_format: str) -> dict:
    done = subprocess.run([doccano_python(), str(DOCCANO), str(path), file_format],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_doccano_imports_every_span_of_the_doccano_export(seed_items, tmp_path):
    exported = tmp_path / "doccano.jsonl"
    exported.write_text(written(write_doccano, seed_items), encoding="utf-8")
    imported = doccano_import(exported, "JSONL")
    records = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert imported["errors"] == []
    assert [e["text"] for e in imported["examples"]] == [r["text"] for r in records]
    for example, record in zip(imported["examples"], records):
        assert example["spans"] == sorted(record["label"]) and example["spans"]
        assert example["meta"]["path"] == record["path"]


def test_doccano_reads_the_conll_export_without_docstart(seed_items, tmp_path):
    exported = tmp_path / "annotations.conll"
    exported.write_text(written(write_conll, seed_items, docstart=False), encoding="utf-8")
    imported = doccano_import(exported, "CoNLL")
    assert imported["errors"] == []
    sentences = [chunk for chunk in exported.read_text(encoding="utf-8").split("\n\n")
                 if chunk.strip()]
    assert len(imported["examples"]) == len(sentences)
    tagged = sum(line.split("\t")[1].startswith("B-") for chunk in sentences
                 for line in chunk.splitlines())
    assert sum(len(e["spans"]) for e in imported["examples"]) == tagged > 0
