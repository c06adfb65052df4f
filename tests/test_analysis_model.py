"""The learned NER model combined with the rules (`analyze(..., model=True)`, `--model`):
it adds names the rules do not know, marked source "model", and leaves the rules' own
mentions as they were; without the flag the model is never even imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from analysis_gold import GOLD

from seedread.analysis import analyze
from seedread.app.analysis_runner import model_analyzer
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


def spans(analysis, source=None):
    return {
        (m.start, m.end, e.type, m.source)
        for e in analysis.entities for m in e.mentions
        if source is None or m.source == source
    }


def test_model_adds_a_person_the_rules_do_not_know_with_exact_spans():
    document = parse_text(UNKNOWN_PERSON)
    [person] = [e for e in analyze(document, model=True).entities if e.name == FULL]
    full = UNKNOWN_PERSON.index(FULL)
    family = UNKNOWN_PERSON.index("ب" + FAMILY) + 1  # the proclitic stays outside
    assert person.type == "PER"
    assert [(m.start, m.end, m.text, m.source) for m in person.mentions] == [
        (full, full + len(FULL), FULL, "model"),
        (family, family + len(FAMILY), FAMILY, "model"),
    ]
    assert not [e for e in analyze(document).entities if e.type == "PER"]


def test_a_name_the_rules_find_stays_theirs():
    text = "قال المتحدث باسم الشركة خالد العبدالله إن الأرباح ارتفعت هذا العام."
    document = parse_text(text)
    assert spans(analyze(document, model=True)) == spans(analyze(document))
    assert (text.index("خالد"), text.index(" إن"), "PER", "rules") in spans(analyze(document))


@pytest.mark.parametrize("path", [SEED, *sorted(GOLD.glob("*.txt"))], ids=lambda p: p.stem)
def test_model_mentions_never_overlap_and_never_change_the_rules_mentions(path):
    document = load_document(path)
    rules = spans(analyze(document))
    combined = analyze(document, model=True)
    assert spans(combined) - spans(combined, "model") == rules
    for start, end, _, _ in spans(combined, "model"):
        assert not [r for r in rules if r[0] < end and start < r[1]], (start, end)


def test_extract_model_flag_end_to_end(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(UNKNOWN_PERSON + "\n", encoding="utf-8")
    assert main(["extract", "--model", str(article)]) == 0
    [document] = json.loads(capsys.readouterr().out)
    mentions = [(m["text"], m["source"]) for e in document["entities"] for m in e["mentions"]]
    assert (FULL, "model") in mentions
    assert main(["extract", "--format", "tsv", str(article)]) == 0
    assert FULL not in capsys.readouterr().out


@pytest.mark.parametrize("flag, imported", [([], False), (["--model"], True)])
def test_the_model_is_imported_only_with_the_flag(flag, imported):
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
async def test_reader_with_model_lists_the_model_entity(tmp_path):
    from test_app_fixtures import make_app, settle

    app = make_app(tmp_path, [parse_text(UNKNOWN_PERSON, str(tmp_path / "a.txt"))])
    app.analyzer = model_analyzer
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one(EntitiesPane)
        assert f"PER:{FULL}" in pane._entity_nodes
