"""Place names from CLDR (through babel): countries, regions and exemplar cities in Arabic.

An outside list, unlike names learnt from the training text, covers places that the
training news never mentioned.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from seedread.analysis.ner.normalize import normalize


@cache
def place_names() -> frozenset[tuple[str, ...]]:
    """Normalised place names as token tuples (e.g. ('الولايات', 'المتحده'))."""
    locale = Locale("ar")
    names = set(locale.territories.values())
    names.update(zone.get("city", "") for zone in locale.time_zones.values())
    tuples = set()
    for name in names:
        words = tuple(normalize(word) for word in name.replace("-", " ").split())
        if words and not any(ch.isdigit() for ch in name):
            tuples.add(words)
    return frozenset(tuples)
