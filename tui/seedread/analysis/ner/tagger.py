"""The shipped two-pass CRF tagger: loaded once from package data, used for token lists
and raw text. The first pass tags each sentence from local features; the second pass adds
the first pass's tags and confidence, and how the same word was tagged elsewhere in the
document."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources as package_data
from threading import Lock

import pycrfsuite

from seedread.analysis.ner.bio import entity_spans, to_bio
from seedread.analysis.ner.document import first_pass, second_pass_rows
from seedread.analysis.ner.features import Resources, load_resources
from seedread.analysis.ner.tokenize import sentences, tokenize

LABELS = ("PERS", "LOC", "ORG", "MISC")
FIRST_PASS_FILE = "ner.crfsuite"
SECOND_PASS_FILE = "ner-doc.crfsuite"
RESOURCES_FILE = "clusters.tsv"


@dataclass
class Model:
    first: pycrfsuite.Tagger
    second: pycrfsuite.Tagger
    resources: Resources
    lock: Lock = field(default_factory=Lock)  # a CRFsuite tagger holds the sequence it tags

    def tag_document(self, document: list[list[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document (the models tag in BILOU)."""
        with self.lock:
            rows = [self.resources.sentence_features(tokens) for tokens in document]
            passes = [first_pass(self.first, sentence_rows) for sentence_rows in rows]
            extended = second_pass_rows(self.resources, document, rows, passes)
            return [to_bio(self.second.tag(sentence_rows)) for sentence_rows in extended]


def open_tagger(path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@cache
def shipped_model() -> Model:
    """The model in package data, read once (CRFsuite copies each file into memory)."""
    return load_model(package_data.files("seedread") / "data" / "ner")


def load_model(folder) -> Model:
    """The model whose three files are in `folder` (a path or package-data folder)."""
    with (
        package_data.as_file(folder / FIRST_PASS_FILE) as first_path,
        package_data.as_file(folder / SECOND_PASS_FILE) as second_path,
        package_data.as_file(folder / RESOURCES_FILE) as resources_path,
    ):
        first, second = open_tagger(first_path), open_tagger(second_path)
        known = frozenset(
            attribute for tagger in (first, second) for attribute, _ in tagger.info().state_features
        )
        return Model(first, second, load_resources(resources_path, known))


def tag(tokens: list[str]) -> list[str]:
    """BIO tags (B-PERS, I-LOC, ..., O) for one sentence of tokens."""
    if not tokens:
        return []
    return shipped_model().tag_document([[str(token) for token in tokens]])[0]


def tag_text(text: str) -> list[tuple[int, int, str]]:
    """Entities of raw text as (start, end, label) in code-point offsets of `text`, so that
    text[start:end] is the mention's exact surface; labels are PERS, LOC, ORG, MISC. The
    whole text is one document for the second pass."""
    groups = sentences(text, tokenize(text))
    if not groups:
        return []
    document = [[text[start:end] for start, end in group] for group in groups]
    found: list[tuple[int, int, str]] = []
    for group, tags in zip(groups, shipped_model().tag_document(document)):
        for first, last, label in entity_spans(tags):
            found.append((group[first][0], group[last - 1][1], label))
    return found
