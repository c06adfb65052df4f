"""Document-level features for the second tagging pass.

A news article names a person in full once ("الرئيس جورج بوش") and then by one word
("بوش") in sentences without any cue. The second pass sees how confidently the first pass
tagged the token and the other occurrences of the same stem anywhere in the document, so
one confident mention lifts the others (Krishnan & Manning 2006, "An effective two-stage
model for exploiting non-local dependencies in named entity recognition").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pycrfsuite

from seedread.analysis.ner.features import Resources


@dataclass
class FirstPass:
    """First-pass output for one sentence: tags, and per token the probability of being
    inside an entity of each type (B- and I- marginals added up)."""

    tags: list[str]
    types: list[dict[str, float]]


def first_pass(tagger: pycrfsuite.Tagger, rows: list[list[str]]) -> FirstPass:
    tagger.set(rows)
    tags = tagger.tag()
    labels = [label for label in tagger.labels() if label != "O"]
    types = []
    for i in range(len(rows)):
        probabilities: dict[str, float] = defaultdict(float)
        for label in labels:
            probabilities[label[2:]] += tagger.marginal(label, i)
        types.append(probabilities)
    return FirstPass(tags, types)


def second_pass_rows(
    resources: Resources,
    sentences: list[list[str]],
    rows: list[list[list[str]]],
    passes: list[FirstPass],
) -> list[list[list[str]]]:
    """First-pass feature rows of a document's sentences extended with the first pass's
    tags and confidence and with what it said about the same stem elsewhere."""
    stems = [[resources.stem(token) for token in sentence] for sentence in sentences]
    elsewhere = _document_evidence(stems, passes)
    extended = []
    for sentence_rows, result, evidence in zip(rows, passes, elsewhere):
        padded = ["BOS", *result.tags, "EOS"]
        sentence = []
        for i, row in enumerate(sentence_rows):
            kind, p = _best(result.types[i])
            sentence.append(
                [*row, f"p1={padded[i + 1]}", f"p1-1={padded[i]}", f"p1+1={padded[i + 2]}",
                 f"p1e={_bucket(sum(result.types[i].values()))}", f"p1t={kind}:{_bucket(p)}",
                 *evidence[i]]
            )
        extended.append(sentence)
    return extended


def _document_evidence(stems, passes) -> list[list[list[str]]]:
    """Per token: the strongest and the average first-pass belief that the other
    occurrences of its stem in the document are an entity of some type."""
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s, sentence_stems in enumerate(stems):
        for i, stem in enumerate(sentence_stems):
            where[stem].append((s, i))
    result = []
    for s, sentence_stems in enumerate(stems):
        rows = []
        for i, stem in enumerate(sentence_stems):
            others = [passes[t].types[j] for t, j in where[stem] if (t, j) != (s, i)]
            rows.append(_evidence_features(others))
        result.append(rows)
    return result


def _evidence_features(others: list[dict[str, float]]) -> list[str]:
    if not others:
        return ["doc=none"]
    totals: dict[str, float] = defaultdict(float)
    strongest: dict[str, float] = defaultdict(float)
    for probabilities in others:
        for kind, p in probabilities.items():
            totals[kind] += p
            strongest[kind] = max(strongest[kind], p)
    kind, top = _best(strongest)
    mean = totals[kind] / len(others) if kind != "O" else 0.0
    return [f"docmax={kind}:{_bucket(top)}", f"docmean={kind}:{_bucket(mean)}"]


def _best(probabilities: dict[str, float]) -> tuple[str, float]:
    return max(probabilities.items(), key=lambda item: item[1], default=("O", 0.0))


def _bucket(p: float) -> str:
    return "0" if p < 0.1 else "1" if p < 0.3 else "3" if p < 0.5 else "5" if p < 0.7 else (
        "7" if p < 0.9 else "9")
