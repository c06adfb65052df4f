"""`seedread export` end to end: finding each article's review, the four formats, stdout or
--out, --only-reviewed and --reviewer, and one-line errors. The extractor is replaced by the
hand-built analysis so the expected output does not move when the extractor improves."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_review_support import analysis_of, brat_t_lines, write_article

from seedread.cli import main
from seedread.commands import export as export_command
from seedread.review import ReviewStore


@pytest.fixture
def hand_built_analysis(monkeypatch):
    monkeypatch.setattr(export_command, "analyze", lambda document, **_: analysis_of(document))


@pytest.fixture
def corpus(tmp_path, hand_built_analysis):
    """A folder with two articles; in one, ana accepted بشار الأسد and bob rejected حلب."""
    folder = tmp_path / "corpus"
    first = write_article(folder, "a/first.txt")
    write_article(folder, "second.txt", text="وصل الجيش السوري إلى حلب.\n")
    for reviewer, entity, decide in (("ana", "e1", "accept"), ("bob", "e2", "reject")):
        with ReviewStore.open(folder, reviewer=reviewer) as store:
            review = store.document(first)
            mentions = review.reviewed(analysis_of(first)).entity(entity).mentions
            getattr(review, decide)(mentions)
    return folder


def run(capsys, *argv):
    code = main(["export", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_to_stdout_has_one_line_per_article_with_its_decisions(corpus, capsys):
    code, out, err = run(capsys, corpus, "--format", "jsonl")
    assert code == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["meta"]["path"] for r in records] == ["a/first.txt", "second.txt"]
    statuses = {(s["entity_id"], s["status"]) for s in records[0]["spans"]}
    assert statuses == {("e1", "accepted"), ("e3", "unreviewed"), ("e4", "unreviewed")}
    assert {(s["entity_id"], s["status"]) for s in records[0]["rejected"]} == {
        ("e2", "rejected")}
    assert {s["status"] for s in records[1]["spans"]} == {"unreviewed"}


def test_only_reviewed_and_one_reviewer(corpus, capsys):
    _, out, _ = run(capsys, corpus, "--format", "jsonl", "--only-reviewed", "--reviewer", "ana")
    first, second = (json.loads(line) for line in out.splitlines())
    assert [(s["entity_id"], s["status"]) for s in first["spans"]] == [("e1", "accepted")]
    assert second["spans"] == []


def test_a_single_article_uses_only_its_own_folders_review(corpus, capsys):
    """The review of a parent folder is never taken over (it could be one planted in /tmp);
    the folder opened, or the file's own folder, is the only place looked at."""
    _, out, _ = run(capsys, corpus / "a" / "first.txt", "--format", "json")
    (document,) = json.loads(out)["documents"]
    assert document["path"] == "first.txt"
    assert document["progress"] == {"reviewed": 0, "total": 5}
    assert not (corpus / "a" / ".seedread").exists()
    _, out, _ = run(capsys, corpus, "--format", "json")
    assert json.loads(out)["documents"][0]["progress"] == {"reviewed": 3, "total": 5}


def test_conll_with_out_writes_a_file(corpus, tmp_path, capsys):
    code, out, err = run(capsys, corpus, "--format", "conll", "--out", tmp_path / "x")
    assert code == 0 and out == ""
    assert "annotations.conll" in err
    conll = (tmp_path / "x" / "annotations.conll").read_text(encoding="utf-8")
    assert conll.count("-DOCSTART- -X- O O\n") == 2
    assert "بشار\tB-PER\nالأسد\tI-PER\n" in conll
    assert "حلب\tB-LOC" in conll  # the second حلب of the first article, and the other article's


@pytest.mark.parametrize(("fmt", "name"), [("doccano", "doccano.jsonl"),
                                           ("label-studio", "label-studio.json")])
def test_doccano_and_label_studio_with_out_name_their_file_after_the_tool(
        corpus, tmp_path, capsys, fmt, name):
    code, out, err = run(capsys, corpus, "--format", fmt, "--out", tmp_path / "x")
    assert code == 0 and out == ""
    assert err == f"seedread: wrote 2 articles to {tmp_path / 'x' / name}\n"
    assert "بشار الأسد" in (tmp_path / "x" / name).read_text(encoding="utf-8")


def test_one_article_is_written_in_the_singular(corpus, tmp_path, capsys):
    code, _, err = run(capsys, corpus / "second.txt", "--format", "brat", "--out", tmp_path / "b")
    assert code == 0 and err == f"seedread: wrote 1 article to {tmp_path / 'b'}\n"


def test_conll_without_docstart(corpus, capsys):
    code, out, _ = run(capsys, corpus / "second.txt", "--format", "conll", "--no-docstart")
    assert code == 0 and out.splitlines()[0] == "وصل\tO"
    assert "DOCSTART" not in out


def test_brat_writes_a_collection_mirroring_the_folders(corpus, tmp_path, capsys):
    code, _, _ = run(capsys, corpus, "--format", "brat", "--out", tmp_path / "brat")
    assert code == 0
    for name in ("a/first", "second"):
        text = (tmp_path / "brat" / f"{name}.txt").read_text(encoding="utf-8")
        assert text == (corpus / f"{name}.txt").read_text(encoding="utf-8")
        assert (tmp_path / "brat" / f"{name}.ann").exists()
    assert (tmp_path / "brat" / "annotation.conf").exists()


def test_exporting_an_unreviewed_folder_creates_no_review(tmp_path, capsys, hand_built_analysis):
    write_article(tmp_path / "fresh")
    code, out, _ = run(capsys, tmp_path / "fresh", "--format", "jsonl")
    assert code == 0 and json.loads(out)["spans"]
    assert not (tmp_path / "fresh" / ".seedread").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "brat"], "give --out DIR"),
        (["--format", "brat", "--out", "{corpus}"], "choose another --out"),
    ],
)
def test_bad_requests_get_one_line(corpus, capsys, argv, message):
    code, out, err = run(capsys, corpus, *(a.format(corpus=corpus) for a in argv))
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1
    assert not (corpus / "annotation.conf").exists()


def test_an_unknown_format_is_a_one_line_usage_error(corpus, capsys):
    code = main(["export", str(corpus), "--format", "xml"])
    err = capsys.readouterr().err
    assert code == 2 and "invalid choice" in err and err.count("\n") == 1


def test_a_damaged_review_is_one_line_and_left_alone(corpus, capsys):
    database = corpus / ".seedread" / "review.db"
    with sqlite3.connect(database) as connection:  # fold the WAL in, then damage the file
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    database.write_bytes(b"garbage" * 1000)
    code, out, err = run(capsys, corpus, "--format", "jsonl")
    assert code == 1 and out == ""
    assert "damaged" in err and err.count("\n") == 1
    assert database.read_bytes() == b"garbage" * 1000


def test_the_extractors_spans_round_trip_through_jsonl_and_brat(tmp_path, capsys):
    """With the real extractor on the sample article: every span exported leads back to
    its surface text, in both span formats."""
    seed = next((Path(__file__).parents[1] / "seeds").glob("*.txt"))
    article = tmp_path / "corpus" / seed.name
    article.parent.mkdir()
    article.write_bytes(seed.read_bytes())
    code, out, _ = run(capsys, article, "--format", "jsonl")
    record = json.loads(out)
    assert code == 0 and len(record["spans"]) > 5
    surfaces = {record["text"][s["start"]:s["end"]] for s in record["spans"]}
    assert all(surface and surface == surface.strip() for surface in surfaces)
    tokens = record["tokens"]
    behind_a_proclitic = 0
    for span in record["spans"] + record["rejected"]:
        first, last = tokens[span["token_start"]], tokens[span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
        behind_a_proclitic += span["token_start"] > 0 and not tokens[span["token_start"] - 1]["ws"]
    assert behind_a_proclitic > 0  # the seed has names glued to a proclitic (لروسيا)
    assert run(capsys, article, "--format", "brat", "--out", tmp_path / "brat")[0] == 0
    text = (tmp_path / "brat" / seed.with_suffix(".txt").name).read_text(encoding="utf-8")
    ann = (tmp_path / "brat" / seed.with_suffix(".ann").name).read_text(encoding="utf-8")
    t_lines = brat_t_lines(ann)
    assert len(t_lines) == len(record["spans"])
    for _, fragments, surface in t_lines:
        assert " ".join(text[a:b] for a, b in fragments) == surface


def test_a_missing_path_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "nope.txt", "--format", "json")
    assert code == 1 and "no such file" in err and err.count("\n") == 1
