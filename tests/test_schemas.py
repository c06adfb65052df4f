"""The JSON Schemas shipped in the package, checked against what `extract` and `export`
really write (the real extractor on the seed, and a reviewed article)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from test_review_support import analysis_of, write_article

from seedread.cli import main
from seedread.review import ReviewStore

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
SCHEMAS = ("extract", "export-json", "export-jsonl")


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((resources.files("seedread") / "data" / "schemas"
                         / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def assert_valid(name: str, instance) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(instance)]
    assert errors == []


def run(capsys, *argv) -> str:
    assert main([*map(str, argv)]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_is_draft_2020_12_and_ships_in_the_package(name):
    assert validator(name).schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_extract_json_and_jsonl_follow_the_schema(capsys):
    documents = json.loads(run(capsys, "extract", SEED, "--date", "2016-11-07"))
    assert documents[0]["entities"] and documents[0]["timeline"]
    for document in documents:
        assert_valid("extract", document)
    for line in run(capsys, "extract", SEED, "--format", "jsonl", "--with-text").splitlines():
        assert_valid("extract", json.loads(line))


def test_extract_with_text_gives_the_text_its_offsets_index(tmp_path, capsys):
    """Offsets into the normalised text do not apply to a CRLF, cp1256 file as it lies on
    disk; with --with-text the output carries the text they do apply to."""
    article = tmp_path / "a.txt"
    article.write_bytes("زار بوتين دمشق.\r\nوقال مسؤول إن بيروت هادئة.\r\n".encode("cp1256"))
    (document,) = json.loads(run(capsys, "extract", article, "--with-text"))
    assert_valid("extract", document)
    mentions = [m for e in document["entities"] for m in e["mentions"]]
    assert {m["text"] for m in mentions} >= {"بوتين", "دمشق", "بيروت"}
    for mention in mentions:
        assert document["text"][mention["start"] : mention["end"]] == mention["text"]
    assert "text" not in json.loads(run(capsys, "extract", article))[0]


@pytest.fixture
def reviewed_corpus(tmp_path, monkeypatch):
    from seedread.commands import export as export_command

    monkeypatch.setattr(export_command, "analyze", lambda document, **_: analysis_of(document))
    document = write_article(tmp_path / "corpus")
    with ReviewStore.open(tmp_path / "corpus", reviewer="ana") as store:
        review = store.document(document)
        view = review.reviewed(analysis_of(document))
        review.accept(view.entity("e1").mentions)
        review.reject(view.entity("e2").mentions[0])
    return tmp_path / "corpus"


def test_export_json_follows_the_schema(reviewed_corpus, capsys):
    exported = json.loads(run(capsys, "export", reviewed_corpus, "--format", "json"))
    statuses = {m["status"] for d in exported["documents"] for e in d["entities"]
                for m in e["mentions"]}
    assert statuses == {"accepted", "rejected", "unreviewed"}
    assert_valid("export-json", exported)


def test_export_jsonl_follows_the_schema_and_the_schema_can_say_no(reviewed_corpus, capsys):
    (line,) = run(capsys, "export", reviewed_corpus, "--format", "jsonl").splitlines()
    record = json.loads(line)
    assert record["spans"] and record["rejected"]
    assert_valid("export-jsonl", record)
    record["rejected"][0]["status"] = "maybe"
    del record["tokens"][0]["ws"]
    assert len(list(validator("export-jsonl").iter_errors(record))) == 2


def test_the_real_extractors_export_follows_the_schemas(tmp_path, capsys):
    article = tmp_path / "corpus" / SEED.name
    article.parent.mkdir()
    article.write_bytes(SEED.read_bytes())
    assert_valid("export-json", json.loads(run(capsys, "export", article, "--format", "json")))
    assert_valid("export-jsonl", json.loads(run(capsys, "export", article, "--format", "jsonl")))
