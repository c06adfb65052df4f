"""The shipped CRF tagger: loaded once from package data, used for token lists and raw text."""

from __future__ import annotations

from functools import cache
from importlib import resources as package_data

import pycrfsuite

from seedread.analysis.ner.bio import entity_spans
from seedread.analysis.ner.features import Resources, load_resources
from seedread.analysis.ner.tokenize import sentences, tokenize

LABELS = ("PERS", "LOC", "ORG", "MISC")
MODEL_FILE = "ner.crfsuite"
RESOURCES_FILE = "clusters.tsv"


@cache
def shipped_model() -> tuple[pycrfsuite.Tagger, Resources]:
    folder = package_data.files("seedread") / "data" / "ner"
    with package_data.as_file(folder / MODEL_FILE) as model_path:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
    with package_data.as_file(folder / RESOURCES_FILE) as resources_path:
        resources = load_resources(resources_path)
    return tagger, resources


def tag(tokens: list[str]) -> list[str]:
    """BIO tags (B-PERS, I-LOC, ..., O) for one sentence of tokens."""
    if not tokens:
        return []
    tagger, resources = shipped_model()
    return tagger.tag(resources.sentence_features([str(token) for token in tokens]))


def tag_text(text: str) -> list[tuple[int, int, str]]:
    """Entities of raw text as (start, end, label) in code-point offsets of `text`, so that
    text[start:end] is the mention's exact surface; labels are PERS, LOC, ORG, MISC."""
    found: list[tuple[int, int, str]] = []
    for sentence in sentences(text, tokenize(text)):
        tags = tag([text[start:end] for start, end in sentence])
        for first, last, label in entity_spans(tags):
            found.append((sentence[first][0], sentence[last - 1][1], label))
    return found
