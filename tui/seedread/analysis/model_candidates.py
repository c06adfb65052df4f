"""Mentions from the learned NER model (`seedread.analysis.ner`) as candidates for linking.

The rules and the gazetteer are precise; the model (micro F1 0.72) adds recall on names
they do not know. So a model span is kept only where none of their mentions touches it,
and it is cut to their conventions: ANERcorp tags whole words, clitics included (ولبنان),
while seedread leaves proclitics outside the span (لبنان). Importing this module loads the
model's code, so the pipeline imports it only when asked to.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from seedread.analysis.linking import Candidate
from seedread.analysis.ner import tag_text
from seedread.analysis.normalize import original_offset
from seedread.analysis.tokens import Token

SOURCE = "model"
TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
ARTICLE = "ال"


def model_candidates(
    text: str,
    paragraphs: Iterable[tuple[int, int]],
    tokens: list[Token],
    taken: Iterable[tuple[int, int]],
) -> list[Candidate]:
    """The model's spans, paragraph by paragraph ((start, end) ranges of `text`), that no
    (start, end) span in `taken` overlaps."""
    covered = bytearray(len(text) + 1)
    for start, end in taken:
        covered[start:end] = b"\x01" * (end - start)
    starts = [token.start for token in tokens]
    words = {token.norm for token in tokens}
    found = []
    for offset, paragraph_end in paragraphs:
        for start, end, label in tag_text(text[offset:paragraph_end]):
            start, end = offset + start, offset + end
            start = _after_proclitics(tokens, starts, words, start)
            if start < end and not any(covered[start:end]):
                found.append(Candidate(start, end, TYPES[label], SOURCE))
    return found


def _after_proclitics(tokens: list[Token], starts: list[int], words: set[str], start: int) -> int:
    """Where the name starts inside the word at `start`: after و ف ب ل ك when what follows
    is certainly the name — it carries the article (والكرملين، للكنيست) or the document
    also uses it as a word of its own (ولبنان next to لبنان). Otherwise the whole word, since
    a name may begin with those letters (بغداد، فرنسا، وليد)."""
    index = bisect.bisect_left(starts, start)
    if index == len(tokens) or tokens[index].start != start:
        return start
    token = tokens[index]
    for prefix, stem in token.stems[1:]:
        if stem.startswith(ARTICLE) or stem in words:
            return start + original_offset(token.text, prefix)
    return start
