"""Document-level features for the second tagging pass.

A news article names a person in full once ("الرئيس جورج بوش") and then by one word
("بوش") in sentences without any cue. The second pass sees how confidently the first pass
tagged the token and the other occurrences of the same stem anywhere in the document, so
one confident mention lifts the others (Krishnan & Manning 2006, "An effective two-stage
model for exploiting non-local dependencies in named entity recognition").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pycrfsuite

from seedread.analysis.ner.features import Resources

_ALONE = ["doc=none"]
# A token at least this surely outside any entity gets no per-type probabilities: each
# would be under 0.001. Four tokens in five of running news are such tokens, so the 16
# BILOU marginals are asked for only where they matter (a fifth of the tagging time).
# At 0.9 instead, cross-validation lost half a point of F1 on a fold.
SURE_OUTSIDE = 0.999


@dataclass
class FirstPass:
    """First-pass output for one sentence: tags, and per token the probability of being
    inside an entity of each type (B-, I-, L- and U- marginals added up; none for a token
    surely outside any entity)."""

    tags: list[str]
    types: list[dict[str, float]]


def first_pass(tagger: pycrfsuite.Tagger, rows: list[list[str]]) -> FirstPass:
    tagger.set(rows)
    tags = tagger.tag()
    marginal = tagger.marginal
    kinds = [(label, label[2:]) for label in tagger.labels() if label != "O"]
    types = []
    for i in range(len(rows)):
        probabilities: dict[str, float] = {}
        if marginal("O", i) >= SURE_OUTSIDE:
            types.append(probabilities)
            continue
        for label, kind in kinds:
            probabilities[kind] = probabilities.get(kind, 0.0) + marginal(label, i)
        types.append(probabilities)
    return FirstPass(tags, types)


def second_pass_rows(
    resources: Resources,
    sentences: list[list[str]],
    rows: list[list[list[str]]],
    passes: list[FirstPass],
) -> list[list[list[str]]]:
    """First-pass feature rows of a document's sentences extended (in place, they are not
    needed afterwards) with the first pass's tags and confidence and with what it said
    about the same stem elsewhere."""
    stems = [[resources.stem(token) for token in sentence] for sentence in sentences]
    elsewhere = _document_evidence(stems, passes)
    for sentence_rows, result, evidence in zip(rows, passes, elsewhere):
        padded = ["BOS", *result.tags, "EOS"]
        for i, row in enumerate(sentence_rows):
            kind, p = _best(result.types[i])
            row += (f"p1={padded[i + 1]}", f"p1-1={padded[i]}", f"p1+1={padded[i + 2]}",
                    f"p1e={_bucket(sum(result.types[i].values()))}", f"p1t={kind}:{_bucket(p)}",
                    *evidence[i])
    return rows


def _document_evidence(stems, passes) -> list[list[list[str]]]:
    """Per token: the strongest and the average first-pass belief that the other
    occurrences of its stem in the document are an entity of some type. Linear in the
    document's length: per repeated stem and type it keeps the sum and the two largest
    values, and takes the token's own value out."""
    count = Counter(stem for sentence_stems in stems for stem in sentence_stems)
    seen: dict[str, dict[str, list[float]]] = {}  # stem -> type -> [sum, largest, second]
    for sentence_stems, result in zip(stems, passes):
        for stem, probabilities in zip(sentence_stems, result.types):
            if count[stem] < 2:
                continue
            by_type = seen.setdefault(stem, {})
            for kind, p in probabilities.items():
                acc = by_type.get(kind)
                if acc is None:
                    by_type[kind] = [p, p, 0.0]
                else:
                    acc[0] += p
                    if p > acc[1]:
                        acc[1], acc[2] = p, acc[1]
                    elif p > acc[2]:
                        acc[2] = p
    result_rows = []
    for sentence_stems, result in zip(stems, passes):
        rows = []
        for stem, own in zip(sentence_stems, result.types):
            others = count[stem] - 1
            if not others:
                rows.append(_ALONE)
                continue
            by_type = seen[stem]
            strongest = {}
            for kind, p in own.items():
                _, first, second = by_type[kind]
                strongest[kind] = second if p == first else first
            kind, top = _best(strongest)
            mean = (by_type[kind][0] - own[kind]) / others if kind != "O" else 0.0
            rows.append([f"docmax={kind}:{_bucket(top)}", f"docmean={kind}:{_bucket(mean)}"])
        result_rows.append(rows)
    return result_rows


def _best(probabilities: dict[str, float]) -> tuple[str, float]:
    if not probabilities:
        return "O", 0.0
    kind = max(probabilities, key=probabilities.__getitem__)
    return kind, probabilities[kind]


def _bucket(p: float) -> str:
    return "0" if p < 0.1 else "1" if p < 0.3 else "3" if p < 0.5 else "5" if p < 0.7 else (
        "7" if p < 0.9 else "9")
