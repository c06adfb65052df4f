"""Romanisation of Arabic terms by ISO 233 (strict transliteration, 1984).

Arabic news is written without short vowels, so a transliteration (one Latin letter per
Arabic letter, reversible) is the honest choice: it never guesses vowels it cannot see.
Short vowels and shadda are rendered when the text does carry them.
"""

from __future__ import annotations

SCHEME = "ISO 233"

_LETTERS = {
    "ء": "ˈ", "آ": "ˈā", "أ": "ˈ", "إ": "ˈ", "ؤ": "ˈ", "ئ": "ˈ", "ا": "ā", "ٱ": "ā",
    "ب": "b", "ة": "ẗ", "ت": "t", "ث": "ṯ", "ج": "ǧ", "ح": "ḥ", "خ": "ẖ", "د": "d",
    "ذ": "ḏ", "ر": "r", "ز": "z", "س": "s", "ش": "š", "ص": "ṣ", "ض": "ḍ", "ط": "ṭ",
    "ظ": "ẓ", "ع": "ʿ", "غ": "ġ", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ى": "ỳ", "ي": "y", "پ": "p", "چ": "č", "ڤ": "v",
    "گ": "g", "ی": "y", "ک": "k",
    "\u064e": "a", "\u064f": "u", "\u0650": "i", "\u064b": "an", "\u064c": "un",
    "\u064d": "in", "\u0652": "", "\u0670": "ā", "\u0640": "",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7",
    "٨": "8", "٩": "9", "«": "“", "»": "”", "،": ",", "؛": ";", "؟": "?",
}
SHADDA = "\u0651"


def romanize(text: str) -> str:
    """ISO 233 transliteration; characters outside Arabic pass through unchanged."""
    out: list[str] = []
    for char in text:
        if char == SHADDA and out:
            out.append(out[-1])
            continue
        out.append(_LETTERS.get(char, char))
    return "".join(out)
