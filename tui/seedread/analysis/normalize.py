"""Arabic-aware word matching: one normal form per word, and the stems under its proclitics.

News spells one name many ways (أميركا/امريكا, سوريّة/سورية, ـ stretched) and glues
particles to it (لروسيا، والكرملين، للكنيست). The extractor and the reader's search both
compare words in the form `normalize_word` gives, after `split_proclitics` has peeled the
particles off, so "روسيا" finds "لروسيا" everywhere in seedread.
"""

from __future__ import annotations

from functools import lru_cache

# The eight harakat (fathatan … sukun, shadda), tatweel and the superscript alef: the marks
# pyarabic's strip_tashkeel drops, written out so that no GPL code runs.
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
TATWEEL = "\u0640"
MINI_ALEF = "\u0670"

_FOLD = str.maketrans(
    {
        **{alef: "ا" for alef in ("أ", "إ", "آ", "ٱ")},
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",  # Persian yeh, common in pasted text
        "ک": "ك",  # Persian kaf
        **{mark: None for mark in TASHKEEL},
        TATWEEL: None,
        MINI_ALEF: None,
        "\u0654": None,  # hamza above as a combining mark
        "\u0655": None,  # hamza below as a combining mark
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
    }
)
_DROPPED = frozenset(TASHKEEL) | {TATWEEL, MINI_ALEF, "\u0654", "\u0655", "\u200c", "\u200d"}

CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")
MIN_STEM = 2


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The matching form of a word: no harakat or tatweel, one alef, ي for ى, ه for final
    ة, hamza seats folded (ؤ→و, ئ→ي), Latin case-folded."""
    return word.translate(_FOLD).casefold()


@lru_cache(maxsize=200_000)
def split_proclitics(word: str) -> tuple[tuple[int, str], ...]:
    """Every reading of `word` as proclitics + stem, as (prefix length, normalised stem).

    The prefix length counts characters of the normalised word; `original_offset` maps it
    back. The whole word comes first. A stem that lost the article's alef after ل
    (للكنيست) is given back with it (الكنيست). Readings leave at least two letters.
    """
    norm = normalize_word(word)
    found: list[tuple[int, str]] = []
    for conjunction in CONJUNCTIONS:
        for preposition in PREPOSITIONS:
            prefix = conjunction + preposition
            if not norm.startswith(prefix):
                continue
            rest = norm[len(prefix):]
            if len(rest) < MIN_STEM:
                continue
            if prefix:
                found.append((len(prefix), rest))
            if preposition == "ل" and rest.startswith("ل") and len(rest) > MIN_STEM:
                found.append((len(prefix), "ا" + rest))
    if not found or found[0] != (0, norm):
        found.insert(0, (0, norm))
    return tuple(dict.fromkeys(found))


def strip_proclitics(word: str) -> set[str]:
    """The normalised stems `word` may stand for, with and without the article:
    لروسيا → {لروسيا, روسيا}; والكرملين → {…, الكرملين, كرملين}."""
    stems = set()
    for _, stem in split_proclitics(word):
        stems.add(stem)
        if stem.startswith("ال") and len(stem) > 2 + MIN_STEM:
            stems.add(stem[2:])
    return stems


def word_matches(query: str, word: str) -> bool:
    """Whether a search for `query` (one word) should find `word` in the text."""
    wanted = normalize_word(query)
    return wanted in strip_proclitics(word)


def original_offset(word: str, normalized_index: int) -> int:
    """Where the `normalized_index`-th kept character of `word` sits in `word` itself."""
    kept = 0
    for index, char in enumerate(word):
        if char in _DROPPED:
            continue
        if kept == normalized_index:
            return index
        kept += 1
    return len(word)
