"""`seedread extract`: output formats, the documented JSON shape, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from seedread.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"


def run(capsys, *argv):
    code = main(["extract", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_has_the_documented_shape_and_true_offsets(capsys):
    code, out, _ = run(capsys, str(SEED))
    assert code == 0
    [document] = json.loads(out)
    assert set(document) >= {"path", "sha256", "title", "entities", "timeline", "glossary"}
    text = SEED.read_text(encoding="utf-8")
    for entity in document["entities"]:
        assert set(entity) >= {"id", "name", "type", "english", "mentions"}
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for entry in document["timeline"]:
        assert set(entry) >= {"start", "end", "text", "value", "event"}
        assert text[entry["start"] : entry["end"]] == entry["text"]
    for term in document["glossary"]:
        assert set(term) >= {"term", "romanization", "gloss", "definition", "mentions"}
    hezbollah = next(e for e in document["entities"] if e["english"] == "Hezbollah")
    assert len(hezbollah["mentions"]) >= 8


def test_date_option_resolves_relative_dates(capsys):
    _, out, _ = run(capsys, str(SEED), "--date", "2016-11-07")
    timeline = json.loads(out)[0]["timeline"]
    values = {e["text"]: e["value"] for e in timeline}
    assert values["28 تشرين الأول"] == "2016-10-28"
    assert values["منذ أسبوع"] == "2016-10-31"


def test_front_matter_date_is_the_document_date(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2020-03-10\n---\n\nوصل الوفد إلى بيروت أمس.\n", encoding="utf-8")
    _, out, _ = run(capsys, str(article))
    [entry] = json.loads(out)[0]["timeline"]
    assert entry["value"] == "2020-03-09"


def test_jsonl_is_one_document_per_line(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("زار بوتين دمشق", encoding="utf-8")
    code, out, _ = run(capsys, str(tmp_path), "--format", "jsonl")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert all(json.loads(line)["entities"] for line in lines)


def test_tsv_has_a_header_and_one_row_per_span(capsys):
    _, out, _ = run(capsys, str(SEED), "--format", "tsv")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == ["path", "kind", "start", "end", "label", "text", "detail"]
    assert {row[1] for row in rows[1:]} == {"mention", "date", "term"}
    assert all(len(row) == 7 for row in rows)


def test_bad_date_is_one_line_and_non_zero(capsys):
    code, out, err = run(capsys, str(SEED), "--date", "07/11/2016")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "YYYY-MM-DD" in err


def test_missing_file_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path / "nope.txt"))
    assert code != 0 and err.count("\n") == 1
