"""Known names: the bundled gazetteer (CLDR places + curated news names) and a folder's own
`.seedread/gazetteer.toml`, indexed by normalised word sequences for fast matching.

A user file has the same shape as `data/gazetteer_curated.toml`:

    [[entity]]
    name = "آفي ديختر"            # canonical Arabic name
    type = "PER"                  # PER, LOC, ORG, EVENT or MISC
    english = "Avi Dichter"
    aliases = ["ديختر"]           # other spellings and names
    demonyms = []                 # nisba adjectives (LOC): "سوري" gives السوري، السوريين …
    anaphors = []                 # short forms used once the entity is named: "الحزب"
    gloss = "Israeli politician"  # English explanation for the glossary

    [[glossary]]
    term = "الخطة ب"
    gloss = "plan B"
    definition = "the fallback plan"

An entity whose name (or alias) matches a bundled one overrides it.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from seedread.analysis.model import ENTITY_TYPES
from seedread.analysis.normalize import normalize_word
from seedread.text.files import read_regular_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"
USER_FILE = Path(".seedread") / "gazetteer.toml"
MAX_NAME_WORDS = 8
MAX_USER_FILE_BYTES = 8 * 1024 * 1024


class GazetteerError(Exception):
    """A user gazetteer file that cannot be used, with the reason in one line."""


@dataclass(frozen=True)
class Known:
    """One named thing the gazetteer knows."""

    id: str
    name: str
    type: str
    english: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    anaphors: tuple[str, ...] = ()
    gloss: str | None = None
    source: str = "gazetteer"


@dataclass(frozen=True)
class Gloss:
    term: str
    gloss: str | None
    definition: str | None


@dataclass
class Gazetteer:
    """Names indexed by their normalised word tuples.

    `index[words] = (id, kind)` where kind is "name", "alias" or "demonym";
    `first[word]` is the longest name starting with that word, to bound the search.
    """

    known: dict[str, Known] = field(default_factory=dict)
    glossary: dict[str, Gloss] = field(default_factory=dict)
    index: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    homographs: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)
    anaphors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, known: Known) -> None:
        self.known[known.id] = known
        self._put(key_of(known.name), known.id, "name")
        for alias in known.aliases:
            self._put(key_of(alias), known.id, "alias")
        for form in demonym_forms(known.demonyms):
            self._put((form,), known.id, "demonym")
        for anaphor in known.anaphors:
            self.anaphors.setdefault(normalize_word(anaphor), []).append(known.id)

    def _put(self, words: tuple[str, ...], ident: str, kind: str) -> None:
        if not words or len(words) > MAX_NAME_WORDS:
            return
        current = self.index.get(words)
        if current and current[0] != ident and not self._overrides(ident, current[0]):
            self.homographs.setdefault(words, []).append(ident)
            return
        self.index[words] = (ident, kind)
        self.first[words[0]] = max(self.first.get(words[0], 0), len(words))

    def _overrides(self, new: str, old: str) -> bool:
        return self.known[new].source == "user" and self.known[old].source != "user"

    def choose(self, words: tuple[str, ...], ident: str, surface: str) -> str:
        """Among names spelled alike, the one whose harakat the surface text agrees with.

        Undotted, عُمان (Oman) and عمّان (Amman) are one word; a writer who adds the harakat
        says which is meant. Without harakat the first name indexed stands.
        """
        marks = harakat(surface)
        if not marks or words not in self.homographs:
            return ident
        for candidate in (ident, *self.homographs[words]):
            known = self.known[candidate]
            if any(marks <= harakat(form) for form in (known.name, *known.aliases)):
                return candidate
        return ident


def harakat(text: str) -> frozenset[tuple[int, str]]:
    """(letter position, mark) for each haraka in `text`; tatweel does not count as a letter."""
    marks = set()
    position = -1
    for ch in text:
        if unicodedata.combining(ch):
            marks.add((position, ch))
        elif ch != "\u0640":
            position += 1
    return frozenset(marks)


def key_of(name: str) -> tuple[str, ...]:
    return tuple(normalize_word(word) for word in name.split())


def demonym_forms(demonyms: tuple[str, ...]) -> set[str]:
    """A nisba in all its news forms: سوري → سوري، سورية، سوريون، السوريين … A form given
    with a final ي is a singular nisba; any other form (الروس) is taken as it is."""
    forms = set()
    for demonym in demonyms:
        base = normalize_word(demonym)
        base = base[2:] if base.startswith("ال") else base
        variants = {base}
        if base.endswith("ي"):
            variants |= {base + ending for ending in ("ه", "ون", "ين", "ات")}
        forms |= variants | {"ال" + variant for variant in variants}
    return forms


def _known_from(record: dict, source: str, where: str) -> Known:
    name = record.get("name")
    kind = record.get("type", "MISC")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{where}: an [[entity]] has no name")
    if kind not in ENTITY_TYPES:
        raise GazetteerError(
            f"{where}: entity {name!r} has type {kind!r}; use one of {', '.join(ENTITY_TYPES)}"
        )

    def strings(key: str) -> tuple[str, ...]:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GazetteerError(f"{where}: {key} of {name!r} must be a list of strings")
        return tuple(v for v in value if v.strip())

    def optional(key: str) -> str | None:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise GazetteerError(f"{where}: {key} of {name!r} must be a string")
        return value or None

    ident = record.get("id")
    if ident is not None and not isinstance(ident, str):
        raise GazetteerError(f"{where}: id of {name!r} must be a string")
    if not any(key_of(name)):
        raise GazetteerError(f"{where}: entity name {name!r} has no letters")
    return Known(
        id=ident or f"{kind}:{' '.join(key_of(name))}",
        name=name.strip(),
        type=kind,
        english=optional("english"),
        aliases=strings("aliases"),
        demonyms=strings("demonyms"),
        anaphors=strings("anaphors"),
        gloss=optional("gloss"),
        source=source,
    )


def _gloss_from(record: dict, where: str) -> Gloss:
    term = record.get("term")
    if not isinstance(term, str) or not term.strip():
        raise GazetteerError(f"{where}: a [[glossary]] entry has no term")
    if not any(key_of(term)):
        raise GazetteerError(f"{where}: glossary term {term!r} has no letters (only marks)")
    for key in ("gloss", "definition"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise GazetteerError(f"{where}: {key} of {term!r} must be a string")
    return Gloss(term.strip(), record.get("gloss"), record.get("definition"))


def build(records: dict, source: str, where: str, base: Gazetteer | None = None) -> Gazetteer:
    """A gazetteer from parsed records ({"entity": [...], "glossary": [...]}), on top of
    `base` when given (whose entries the new ones override)."""
    gazetteer = Gazetteer()
    if base is not None:
        gazetteer = replace(
            base,
            known=dict(base.known),
            glossary=dict(base.glossary),
            index=dict(base.index),
            first=dict(base.first),
            anaphors={k: list(v) for k, v in base.anaphors.items()},
        )
    entities = records.get("entity", [])
    glossary = records.get("glossary", [])
    if not isinstance(entities, list) or not isinstance(glossary, list):
        raise GazetteerError(f"{where}: use [[entity]] and [[glossary]] tables")
    for record in entities:
        if not isinstance(record, dict):
            raise GazetteerError(f"{where}: each [[entity]] must be a table")
        gazetteer.add(_known_from(record, source, where))
    for record in glossary:
        if not isinstance(record, dict):
            raise GazetteerError(f"{where}: each [[glossary]] must be a table")
        entry = _gloss_from(record, where)
        gazetteer.glossary[" ".join(key_of(entry.term))] = entry
    return gazetteer


@lru_cache(maxsize=1)
def bundled() -> Gazetteer:
    with BUNDLED.open(encoding="utf-8") as stream:
        return build(json.load(stream), "gazetteer", str(BUNDLED))


def user_file(folder: Path | str) -> Path:
    return Path(folder) / USER_FILE


def load(user_data_dir: Path | str | None = None) -> Gazetteer:
    """The bundled gazetteer, with the folder's user file on top when there is one.

    Raises GazetteerError (one line) when the user file is unreadable or malformed.
    """
    if user_data_dir is None:
        return bundled()
    path = user_file(user_data_dir)
    if not path.is_file():
        return bundled()
    return _load_user(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _load_user(path: str, _mtime: int) -> Gazetteer:
    try:
        records = tomllib.loads(read_regular_file(path, MAX_USER_FILE_BYTES).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GazetteerError(f"{path}: not valid TOML ({exc})") from None
    except RecursionError:
        raise GazetteerError(f"{path}: not valid TOML (values nested too deep)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from None
    return build(records, "user", path, bundled())
