"""The export tokenizer: where a word is cut after its proclitics, and where it is not."""

from __future__ import annotations

import pytest

from seedread.analysis.model import Analysis, Entity, Mention
from seedread.review.export_tokens import proclitic_cuts, sentence_tokens


def pieces(word: str) -> list[str]:
    cuts = proclitic_cuts(word)
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])]


@pytest.mark.parametrize(("word", "expected"), [
    ("لروسيا", ["ل", "روسيا"]),           # a gazetteer name behind a preposition
    ("للكنيست", ["ل", "لكنيست"]),         # the article's alef elided after ل
    ("والكرملين", ["و", "الكرملين"]),      # definite after و
    ("وبالأمس", ["و", "ب", "الأمس"]),      # every proclitic its own token
    ("وفي", ["و", "في"]),                 # a common word behind و
    ("وطارق", ["و", "طارق"]),             # a listed name behind و
    ("والرئيس", ["و", "الرئيس"]),         # a title, although the lexicon lists its clitic form
    ("لَروسيا", ["لَ", "روسيا"]),          # harakat stay with their letter
])
def test_a_word_is_cut_after_the_proclitics_the_analysis_reads(word, expected):
    assert pieces(word) == expected


@pytest.mark.parametrize("word", ["لبنان", "وليد", "كما", "بعيدة", "كباشي", "بريطانيا",
                                  "فالح", "والي", "وزير", "2016", "Putin"])
def test_a_word_that_is_a_name_or_word_itself_stays_whole(word):
    assert proclitic_cuts(word) == []


def test_the_extractors_mention_inside_a_word_cuts_it_there_too():
    text = "زار وشمس الدين القرية.\n"
    start = text.index("شمس")
    analysis = Analysis("a", "0" * 64, "t", [Entity("p", "شمس الدين", "PER", None,
                                                    [Mention(start, start + 9, "شمس الدين")])])
    tokens = [text[t.start:t.end] for s in sentence_tokens(text, analysis) for t in s]
    assert tokens == ["زار", "و", "شمس", "الدين", "القرية", "."]
    assert [text[t.start:t.end] for s in sentence_tokens(text) for t in s][1] == "وشمس"
