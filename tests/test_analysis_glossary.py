from __future__ import annotations

import pytest

from seedread.analysis.pipeline import analyze
from seedread.text.document import parse_text


def definitions(text: str) -> dict[str, str]:
    glossary = analyze(parse_text(text)).glossary
    return {entry.term: entry.definition for entry in glossary if entry.definition}


@pytest.mark.parametrize(
    "text",
    [
        "القاهرة (رويترز) - أعلنت الحكومة المصرية خطة جديدة.",
        "وقالت الشرطة (الفرنسية) إن المتظاهرين تفرقوا.",
        "وذكرت القناة (CNN) أن الرئيس غادر.",
        "وتظهر الصورة اللوحة الشهيرة (أرشيف) في المتحف.",
        "وعقد الاجتماع الطارئ (الخميس الماضي) في المقر.",
        "وانتشرت القوات الدولية (جنوب لبنان) منذ الحرب.",
    ],
)
def test_a_credit_a_date_or_a_place_in_brackets_is_no_definition(text):
    assert definitions(text) == {}


def test_a_definition_in_brackets_is_still_kept():
    found = definitions("وقالت حركة المقاومة الإسلامية (حماس) إنها سترد.")
    assert "حماس" in found.values(), found
