"""Spelling normalisation and light clitic segmentation of Arabic words.

News text spells the same name several ways (hamza seats, alef maqsura, taa marbuta,
diacritics, tatweel) and glues conjunctions, prepositions and the article onto words
(وبالعراق = و + ب + ال + عراق). The tagger's features look at the normalised word and at
its stem so that one spelling learnt in training covers the others.
"""

from __future__ import annotations

from seedread.analysis.normalize import TASHKEEL, TATWEEL

_FOLD = str.maketrans(
    {
        **{mark: None for mark in TASHKEEL},
        TATWEEL: None,
        "\u0670": None,  # superscript alef
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
MIN_STEM = 2


def normalize(word: str) -> str:
    """Fold spelling variants so that equal words compare equal."""
    return word.translate(_FOLD).lower()


def segment(word: str) -> tuple[str, str]:
    """Split a normalised word into (proclitics, stem).

    Conservative on purpose: a preposition is only split off before the article (بال، كال،
    لل) because many names begin with ب/ل/ك (بغداد، لبنان، كوريا); the conjunction و/ف is split
    when a stem of at least three letters remains. The article is part of the proclitics.
    """
    rest = word
    clitics = ""
    if len(rest) > 3 and rest[0] in CONJUNCTIONS:
        clitics, rest = rest[0], rest[1:]
    if rest.startswith("لل") and len(rest) - 2 >= MIN_STEM:
        return clitics + "لل", rest[2:]
    if len(rest) > 3 and rest[0] in PREPOSITIONS and rest[1:3] == "ال":
        clitics, rest = clitics + rest[0], rest[1:]
    if rest.startswith("ال") and len(rest) - 2 >= MIN_STEM:
        return clitics + "ال", rest[2:]
    if clitics and len(rest) < 3:
        return "", word
    return clitics, rest


def light_forms(word: str) -> tuple[str, ...]:
    """Forms of a normalised word with a leading conjunction or preposition removed, for
    dictionary lookups (ومصر → مصر، بمصر → مصر، والعراق → العراق)."""
    forms = [word]
    rest = word
    if len(rest) > 3 and rest[0] in CONJUNCTIONS:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > 3 and rest[0] in PREPOSITIONS:
        forms.append(rest[1:])
    if rest.startswith("لل") and len(rest) > 4:
        forms.append("ال" + rest[2:])
    return tuple(forms)
