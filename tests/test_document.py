"""Opening article files: encodings, normalisation, paragraphs, titles and hashes."""

import unicodedata
from pathlib import Path

import pytest

from seedread.text.document import (
    MAX_FILE_BYTES,
    DocumentError,
    load_document,
    load_paths,
    parse_text,
)

SEED = Path(__file__).parent.parent / "seeds" / "000_dce8252990c8ebab.txt"
ARABIC = "قال رئيس لجنة الخارجية والأمن آفي ديختر إن «الخطة ب» فشلت في 28 تشرين الأول."


@pytest.mark.parametrize(
    ("codec", "prefix", "name"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8 with BOM"),
        ("utf-16-le", b"\xff\xfe", "UTF-16 LE with BOM"),
        ("utf-16-be", b"\xfe\xff", "UTF-16 BE with BOM"),
        ("cp1256", b"", "Windows-1256"),
        ("iso8859_6", b"", "ISO-8859-6"),
    ],
)
def test_each_supported_encoding_gives_the_same_text_and_hash(tmp_path, codec, prefix, name):
    text = "عنوان الخبر\n" + ARABIC.replace("«", '"').replace("»", '"') + "\n"
    path = tmp_path / "article.txt"
    path.write_bytes(prefix + text.encode(codec))
    document = load_document(path)
    assert document.encoding == name
    assert document.text == text
    reference = parse_text(text, "article.txt")
    assert document.sha256 == reference.sha256


def test_the_seed_opens_as_utf8_with_one_paragraph_per_line():
    document = load_document(SEED)
    assert document.encoding == "UTF-8"
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert len(document.paragraphs) == len(lines)
    assert document.title.startswith("لم يكن لفشل «غزوة حلب»")


def test_text_is_normalised_to_nfc_with_lf_line_ends(tmp_path):
    decomposed = unicodedata.normalize("NFD", "café أحمد")
    path = tmp_path / "a.txt"
    path.write_bytes(f"{decomposed}\r\nsecond\rthird\n".encode())
    document = load_document(path)
    assert document.text == unicodedata.normalize("NFC", "café أحمد") + "\nsecond\nthird\n"
    assert [document.paragraph_text(p) for p in document.paragraphs] == [
        unicodedata.normalize("NFC", "café أحمد"), "second", "third"
    ]


def test_markdown_paragraphs_are_separated_by_blank_lines_and_headings_give_the_title():
    text = "---\ndate: 2016-11-02\n---\n# عنوان المقال\n\nسطر أول\nمن الفقرة نفسها\n\n\nفقرة ثانية\n"
    document = parse_text(text, "a.md")
    assert document.meta == {"date": "2016-11-02"}
    paragraphs = [document.paragraph_text(p) for p in document.paragraphs]
    assert paragraphs == ["عنوان المقال", "سطر أول\nمن الفقرة نفسها", "فقرة ثانية"]
    assert document.paragraphs[0].heading
    assert document.title == "عنوان المقال"


def test_offsets_point_into_the_normalised_text():
    document = parse_text("  first line  \n\nsecond\n", "a.txt")
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.end] == document.paragraph_text(paragraph)
    assert [document.paragraph_text(p) for p in document.paragraphs] == ["first line", "second"]


def test_a_long_title_is_shortened_to_one_line():
    document = parse_text("كلمة " * 100, "a.txt")
    assert len(document.title) <= 120 and document.title.endswith("…")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"abc\x00def", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 10, "not text"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as error:
        load_document(path)
    message = str(error.value)
    assert "\n" not in message and str(path) in message and problem in message


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50 * 1024 * 1024)
    with pytest.raises(DocumentError, match="too large"):
        load_document(path)
    assert MAX_FILE_BYTES < 50 * 1024 * 1024


def test_a_single_one_megabyte_line_is_refused(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("كلمة " * 210_000, encoding="utf-8")
    with pytest.raises(DocumentError, match="paragraph 1 is 1,049,999 characters long; the limit is 100,000"):
        load_document(path)


def test_an_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("نص", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("seedread.text.files.os.open", refuse)
    with pytest.raises(DocumentError, match="permission denied"):
        load_document(path)


def test_a_folder_opens_its_articles_sorted_and_skips_bad_ones(tmp_path):
    (tmp_path / "b.txt").write_text("ثاني", encoding="utf-8")
    (tmp_path / "a.md").write_text("# أول", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("ثالث", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".seedread").mkdir()
    (tmp_path / ".seedread" / "hidden.txt").write_text("مخفي", encoding="utf-8")
    loaded = load_paths([tmp_path])
    assert [d.path.name for d in loaded.documents] == ["a.md", "b.txt", "c.txt"]
    assert [e.path.name for e in loaded.skipped] == ["empty.txt"]


def test_missing_paths_and_empty_folders_are_errors(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        load_paths([tmp_path / "missing.txt"])
    with pytest.raises(DocumentError, match="no .txt or .md articles"):
        load_paths([tmp_path])
    (tmp_path / "only.txt").write_bytes(b"\x00")
    with pytest.raises(DocumentError, match="none of the 1 article files"):
        load_paths([tmp_path])


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin_text_in_a_western_code_page_is_refused_not_read_as_arabic(tmp_path, codec):
    """As ISO-8859-6 these bytes are Arabic letters inside Latin words (cafى): garble."""
    path = tmp_path / "french.txt"
    path.write_bytes("Le café était très bon. Ça va, élève ? Déjà vu.\n".encode(codec))
    with pytest.raises(DocumentError, match="garbled"):
        load_document(path)


def test_arabic_in_windows_1256_with_english_words_still_opens(tmp_path):
    path = tmp_path / "mixed.txt"
    text = "قال Reuters إن الرئيس بشار الأسد زار حلب (Aleppo) يوم الأحد، وفق Walla.\n"
    path.write_bytes(text.encode("cp1256"))
    document = load_document(path)
    assert document.encoding == "Windows-1256" and document.text == text


def test_the_same_article_named_twice_opens_once(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("نص أول\n", encoding="utf-8")
    (folder / "b.txt").write_text("نص ثان\n", encoding="utf-8")
    loaded = load_paths([folder / "a.txt", folder, folder / "b.txt", folder / "." / "a.txt"])
    assert [d.path.name for d in loaded.documents] == ["a.txt", "b.txt"]
