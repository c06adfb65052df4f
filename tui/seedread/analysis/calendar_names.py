"""Month and weekday names of the four systems Arabic news uses, from CLDR (babel) and
hijridate, in normalised form: Levantine/Iraqi (كانون الثاني), Egyptian/Gulf (يناير),
Maghrebi (جانفي، يوليوز) and Hijri (محرم … ذو الحجة)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from hijridate import Hijri

from seedread.analysis.normalize import normalize_word

# Locales whose month names differ: Syria (Levantine), Egypt (Egyptian/Gulf), Algeria and
# Morocco (Maghrebi).
GREGORIAN_LOCALES = ("ar_SY", "ar_EG", "ar_DZ", "ar_MA")
# Spellings news uses beside CLDR's: hamza-less, ي/ى and Maghrebi variants.
EXTRA_GREGORIAN = {
    "ابريل": 4, "إبريل": 4, "اغسطس": 8, "غشت": 8, "يوليوز": 7, "جويليه": 7, "شتنبر": 9,
    "نونبر": 11, "دجنبر": 12, "كانون ثاني": 1, "كانون أول": 12, "تشرين أول": 10,
    "تشرين ثاني": 11, "ديسيمبر": 12, "نوفمبر": 11, "سبتمبر": 9, "أكتوبر": 10,
}
EXTRA_HIJRI = {
    "ربيع الآخر": 4, "ربيع أول": 3, "ربيع ثاني": 4, "جمادى الأول": 5, "جمادى الثاني": 6,
    "جمادى الثانية": 6, "جمادى الأخرى": 6, "ذي القعدة": 11, "ذي الحجة": 12,
    "محرم الحرام": 1, "شهر رمضان": 9,
}


def _phrase(name: str) -> str:
    return " ".join(normalize_word(word) for word in name.split())


@lru_cache(maxsize=1)
def gregorian_months() -> dict[str, int]:
    """Normalised month name → month number, every Gregorian naming system."""
    months: dict[str, int] = {}
    for locale in GREGORIAN_LOCALES:
        for number, name in Locale.parse(locale).months["format"]["wide"].items():
            months[_phrase(name)] = number
    for name, number in EXTRA_GREGORIAN.items():
        months[_phrase(name)] = number
    return months


@lru_cache(maxsize=1)
def hijri_months() -> dict[str, int]:
    months = {_phrase(Hijri(1440, m, 1).month_name("ar")): m for m in range(1, 13)}
    for name, number in EXTRA_HIJRI.items():
        months[_phrase(name)] = number
    return months


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Normalised weekday (with and without the article) → ISO weekday (Monday = 1)."""
    days: dict[str, int] = {}
    for index, name in Locale.parse("ar").days["format"]["wide"].items():
        norm = normalize_word(name)
        days[norm] = index + 1
        days[norm[2:] if norm.startswith("ال") else norm] = index + 1
    days["اثنين"] = days["الاثنين"] = 1
    return days
