"""Rebuild gazetteer.json from CLDR (through babel) and gazetteer_curated.toml.

    python tui/seedread/data/build_gazetteer.py

CLDR gives the Arabic and English names of countries and regions (territories) and of the
cities that name time zones; nisba adjectives are derived for one-word country names. The
curated file adds the organisations, regions, cities and people Arabic news names most, and
overrides CLDR where both name the same thing. See gazetteer.SOURCE.md for the licenses.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from babel import Locale

HERE = Path(__file__).resolve().parent
CURATED = HERE / "gazetteer_curated.toml"
OUTPUT = HERE / "gazetteer.json"

# Continents and world regions worth naming; numeric CLDR codes otherwise skipped.
REGIONS = {"002", "019", "142", "150", "009", "145", "015", "021", "005", "013", "029"}
ORGANISATIONS = {"EU", "UN"}
# Territory or city names that are everyday Arabic words (مالي "financial", ترك "left").
COMMON_WORDS = {"مالي", "ترك", "العالم", "جيرسي", "سمراء", "ماهي", "كريسماس", "منطقة اليورو"}
CITY_ZONES = ("Africa/", "Asia/", "Europe/", "Australia/", "Indian/")
AMERICAN_CITIES = {
    "America/New_York", "America/Los_Angeles", "America/Chicago", "America/Toronto",
    "America/Mexico_City", "America/Sao_Paulo", "America/Buenos_Aires", "America/Bogota",
    "America/Caracas", "America/Havana", "America/Lima", "America/Santiago",
    "America/Montreal", "America/Vancouver", "America/Denver", "America/Detroit",
}
ENGLISH_CITY = {"Calcutta": "Kolkata", "Saigon": "Ho Chi Minh City", "Asmera": "Asmara",
                "Katmandu": "Kathmandu", "Rangoon": "Yangon"}


def nisba(name: str) -> str | None:
    """The singular nisba of a one-word country name: سوريا → سوري، إيران → إيراني."""
    if " " in name or name in COMMON_WORDS:
        return None
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith("يا"):
        return stem[:-1]
    if stem.endswith(("ا", "ة")):
        return stem[:-1] + ("" if stem[:-1].endswith("ي") else "ي")
    return stem + "ي"


def territories() -> list[dict]:
    arabic, english = Locale.parse("ar").territories, Locale.parse("en").territories
    found = []
    for code, name in sorted(arabic.items()):
        if code not in REGIONS and (len(code) != 2 or not code.isalpha() or code in {"ZZ", "EZ"}):
            continue
        if name in COMMON_WORDS and code not in ORGANISATIONS:
            continue
        kind = "ORG" if code in ORGANISATIONS else "LOC"
        demonym = nisba(name) if kind == "LOC" and code not in REGIONS else None
        found.append({"id": f"cldr:{code}", "name": name, "type": kind,
                      "english": english.get(code), "demonyms": [demonym] if demonym else []})
    return found


def cities() -> list[dict]:
    found = []
    for zone, names in sorted(Locale.parse("ar").time_zones.items()):
        city = names.get("city")
        if not city or city in COMMON_WORDS or "(" in city:
            continue
        if not zone.startswith(CITY_ZONES) and zone not in AMERICAN_CITIES:
            continue
        english = zone.rsplit("/", 1)[1].replace("_", " ")
        found.append({"id": f"cldr:{zone}", "name": city, "type": "LOC",
                      "english": ENGLISH_CITY.get(english, english)})
    return found


def merged(curated: dict) -> dict:
    """CLDR first, then curated entries; a curated entry replaces a CLDR one of the same name
    (and takes its id, so the same place keeps one id)."""
    entities: dict[str, dict] = {}
    for entry in territories() + cities():
        entities.setdefault(entry["name"], entry)
    for entry in curated.get("entity", []):
        base = entities.get(entry["name"], {})
        combined = {**base, **entry}
        combined["demonyms"] = sorted(set(base.get("demonyms", [])) | set(entry.get("demonyms", [])))
        entities[entry["name"]] = combined
    return {"entity": list(entities.values()), "glossary": curated.get("glossary", [])}


def main() -> int:
    with CURATED.open("rb") as stream:
        curated = tomllib.load(stream)
    data = merged(curated)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(data['entity'])} entities, {len(data['glossary'])} glossary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
