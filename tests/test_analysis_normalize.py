from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seedread.analysis.normalize import (
    normalize_word,
    original_offset,
    split_proclitics,
    strip_proclitics,
    word_matches,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("إسرائيل", "اسراييل"),
        ("أَحْمَد", "احمد"),
        ("آفي", "افي"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("سوريّة", "سوريه"),
        ("سـوريـا", "سوريا"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("Walla", "walla"),
    ],
)
def test_normalize_word_folds_spelling_variants(word, expected):
    assert normalize_word(word) == expected


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("لروسيا", "روسيا"),
        ("لإسرائيل", "اسراييل"),
        ("والكرملين", "الكرملين"),
        ("للكنيست", "الكنيست"),
        ("بالعراق", "العراق"),
        ("فالحزب", "الحزب"),
        ("كالجيش", "الجيش"),
        ("وبدمشق", "دمشق"),
    ],
)
def test_proclitics_are_peeled(word, stem):
    assert stem in {s for _, s in split_proclitics(word)}
    assert word_matches(stem, word)


def test_whole_word_comes_first_and_short_stems_are_not_offered():
    assert split_proclitics("بريطانيا")[0] == (0, "بريطانيا")
    assert all(len(stem) >= 2 for _, stem in split_proclitics("وب"))


def test_search_does_not_match_a_different_word():
    assert not word_matches("روسيا", "روسي")
    assert "كرملين" in strip_proclitics("والكرملين")


def test_original_offset_skips_harakat():
    assert original_offset("وَروسيا", 1) == 2


def test_no_gpl_code_runs_in_the_rules_only_extraction():
    """pyarabic is GPL-3.0: the rules-only extraction never imports it (the model still
    reads its proper-noun list until it is retrained without that feature)."""
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
    script = (
        "import sys, io, contextlib\n"
        "from seedread.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['extract', '--no-model', {str(seed)!r}])\n"
        "sys.stderr.write(str(any(m.split('.')[0] == 'pyarabic' for m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stderr.strip() == "False"
