"""Name words from outside lists, shipped in package data; they reach beyond any
hand-written list and beyond the NER training news (sources in data/name-lists.SOURCE.md,
built by data/build_name_lists.py):

- person-names.tsv: Arabic given names and surnames with how often each role is attested
  (Wikidata, through the index of arabic-name-romanizer);
- wiki-words.tsv: the words of Arabic Wikipedia titles of famous people, places and
  clubs (through arwikicats), many of them foreign names written in Arabic.

Besides, pyarabic (already a dependency) ships a list of proper nouns: people's names,
kunyas and nisbas, and places of the whole world; it is read from the installed package."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources as package_data

NAMES_FILE = "person-names.tsv"
WIKI_WORDS_FILE = "wiki-words.tsv"


def _lines(name: str):
    with (package_data.files("seedread") / "data" / name).open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


@cache
def person_names() -> dict[str, str]:
    """Normalised name word -> its role and how often it is attested, e.g. 'g3' (mostly a
    given name, attested 20 times or more), 's1', 'gs2' (both roles), 'u0' (unknown)."""
    names = {}
    for word, *counts in _lines(NAMES_FILE):
        given, surname, unknown = map(int, counts)
        if given + surname == 0:
            role = "u"
        elif given >= 3 * surname:
            role = "g"
        elif surname >= 3 * given:
            role = "s"
        else:
            role = "gs"
        names[word] = f"{role}{_attested(given + surname + unknown)}"
    return names


def _attested(count: int) -> int:
    return 0 if count < 2 else 1 if count < 5 else 2 if count < 20 else 3


@cache
def attested_name_words() -> frozenset[str]:
    """Name words attested more than once, in the rules' spelling (`normalize_word`): the
    rules use them to tell a name's next word from the noun after it (يوسف اتصالات)."""
    from seedread.analysis.normalize import normalize_word

    return frozenset(normalize_word(word) for word, code in person_names().items()
                     if not code.endswith("0"))


@cache
def wiki_words() -> dict[str, str]:
    """Normalised word -> the kinds of Wikipedia title it occurs in: some of p (person),
    l (place), o (organisation), e.g. 'p' for بوتين, 'lo' for برشلونه."""
    return dict(_lines(WIKI_WORDS_FILE))


_PYARABIC_PLACE_LABELS = ("مكان", "منطقة", "عاصِمة", "دولة", "مضيق", "بُحيرة", "قارَّة", "مُحيط")
_PYARABIC_COLUMNS = re.compile(r"\t| {2,}")


@cache
def pyarabic_proper_nouns() -> dict[str, str]:
    """Normalised word -> the kinds of proper noun it occurs in: some of p (person),
    l (place), o (organisation: the unions of states), from the word list in
    pyarabic.propernouns. That module means to build a dictionary from it but splits its
    columns on tabs where the text has spaces, so it is parsed here."""
    from pyarabic import propernouns

    from seedread.analysis.ner.normalize import normalize

    kinds: dict[str, set[str]] = {}
    for line in f"{propernouns.TEXT}\n{propernouns.TEXT2}".splitlines():
        columns = _PYARABIC_COLUMNS.split(line.strip(), maxsplit=1)
        if len(columns) != 2 or line.startswith("#"):
            continue
        lexeme, label = columns
        kind = "o" if "اتِّحاد" in label else (
            "l" if any(word in label for word in _PYARABIC_PLACE_LABELS) else "p")
        for word in re.split(r"[ -]", lexeme):
            if len(word) >= 3:
                kinds.setdefault(normalize(word), set()).add(kind)
    return {word: "".join(sorted(found)) for word, found in kinds.items()}
