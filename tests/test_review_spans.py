"""Growing and shrinking a span by a word, on Arabic text with diacritics, punctuation and
numbers, as the reviewer's < > , . keys do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seedread.review import ReviewError, resize_span
from seedread.review.tokens import sentences, tokens, words

TEXT = "قال مُحَمَّد بن سلمان في «الرياض»، يوم 3.5 آذار: انتهى.\nسطر ثانٍ هنا"


def span_of(text, surface):
    start = text.index(surface)
    return start, start + len(surface)


def grown(surface, edge, step=1, text=TEXT):
    start, end = resize_span(text, *span_of(text, surface), edge, step)
    return text[start:end]


def test_a_word_keeps_its_diacritics():
    assert grown("بن", "start") == "مُحَمَّد بن"
    assert grown("مُحَمَّد", "end") == "مُحَمَّد بن"


def test_growing_takes_in_the_punctuation_on_the_way():
    assert grown("في", "end") == "في «الرياض"
    assert grown("يوم", "start") == "الرياض»، يوم"


def test_a_decimal_number_is_one_word():
    assert grown("يوم", "end") == "يوم 3.5"


def test_shrinking_drops_the_edge_word_and_its_punctuation():
    assert grown("في «الرياض»، يوم", "end", -1) == "في «الرياض"
    assert grown("في «الرياض»، يوم", "start", -1) == "الرياض»، يوم"


def test_a_mention_inside_a_word_grows_to_the_whole_word():
    text = "قصف وحلب أمس"
    start = text.index("حلب")
    assert resize_span(text, start, start + 3, "start", 1) == (text.index("وحلب"), start + 3)


@pytest.mark.parametrize(
    ("surface", "edge", "step", "message"),
    [
        ("قال", "start", 1, "no word before"),
        ("انتهى", "end", 1, "no word after"),  # the next word is on the next line
        ("سلمان", "end", -1, "single word"),
    ],
)
def test_impossible_steps_say_why(surface, edge, step, message):
    with pytest.raises(ReviewError, match=message):
        resize_span(TEXT, *span_of(TEXT, surface), edge, step)


def test_sentences_end_at_full_stops_question_marks_and_line_breaks():
    text = "هل وصل؟ نعم وصل. 3.5 مليون\nسطر"
    found = [[text[a:b] for a, b in sentence] for sentence in sentences(text)]
    assert found == [["هل", "وصل", "؟"], ["نعم", "وصل", "."], ["3.5", "مليون"], ["سطر"]]


@given(st.text(alphabet="بشار الأسد،.«»؟ \n3َ", max_size=40))
def test_tokens_cover_every_non_space_character_once(text):
    covered = "".join(text[a:b] for a, b in tokens(text))
    assert covered == "".join(text.split())
    assert all(a < b for a, b in words(text))


@given(st.text(alphabet="بشار الأسد،.«» \n", min_size=1, max_size=40), st.data())
def test_resizing_keeps_a_span_on_word_edges_inside_the_text(text, data):
    spans = words(text)
    if not spans:
        return
    start, end = data.draw(st.sampled_from(spans))
    edge = data.draw(st.sampled_from(["start", "end"]))
    step = data.draw(st.sampled_from([1, -1]))
    try:
        new_start, new_end = resize_span(text, start, end, edge, step)
    except ReviewError:
        return
    assert 0 <= new_start < new_end <= len(text)
    assert (new_start, new_end) != (start, end)
    assert "\n" not in text[new_start:new_end]
    assert text[new_start:new_end] == text[new_start:new_end].strip()
