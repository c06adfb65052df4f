"""What an analysis of one document holds: entities with their mentions, a timeline and a
glossary, every span in code-point offsets of `Document.text`.

These classes are the contract between the extractor, the reader's panes, the review store
and the exporters; they carry no behaviour beyond plain conversion to JSON-ready dicts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ENTITY_TYPES = ("PER", "LOC", "ORG", "EVENT", "MISC")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    source: str = "rules"  # where it came from: "rules", "gazetteer", "model", "user", ...
    kind: str = "name"  # "name", "demonym" (الروسي for Russia) or "nominal" (الحزب)


@dataclass
class Entity:
    id: str
    name: str
    type: str  # one of ENTITY_TYPES
    english: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class TimelineEntry:
    start: int
    end: int
    text: str
    value: str  # ISO 8601 with unknown parts as X (e.g. "XXXX-10-28"), or a relative form
    year_certainty: str  # "stated", "inferred" or "unknown"
    event: Span | None
    sort_key: str = ""
    reference: str | None = None  # the date a relative expression was resolved against


@dataclass
class GlossaryEntry:
    term: str
    romanization: str
    gloss: str | None
    definition: str | None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Analysis:
    path: str
    sha256: str
    title: str
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
