"""Document-level features for the second tagging pass.

A news article names a person in full once ("الرئيس جورج بوش") and then by one word
("بوش") in sentences without any cue. The second pass sees how the first pass tagged the
other occurrences of the same stem anywhere in the document, so one confident mention
lifts the others (Krishnan & Manning 2006, "An effective two-stage model for exploiting
non-local dependencies in named entity recognition").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from seedread.analysis.ner.features import Resources


def second_pass_rows(
    resources: Resources,
    sentences: list[list[str]],
    rows: list[list[list[str]]],
    first_tags: list[list[str]],
) -> list[list[list[str]]]:
    """First-pass feature rows of a document's sentences extended with the first pass's
    tags of the token and its neighbours and with the document votes for its stem."""
    stems = [[resources.stem(token) for token in sentence] for sentence in sentences]
    votes = document_features(stems, first_tags)
    extended = []
    for sentence_rows, tags, sentence_votes in zip(rows, first_tags, votes):
        padded = ["BOS", *tags, "EOS"]
        extended.append(
            [
                [*row, f"p1={padded[i + 1]}", f"p1-1={padded[i]}", f"p1+1={padded[i + 2]}",
                 *vote]
                for i, (row, vote) in enumerate(zip(sentence_rows, sentence_votes))
            ]
        )
    return extended


def document_features(stems: list[list[str]], tags: list[list[str]]) -> list[list[list[str]]]:
    """Per sentence, per token: features from first-pass tags of the same stem elsewhere
    in the document (the token's own tag is left out)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for sentence_stems, sentence_tags in zip(stems, tags):
        for stem, tag in zip(sentence_stems, sentence_tags):
            votes[stem][tag[2:] or "O"] += 1
    result = []
    for sentence_stems, sentence_tags in zip(stems, tags):
        rows = []
        for stem, tag in zip(sentence_stems, sentence_tags):
            others = votes[stem].copy()
            others[tag[2:] or "O"] -= 1
            rows.append(_vote_features(others))
        result.append(rows)
    return result


def _vote_features(others: Counter) -> list[str]:
    total = sum(others.values())
    if not total:
        return ["doc=none"]
    label, count = max(((k, v) for k, v in others.items() if k != "O"),
                       key=lambda item: item[1], default=("O", 0))
    if not count:
        return ["doc=O"]
    share = "all" if count == total else "most" if 2 * count > total else "some"
    return [f"doc={label}", f"doc={label}:{share}"]
