"""seedread's own themes, read from the TOML files shipped in `seedread/themes/`.

Each file is one Textual Theme; its [variables] give the entity palette (colour-blind safe,
after Okabe & Ito). Built-in Textual themes get the dark palette as defaults.
"""

from __future__ import annotations

import sys
from importlib.resources import files

from textual.theme import Theme

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENTITY_VARIABLE_DEFAULTS = {
    "entity-per": "#E69F00",
    "entity-loc": "#56B4E9",
    "entity-org": "#009E73",
    "entity-event": "#CC79A7",
    "entity-misc": "#F0E442",
    "entity-current": "$accent 60%",
    "search-hit": "$warning 45%",
    "review-stale": "$warning 35%",
}
DEFAULT_THEME = "seedread-dark"


def bundled_themes() -> list[Theme]:
    """Every theme file in the package, sorted by name."""
    folder = files("seedread").joinpath("themes")
    themes = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            themes.append(Theme(**data))
    return themes
