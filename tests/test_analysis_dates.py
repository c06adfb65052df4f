from __future__ import annotations

import datetime as dt

import pytest

from seedread.analysis.dates import find_dates

REF = dt.date(2016, 11, 7)


def values(text, ref=REF):
    return [(text[d.start : d.end], d.value, d.year_certainty) for d in find_dates(text, ref)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في 28 تشرين الأول 2016 بدأت", "2016-10-28"),
        ("في 28 أكتوبر 2016 بدأت", "2016-10-28"),
        ("في ٢٨ أكتوبر ٢٠١٦ بدأت", "2016-10-28"),
        ("يوم 5 جويلية 2016", "2016-07-05"),
        ("يوم 5 يوليوز 2016", "2016-07-05"),
        ("في 3 أوت 2015", "2015-08-03"),
        ("في 28 أكتوبر / تشرين الأول 2016", "2016-10-28"),
        ("في 1 رمضان 1437 هـ", "2016-06-06"),
        ("في 10/11/2016", "2016-11-10"),
        ("في شهر شباط 2014", "2014-02"),
    ],
)
def test_absolute_dates_in_every_month_system(text, value):
    found = values(text)
    assert len(found) == 1 and found[0][1] == value and found[0][2] == "stated", found


def test_day_month_without_year_takes_the_latest_not_after_the_document_date():
    assert values("في 28 تشرين الأول")[0][1:] == ("2016-10-28", "inferred")
    assert values("في 30 كانون الأول")[0][1] == "2015-12-30"
    assert values("في 30 كانون الأول", None)[0][1:] == ("XXXX-12-30", "unknown")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قال أمس", "2016-11-06"),
        ("اليوم", "2016-11-07"),
        ("منذ أسبوع", "2016-10-31"),
        ("منذ حوالى الأسبوع", "2016-10-31"),
        ("قبل يومين", "2016-11-05"),
        ("قبل ثلاثة أيام", "2016-11-04"),
        ("الأسبوع الماضي", "2016-W44"),
        ("الشهر الماضي", "2016-10"),
        ("العام الماضي", "2015"),
        ("يوم الأحد الماضي", "2016-11-06"),
        ("تموز الماضي", "2016-07"),
    ],
)
def test_relative_dates_resolve_against_the_document_date(text, value):
    assert [v for _, v, _ in values(text)] == [value]


def test_relative_dates_stay_relative_without_a_document_date():
    assert values("منذ أسبوع", None)[0][1:] == ("-P7D", "unknown")


def test_years_and_hijri_years():
    assert values("في عام 2016")[0][1] == "2016"
    assert values("سنة ٢٠١٦")[0][1] == "2016"
    assert values("عام 1437 هـ")[0][1] == "2015-10-14/2016-10-01"


@pytest.mark.parametrize(
    "text",
    ["مارس الضغط على الحكومة", "مشروع «1070 شقة»", "عاد إلى نيسان", "حرب تموز"],
)
def test_words_that_only_look_like_dates_are_not_dates(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يقيم هناك منذ 2005 مع أسرته", "2005"),
        ("منذ حرب الخليج 1991 والبلاد", "1991"),
        ("وفي كأس العالم 2002 لعب", "2002"),
        ("ولد عام 1984من أب مصري", "1984"),
        ("منذ عام 1997 يعمل", "1997"),
        ("تولى الرئاسة (1961 - 1971) ثم", "1961/1971"),
        ("حكم من 1929 إلى 1937 ثم", "1929/1937"),
        ("بين عامي 2003 و2005 ارتفعت", "2003/2005"),
        ("من 3 إلى 5 آذار", "2016-03-03/2016-03-05"),
        ("بين 3 و5 آذار", "2016-03-03/2016-03-05"),
        ("من 26 وحتى 30 أكتوبر الجاري", "2016-10-26/2016-10-30"),
    ],
)
def test_years_without_a_year_word_and_ranges_are_one_entry(text, value):
    assert [v for _, v, _ in values(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["تطبيق القرار 1701 كاملا", "يصل الراتب إلى حد 1800 يورو", "الرحلة 1907 إلى القاهرة",
     "في سباق 1500 متر", "بيك آب نيسان", "رجب طيب أردوغان", "وصل الاثنين الآخرين",
     "قال المراقب العام السابق", "في اليوم الثاني من البطولة", "بقي اليوم كله",
     "في مدينة 6 أكتوبر", "قوى الرابع عشر من آذار", "منذ سنوات طويلة", "يكتب كل خميس"],
)
def test_numbers_names_and_phrases_that_are_not_dates(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("فاز الخميس على منافسه", "2016-11-03"),
        ("أعلن الجيش السبت أن", "2016-11-05"),
        ("منذ الحادي عشر من سبتمبر", "2016-09-11"),
        ("في الأول من مارس / آذار 2003", "2003-03-01"),
        ("في العاشر من الشهر المقبل", "2016-12-10"),
        ("هذا الشهر", "2016-11"),
        ("لهذا العام", "2016"),
        ("نهاية هذا الأسبوع", "2016-W45"),
        ("وقع الليلة الماضية", "2016-11-06"),
        ("يلتقي يوم غد", "2016-11-08"),
        ("منذ ما يزيد على تسعة أشهر", "2016-02-07"),
        ("منذ عشر سنوات", "2006-11-07"),
        ("في ٢٠٢٢/٦/١", "2022-06-01"),
        ("في أوائل التسعينيات من القرن الماضي", "199"),
        ("من أغسطس حتى ديسمبر من العام الماضي", "2015-08/2015-12"),
    ],
)
def test_weekdays_ordinal_days_and_relative_periods(text, value):
    assert [v for _, v, _ in values(text)] == [value]


def test_today_with_its_weekday_is_one_entry_for_today():
    assert values("وصل اليوم الاثنين") == [("اليوم", "2016-11-07", "inferred")]
    assert values("يلتقي غدا الثلاثاء") == [("غدا", "2016-11-08", "inferred")]
    assert values("وصل اليوم السبت") == [("اليوم", "2016-11-07", "inferred")]


def test_the_same_month_takes_the_month_of_the_previous_date():
    found = values("بدأ في 3 آذار 2015 وانتهى في 11 من الشهر نفسه")
    assert [v for _, v, _ in found] == ["2015-03-03", "2015-03-11"]


@pytest.mark.parametrize(
    ("reference", "past_the_edge", "inside"),
    [
        (dt.date(1, 1, 1), ("أمس", "العام الماضي", "منذ أسبوع"), {"غدا": "0001-01-02"}),
        (dt.date(9999, 12, 31), ("غدا", "الشهر المقبل"), {"أمس": "9999-12-30"}),
    ],
)
def test_a_reference_at_the_calendar_edge_leaves_only_what_falls_outside_unresolved(
    reference, past_the_edge, inside
):
    text = "قال أمس وغدا والشهر المقبل والعام الماضي ومنذ أسبوع"
    found = {span: (value, certainty) for span, value, certainty in values(text, reference)}
    assert all(found[span][1] == "unknown" for span in past_the_edge), found
    assert all(found[span] == (value, "inferred") for span, value in inside.items()), found


def test_a_dateline_restarts_the_reference_of_the_stories_after_it():
    text = ("القاهرة 3 آذار 2015 (رويترز) - قال الوزير أمس إن\n"
            "بيروت 10 أيار 2014 (أ ف ب) - أعلن الجيش أمس أن")
    found = find_dates(text, REF)
    assert [(d.value, d.reference) for d in found] == [
        ("2015-03-03", None), ("2015-03-02", dt.date(2015, 3, 3)),
        ("2014-05-10", None), ("2014-05-09", dt.date(2014, 5, 10)),
    ]


def test_timeline_entries_say_what_they_were_resolved_against():
    from seedread.analysis.pipeline import analyze
    from seedread.text.document import parse_text

    for front, reference in (("2016-11-07", "2016-11-07"), ("0001-01-01", None)):
        document = parse_text(f"---\ndate: {front}\n---\nقال الوزير أمس إن الاتفاق وقع عام 2015.\n")
        timeline = analyze(document).timeline
        by_text = {e.text: e for e in timeline}
        assert by_text["أمس"].reference == reference
        assert by_text["عام 2015"].reference is None and by_text["عام 2015"].value == "2015"
