"""Build the shipped name lists from two packages on PyPI (run once; the lists are shipped
and the packages are not needed at run time). Sources and licences: name-lists.SOURCE.md.

    pip download --no-deps -d /tmp/lists arabic-name-romanizer==0.2.0 arwikicats==0.2.3
    python tui/seedread/data/build_name_lists.py \
        /tmp/lists/arabic_name_romanizer-0.2.0-py3-none-any.whl \
        /tmp/lists/arwikicats-0.2.3-py3-none-any.whl

- person-names.tsv: Arabic given names and surnames, split into words, with how often each
  is attested as a given name, a surname and in an unknown role, from the index inside
  arabic-name-romanizer (Wikidata and Algerian name corpora). Of the person-name words in
  the last fifth of ANERcorp that its first four fifths never use, it knows half (and 8%
  of such other words).
- wiki-words.tsv: each word of the Arabic Wikipedia titles that arwikicats translates
  category names with (famous people, many of them foreign names written in Arabic;
  cities, regions and counties of the whole world; sports clubs and leagues), with the
  kinds of title it occurs in: p (person), l (place), o (organisation).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from seedread.analysis.name_lists import NAMES_FILE, WIKI_WORDS_FILE
from seedread.analysis.ner.normalize import normalize

NAME_INDEX = "arabic_name_romanizer/resources/names.sqlite3"
WIKI_TABLES = {
    "p": ["people/peoples.json"],
    "l": ["cities/cities_full.json", "geography/popopo.json", "geography/P17_2_final_ll.json",
          "geography/P17_PP.json", "geography/India_dd.json", "geography/us_counties.json"],
    "o": ["sports/Clubs_key.json", "sports/clubs_teams_leagues.json", "cities/yy2.json"],
}
MIN_LETTERS = 3  # shorter words are particles (في، من) more often than names
_BRACKETED = re.compile(r"\(.*?\)")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+")


def person_names(wheel: Path) -> dict[str, Counter]:
    roles: dict[str, Counter] = defaultdict(Counter)
    with tempfile.TemporaryDirectory() as folder:
        index = zipfile.ZipFile(wheel).extract(NAME_INDEX, folder)
        with sqlite3.connect(index) as db:
            for key, role, count in db.execute("SELECT arabic_key, role, count FROM units"):
                for word in key.split():
                    if len(word) >= MIN_LETTERS:
                        roles[normalize(word)][role] += count
    return roles


def wiki_words(wheel: Path) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = defaultdict(set)
    with zipfile.ZipFile(wheel) as archive:
        for kind, tables in WIKI_TABLES.items():
            for table in tables:
                titles = json.loads(archive.read(f"ArWikiCats/jsons/{table}"))
                for title in titles.values():
                    if not isinstance(title, str):
                        continue
                    for word in _ARABIC_WORD.findall(_BRACKETED.sub(" ", title)):
                        if len(word) >= MIN_LETTERS:
                            kinds[normalize(word)].add(kind)
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names_wheel", type=Path, help="the arabic-name-romanizer wheel")
    parser.add_argument("wiki_wheel", type=Path, help="the arwikicats wheel")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args()
    rows = {
        NAMES_FILE: [f"{word}\t{roles['given']}\t{roles['surname']}\t{roles['unknown']}"
                     for word, roles in person_names(args.names_wheel).items()],
        WIKI_WORDS_FILE: [f"{word}\t{''.join(sorted(kinds))}"
                          for word, kinds in wiki_words(args.wiki_wheel).items()],
    }
    for name, lines in rows.items():
        path = args.out / name
        path.write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")
        print(f"{path}: {len(lines)} words, {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
