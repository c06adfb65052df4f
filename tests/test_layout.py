"""The layout engine, rule by rule, as a reader of the terminal would notice it."""

import itertools
import unicodedata

import pytest
from rich.cells import cell_len

from seedread.text.bidi import visual_order
from seedread.text.layout import (
    LayoutOptions,
    PreparedParagraph,
    layout_paragraph,
    single_line,
)

TERMINAL = LayoutOptions(mode="terminal")


def line_of(text, **options):
    lines = layout_paragraph(text, 1000, LayoutOptions(**options))
    assert len(lines) == 1
    return lines[0]


def is_presentation_form(ch):
    return 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF


# Shaping


def test_arabic_letters_are_sent_as_joined_presentation_forms():
    line = line_of("حلب")
    assert all(is_presentation_form(ch) for ch in line.text)
    # Visual order is right to left: the initial form of ح is the rightmost cell.
    assert unicodedata.name(line.text[-1]) == "ARABIC LETTER HAH INITIAL FORM"
    assert unicodedata.name(line.text[0]) == "ARABIC LETTER BEH FINAL FORM"


def test_allah_stays_four_letters_not_the_one_cell_ligature():
    line = line_of("حزب الله")
    assert "\ufdf2" not in line.text
    assert line.cell_width == 8


def test_lam_alef_is_one_cell_that_maps_to_both_letters():
    line = line_of("لا")
    assert line.text == "\ufefb"
    assert line.column_of(0) == line.column_of(1) == 0
    assert line.span_at(0) == (0, 2)


def test_no_other_ligature_is_formed():
    line = line_of("على محمد صلى الله عليه وسلم")
    assert all(not 0xFC00 <= ord(ch) <= 0xFDFF for ch in line.text)
    assert line.cell_width == len("على محمد صلى الله عليه وسلم")


def test_harakat_are_dropped_by_default_and_kept_on_request():
    text = "مُحَمَّد"
    dropped = line_of(text)
    kept = line_of(text, keep_harakat=True)
    assert not any(unicodedata.combining(ch) for ch in dropped.text)
    assert "\u064f" in kept.text and "\u0651" in kept.text
    assert dropped.cell_width == kept.cell_width == 4
    # Every logical character, harakat included, still maps to a cell.
    assert {dropped.column_of(i) for i in range(len(text))} == {0, 1, 2, 3}


@pytest.mark.parametrize("mode", ["app", "terminal"])
@pytest.mark.parametrize("keep_harakat", [False, True])
def test_persian_ezafe_hamza_and_other_spelling_marks_show_in_every_mode(mode, keep_harakat):
    # گونهٔ، پروژهٔ: the hamza on heh is the ezafe, part of the spelling, not a vowel sign;
    # likewise hamza below, written as a mark.
    text = "گونهٔ پروژهٔ ا\u0655"
    line = line_of(text, mode=mode, keep_harakat=keep_harakat)
    assert line.text.count("\u0654") == 2 and "\u0655" in line.text
    heh = text.index("\u0654") - 1
    assert line.column_of(heh) == line.column_of(heh + 1)  # drawn on the heh's own cell
    assert line.glyphs[line.cells_of(heh, heh + 1)[0]].endswith("\u0654")


def test_madda_written_as_a_mark_is_kept_while_harakat_drop():
    line = line_of("ا\u0653مَن")
    assert "\u0653" in line.text and "\u064e" not in line.text


def test_shaper_mode_sends_each_arabic_run_in_logical_order_on_the_app_cell_map():
    # kitty shapes each run of Arabic cells and reverses it: it must get the run backwards
    # from app mode so that it lands the way app mode draws it.
    text = "الجيش في حلب (28 تشرين)"
    app = line_of(text)
    shaper = layout_paragraph(text, 1000, LayoutOptions.sending("shaper"))[0]
    assert (shaper.starts, shaper.ends, shaper.widths) == (app.starts, app.ends, app.widths)
    # Each run of Arabic letters goes reversed; brackets, spaces and the number stay put.
    runs = ["".join(run) for _, run in itertools.groupby(app.text, is_presentation_form)]
    assert shaper.text == "".join(run[::-1] if is_presentation_form(run[0]) else run for run in runs)
    assert shaper.text != app.text
    assert [i for i, ch in enumerate(shaper.text) if not is_presentation_form(ch)] == [
        i for i, ch in enumerate(app.text) if not is_presentation_form(ch)
    ]
    assert LayoutOptions.sending("shaper").mode == "app"  # indented, explicit mode



def test_input_that_trips_the_reshaper_is_still_laid_out():
    line = line_of("\u200dلآ")  # arabic-reshaper raises IndexError on this
    assert line.text == "\ufef5" and line.span_at(0) == (0, 3)


def test_tatweel_is_kept():
    assert "\u0640" in line_of("عـــربي").text


def test_persian_and_urdu_letters_are_shaped():
    line = line_of("پچژگکی")
    assert all(is_presentation_form(ch) for ch in line.text)
    assert line.cell_width == 6


def test_terminal_mode_sends_logical_unshaped_text():
    text = "قال Hello «الخطة ب»"
    line = layout_paragraph(text, 100, TERMINAL)[0]
    assert line.text == text
    assert line.rtl


# Bidi and mirroring


def test_english_inside_arabic_reads_left_to_right():
    line = line_of("قال Hello world اليوم")
    assert "Hello world" in line.text
    assert line.rtl


def test_numbers_keep_their_digit_order():
    for number in ("1070", "28", "٢٨", "٢٠١٦"):
        assert number in line_of(f"مشروع {number} شقة").text


def test_url_inside_arabic_stays_intact():
    url = "https://example.com/news?id=1070&x=2"
    assert url in line_of(f"انظر {url} للمزيد").text


def test_hebrew_is_reversed():
    assert line_of("שלום").text == "םולש"


def test_brackets_and_guillemets_are_mirrored_in_rtl_only():
    rtl = line_of("«غزوة حلب» (انطلقت)")
    # The logically first «, drawn at the right edge, must open towards the text on its
    # left, so it is mirrored to »; the logically last ), at the left edge, becomes (.
    assert rtl.text[-1] == "»" and rtl.text.startswith("(")
    assert rtl.text.count("(") == rtl.text.count(")") == 1
    ltr = line_of("a «b» (c)")
    assert ltr.text == "a «b» (c)"


def test_rtl_paragraphs_are_right_aligned_and_ltr_left_aligned():
    rtl = line_of("مرحبا")
    ltr = line_of("hello")
    assert rtl.padded(10) == "     " + rtl.text
    assert ltr.padded(10) == "hello"


def test_base_direction_can_be_overridden():
    assert not line_of("مرحبا", base="ltr").rtl
    assert line_of("hello", base="rtl").rtl
    assert line_of("hello world", base="rtl").text == "hello world"


def test_layout_order_matches_the_conformance_tested_visual_order():
    text = "قال (Reuters) إن 28 «شقة» بيعت في 2016، وذكر ٢٨ مثالا."
    line = line_of(text)
    cluster_starts = set(line.starts)  # the alef of «مثالا» shares the lam's cell
    assert list(line.starts) == [i for i in visual_order(text) if i in cluster_starts]
    assert len(cluster_starts) == len(text) - 1


# Wrapping


def test_lines_fit_the_width_and_break_at_spaces():
    text = "الجيد بالنسبة لروسيا كان حضور عناصر حزب الله في استيعاب الموجة الأولى"
    for width in (10, 17, 30):
        lines = layout_paragraph(text, width)
        assert all(line.cell_width <= width for line in lines)
        words = [text[line.start : line.end].strip() for line in lines]
        assert " ".join(words) == text
        assert all(not line.text.startswith(" ") and not line.text.endswith(" ") for line in lines)


def test_a_word_longer_than_the_line_is_split_without_loss():
    text = "استيعابالموجةالأولى"
    lines = layout_paragraph(text, 5)
    assert all(line.cell_width <= 5 for line in lines)
    assert "".join(text[line.start : line.end] for line in lines) == text


def test_wide_characters_count_two_cells():
    lines = layout_paragraph("中文字 中文", 4)
    assert [line.cell_width for line in lines] == [4, 2, 4]
    assert all(cell_len(line.text) == line.cell_width for line in lines)


# Styles on logical ranges


def test_a_style_lands_on_exactly_the_cells_of_its_span():
    text = "قال حزب الله اليوم"
    line = line_of(text)
    start = text.index("حزب")
    end = start + len("حزب الله")
    runs = line.runs([(start, end, "entity")])
    styled = "".join(run for run, styles in runs if styles)
    assert len(styled) == len("حزب الله")
    assert line_of("حزب الله").text == styled


def test_a_style_on_half_a_lam_alef_marks_the_ligature_cell():
    line = line_of("سلام")
    runs = line.runs([(2, 3, "x")])  # just the alef
    assert [run for run, styles in runs if styles] == ["\ufefc"]


def test_a_span_across_a_line_break_styles_cells_on_both_lines():
    text = "كلمة أولى ثانية ثالثة"
    lines = layout_paragraph(text, 10)
    start, end = text.index("أولى"), text.index("ثانية") + len("ثانية")
    styled = [
        "".join(run for run, styles in line.runs([(start, end, "s")]) if styles)
        for line in lines
    ]
    assert sum(1 for run in styled if run) == 2


# Untrusted text


@pytest.mark.parametrize("control", ["\x1b", "\x07", "\x9b", "\x9d", "\x00", "\x7f", "\x08"])
def test_control_characters_never_reach_the_terminal(control):
    line = line_of(f"abc{control}]0;title\x07 مرحبا")
    assert not any(unicodedata.category(ch) == "Cc" for ch in line.text)
    assert line.cell_width == cell_len(line.text)
    column = line.column_of(3)
    assert column is not None  # a visible placeholder stands in its place
    assert line.text[column] not in "abc"


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u061c", "\ufeff"])
def test_bidi_formatting_characters_are_used_but_never_written(control):
    line = line_of(f"ab{control}cd\u202cef")
    assert control not in line.text and "\u202c" not in line.text


def test_an_override_reverses_what_it_covers():
    assert line_of("ab\u202ecd\u202cef").text == "abdcef"


def test_tabs_and_newlines_become_spaces():
    line = line_of("a\tb\nc")
    assert line.text == "a b c"


def test_single_line_shortens_at_the_logical_end_with_an_ellipsis():
    title = "لم يكن لفشل غزوة حلب الأخيرة مفاعيل ميدانية"
    line = single_line(title, 12)
    assert line.cell_width == 12
    assert line.text.startswith("…")  # the logical end of an RTL line is on the left
    assert single_line("hello world", 6).text == "hello…"
    assert single_line("مرحبا", 1).text == "…"
    assert single_line(title).cell_width == len(title) - 1  # one lam-alef cell in الأخيرة


def test_rewrapping_a_prepared_paragraph_gives_the_same_lines_as_a_fresh_layout():
    text = "بعد الخرق الكبير الذي نجح المسلحون في تحقيقه (31 تموز) وعبر «ضاحية الأسد»"
    prepared = PreparedParagraph(text)
    for width in (12, 40, 12):
        assert prepared.lines(width) == layout_paragraph(text, width)


def test_width_must_be_positive():
    with pytest.raises(ValueError):
        PreparedParagraph("abc").lines(0)


def test_empty_and_invisible_paragraphs_give_one_empty_line():
    for text in ("", "\u200f\u202e"):
        lines = layout_paragraph(text, 10)
        assert len(lines) == 1
        assert (lines[0].text, lines[0].cell_width, lines[0].start, lines[0].end) == ("", 0, 0, len(text))
