"""Temporal expressions in Arabic news and their ISO 8601 values.

The patterns run over a folded copy of the text of the same length (alef forms, ى, ة, hamza
seats folded; harakat turned into tatweel; Arabic-Indic digits into ASCII), so every match
is directly a span of the document. Month names come from `calendar_names` (CLDR and
hijridate). A month name alone is never a date (مارس is also a verb): it needs a day, a
year, «شهر» before it or «الماضي/المقبل» after it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from hijridate import Gregorian, Hijri

from seedread.analysis.calendar_names import gregorian_months, hijri_months, weekdays
from seedread.analysis.normalize import normalize_word

_FOLD = str.maketrans(
    {
        **{c: "ا" for c in "أإآٱ"},
        "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        **{chr(c): "ـ" for c in range(0x064B, 0x0653)},
        "\u0670": "ـ",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

NUMBER_WORDS = {
    "يوم": 1, "يوما": 1, "يومين": 2, "اسبوع": 1, "الاسبوع": 1, "اسبوعين": 2, "شهر": 1,
    "الشهر": 1, "شهرين": 2, "سنه": 1, "السنه": 1, "عام": 1, "العام": 1, "عامين": 2,
    "سنتين": 2, "ساعه": 0, "ساعات": 0, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
    "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8,
    "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "بضعه": 3, "بضع": 3, "عده": 3,
}
UNIT_DAYS = {"يوم": 1, "ايام": 1, "عاما": 365, "سنين": 365, "يومين": 1, "يوما": 1, "ساعه": 0, "ساعات": 0,
             "اسبوع": 7, "الاسبوع": 7, "اسبوعين": 7, "اسابيع": 7, "شهر": 30, "الشهر": 30,
             "شهرين": 30, "اشهر": 30, "شهور": 30, "سنه": 365, "السنه": 365, "عام": 365,
             "العام": 365, "عامين": 365, "سنتين": 365, "سنوات": 365, "اعوام": 365}
PAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق", "السابقه")
NEXT = ("المقبل", "المقبله", "القادم", "القادمه")
CURRENT = ("الجاري", "الحالي", "الحاليه")
PLURAL_UNITS = ("ايام", "اشهر", "شهور", "سنوات", "اعوام", "اسابيع", "سنين")
# Ordinal day numbers as news writes them before «من» + month (الحادي عشر من سبتمبر).
_UNITS_ORD = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
              "التاسع")
ORDINALS = {
    **{word: n for n, word in enumerate(_UNITS_ORD, 1)},
    "العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30,
    "الحادي والعشرين": 21, "الواحد والعشرين": 21, "الحادي والثلاثين": 31,
    "الواحد والثلاثين": 31,
    **{f"{word} عشر": n + 10 for n, word in enumerate(_UNITS_ORD[1:], 2)},
    **{f"{word} والعشرين": n + 20 for n, word in enumerate(_UNITS_ORD[1:], 2)},
}
# Words before a bare four-digit number that make it a year (منذ 2005، من 1929 إلى 1937،
# عامي 2003 و2005) — any other number (القرار 1701، 1800 يورو) stays a number.
YEAR_BEFORE = {"منذ", "في", "من", "الي", "حتي", "بين", "عامي", "اعوام", "سنوات", "العامين",
               "خلال", "قبل", "بعد", "مطلع", "اواخر", "اوائل", "منتصف", "نهايه", "بدايه"}
# Nouns a year names an edition of (كأس العالم 2002، حرب الخليج 1991).
YEAR_EVENTS = {"كاس", "مونديال", "حرب", "انتخابات", "اولمبياد", "دوره", "بطوله", "موسم",
               "احداث", "ازمه", "انتفاضه", "عدوان", "ثوره"}
# Words after a number that make it an amount, not a year (2000 دولار).
AMOUNT_AFTER = {"يورو", "دولار", "جنيه", "ريال", "درهم", "دينار", "ليره", "شيكل", "متر",
                "كيلومتر", "كلم", "كيلو", "كيلوغرام", "طن", "برميل", "شخص", "قتيل", "جريح",
                "جندي", "سياره", "منزل", "مليون", "الف", "مليار", "قصه", "صفحه", "عامل",
                "طالب", "لاجي", "مواطن", "نسمه", "ميغاوات", "كيلوواط", "هكتار", "دونم"}
# Nouns named after a date that are not dates: «مدينة 6 أكتوبر»، «قوى الرابع عشر من آذار».
NAMED_AFTER_DATE = {"مدينه", "شارع", "جسر", "ميدان", "حي", "قوي", "تيار", "حركه", "تحالف",
                    "جماعه", "ساحه", "جامعه", "فريق", "مستشفي", "كتله"}
# What «اليوم» is not a date before or after: اليوم التالي، اليوم الثاني، اليوم كله، ذلك اليوم.
DAY_NOT_AFTER = ("التالي", "السابق", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "الاخير",
                 "كله", "نفسه", "ذاته", "العالمي", "الوطني")
WEEKDAY_NOT_AFTER = ("الاخرين", "الاخران", "الاخريين", "معا", "منهما", "كليهما")
WEEKDAY_NOT_BEFORE = {"بين", "كلا", "هذين", "احد", "كل"}


def _alternation(names) -> str:
    parts = []
    for name in sorted(names, key=len, reverse=True):
        words = ["ـ*".join(re.escape(c) for c in word) for word in name.split()]
        parts.append(r"\s+".join(words))
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    value: str
    year_certainty: str  # "stated", "inferred" or "unknown"
    sort_key: str
    reference: dt.date | None = None  # what a relative value was resolved against


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    greg = _alternation(gregorian_months())
    hijri = _alternation(hijri_months())
    day_names = _alternation(weekdays())
    modifiers = "|".join(PAST + NEXT + CURRENT)
    ordinals = _alternation(ORDINALS)
    to = r"\s*(?:-|–|الي|حتي|وحتي|ولغايه|لغايه|و)\s*"
    to_day = r"\s*(?:-|–|الي|حتي|وحتي|ولغايه|لغايه)\s*"  # «18 و19 فيفري» lists two days
    edge = r"(?:مطلع|مستهل|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه)\s+"

    def month(tag: str) -> str:
        return (rf"(?:(?P<m{tag}>{greg}|{hijri})(?:\s*[/(\-–]\s*(?:{greg})\s*\)?)?"
                rf"|(?P<rel{tag}>الشهر\s+(?:{modifiers}|نفسه|ذاته)))")

    def year(tag: str) -> str:
        return rf"(?P<year{tag}>\d{{4}})(?:\s*(?P<era{tag}>هـ|ه|م)(?![^\W\d_]))?"

    weekday = rf"(?:(?:يوم|مساء|صباح|ليله|ليل|فجر|ظهر)\s+)?(?:ال)?(?:{day_names})\s*[،,]?\s*"
    full = (
        rf"(?:{weekday})?(?:(?P<rday>[0-3]?\d){to_day}|(?<=بين\s)(?P<rday2>[0-3]?\d)\s*و\s*)?"
        rf"(?:(?P<day>[0-3]?\d)\s*(?:من\s+)?|(?P<ord>{ordinals})\s+من\s+)(?:شهر\s+)?{month('a')}"
        rf"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه|السنه|لعام)?\s*{year('a')}"
        rf"|\s+(?P<moda>{modifiers}))?"
    )
    month_year = (
        rf"(?:(?P<mr>{greg}|{hijri})(?:\s*/\s*(?:{greg}))?{to})?"
        rf"(?:{edge})?(?:شهر\s+)?{month('b')}\s*(?:من\s+)?(?:عام|العام|سنه|السنه)?\s*{year('b')}"
    )
    month_mod = (
        rf"(?:{edge})?(?:(?:شهر\s+)(?P<mm>{greg}|{hijri})(?:\s*/\s*(?:{greg}))?"
        rf"(?:\s+(?P<mod1>{modifiers}))?|(?P<mn>{greg}|{hijri})(?:\s*/\s*(?:{greg}))?"
        rf"\s+(?P<mod2>{modifiers})"
        rf"|(?:(?P<mr3>{greg})(?:\s*/\s*(?:{greg}))?{to})?(?P<mo>{greg})(?:\s*/\s*(?:{greg}))?"
        rf"\s+من\s+(?:العام|السنه)\s+(?P<mod3>{modifiers}))"
    )
    numeric = (r"(?P<nd>[0-3]?\d)[/.\-](?P<nm>[01]?\d)[/.\-](?P<ny>\d{4})"
               r"|(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
               r"|(?P<sy>\d{4})/(?P<sm>[01]?\d)/(?P<sd>[0-3]?\d)")
    year_only = r"(?:(?:عام|العام|سنه|السنه|لعام|بعام)\s*(?P<y2>\d{4})(?:\s*(?P<era2>هـ|ه|م)(?![^\W\d_]))?|(?P<y3>\d{4})\s*(?P<era3>هـ|م)(?![^\W\d_]))"
    bare_year = r"(?P<y4>(?:1[89]|20)\d\d)(?![\d%]|[.,]\d)"
    decade = (
        rf"(?:{edge})?(?P<dec>ال(?:عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:يات|ات))"
        rf"(?:\s+من\s+القرن\s+(?P<cent>الماضي|العشرين|الحالي|الحادي\s+والعشرين))?"
    )
    count = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    units = "|".join(sorted(UNIT_DAYS, key=len, reverse=True))
    ago = (
        r"(?P<ago>منذ|قبل)\s+(?:(?:حوالي|نحو|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يزيد\s+(?:علي|عن)|ما\s+يقرب\s+من)\s+)?"
        rf"(?:(?P<n>\d{{1,3}}|{count})\s+)?(?P<unit>{units})(?![^\W\d_])(?!\s*\d)"
    )
    period = (
        rf"(?P<pedge>{edge})?(?:(?P<this>هذا|هذه|لهذا|لهذه)\s+)?(?P<period>الاسبوع|الشهر|العام|السنه)"
        rf"(?:\s+(?P<pmod>{modifiers}))?"
    )
    day_ref = (
        rf"(?P<wd2>(?:(?<!ال)(?:يوم|مساء|صباح|ليله|ليل|فجر|ظهر)\s+(?:ال)?(?:{day_names})"
        rf"(?:\s+(?P<wmod1>{modifiers}))?)|(?:ال)?(?:{day_names})\s+(?P<wmod2>{modifiers}))"
        rf"|(?P<wd3>ال(?:{day_names}))"
    )
    simple = (r"(?P<simple>اول\s+امس|امس\s+الاول|ليله\s+امس|الليله\s+الماضيه|امس|البارحه|اليوم|غدا|غدـ|بعد\s+غد|يوم\s+غد)"
              rf"(?:\s+(?:ال)?(?:{day_names})(?![^\W_]))?")
    body = "|".join(f"(?:{p})" for p in (
        numeric, full, month_year, month_mod, year_only, decade, ago, period, day_ref, simple,
        bare_year))
    return re.compile(
        rf"(?:(?<![^\W_])|(?<=[^\W\d_])(?=\d))(?:[وفبل]|ال|لل|بال|وال|ول|وب|لـ|بـ)?"
        rf"(?P<date>{body})(?:(?<=\d)(?!\d)|(?<!\d)(?![^\W_]))"
    )


def fold(text: str) -> str:
    """The same-length matching copy of `text` the patterns run over."""
    return text.translate(_FOLD)


def find_dates(text: str, reference: dt.date | None) -> list[DateMatch]:
    """Every temporal expression with its value, resolved against `reference` when known.

    A reference so close to year 1 or 9999 that a result falls outside the calendar leaves
    that expression unresolved, as without a reference. In a digest of dated stories, a
    dateline («القاهرة 3 آذار 2016 (رويترز) -») restarts the reference where it stands.
    """
    folded = fold(text)
    found: list[DateMatch] = []
    context = {"month": None}
    for match in _matches(folded):
        if not _is_date(folded, match):
            continue
        try:
            resolved = _resolve(match, reference, context)
            if resolved and not _in_calendar(resolved[0]):
                raise OverflowError(resolved[0])
        except (OverflowError, ValueError):
            resolved = _resolve(match, None, context)
        if resolved is None:
            continue
        value, certainty, key = resolved
        start, end = match.span("date")
        if match.group("simple"):
            end = match.end("simple")  # «أمس الأحد»: the weekday only confirms the day
        current = DateMatch(start, end, value, certainty, key,
                            reference if certainty == "inferred" else None)
        if len(value) == 10 and certainty == "stated" and DATELINE.match(folded, end) and _opens_line(folded, start):
            reference = dt.date.fromisoformat(value)
        if found and _joins_range(folded, found[-1], current):
            first = found.pop()
            current = DateMatch(first.start, end, f"{first.value}/{value}",
                                _weaker(first.year_certainty, certainty), first.sort_key,
                                first.reference or current.reference)
        found.append(current)
        if len(value) >= 7 and value[4] == "-" and value[:4].isdigit() and value[5:7].isdigit():
            context["month"] = (int(value[:4]), int(value[5:7]))
    return found


WORD = re.compile(r"\d+|[^\W\d_]+")
PREFIXES = ("وبال", "وال", "بال", "لل", "ال", "ول", "وب", "و", "ف", "ب", "ل")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word a date expression can begin with (after a proclitic)."""
    names = [*gregorian_months(), *hijri_months(), *weekdays(), *ORDINALS]
    words = {name.split()[0] for name in names}
    words |= {"ال" + day for day in weekdays()}
    words |= {"ال" + stem + end for stem in DECADES for end in ("يات", "ات")}
    words |= set("""يوم مساء صباح ليله ليل فجر ظهر شهر مطلع مستهل بدايه اوائل منتصف اواسط اواخر
        نهايه عام العام سنه السنه لعام بعام منذ قبل هذا هذه لهذا لهذه الاسبوع الشهر
        اول امس البارحه اليوم غدا غد بعد الليله""".split())
    return frozenset(words)


def _matches(folded: str):
    """The pattern's matches, tried only where a word can begin a date: the same matches
    as `finditer`, without running the long alternation at every other word."""
    first = _first_words()
    pattern = _pattern()
    resume = 0
    for word in WORD.finditer(folded):
        start = word.start()
        if start < resume:
            continue
        token = word.group().replace("ـ", "")
        if not token or not (token[0].isdigit() or token in first or token in PREFIXES
                or any(token.startswith(p) and token[len(p):] in first for p in PREFIXES)):
            continue
        match = pattern.match(folded, start)
        if match:
            resume = match.end()
            yield match


def _in_calendar(value: str) -> bool:
    """Whether every year in an ISO value lies in 0001–9999 (none does past the edges)."""
    return all(0 < int(year) <= 9999 for year in re.findall(r"(?:^|/)(\d{4,})(?=-|/|$)", value))


DATELINE = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*[-–]")


def _opens_line(folded: str, start: int) -> bool:
    """Whether the date stands in the first few words of its line (a dateline)."""
    line_start = folded.rfind("\n", 0, start) + 1
    return start - line_start <= 40 and len(folded[line_start:start].split()) <= 4


def _words_before(folded: str, start: int, count: int = 2) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", folded[max(0, start - 40) : start])[-count:]


def _word_after(folded: str, end: int) -> str:
    following = re.match(r"\s*([^\W_]+|%)", folded[end : end + 30])
    return following.group(1) if following else ""


def _bare(word: str) -> str:
    """`word` without a one-letter proclitic (و، ب، ل، ف)."""
    return word[1:] if len(word) > 3 and word[0] in "وبلف" else word


def _is_date(folded: str, match: re.Match[str]) -> bool:
    """False for the look-alikes context rules out: amounts and numbers that are no years,
    places and movements named after a date, «اليوم الثاني», «الاثنين الآخرين»."""
    g = match.groupdict()
    start, end = match.span("date")
    before = _words_before(folded, match.start())
    previous = before[-1] if before else ""
    after = _word_after(folded, end)
    if g["y4"]:
        if after in AMOUNT_AFTER or after.isdigit():
            return False
        gap = folded[max(0, match.start() - 3) : match.start()]
        if re.search(r"[(\-–/]\s*$", gap) or _bare(previous) in YEAR_BEFORE:
            return True
        if match.start() < start and previous.isdigit():  # و2005 after a year
            return True
        return any(_bare(word) in YEAR_EVENTS for word in before)
    if (g["day"] or g["ord"]) and not g["yeara"] and _bare(previous) in NAMED_AFTER_DATE:
        return False
    if g["simple"] and g["simple"] == "اليوم":
        if after in DAY_NOT_AFTER or previous in ("ذلك", "تلك"):
            return False
    if g["wd3"]:
        return after not in WEEKDAY_NOT_AFTER and _bare(previous) not in WEEKDAY_NOT_BEFORE
    if (g["period"] == "العام" and previous.startswith("ال") and match.start() == start
            and previous not in PAST + NEXT + CURRENT and not (g["this"] or g["pedge"])):
        return False  # المراقب العام السابق: «العام» is "general"
    if g["dec"] and after in ("من", "عمره", "عمرها") and not g["cent"]:
        return False  # في الخمسينات من عمره
    return True


def _joins_range(folded: str, first: DateMatch, second: DateMatch) -> bool:
    """Two dates joined by «إلى/حتى/-», or by «و» after «بين»: one range entry."""
    between = folded[first.end : second.start]
    if not re.fullmatch(r"\s*(?:-|–|الي|حتي|وحتي|لغايه|ولغايه|و|وال|و\s+)\s*\(?", between):
        return False
    unresolved = any(c in first.value + second.value for c in "XP/")
    if unresolved or first.sort_key > second.sort_key:
        return False
    if re.fullmatch(r"\s*(?:و|وال|و\s+)\s*\(?", between):
        opening = folded[max(0, first.start - 14) : first.start]
        return re.search(r"بين\s+(?:عامي\s+|العامين\s+)?$", opening) is not None
    return True


def _weaker(first: str, second: str) -> str:
    order = ("unknown", "inferred", "stated")
    return min(first, second, key=order.index)


def _month_of(name: str | None) -> tuple[int, bool] | None:
    """(month number, is Hijri) for a matched month name."""
    if not name:
        return None
    phrase = " ".join(normalize_word(w.replace("ـ", "")) for w in name.split())
    if phrase in gregorian_months():
        return gregorian_months()[phrase], False
    if phrase in hijri_months():
        return hijri_months()[phrase], True
    return None


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _before(reference: dt.date, month: int, day: int) -> dt.date | None:
    """The most recent `day` of `month` not after `reference`."""
    for year in (reference.year, reference.year - 1, reference.year - 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


def _after(reference: dt.date, month: int, day: int) -> dt.date | None:
    """The first `day` of `month` after `reference`."""
    for year in (reference.year, reference.year + 1, reference.year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate > reference:
            return candidate
    return None


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _resolve(m: re.Match[str], ref: dt.date | None, context: dict):
    """(value, year certainty, sort key) of a match, or None when it is no real date."""
    g = m.groupdict()
    if g["nd"] or g["iy"] or g["sy"]:
        day, month, year = (
            (g["nd"], g["nm"], g["ny"]) if g["nd"]
            else (g["id"], g["im"], g["iy"]) if g["iy"] else (g["sd"], g["sm"], g["sy"])
        )
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        return _iso(date), "stated", _iso(date)
    if g["day"] is not None or g["ord"]:
        day = int(g["day"]) if g["day"] is not None else ORDINALS[_phrase(g["ord"])]
        if g["rela"]:
            return _day_of_relative_month(day, g["rela"], ref, context)
        found = _day_month(day, g["ma"], g["yeara"], g["eraa"], g["moda"], ref)
        rday = g["rday"] or g["rday2"]
        if found and rday and int(rday) < day and "X" not in found[0]:
            first = f"{found[0][:8]}{int(rday):02d}"
            return f"{first}/{found[0]}", found[1], first
        return found
    if g["mb"] or g["relb"]:
        if not g["mb"]:
            return None
        month, hijri = _month_of(g["mb"])
        year = int(g["yearb"])
        if g["mr"] and not hijri and g["erab"] not in ("هـ", "ه"):
            first, _ = _month_of(g["mr"])
            if first < month:
                return (f"{year:04d}-{first:02d}/{year:04d}-{month:02d}", "stated",
                        f"{year:04d}-{first:02d}-01")
        if hijri or g["erab"] in ("هـ", "ه"):
            start = _hijri_to_gregorian(year, month, 1)
            return (start.strftime("%Y-%m"), "stated", _iso(start)) if start else None
        return f"{year:04d}-{month:02d}", "stated", f"{year:04d}-{month:02d}-01"
    if g["mo"]:
        return _month_of_year(g["mr3"], g["mo"], g["mod3"], ref)
    if g["mm"] or g["mn"]:
        return _month_alone(g["mm"] or g["mn"], g["mod1"] or g["mod2"], ref)
    if g["y2"] or g["y3"] or g["y4"]:
        return _year(int(g["y2"] or g["y3"] or g["y4"]), g["era2"] or g["era3"])
    if g["dec"]:
        return _decade(g["dec"], g["cent"])
    if g["ago"]:
        return _ago(g["n"], g["unit"], ref)
    if g["period"]:
        if not (g["pmod"] or g["this"] or g["pedge"]):
            return None
        return _period(g["period"], g["pmod"], ref)
    if g["wd2"] or g["wd3"]:
        return _weekday(g["wd2"] or g["wd3"], g["wmod1"] or g["wmod2"], ref)
    if g["simple"]:
        words = g["simple"].split()
        offset = {"امس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "غدـ": 1}.get(words[0], 0)
        if len(words) > 1:
            offset = {"بعد": 2, "يوم": 1, "ليله": -1, "الليله": -1}.get(words[0], -2)
        return _offset(offset, ref)
    return None


def _phrase(words: str) -> str:
    return " ".join(w.replace("ـ", "") for w in words.split())


DECADES = {"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7,
           "ثمانين": 8, "تسعين": 9}


def _decade(word: str, century: str | None):
    """«التسعينيات من القرن الماضي» → "199" (the decade, as TIMEX writes it)."""
    tens = next(n for stem, n in DECADES.items() if word[2:].startswith(stem))
    hundreds = 20 if century and century.split()[0] in ("الحالي", "الحادي") else 19
    return f"{hundreds}{tens}", "stated", f"{hundreds}{tens}0"


def _day_of_relative_month(day: int, phrase: str, ref, context: dict):
    """«السابع من الشهر الحالي»، «العاشر من الشهر المقبل»، «11 من الشهر نفسه»."""
    modifier = phrase.split()[-1]
    if modifier in ("نفسه", "ذاته"):
        if context["month"] is None:
            return None
        year, month = context["month"]
        certainty = "stated"
    else:
        if ref is None:
            return None
        step = -1 if modifier in PAST else 1 if modifier in NEXT else 0
        year, month = divmod(ref.year * 12 + ref.month - 1 + step, 12)
        month += 1
        certainty = "inferred"
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return _iso(date), certainty, _iso(date)


def _months_back(ref: dt.date, months: int) -> dt.date:
    """`ref` moved back by calendar months, the day clamped to the month's length."""
    year, month = divmod(ref.year * 12 + ref.month - 1 - months, 12)
    for day in range(ref.day, 27, -1):
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    return dt.date(year, month + 1, min(ref.day, 28))


def _day_month(day: int, month_name: str, year: str | None, era: str | None,
               modifier: str | None, ref):
    month, hijri = _month_of(month_name)
    if not 1 <= day <= 31:
        return None
    if hijri or era in ("هـ", "ه"):
        if year:
            date = _hijri_to_gregorian(int(year), month, day)
            return (_iso(date), "stated", _iso(date)) if date else None
        if ref is None:
            return "XXXX-XX-XX", "unknown", f"9999-{month:02d}-{day:02d}h"
        hyear = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
        for candidate_year in (hyear, hyear - 1):
            date = _hijri_to_gregorian(candidate_year, month, day)
            if date and date <= ref:
                return _iso(date), "inferred", _iso(date)
        return None
    if year:
        try:
            date = dt.date(int(year), month, day)
        except ValueError:
            return None
        return _iso(date), "stated", _iso(date)
    if ref is not None:
        date = _after(ref, month, day) if modifier in NEXT else _before(ref, month, day)
        if date:
            return _iso(date), "inferred", _iso(date)
    return f"XXXX-{month:02d}-{day:02d}", "unknown", f"9999-{month:02d}-{day:02d}"


def _month_alone(name: str, modifier: str | None, ref):
    month, hijri = _month_of(name)
    if hijri:
        return _hijri_month(month, modifier, ref)
    if ref is None:
        return f"XXXX-{month:02d}", "unknown", f"9999-{month:02d}"
    if modifier in NEXT:
        year = ref.year if month > ref.month else ref.year + 1
    elif modifier in PAST:
        year = ref.year if month < ref.month else ref.year - 1
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    return f"{year:04d}-{month:02d}", "inferred", f"{year:04d}-{month:02d}-01"


def _month_of_year(first: str | None, name: str, modifier: str, ref):
    """«ديسمبر من العام الماضي», «من أغسطس حتى ديسمبر من العام الماضي»."""
    if ref is None:
        return None
    year = ref.year + (-1 if modifier in PAST else 1 if modifier in NEXT else 0)
    month, _ = _month_of(name)
    start = _month_of(first)[0] if first else None
    if start and start < month:
        return (f"{year:04d}-{start:02d}/{year:04d}-{month:02d}", "inferred",
                f"{year:04d}-{start:02d}-01")
    return f"{year:04d}-{month:02d}", "inferred", f"{year:04d}-{month:02d}-01"


def _hijri_month(month: int, modifier: str | None, ref):
    """A Hijri month without a year, as the Gregorian interval it spans (رمضان المقبل)."""
    if ref is None:
        return "XXXX-XX", "unknown", "9999-99"
    hyear = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    spans = []
    for year in (hyear - 1, hyear, hyear + 1):
        first = _hijri_to_gregorian(year, month, 1)
        following = _hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
        if first and following:
            spans.append((first, following - dt.timedelta(days=1)))
    if modifier in NEXT:
        chosen = next((s for s in spans if s[0] > ref), None)
    elif modifier in PAST:
        chosen = next((s for s in reversed(spans) if s[1] < ref), None)
    else:
        chosen = next((s for s in reversed(spans) if s[0] <= ref), None)
    if chosen is None:
        return None
    return f"{_iso(chosen[0])}/{_iso(chosen[1])}", "inferred", _iso(chosen[0])


def _year(year: int, era: str | None):
    if era in ("هـ", "ه"):
        first = _hijri_to_gregorian(year, 1, 1)
        last = _hijri_to_gregorian(year + 1, 1, 1)
        if not first or not last:
            return None
        last -= dt.timedelta(days=1)
        return f"{_iso(first)}/{_iso(last)}", "stated", _iso(first)
    if not 1000 <= year <= 2999:
        return None
    return f"{year:04d}", "stated", f"{year:04d}"


def _relative_key(days: int) -> str:
    return f"9999-99-{100000 + days:06d}"


def _offset(days: int, ref):
    if ref is None:
        sign = "-" if days < 0 else "+" if days > 0 else ""
        return f"{sign}P{abs(days)}D", "unknown", _relative_key(days)
    date = ref + dt.timedelta(days=days)
    return _iso(date), "inferred", _iso(date)


def _ago(count: str | None, unit: str, ref):
    unit = normalize_word(unit)
    if count is None:
        number = NUMBER_WORDS.get(unit, 1)
    elif count.isdigit():
        number = int(count)
    else:
        number = NUMBER_WORDS.get(count, 1)
    if unit in PLURAL_UNITS and count is None:
        return None  # «منذ سنوات»: how long is not said
    days = number * UNIT_DAYS[unit]
    if ref is None:
        return f"-P{days}D", "unknown", _relative_key(-days)
    if UNIT_DAYS[unit] in (30, 365):
        date = _months_back(ref, number * (1 if UNIT_DAYS[unit] == 30 else 12))
    else:
        date = ref - dt.timedelta(days=days)
    return _iso(date), "inferred", _iso(date)


def _period(unit: str, modifier: str, ref):
    step = -1 if modifier in PAST else 1 if modifier in NEXT else 0
    code = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y"}[unit]
    if ref is None:
        sign = "-" if step < 0 else "+" if step > 0 else ""
        days = step * {"W": 7, "M": 30, "Y": 365}[code]
        return f"{sign}P{abs(step)}{code}", "unknown", _relative_key(days)
    if code == "W":
        day = ref + dt.timedelta(weeks=step)
        year, week, _ = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        return f"{year:04d}-W{week:02d}", "inferred", _iso(monday)
    if code == "M":
        month_index = ref.year * 12 + ref.month - 1 + step
        year, month = divmod(month_index, 12)
        return f"{year:04d}-{month + 1:02d}", "inferred", f"{year:04d}-{month + 1:02d}-01"
    return f"{ref.year + step:04d}", "inferred", f"{ref.year + step:04d}"


def _weekday(phrase: str, modifier: str | None, ref):
    number = next(
        (n for word in phrase.split() for name, n in weekdays().items()
         if normalize_word(word.replace("ـ", "")) == name),
        None,
    )
    if number is None:
        return None
    if ref is None:
        return f"XXXX-WXX-{number}", "unknown", _relative_key(-1)
    delta = (ref.isoweekday() - number) % 7
    if modifier in NEXT:
        date = ref + dt.timedelta(days=(number - ref.isoweekday()) % 7 or 7)
    else:
        date = ref - dt.timedelta(days=delta or (7 if modifier in PAST else 0))
    return _iso(date), "inferred", _iso(date)
