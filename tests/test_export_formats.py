"""Each export format against a hand-written expected file, and offsets that lead back to
the same surface text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from test_review_support import analysis_of, brat_t_lines, write_article

from seedread.review import ReviewStore, apply_decisions
from seedread.review.export import ExportError, ExportItem
from seedread.review.export_brat import normalization_id, write_brat
from seedread.review.export_conll import write_conll
from seedread.review.export_doccano import write_doccano
from seedread.review.export_json import write_json
from seedread.review.export_jsonl import write_jsonl
from seedread.review.export_label_studio import write_label_studio

EXPECTED = Path(__file__).parent / "expected"


@pytest.fixture
def item(tmp_path):
    """The sample article after a short review: e1 accepted, the first حلب rejected, e3
    retyped to MISC and accepted, دمشق added by the reviewer; the rest unreviewed."""
    document = write_article(tmp_path / "corpus")
    analysis = analysis_of(document)
    with ReviewStore.open(tmp_path / "corpus", reviewer="ana") as store:
        review = store.document(document)
        view = review.reviewed(analysis)
        review.accept(view.entity("e1").mentions)
        review.reject(view.entity("e2").mentions[0])
        review.retype(view.entity("e3").mentions, "MISC")
        review.accept(review.reviewed(analysis).entity("e3").mentions)
        start = document.text.index("دمشق")
        review.add(start, start + 4, "LOC")
        return ExportItem(document, review.path, review.reviewed(analysis))


def unreviewed_item(folder, text, entities) -> ExportItem:
    document = write_article(folder, text=text)
    view = apply_decisions(analysis_of(document, entities), document.text, [])
    return ExportItem(document, document.path.name, view)


def written(write, item, only_reviewed=False) -> str:
    out = io.StringIO()
    write([item], out, only_reviewed)
    return out.getvalue()


@pytest.mark.parametrize("only_reviewed", [False, True])
def test_jsonl_matches_the_expected_file(item, only_reviewed):
    name = "review_article_only_reviewed.jsonl" if only_reviewed else "review_article.jsonl"
    expected = (EXPECTED / name).read_text(encoding="utf-8")
    assert written(write_jsonl, item, only_reviewed) == expected


@pytest.mark.parametrize("only_reviewed", [False, True])
def test_conll_matches_the_expected_file(item, only_reviewed):
    name = "review_article_only_reviewed.conll" if only_reviewed else "review_article.conll"
    expected = (EXPECTED / name).read_text(encoding="utf-8")
    assert written(write_conll, item, only_reviewed) == expected


def test_json_matches_the_expected_file(item):
    exported = json.loads(written(write_json, item))
    for entity in exported["documents"][0]["entities"]:
        for mention in entity["mentions"]:
            if mention["decided_at"] is not None:
                mention["decided_at"] = "<time>"
    expected = json.loads((EXPECTED / "review_article.json").read_text(encoding="utf-8"))
    assert exported == expected


def test_brat_matches_the_expected_files(item, tmp_path):
    out = tmp_path / "brat"
    assert write_brat([item], out) == [out / "article.ann"]
    for name in ("article.txt", "article.ann", "annotation.conf"):
        assert (out / name).read_bytes() == (EXPECTED / "brat" / name).read_bytes(), name


def test_jsonl_offsets_lead_back_to_the_surface_text(item):
    record = json.loads(written(write_jsonl, item))
    surfaces = {m.key: m.text for m in item.view.mentions}
    assert len(record["spans"]) + len(record["rejected"]) == len(surfaces)
    for span in record["spans"] + record["rejected"]:
        assert record["text"][span["start"] : span["end"]] in surfaces.values()
        assert record["text"][span["start"] : span["end"]].strip() != ""


def assert_tokens_align(record):
    """What Prodigy (and spaCy's Doc.char_span) needs: tokens that tile the text's visible
    characters in order, and every span starting at its token_start's first character and
    ending at its token_end's last."""
    tokens, text = record["tokens"], record["text"]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    for token, following in zip(tokens, tokens[1:] + [None]):
        assert text[token["start"] : token["end"]] == token["text"]
        assert token["ws"] == (token["end"] < len(text) and text[token["end"]].isspace())
        if following is not None:
            assert token["end"] <= following["start"]
            assert text[token["end"] : following["start"]].strip("\u200e\u200f \n") == ""
    for span in record["spans"] + record["rejected"]:
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]


def test_jsonl_spans_are_runs_of_whole_tokens_even_behind_a_proclitic(tmp_path):
    item = unreviewed_item(tmp_path, "توجه الوفد لروسيا ثم وصل إلى للكنيست.\n",
                           {"e1": ("LOC", "روسيا"), "e2": ("ORG", "لكنيست")})
    record = json.loads(written(write_jsonl, item))
    assert_tokens_align(record)
    assert [record["tokens"][s["token_start"]]["text"] for s in record["spans"]] == [
        "روسيا", "لكنيست"]


def test_jsonl_keeps_rejected_spans_out_of_the_entities(item):
    record = json.loads(written(write_jsonl, item))
    assert_tokens_align(record)
    assert "rejected" not in {s["status"] for s in record["spans"]}
    assert [(s["start"], s["status"]) for s in record["rejected"]] == [(28, "rejected")]


def test_brat_offsets_lead_back_to_the_surface_text(item, tmp_path):
    write_brat([item], tmp_path / "brat")
    text = (tmp_path / "brat" / "article.txt").read_text(encoding="utf-8")
    t_lines = brat_t_lines((tmp_path / "brat" / "article.ann").read_text(encoding="utf-8"))
    assert len(t_lines) == 6  # the rejected حلب too
    for _, fragments, surface in t_lines:
        assert " ".join(text[a:b] for a, b in fragments) == surface


def test_brat_marks_each_span_with_its_status_and_entity(item, tmp_path):
    write_brat([item], tmp_path / "brat")
    ann = (tmp_path / "brat" / "article.ann").read_text(encoding="utf-8").splitlines()
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    declared = conf.split("[attributes]\n")[1].splitlines()
    assert declared == ["Status Arg:<ENTITY>, Value:accepted|rejected|unreviewed|stale"]
    rejected = next(line for line in ann if line.startswith("T") and "\tLOC 28 31\t" in line)
    number = rejected.split("\t")[0][1:]
    assert f"A{number}\tStatus T{number} rejected" in ann
    assert f"N{number}\tReference T{number} seedread:e2\tحلب" in ann
    only = tmp_path / "only"
    write_brat([item], only, only_reviewed=True)
    statuses = [line.split()[-1] for line in
                (only / "article.ann").read_text(encoding="utf-8").splitlines()
                if line.startswith("A")]
    assert statuses == ["accepted", "rejected", "accepted", "accepted"]


def test_brat_normalization_ids_fit_brats_db_colon_id_and_decode_back():
    from urllib.parse import unquote

    for entity_id in ("LOC:غزوه حلب", "ORG:100% \tشركة", "cldr:RU"):
        encoded = normalization_id(entity_id)
        assert re.fullmatch(r"\S+", encoded) and unquote(encoded) == entity_id


def test_brat_splits_a_span_across_a_line_break_into_fragments(tmp_path):
    item = unreviewed_item(tmp_path, "وصل وفد من مجلس\nالأمن الدولي أمس.\n",
                           {"e1": ("ORG", "مجلس\nالأمن الدولي")})
    write_brat([item], tmp_path / "out")
    first = (tmp_path / "out" / "article.ann").read_text(encoding="utf-8").splitlines()[0]
    assert first == "T1\tORG 11 15;16 28\tمجلس الأمن الدولي"


def test_brat_refuses_to_write_over_the_articles(item):
    folder = Path(item.document.path).parent
    with pytest.raises(ExportError, match="choose another --out"):
        write_brat([item], folder)
    assert not (folder / "annotation.conf").exists()
    assert not (folder / "article.ann").exists()


def test_conll_cuts_a_token_at_a_mention_inside_it(tmp_path):
    item = unreviewed_item(tmp_path, "قصف وحلب أمس\n", {"e1": ("LOC", "حلب")})
    lines = written(write_conll, item).splitlines()
    assert lines[2:] == ["قصف\tO", "و\tO", "حلب\tB-LOC", "أمس\tO", ""]


def conll_tokens(conll: str) -> list[str]:
    return [line.split("\t")[0] for line in conll.splitlines() if "\t" in line]


def test_conll_exports_of_one_text_align_token_for_token(tmp_path):
    """A mention inside a word that one export keeps and the other leaves out (an
    unreviewed one under --only-reviewed) changes the tags, never the tokens."""
    item = unreviewed_item(tmp_path, "قال وزير لروسيا إن وحلب بعيدة عن للكنيست.\n",
                           {"e1": ("LOC", "حلب")})
    everything = written(write_conll, item)
    reviewed_only = written(write_conll, item, only_reviewed=True)
    assert conll_tokens(everything) == conll_tokens(reviewed_only) == [
        "قال", "وزير", "ل", "روسيا", "إن", "و", "حلب", "بعيدة", "عن", "ل", "لكنيست", "."]
    assert "حلب\tB-LOC" in everything.splitlines()
    assert "حلب\tO" in reviewed_only.splitlines()


def test_conll_starts_each_document_the_way_conll_2003_does_or_not_at_all(tmp_path):
    item = unreviewed_item(tmp_path, "زار بيروت.\n", {"e1": ("LOC", "بيروت")})
    assert written(write_conll, item).splitlines()[:2] == ["-DOCSTART- -X- O O", ""]
    out = io.StringIO()
    write_conll([item], out, docstart=False)
    assert out.getvalue().splitlines() == ["زار\tO", "بيروت\tB-LOC", ".\tO", ""]


def test_doccano_lists_the_entities_as_doccano_reads_them(item):
    record = json.loads(written(write_doccano, item))
    assert record["text"] == item.document.text
    assert record["label"] == [[11, 21, "PER"], [67, 75, "MISC"], [80, 92, "ORG"],
                               [100, 103, "LOC"], [116, 120, "LOC"]]
    assert {record["path"], record["sha256"]} == {item.path, item.document.sha256}
    only = json.loads(written(write_doccano, item, only_reviewed=True))
    assert [label for *_, label in only["label"]] == ["PER", "MISC", "LOC"]


def test_label_studio_tasks_carry_the_entities_as_predictions(item):
    (task,) = json.loads(written(write_label_studio, item))
    assert task["data"]["text"] == item.document.text
    (prediction,) = task["predictions"]
    regions = [(r["value"]["start"], r["value"]["end"], r["value"]["labels"], r["value"]["text"])
               for r in prediction["result"]]
    assert regions == [(11, 21, ["PER"], "بشار الأسد"), (67, 75, ["MISC"], "حزب الله"),
                       (80, 92, ["ORG"], "الجيش السوري"), (100, 103, ["LOC"], "حلب"),
                       (116, 120, ["LOC"], "دمشق")]
    assert len({r["id"] for r in prediction["result"]}) == 5
    assert {(r["from_name"], r["to_name"], r["type"]) for r in prediction["result"]} == {
        ("label", "text", "labels")}
