"""Mentions from the learned NER model (`seedread.analysis.ner`) as candidates for linking.

On news the project was not built from, the model's spans are better than the rules'
(train/README.md), so they win and the rules fill gaps. Model spans are cut to seedread's
conventions: ANERcorp tags whole words, clitics included (ولبنان),
while seedread leaves proclitics outside the span (لبنان). Importing this module loads the
model's code, so the pipeline imports it only when asked to.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from seedread.analysis.linking import Candidate
from seedread.analysis.ner import tag_text
from seedread.analysis.normalize import original_offset
from seedread.analysis.tokens import Token

SOURCE = "model"
# Measured on fold 5 of ANERcorp (train/README.md): the rules filling the model's gaps cost
# 5 points of F1, the gazetteer's names gain; a containing rules span costs 4 points on
# LOC and 5 on ORG but under half a point on PER, where it keeps a titled full name
# (العميد تركي المالكي) that the model cut short.
FILL = frozenset({"gazetteer", ("rules", "ORG"), ("rules", "LOC"), ("rules", "EVENT")})
ALIGN = frozenset({"gazetteer", "rules"})  # may fix a model span's start, or extend it
EXTEND = frozenset({"PER"})  # types whose model spans a containing rules span replaces
_PROCLITICS = re.compile("(و|ف)?(ب|ل|ك)?(ال|ل)?")
_PUNCTUATION = re.compile("[،,.؛;:!?؟()«»\"“”]")
TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
ARTICLE = "ال"
FATHATAN = "\u064b"


def combine(
    text: str,
    paragraphs: Iterable[tuple[int, int]],
    tokens: list[Token],
    candidates: list[Candidate],
) -> list[Candidate]:
    """The model's spans with the rules' and gazetteer's candidates around them.

    A user gazetteer entry or a rules' event wins over the model; a model span wins over everything else, but
    gives way to a rule or gazetteer candidate that is the same name with fewer proclitics
    (وسامر الخطيب → سامر الخطيب, with the gazetteer's id and type when it knows the name);
    the other candidates fill the gaps the model leaves when their source is in FILL
    (measured by train/crossval.py: see train/README.md)."""
    # The model knows no events, so the rules' events (غزوة حلب) stand beside user entries.
    user = [c for c in candidates if c.source == "user"
            or (c.type == "EVENT" and c.source in ALIGN)]
    found = model_candidates(text, paragraphs, tokens, [(c.start, c.end) for c in user])
    fill = [c for c in candidates if c.source in ALIGN]
    by_end: dict[int, list[Candidate]] = {}
    for candidate in fill:
        by_end.setdefault(candidate.end, []).append(candidate)
    kept = [_same_name(text, c, by_end.get(c.end, ())) for c in found]
    kept = _extended(kept, [c for c in fill if c.type in EXTEND])
    covered = bytearray(len(text) + 1)
    for candidate in [*user, *kept]:
        covered[candidate.start : candidate.end] = b"\x01" * candidate.length
    gaps = [c for c in candidates if (c.source in FILL or (c.source, c.type) in FILL)
            and not any(covered[c.start : c.end])]
    return [*user, *kept, *gaps]


def _extended(kept: list[Candidate], fill: list[Candidate]) -> list[Candidate]:
    """Each model span replaced by the longest candidate of the same type that contains it
    (العميد تركي المالكي: the title rule's تركي المالكي over the model's المالكي)."""
    out = []
    for found in kept:
        wider = [c for c in fill if c.type == found.type and c.start <= found.start
                 and found.end <= c.end and c.length > found.length]
        out.append(max(wider, key=lambda c: c.length) if wider else found)
    return list(dict.fromkeys(out))


def _same_name(text: str, found: Candidate, ending_there: Iterable[Candidate]) -> Candidate:
    """The rule or gazetteer candidate ending where `found` ends whose start differs from
    it by proclitics alone (the longest such), else `found`."""
    same = [c for c in ending_there if found.start <= c.start
            and _PROCLITICS.fullmatch(text[found.start : c.start])]
    return min(same, key=lambda c: c.start) if same else found


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
            end = _before_adverb(text, start, end)
            if (start < end and not any(covered[start:end])
                    and not _PUNCTUATION.search(text, start, end)):
                found.append(Candidate(start, end, TYPES[label], SOURCE))
    return found


def _before_adverb(text: str, start: int, end: int) -> int:
    """The end of a span without a last word in tanwin al-fath (نموذجاً، أيضاً، مثلاً):
    such an accusative is an adverb or a complement, never part of a name."""
    last = text.rfind(" ", start, end)
    if last > start and text[end - 1] == FATHATAN:
        return last
    return end


def _after_proclitics(tokens: list[Token], starts: list[int], words: set[str], start: int) -> int:
    """Where the name starts inside the word at `start`: after و ف ب ل ك when what follows
    is certainly the name — it carries the article before at least three letters
    (والكرملين، للكنيست; not وكالة read as و ك الة) or the document
    also uses it as a word of its own (ولبنان next to لبنان). Otherwise the whole word, since
    a name may begin with those letters (بغداد، فرنسا، وليد)."""
    index = bisect.bisect_left(starts, start)
    if index == len(tokens) or tokens[index].start != start:
        return start
    token = tokens[index]
    for prefix, stem in token.stems[1:]:
        if (stem.startswith(ARTICLE) and len(stem) > len(ARTICLE) + 2) or stem in words:
            return start + original_offset(token.text, prefix)
    return start
