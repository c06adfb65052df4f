"""From candidate mentions to entities: overlaps resolved, mentions of one thing linked
(names, aliases, nisba forms, short forms, anaphoric heads) under one entity.

This is the seam for other recognisers: anything that proposes spans (the rules, the
gazetteer, later a statistical model) hands `Candidate`s to `link`, which decides which
spans survive and which entity each one belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from seedread.analysis.gazetteer import Gazetteer
from seedread.analysis.lexicon import ANAPHORIC_HEADS, NAME_LINKS, STOPWORDS
from seedread.analysis.model import Entity, Mention
from seedread.analysis.normalize import normalize_word, original_offset
from seedread.analysis.tokens import Token

# Who wins an overlap between two spans of the same length.
PRIORITY = {"user": 4, "gazetteer": 3, "rules": 2, "model": 1}
QUOTES = "«»\"“”"
_NO_QUOTES = str.maketrans("", "", QUOTES)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention: a span, a type, where it came from, and the gazetteer id when a
    known name matched (so aliases and nisba forms land on the same entity)."""

    start: int
    end: int
    type: str
    source: str = "rules"
    key: str | None = None
    kind: str = "name"  # or "demonym" / "nominal", as in Mention

    @property
    def length(self) -> int:
        return self.end - self.start


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer spans first, then the more trusted source."""
    ranked = sorted(candidates, key=lambda c: (-c.length, -PRIORITY.get(c.source, 0), c.start))
    if not ranked:
        return []
    taken = bytearray(max(c.end for c in ranked))
    chosen: list[Candidate] = []
    for candidate in ranked:
        if candidate.start >= candidate.end or any(taken[candidate.start : candidate.end]):
            continue
        chosen.append(candidate)
        taken[candidate.start : candidate.end] = b"\x01" * candidate.length
    return sorted(chosen, key=lambda c: c.start)


def entity_key(text: str, candidate: Candidate) -> str:
    """The id of the entity a candidate belongs to: its gazetteer id, else type + name."""
    if candidate.key:
        return candidate.key
    surface = text[candidate.start : candidate.end].translate(_NO_QUOTES)
    return f"{candidate.type}:{' '.join(normalize_word(w) for w in surface.split())}"


def link(
    text: str, tokens: list[Token], candidates: Iterable[Candidate], gazetteer: Gazetteer
) -> list[Entity]:
    """Entities with all their mentions, ordered by first mention."""
    chosen = resolve(candidates)
    entities: dict[str, Entity] = {}
    for candidate in chosen:
        key = entity_key(text, candidate)
        entity = entities.get(key)
        if entity is None:
            known = gazetteer.known.get(candidate.key) if candidate.key else None
            surface = text[candidate.start : candidate.end]
            entity = Entity(
                id=key,
                name=known.name if known else surface,
                type=known.type if known else candidate.type,
                english=known.english if known else None,
            )
            entities[key] = entity
        entity.mentions.append(
            Mention(candidate.start, candidate.end, text[candidate.start : candidate.end],
                    candidate.source, candidate.kind)
        )
    _merge_family_names(entities)
    _link_short_forms(text, tokens, entities, gazetteer, chosen)
    for entity in entities.values():
        entity.mentions.sort(key=lambda m: m.start)
    return sorted(entities.values(), key=lambda e: e.mentions[0].start)


def _merge_family_names(entities: dict[str, Entity]) -> None:
    """One sense per document: a bare family name that the gazetteer gives to someone else
    (المالكي → Nouri al-Maliki) belongs to the person named in full earlier (تركي المالكي)."""
    people = [e for e in entities.values() if e.type == "PER"]
    full = {}
    for person in people:
        words = person.name.split()
        if len(words) >= 2:
            full.setdefault(normalize_word(words[-1]), []).append(person)
    for person in people:
        if any(len(m.text.split()) > 1 for m in person.mentions):
            continue
        owners = [
            owner for owner in full.get(normalize_word(person.mentions[0].text), [])
            if owner is not person and owner.mentions[0].start < person.mentions[0].start
        ]
        if len(owners) == 1:
            owners[0].mentions.extend(person.mentions)
            del entities[person.id]


def _short_forms(entity: Entity, gazetteer: Gazetteer) -> dict[str, str]:
    """Words that alone refer back to the entity, with their mention kind: a person's family
    name (a name), an organisation's bare head (الحزب for حزب الله) or the anaphors the
    gazetteer lists (nominal mentions)."""
    forms = {anaphor: "nominal" for anaphor, ids in gazetteer.anaphors.items()
             if entity.id in ids}
    words = [normalize_word(w) for w in entity.name.strip(QUOTES).split()]
    if entity.type == "PER" and len(words) >= 2 and words[-1] not in STOPWORDS and (
        words[-2] not in NAME_LINKS
    ):
        forms[words[-1]] = "name"
    if entity.type == "ORG" and len(words) >= 2 and words[0] in ANAPHORIC_HEADS:
        forms["ال" + words[0]] = "nominal"
    return forms


def _link_short_forms(
    text: str,
    tokens: list[Token],
    entities: dict[str, Entity],
    gazetteer: Gazetteer,
    chosen: list[Candidate],
) -> None:
    """Add mentions of short forms that name exactly one entity already named before."""
    owners: dict[str, list[Entity]] = {}
    kinds: dict[str, str] = {}
    for entity in entities.values():
        for form, kind in _short_forms(entity, gazetteer).items():
            owners.setdefault(form, []).append(entity)
            kinds[form] = kind
    if not owners:
        return
    covered = sorted((c.start, c.end) for c in chosen)
    position = 0
    for token in tokens:
        while position < len(covered) and covered[position][1] <= token.start:
            position += 1
        if position < len(covered) and covered[position][0] < token.end:
            continue
        for prefix, stem in token.stems:
            entities_here = owners.get(stem)
            if not entities_here or len(entities_here) != 1:
                continue
            entity = entities_here[0]
            if entity.mentions[0].start > token.start:
                break
            start = token.start + original_offset(token.text, prefix)
            # A short form of a name only the model found is as sure as the model was.
            source = "model" if entity.mentions[0].source == "model" else "rules"
            entity.mentions.append(
                Mention(start, token.end, text[start : token.end], source, kinds[stem]))
            break
