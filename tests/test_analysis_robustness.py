"""Untrusted text never crashes the analysis, and every span it reports is true."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seedread.analysis import analyze
from seedread.text.document import parse_text

PIECES = st.sampled_from(
    ["حزب الله", "«", "»", "(", ")", " ", "\n", "لروسيا", "28", "٢٨", "تشرين الأول", "منذ",
     "أسبوع", "الرئيس", "محمد", "معركة", "مدينة", "ـ", "\u064e", "1437 هـ", "رمضان", "،",
     "الحزب", "ديختر", "آفي", "x", "2016", "/", "قال"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=40).map("".join))
def test_any_mix_of_tricky_pieces_gives_true_spans(text):
    if not text.strip():
        return
    document = parse_text(text)
    analysis = analyze(document)
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert document.text[mention.start : mention.end] == mention.text
            assert mention.start < mention.end
    for entry in analysis.timeline:
        assert document.text[entry.start : entry.end] == entry.text
        if entry.event:
            assert document.text[entry.event.start : entry.event.end] == entry.event.text
    for term in analysis.glossary:
        for span in term.mentions:
            assert document.text[span.start : span.end] == span.text


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_unicode_never_crashes(text):
    if text.strip():
        analyze(parse_text(text))
