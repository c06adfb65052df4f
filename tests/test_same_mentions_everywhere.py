"""The reader, `extract` and `export` build the analysis one way: for the same file in a
folder with a user gazetteer they show the same mentions (the reader used to ignore
`<folder>/.seedread/gazetteer.toml` that the CLI verbs read)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from seedread.app.analysis_runner import default_analyzer
from seedread.text.document import load_paths

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
# A word of the seed that no bundled list names, made an organisation by the user.
USER_GAZETTEER = '[[entity]]\nname = "غرف عمليات"\ntype = "ORG"\nenglish = "operations rooms"\n'


def spans(entities) -> set[tuple[int, int, str]]:
    return {(m["start"], m["end"], e["type"]) for e in entities for m in e["mentions"]}


def cli(*argv: str) -> str:
    done = subprocess.run([sys.executable, "-m", "seedread", *argv], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_reader_extract_and_export_agree_on_a_folder_with_a_user_gazetteer(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / ".seedread").mkdir()
    (folder / ".seedread" / "gazetteer.toml").write_text(USER_GAZETTEER, encoding="utf-8")

    document = load_paths([folder]).documents[0]
    reader = default_analyzer(document, None).to_dict()
    shown = spans(reader["entities"])
    extracted = spans(json.loads(cli("extract", str(folder), "--format", "json"))[0]["entities"])
    exported = json.loads(cli("export", str(folder), "--format", "json"))
    exported_spans = {(m["start"], m["end"], m["label"])
                      for doc in exported["documents"] for e in doc["entities"] for m in e["mentions"]}

    assert any(e["name"] == "غرف عمليات" for e in reader["entities"]), "the user's entry is missing"
    assert shown == extracted == exported_spans
