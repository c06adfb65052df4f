"""People in news prose: where a person's span starts and ends. A reader sees a wrong span
as a wrong name in the entity pane (و glued to it, a common noun in front of it, or half of
the next clause after a comma)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seedread.analysis import analyze
from seedread.text.document import parse_text


def people(text: str, model: bool = True) -> list[str]:
    analysis = analyze(parse_text(text), model=model)
    return [m.text for e in analysis.entities if e.type == "PER" for m in e.mentions]


@pytest.mark.parametrize(
    "text, name",
    [
        ("قال المدير التنفيذي للمجموعة كيم سو إن الأرباح ارتفعت.", "كيم سو"),
        ("قال المدير العام بالشركة سامي الحلبي إن الإنتاج توقف.", "سامي الحلبي"),
        ("أعلن الرئيس التنفيذي لمجموعة الاتصالات رامي مخلوف أن الشبكة ستتوسع.", "رامي مخلوف"),
    ],
)
def test_a_common_word_behind_a_proclitic_stays_out_of_a_name(text, name):
    assert name in people(text)
    assert not any(("مجموعة" in p or "الشركة" in p) for p in people(text))


@pytest.mark.parametrize(
    "text, names",
    [
        ("التقى الرئيس بشار الأسد وسامر الخطيب في دمشق.", ["بشار الأسد", "سامر الخطيب"]),
        ("حضر اللقاء رنا عيسى، وطارق صعب، وسامر الخطيب.", ["رنا عيسى", "طارق صعب", "سامر الخطيب"]),
        ("التقى نبيه بري ووليد جنبلاط أمس.", ["نبيه بري", "وليد جنبلاط"]),
        ("اجتمع سمير جعجع ووائل أبو فاعور في بيروت.", ["سمير جعجع", "وائل أبو فاعور"]),
    ],
)
def test_a_name_after_the_conjunction_wa_starts_after_it(text, names):
    found = people(text)
    for name in names:
        assert name in found
    assert not any(p.startswith("و") and p not in names for p in found)


@pytest.mark.parametrize(
    "text, names",
    [
        ("التقى بشار الأسد وقادة الجيش في دمشق.", ["بشار الأسد"]),
        ("وصل محمد علي ونجله إلى المطار.", ["محمد علي"]),
    ],
)
def test_a_common_noun_after_wa_is_not_a_second_person(text, names):
    assert people(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "وصف المراقبون الوضع بأنه هادئ، فيما استمرت الاشتباكات في الريف.",
        "قال الناطق باسم الجيش إن الوضع هادئ، فيما تواصل القصف.",
        "وصل الوزير أحمد, فيما غادر الوفد.",
    ],
)
def test_a_name_never_spans_a_comma(text):
    assert not any(("،" in p or "," in p) for p in people(text))


NAME_PIECES = st.sampled_from(
    ["سامي", "الحلبي", "هادئ", "فيما", "أحمد", "الوزير", "،", ",", ".", "؛", ":", "(", ")",
     "وسامر", "الخطيب", "عبد", "الله", "نور", "الدين", "قال"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(NAME_PIECES, min_size=1, max_size=12).map(" ".join))
def test_no_person_spans_punctuation(text):
    for name in people(text):
        assert not set(name) & set("،,.؛:()"), name


@pytest.mark.parametrize(
    "text, name",
    [
        ("أكد عبد الرحيم دقلو أن قواته ستلتزم بالهدنة.", "عبد الرحيم دقلو"),
        ("قال نور الدين الطبوبي إن الاتحاد يرفض القرار.", "نور الدين الطبوبي"),
    ],
)
def test_two_word_first_names_introduce_a_person(text, name):
    assert name in people(text)


def test_religious_men_are_not_a_person():
    assert people("قال رجال الدين إن الاحتفال تأجل.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال الوزير علي حسن خليل إن الحكومة مستعدة.", ["علي حسن خليل"]),
        ("وصل ياسر عرفات إلى القاهرة.", ["ياسر عرفات"]),
        ("أجرى يوسف اتصالات مع القادة.", []),
        ("عقد محمد مشاورات مع الوفد.", []),
        ("وسجل أيمن الحرزي الهدفين في الشوط الثاني.", ["أيمن الحرزي"]),
        ("وقال رئيس بلدية قابس منير الطرابلسي إن العمل بدأ.", ["منير الطرابلسي"]),
    ],
)
def test_attested_name_words_decide_where_a_name_ends(text, expected):
    """A third word attested as a name (خليل) goes on, a definite plural (الهدفين) does not;
    a plural in ات that no list knows as a name (اتصالات، مشاورات) ends a name, one that the
    list knows (عرفات) does not. A title's complement (بلدية قابس) is not the name.
    These are the rules' own boundaries (--no-model)."""
    assert people(text, model=False) == expected


def test_organisation_head_qiwa_names_a_coalition():
    analysis = analyze(parse_text("وأكدت قوى الحرية والتغيير أن الاتفاق نهائي."))
    assert [(m.text, e.type) for e in analysis.entities for m in e.mentions] == [
        ("قوى الحرية والتغيير", "ORG")
    ]
