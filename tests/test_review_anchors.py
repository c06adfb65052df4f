"""Re-anchoring a decision's quote after an edit (W3C TextQuoteSelector: exact, prefix,
suffix, the offset as a hint): any insertion outside the quote finds it again at its new
offset, even for a name that occurs twice; a quote that is gone is not found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_review_support import ARTICLE, ENTITIES, occurrences

from seedread.review.anchors import anchored, locate, shifted_key
from seedread.review.decisions import MentionState

SPANS = [(start, start + len(surface)) for _, surface in ENTITIES.values()
         for start in occurrences(ARTICLE, surface)]
INSERTS = st.text(alphabet="ابتثجحخ دذرز abc،.\n0123", min_size=1, max_size=40)


def state_at(start: int, end: int) -> MentionState:
    return anchored(MentionState(f"{start}:{end}", start, end, ARTICLE[start:end], "LOC",
                                 "e", "name"), ARTICLE)


@settings(max_examples=300, deadline=None)
@given(span=st.sampled_from(SPANS), at=st.integers(0, len(ARTICLE)), inserted=INSERTS)
def test_an_insertion_outside_the_quote_moves_it_exactly(span, at, inserted):
    start, end = span
    if start < at < end:
        at = end
    edited = ARTICLE[:at] + inserted + ARTICLE[at:]
    expected = start + len(inserted) if at <= start else start
    assert locate(edited, state_at(start, end)) == expected


def test_the_second_of_two_equal_names_is_found_by_its_context():
    first, second = occurrences(ARTICLE, "حلب")
    state = state_at(second, second + 3)
    edited = "خبر: " + ARTICLE.replace("مدينة حلب", "مدينة حلب الشهباء")
    assert locate(edited, state) == edited.index("استعاد حلب") + len("استعاد ")


def test_a_quote_that_is_gone_is_not_found_and_an_ambiguous_one_neither():
    start = ARTICLE.index("بشار الأسد")
    assert locate(ARTICLE.replace("بشار الأسد", "ماهر الأسد"), state_at(start, start + 10)) is None
    first, _ = occurrences(ARTICLE, "حلب")
    elsewhere = "حلب مدينة قديمة. وفي حلب أسواق.\n"  # the name twice, none of its context
    assert locate(elsewhere, state_at(first, first + 3)) is None


def test_keys_move_with_their_mention():
    assert shifted_key("11:21", 6) == "17:27"
    assert shifted_key("u:11:21", -1) == "u:10:20"
