"""The learned NER model in the default pipeline: its spans win, the rules and gazetteer
fill its gaps, a user gazetteer entry wins over it; every mention keeps its source and kind;
`--no-model` is the rules-only path and never even imports the model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from analysis_gold import GOLD

from seedread.analysis import analyze
from seedread.app.analysis_runner import default_analyzer
from seedread.app.entities_pane import EntitiesPane
from seedread.cli import main
from seedread.text.document import load_document, parse_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
# No title or role before the name, so the rules have nothing to go on.
UNKNOWN_PERSON = (
    "وأكد فراس الدوسري في مؤتمر صحفي أن الأرباح ارتفعت هذا العام. "
    "وأشاد الموظفون بالدوسري لقيادته الشركة."
)
FULL, FAMILY = "فراس الدوسري", "الدوسري"
KINDS = {"name", "demonym", "nominal"}


def spans(analysis, source=None):
    return {
        (m.start, m.end, e.type, m.source)
        for e in analysis.entities for m in e.mentions
        if source is None or m.source == source
    }


def test_model_adds_a_person_the_rules_do_not_know_with_exact_spans():
    document = parse_text(UNKNOWN_PERSON)
    [person] = [e for e in analyze(document).entities if e.name == FULL]
    full = UNKNOWN_PERSON.index(FULL)
    family = UNKNOWN_PERSON.index("ب" + FAMILY) + 1  # the proclitic stays outside
    assert person.type == "PER"
    assert [(m.start, m.end, m.text, m.source) for m in person.mentions] == [
        (full, full + len(FULL), FULL, "model"),
        (family, family + len(FAMILY), FAMILY, "model"),
    ]
    assert not [e for e in analyze(document, model=False).entities if e.type == "PER"]


def test_a_user_gazetteer_entry_wins_over_the_model(tmp_path):
    """The model reads فراس الدوسري as a person; the user says it is a company."""
    (tmp_path / ".seedread").mkdir()
    (tmp_path / ".seedread" / "gazetteer.toml").write_text(
        f'[[entity]]\nname = "{FULL}"\ntype = "ORG"\n', encoding="utf-8")
    document = parse_text(UNKNOWN_PERSON)
    full = UNKNOWN_PERSON.index(FULL)
    found = spans(analyze(document, user_data_dir=tmp_path))
    assert (full, full + len(FULL), "ORG", "user") in found
    assert not [s for s in found if s[0] < full + len(FULL) and full < s[1] and s[2] == "PER"]


def test_a_demonym_is_linked_to_its_country_but_is_not_a_name():
    text = "وقال المسؤول الروسي إن روسيا سترد."
    [russia] = [e for e in analyze(parse_text(text)).entities if e.english == "Russia"]
    assert [(m.text, m.kind) for m in russia.mentions] == [("الروسي", "demonym"),
                                                           ("روسيا", "name")]


@pytest.mark.parametrize("model", [True, False])
@pytest.mark.parametrize("path", [SEED, *sorted(GOLD.glob("*.txt"))], ids=lambda p: p.stem)
def test_mentions_never_overlap_and_say_where_they_came_from(path, model):
    mentions = sorted(
        (m.start, m.end, m.source, m.kind)
        for e in analyze(load_document(path), model=model).entities for m in e.mentions
    )
    assert all(a[1] <= b[0] for a, b in zip(mentions, mentions[1:]))
    assert all(source in {"rules", "gazetteer", "model", "user"} and kind in KINDS
               for _, _, source, kind in mentions)
    if not model:
        assert not [source for _, _, source, _ in mentions if source == "model"]


def test_extract_model_flag_end_to_end(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(UNKNOWN_PERSON + "\n", encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    [document] = json.loads(capsys.readouterr().out)
    mentions = [(m["text"], m["source"], m["kind"])
                for e in document["entities"] for m in e["mentions"]]
    assert (FULL, "model", "name") in mentions
    assert main(["extract", "--no-model", "--format", "tsv", str(article)]) == 0
    assert FULL not in capsys.readouterr().out


@pytest.mark.parametrize("flag, imported", [([], True), (["--no-model"], False)])
def test_the_model_is_imported_unless_turned_off(flag, imported):
    script = (
        "import sys\n"
        "from seedread.cli import main\n"
        f"main(['extract', *{flag!r}, {str(SEED)!r}])\n"
        "sys.stderr.write(str('seedread.analysis.ner' in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stderr.strip() == str(imported)


@pytest.mark.asyncio
async def test_reader_lists_the_model_entity_by_default(tmp_path):
    from test_app_fixtures import make_app, settle

    app = make_app(tmp_path, [parse_text(UNKNOWN_PERSON, str(tmp_path / "a.txt"))])
    app.analyzer = default_analyzer
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one(EntitiesPane)
        assert f"PER:{FULL}" in pane._entity_nodes


def test_a_word_that_merely_looks_like_proclitics_and_article_is_not_cut():
    """وكالة is not و + ك + الة: the model's span keeps the whole word."""
    text = "وذكرت وكالة الأنباء الجزائرية أن الوفد وصل."
    names = [m.text for e in analyze(parse_text(text)).entities for m in e.mentions
             if e.type == "ORG"]
    assert names == ["وكالة الأنباء الجزائرية"]
