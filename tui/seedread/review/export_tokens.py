"""The one tokenization every token-based export writes (CoNLL, Prodigy JSONL).

It depends on the text and on what the analysis knows, never on which spans an export
keeps, so an all-spans export and an `--only-reviewed` one of the same text, or two
reviewers' exports, align token for token. Tokens are the words, numbers and punctuation
marks of `tokens.sentences`, and a word is cut after its proclitics (و ف, then ب ل ك, each
its own token) where the analysis reads them as such:

- the rest is definite, with at least two letters after the article: والكرملين → و الكرملين,
  للكنيست → ل لكنيست (the article's alef elided after ل);
- or the rest is a word the analysis knows (a gazetteer name's first word, a title, head or
  common word of the rules' lexicon, or after و ف alone an attested name word of four
  letters or more) while the whole word is not one itself: لروسيا → ل روسيا, وفي → و في,
  وطارق → و طارق, but لبنان, وليد, كما, بعيدة stay whole;
- and wherever one of the extractor's own mentions begins or ends inside a word (a name
  from the folder's gazetteer behind a proclitic).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from seedread.analysis import gazetteer
from seedread.analysis import lexicon
from seedread.analysis.model import Analysis
from seedread.analysis.name_lists import attested_name_words
from seedread.analysis.normalize import normalize_word, original_offset, split_proclitics
from seedread.review.tokens import is_word_char, sentences

ARTICLE = "ال"
CONJUNCTIONS = ("و", "ف")
MIN_LISTED_STEM = 4  # the name lists hold short common words too (جود in وجود, بار in كبار)
_ARABIC_LETTERS = range(0x0621, 0x064B)


class ExportToken(NamedTuple):
    start: int
    end: int
    ws: bool  # whitespace follows it in the text


@cache
def _lexicon_words() -> frozenset[str]:
    """The bundled names and the rules' lexicon, clitic forms of titles (والرئيس) aside."""
    return frozenset(gazetteer.bundled().first) | lexicon.GIVEN_NAMES | lexicon.STOPWORDS \
        | lexicon.ORG_HEADS | lexicon.PLACE_HEADS_KEPT | lexicon.PLACE_HEADS_DROPPED \
        | lexicon.EVENT_HEADS | lexicon.INSTITUTIONS | lexicon.WAR_HEADS


def _whole(norm: str) -> bool:
    """A word never read as proclitic + stem: a name or a word of the lexicon."""
    return norm in _lexicon_words() or norm in attested_name_words()


def _known_stem(prefix: str, stem: str) -> bool:
    if stem in _lexicon_words() or stem in lexicon.TITLES:
        return True
    # a listed name only behind و or ف (وطارق): the lists hold common words, which a
    # preposition more often begins (بعيدة is not ب + عيدة, كباشي not ك + باشي)
    return prefix in CONJUNCTIONS and len(stem) >= MIN_LISTED_STEM \
        and stem in attested_name_words()


def proclitic_cuts(word: str) -> list[int]:
    """Offsets inside `word` after each proclitic the analysis reads there (empty when the
    word stays whole)."""
    if not word or ord(word[0]) not in _ARABIC_LETTERS:
        return []
    norm = normalize_word(word)
    if _whole(norm):
        return []
    for prefix, stem in sorted(split_proclitics(word)[1:], key=lambda reading: -reading[0]):
        definite = stem.startswith(ARTICLE) and len(stem) >= len(ARTICLE) + 2
        if definite or _known_stem(norm[:prefix], stem):
            return [original_offset(word, n) for n in range(1, prefix + 1)]
    return []


def sentence_tokens(text: str, analysis: Analysis | None = None) -> Iterator[list[ExportToken]]:
    """The export tokens of `text`, sentence by sentence (`tokens.sentences`)."""
    edges = sorted({edge for entity in (analysis.entities if analysis else ())
                    for m in entity.mentions for edge in (m.start, m.end)})
    for sentence in sentences(text):
        pieces = []
        for a, b in sentence:
            inner = _inner_cuts(text, a, b, edges)
            for start, end in zip([a, *inner], [*inner, b]):
                pieces.append(ExportToken(start, end, end < len(text) and text[end].isspace()))
        yield pieces


def _inner_cuts(text: str, start: int, end: int, edges: list[int]) -> list[int]:
    cuts = set()
    if is_word_char(text[start]):
        cuts.update(start + offset for offset in proclitic_cuts(text[start:end]))
    cuts.update(edges[bisect.bisect_right(edges, start) : bisect.bisect_left(edges, end)])
    return sorted(cut for cut in cuts if start < cut < end)
