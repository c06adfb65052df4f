"""Arabic-aware search: a query finds words whatever their harakat, tatweel, alef or ya
variant, and through clitics (روسيا finds لروسيا), using the analysis' normalisation."""

from __future__ import annotations

from seedread.analysis.normalize import normalize_word, strip_proclitics
from seedread.analysis.tokens import tokenize


def find_hits(text: str, query: str) -> list[tuple[int, int]]:
    """[start, end) of each run of consecutive words matching the query's words."""
    wanted = [normalize_word(word) for word in query.split()]
    if not wanted:
        return []
    tokens = tokenize(text)
    matches = [_matcher(word) for word in wanted]
    hits = []
    count = len(matches)
    for index in range(len(tokens) - count + 1):
        if all(match(tokens[index + k].text) for k, match in enumerate(matches)):
            hits.append((tokens[index].start, tokens[index + count - 1].end))
    return hits


def _matcher(wanted: str):
    def match(word: str) -> bool:
        return wanted in strip_proclitics(word)

    return match
