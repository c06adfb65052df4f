"""The per-folder user gazetteer (.seedread/gazetteer.toml) and the bundled data."""

from __future__ import annotations

import pytest

from seedread.analysis import analyze
from seedread.analysis.gazetteer import GazetteerError, bundled
from seedread.cli import main
from seedread.text.document import parse_text

TEXT = "قال أبو خالد الحلبي إن كتيبة السهم وصلت أمس إلى تل رفعت، وأكد أبو خالد أن «الموجة الثالثة» بدأت."


def write_user_file(folder, body: str):
    (folder / ".seedread").mkdir()
    (folder / ".seedread" / "gazetteer.toml").write_text(body, encoding="utf-8")


def test_bundled_gazetteer_has_cldr_places_and_curated_names():
    known = bundled()
    names = {k.name for k in known.known.values()}
    assert {"سوريا", "القاهرة", "حزب الله", "الأمم المتحدة", "فلاديمير بوتين"} <= names
    assert known.known["cldr:EG"].english == "Egypt"


def test_user_file_adds_entities_aliases_and_glossary(tmp_path):
    write_user_file(
        tmp_path,
        """
[[entity]]
name = "تل رفعت"
type = "LOC"
english = "Tell Rifaat"

[[entity]]
name = "أبو خالد الحلبي"
type = "PER"
english = "Abu Khalid al-Halabi"
aliases = ["أبو خالد"]

[[glossary]]
term = "الموجة الثالثة"
gloss = "the third wave (of the assault)"
""",
    )
    document = parse_text(TEXT, tmp_path / "a.txt")
    analysis = analyze(document, user_data_dir=tmp_path)
    by_name = {e.name: e for e in analysis.entities}
    assert by_name["تل رفعت"].english == "Tell Rifaat"
    assert by_name["تل رفعت"].mentions[0].source == "user"
    assert [m.text for m in by_name["أبو خالد الحلبي"].mentions] == ["أبو خالد الحلبي", "أبو خالد"]
    glosses = {g.term: g.gloss for g in analysis.glossary}
    assert glosses["الموجة الثالثة"] == "the third wave (of the assault)"
    without = analyze(document)
    assert "Tell Rifaat" not in {e.english for e in without.entities}


def test_user_file_overrides_a_bundled_entry(tmp_path):
    write_user_file(tmp_path, '[[entity]]\nname = "حلب"\ntype = "LOC"\nenglish = "Halab"\n')
    document = parse_text("وصل إلى حلب", tmp_path / "a.txt")
    entity = analyze(document, user_data_dir=tmp_path).entities[0]
    assert entity.english == "Halab"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[[entity]\nname=", "not valid TOML"),
        ('[[entity]]\nname = "x"\ntype = "CITY"\n', "use one of PER"),
        ('[[entity]]\ntype = "LOC"\n', "has no name"),
        ('[[entity]]\nname = "x"\naliases = "y"\n', "must be a list"),
    ],
)
def test_a_bad_user_file_is_one_clear_error(tmp_path, body, message):
    write_user_file(tmp_path, body)
    document = parse_text("نص", tmp_path / "a.txt")
    with pytest.raises(GazetteerError) as info:
        analyze(document, user_data_dir=tmp_path)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_a_bad_user_file_makes_extract_fail_with_one_line(tmp_path, capsys):
    write_user_file(tmp_path, "[[entity]\n")
    (tmp_path / "a.txt").write_text("نص عربي", encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gazetteer.toml" in err


def test_harakat_tell_homographs_apart():
    def english_of(text):
        analysis = analyze(parse_text(text, "a.txt"))
        return {entity.english for entity in analysis.entities if entity.type == "LOC"}

    assert "Amman" in english_of("التقى الوزيران في عمّان أمس.")
    assert "Oman" in english_of("التقى الوزيران في عُمان أمس.")
    assert english_of("التقى الوزيران في عمان أمس.") & {"Amman", "Oman"}
