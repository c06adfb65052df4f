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
