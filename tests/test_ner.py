"""The shipped Arabic NER model: loads, tags obvious news sentences sensibly, maps spans back
to the exact text, and survives empty and odd input."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from seedread.analysis.ner import LABELS, tag, tag_text
from seedread.analysis.ner.bio import entity_spans, to_bilou, to_bio
from seedread.analysis.name_lists import person_names, pyarabic_proper_nouns
from seedread.analysis.ner.features import Resources

VALID_TAGS = {"O"} | {f"{p}-{label}" for p in "BI" for label in LABELS}


def test_person_after_president_is_tagged_as_person():
    tokens = "قال الرئيس محمد عباس إن المفاوضات ستستمر .".split()
    tags = tag(tokens)
    assert tags[2] == "B-PERS"
    assert tags[3] == "I-PERS"
    assert tags[0] == "O"


def test_country_is_tagged_as_location():
    tokens = "وصل الوفد إلى فرنسا أمس .".split()
    assert tag(tokens)[3] == "B-LOC"


def test_text_spans_are_exact_surface_text():
    text = "أعلن وزير الخارجية الأمريكي كولن باول في واشنطن، أن الأمم المتحدة ستجتمع."
    spans = tag_text(text)
    surfaces = {text[start:end]: label for start, end, label in spans}
    assert surfaces.get("كولن باول") == "PERS"
    assert surfaces.get("واشنطن") == "LOC"
    for start, end, _ in spans:
        assert text[start:end] == text[start:end].strip()
        assert not text[start:end].endswith("،")


def test_spans_keep_offsets_of_the_given_string_with_diacritics_and_newlines():
    text = "مقدمة\n\nقال الرئيسُ جورج بوش إن العراق بلد مهم."
    spans = tag_text(text)
    surfaces = [text[start:end] for start, end, _ in spans]
    assert "جورج بوش" in surfaces
    assert "العراق" in surfaces


def test_empty_and_blank_input():
    assert tag([]) == []
    assert tag_text("") == []
    assert tag_text(" \n\t ") == []


def test_digits_latin_and_punctuation_get_valid_tags():
    tokens = ["2024", "٣٥", "NATO", "!!", "…", "a.b", "", "🙂"]
    tags = tag(tokens)
    assert len(tags) == len(tokens)
    assert set(tags) <= VALID_TAGS


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_spans_inside_the_text(text):
    for start, end, label in tag_text(text):
        assert 0 <= start < end <= len(text)
        assert label in LABELS


def test_entity_spans_reads_bio_like_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]
    assert entity_spans(tags) == [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC")]


BIO_TAGS = st.sampled_from(["O", *sorted(VALID_TAGS - {"O"})])


@settings(max_examples=300, deadline=None)
@given(st.lists(BIO_TAGS, max_size=30))
def test_bilou_training_tags_keep_every_entity(tags):
    bilou = to_bilou(tags)
    assert entity_spans(to_bio(bilou)) == entity_spans(tags)
    for first, last, label in entity_spans(tags):
        if last - first == 1:
            assert bilou[first] == f"U-{label}"
        else:
            assert (bilou[first], bilou[last - 1]) == (f"B-{label}", f"L-{label}")


def test_person_name_list_tells_given_names_from_surnames():
    names = person_names()
    assert names["محمد"] == "g3"  # a given name attested thousands of times
    assert names["الحريري"].startswith("s")
    assert not {"قال", "الحكومه", "اجتماع"} & names.keys()  # normalised spelling
    assert all(re.fullmatch(r"(g|s|gs|u)[0-3]", value) for value in names.values())


def test_name_list_features_reach_the_word_and_its_neighbours():
    rows = Resources().sentence_features("التقى وسام الحريري بالوفد".split())
    assert "nm=g3" in rows[1]
    assert "+1:nr=s" in rows[1] and "-1:nr=g" in rows[2]
    assert not any(feature.startswith("nm=") for feature in rows[3])


def test_foreign_names_and_places_are_known_from_the_outside_lists():
    """Names the training news never used, spelt with a clitic or a hamza variant."""
    words = "وصرح بوتين في كاليفورنيا وبرشلونة".split()
    features = [set(row) for row in Resources().sentence_features(words)]
    assert "wk=p" in features[1]  # بوتين: a person's title word on Wikipedia
    assert {"wk=lo", "pa=l"} <= features[3]  # كاليفورنيا: a place (and a club's name)
    assert "wk=lo" in features[4]  # وبرشلونة: و + برشلونة
    assert not any(f.startswith(("wk=", "pa=", "nr=")) for f in features[2])  # في: not listed
    assert pyarabic_proper_nouns()["بغداد"] == "l"


def test_a_name_neither_the_training_news_nor_the_rules_know_is_a_person():
    """أوباما is not in ANERcorp (2003-2006 news) and has no title before it here; the
    Wikipedia-titles list knows it as a person's name."""
    text = "التقى أوباما بالوفد في نيروبي أمس."
    assert [(text[a:b], label) for a, b, label in tag_text(text)] == [
        ("أوباما", "PERS"),
        ("نيروبي", "LOC"),
    ]
