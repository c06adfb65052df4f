"""seedread's own themes, read from the TOML files shipped in `seedread/themes/`.

Each file is one Textual Theme; its [variables] give the entity palette (colour-blind safe,
after Okabe & Ito). Built-in Textual themes get the dark palette as defaults, and the
highlight colours mixed from their own accent and warning colours: a theme variable's value
cannot refer to another variable, so they are computed here, as plain colours.

A theme file that does not load (bad TOML, unknown keys, a colour that does not parse) is
left out with a one-line reason, so a broken file can never take the reader down.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib.resources import files
from importlib.resources.abc import Traversable

from textual.color import Color, ColorParseError
from textual.theme import Theme

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENTITY_COLOURS = {
    "entity-per": "#E69F00",
    "entity-loc": "#56B4E9",
    "entity-org": "#009E73",
    "entity-event": "#CC79A7",
    "entity-misc": "#F0E442",
}
# Highlight variables: (theme colour, how much of it over the background).
MIXED = {"entity-current": ("accent", 0.6), "search-hit": ("warning", 0.45),
         "review-stale": ("warning", 0.35)}
DEFAULT_THEME = "seedread-dark"


def variable_defaults(theme: Theme) -> dict[str, str]:
    """seedread's CSS variables for a theme that does not set them, as plain colours."""
    colours = theme.to_color_system().generate()
    background = Color.parse(colours["background"])
    mixed = {name: background.blend(Color.parse(colours[base]), amount).hex
             for name, (base, amount) in MIXED.items()}
    return {**ENTITY_COLOURS, **mixed}


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per theme file left out


def load_themes(folder: Traversable | None = None) -> LoadedThemes:
    """Every theme file in `folder` (the package's themes by default), sorted by name."""
    folder = folder or files("seedread").joinpath("themes")
    loaded = LoadedThemes()
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            loaded.themes.append(_theme(entry.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, TypeError, ColorParseError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            loaded.problems.append(f"theme {entry.name!r} left out: {reason}")
    return loaded


def bundled_themes() -> list[Theme]:
    """The package's themes that load."""
    return load_themes().themes


def _theme(source: str) -> Theme:
    """A Theme from TOML, checked the way the stylesheet will use it."""
    data = tomllib.loads(source)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("[variables] must be a table")
    for name, value in variables.items():
        if not isinstance(value, str):
            raise ValueError(f"variable {name} must be a string")
        if name in ENTITY_COLOURS or name in MIXED:
            Color.parse(value)
    theme = Theme(**data)
    variable_defaults(theme)  # every colour of the theme parses
    return theme
