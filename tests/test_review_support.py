"""Shared fixtures for the review and export tests: a small Arabic article and a hand-built
analysis of it (the exporters and the store are tested without the extractor)."""

from __future__ import annotations

from pathlib import Path

from seedread.analysis.model import Analysis, Entity, Mention
from seedread.text.document import Document, load_document

ARTICLE = (
    "زار الرئيس بشار الأسد مدينة حلب يوم 28 تشرين الأول.\n"
    "وقال مسؤول في «حزب الله» إن الجيش السوري استعاد حلب، ثم عاد إلى دمشق.\n"
)

# entity id -> (type, surface text); every whole occurrence of the text is a mention
ENTITIES = {
    "e1": ("PER", "بشار الأسد"),
    "e2": ("LOC", "حلب"),
    "e3": ("ORG", "حزب الله"),
    "e4": ("ORG", "الجيش السوري"),
}


def write_article(folder: Path, name: str = "article.txt", text: str = ARTICLE) -> Document:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def occurrences(text: str, needle: str) -> list[int]:
    found, index = [], text.find(needle)
    while index >= 0:
        found.append(index)
        index = text.find(needle, index + 1)
    return found


def analysis_of(document: Document, entities: dict = ENTITIES) -> Analysis:
    built = []
    for entity_id, (label, surface) in entities.items():
        mentions = [
            Mention(i, i + len(surface), surface) for i in occurrences(document.text, surface)
        ]
        if mentions:
            built.append(Entity(entity_id, surface, label, None, mentions))
    return Analysis(str(document.path), document.sha256, document.title, built)


def brat_t_lines(ann: str) -> list[tuple[str, list[tuple[int, int]], str]]:
    """The T lines of a brat .ann file as (label, fragments, surface text)."""
    parsed = []
    for line in ann.splitlines():
        if line.startswith("T"):
            _, label_offsets, surface = line.split("\t")
            label, offsets = label_offsets.split(" ", 1)
            fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
            parsed.append((label, fragments, surface))
    return parsed
