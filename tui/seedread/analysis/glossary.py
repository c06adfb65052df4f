"""The glossary: terms a reader may need explained, each with its mentions, an ISO 233
romanisation, an English gloss from the bundled data, and a definition the text gives.

Terms are short quoted expressions («الخطة ب»), named events, organisations and places,
definitions by apposition (الأكاديمية العسكرية (حامية المدينة الأساسية)), and terms of the
gazetteer's glossary that occur in the text.
"""

from __future__ import annotations

import bisect
import re

from seedread.analysis.dates import find_dates
from seedread.analysis.gazetteer import Gazetteer
from seedread.analysis.model import Entity, GlossaryEntry, Span
from seedread.analysis.normalize import normalize_word
from seedread.analysis.romanize import romanize
from seedread.analysis.tokens import Token

MAX_TERM_WORDS = 4
MAX_DEFINITION_WORDS = 7
QUOTED = re.compile(r"«([^«»\n]{1,80})»")
APPOSITION = re.compile(r"\(([^()\n\d]{3,80})\)")
GLOSSED_TYPES = ("EVENT", "ORG", "LOC")
NOT_DEFINITIONS = {"مثلا", "مثلاً", "نموذجا", "نموذجاً", "مثالا", "مثالاً"}
# News agencies and broadcasters credited in brackets — (رويترز)، (أ ف ب)، (CNN) — never a
# definition; the list holds their usual Arabic and Latin forms, normalised.
CREDITS = {
    "رويترز", "الفرنسيه", "ا ف ب", "اف ب", "د ب ا", "يو بي اي", "ا ب", "اب", "ا ش ا", "واس",
    "وام", "قنا", "كونا", "سانا", "بترا", "سبا", "الاناضول", "شينخوا", "تاس", "ايتار تاس",
    "الالمانيه", "الجزيره", "الجزيره نت", "العربيه", "بي بي سي", "سي ان ان", "وكالات",
    "الوكالات", "خاص", "قدس برس", "ارشيف", "الاوروبيه", "اعلي", "اسفل", "يمين", "يسار", "cnn", "afp", "ap", "bbc", "reuters", "dpa", "upi", "ap/afp",
}


def _key(term: str) -> str:
    return " ".join(normalize_word(w) for w in term.strip("«»\" ").split())


class _Builder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.entries: dict[str, GlossaryEntry] = {}
        self.seen: dict[str, set[tuple[int, int]]] = {}

    def add(self, term: str, spans: list[Span], gloss: str | None = None,
            definition: str | None = None) -> GlossaryEntry:
        key = _key(term)
        entry = self.entries.get(key)
        if entry is None:
            known = self.gazetteer.glossary.get(key)
            entry = GlossaryEntry(
                term=term,
                romanization=romanize(term),
                gloss=gloss or (known.gloss if known else None),
                definition=definition or (known.definition if known else None),
            )
            self.entries[key] = entry
        seen = self.seen.setdefault(key, set())
        for span in spans:
            if (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                entry.mentions.append(span)
        entry.gloss = entry.gloss or gloss
        entry.definition = entry.definition or definition
        return entry


def build_glossary(
    text: str, tokens: list[Token], entities: list[Entity], gazetteer: Gazetteer
) -> list[GlossaryEntry]:
    builder = _Builder(gazetteer)
    for entity in entities:
        if entity.type in GLOSSED_TYPES:
            known = gazetteer.known.get(entity.id)
            gloss = (known.gloss or known.english) if known else entity.english
            spans = [Span(m.start, m.end, m.text) for m in entity.mentions]
            builder.add(entity.name, spans, gloss)
    _quoted_terms(text, builder)
    places = sorted((m.start, m.end) for e in entities if e.type == "LOC" for m in e.mentions)
    _appositions(text, tokens, builder, places)
    _known_terms(text, tokens, gazetteer, builder)
    entries = [e for e in builder.entries.values() if e.mentions]
    for entry in entries:
        entry.mentions.sort(key=lambda s: s.start)
    return sorted(entries, key=lambda e: e.mentions[0].start)


def _quoted_terms(text: str, builder: _Builder) -> None:
    """Short quotations used as terms: one to four words, no sentence inside."""
    for match in QUOTED.finditer(text):
        inner = match.group(1).strip()
        words = inner.split()
        if not words or len(words) > MAX_TERM_WORDS or re.search(r"[.!?؟،,]", inner):
            continue
        builder.add(inner, [Span(match.start(1), match.end(1), match.group(1))])


def _not_a_definition(text: str, match: re.Match[str], places: list[tuple[int, int]]) -> bool:
    """A news credit «(رويترز) -», a date «(الخميس)» or a place «(جنوب لبنان)» in brackets."""
    inner = match.group(1).strip()
    if _key(inner) in CREDITS or re.match(r"\s*[-–]", text[match.end() : match.end() + 3]):
        return True
    if find_dates(inner, None):
        return True
    index = bisect.bisect_left(places, (match.start(1), 0))
    return index < len(places) and places[index][1] <= match.end(1)


def _appositions(text: str, tokens: list[Token], builder: _Builder,
                 places: list[tuple[int, int]]) -> None:
    """NOUN PHRASE (DEFINITION): the definite phrase right before a short parenthesis."""
    ends = [t.end for t in tokens]
    for match in APPOSITION.finditer(text):
        definition = match.group(1).strip()
        words = definition.split()
        if (not words or len(words) > MAX_DEFINITION_WORDS or words[-1] in NOT_DEFINITIONS
                or _not_a_definition(text, match, places)):
            continue
        index = bisect.bisect_right(ends, match.start()) - 1
        phrase: list[Token] = []
        while index >= 0 and len(phrase) < 3:
            token = tokens[index]
            gap = text[token.end : phrase[0].start if phrase else match.start()]
            if gap.strip() or not token.norm.startswith(("ال", "وال")):
                break
            phrase.insert(0, token)
            index -= 1
        if phrase and not phrase[0].norm.startswith("وال"):
            term = text[phrase[0].start : phrase[-1].end]
            builder.add(term, [Span(phrase[0].start, phrase[-1].end, term)],
                        definition=definition)


def _known_terms(text: str, tokens: list[Token], gazetteer: Gazetteer, builder: _Builder) -> None:
    """Terms of the bundled or user glossary wherever they occur."""
    if not gazetteer.glossary:
        return
    lengths = {len(key.split()) for key in gazetteer.glossary}
    first_words = {key.split()[0] for key in gazetteer.glossary}
    for i, token in enumerate(tokens):
        stems = [stem for _, stem in token.stems if stem in first_words]
        if not stems:
            continue
        for length in lengths:
            window = tokens[i : i + length]
            if len(window) < length:
                continue
            for stem in stems:
                key = " ".join([stem, *(t.norm for t in window[1:])])
                known = gazetteer.glossary.get(key)
                if known:
                    builder.add(known.term, [Span(window[0].start, window[-1].end,
                                                  text[window[0].start : window[-1].end])])
                    break
