"""Arabic shaping with arabic-reshaper, aligned back to the logical characters.

Terminals draw the code points they are given, so Arabic must arrive as presentation forms
(initial, medial, final, isolated). arabic-reshaper picks them; it returns only a string, so
`shape_aligned` works out which input character each output glyph came from. The only
ligatures turned on are lam-alef, which every Arabic reader expects; the others (notably
U+FDF2 for «الله») squeeze a word into one unreadable cell.
"""

from __future__ import annotations

import re

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.reshaper_config import default_config

LAM = "\u0644"
ALEFS = frozenset("\u0627\u0623\u0625\u0622")
LAM_ALEF_GLYPHS = frozenset(chr(code) for code in range(0xFEF5, 0xFEFD))
ZWJ = "\u200d"
ZWNJ = "\u200c"
LAM_ALEF_LIGATURES = (
    "ARABIC LIGATURE LAM WITH ALEF",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
    "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
)
_LAM_ALEF = re.compile("[\ufef5-\ufefc]")
NEEDS_SHAPING = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")

_RESHAPER = ArabicReshaper(
    configuration={
        **{key: False for key in default_config if key.startswith("ARABIC LIGATURE")},
        "RIAL SIGN": False,
        **{key: True for key in LAM_ALEF_LIGATURES},
        # Marks are taken out before shaping (they are transparent to joining), so the
        # reshaper never reorders them; tatweel is a letter and stays.
        "delete_harakat": False,
        "delete_tatweel": False,
        "support_zwj": True,
    }
)


class _ReadOnce:
    """The reshaper's configuration with each value looked up once.

    `ArabicReshaper.reshape` reads six options through configparser on every call (its
    interpolation machinery), which cost more than the shaping of a short paragraph: a file
    of one-letter lines spent most of its time there. The options never change after
    construction, so their values are kept.
    """

    def __init__(self, section) -> None:
        self._section = section
        self._values: dict[tuple[str, str], object] = {}

    def _lookup(self, how: str, key: str, *args, **kwargs):
        if args or kwargs:
            return getattr(self._section, how)(key, *args, **kwargs)
        try:
            return self._values[how, key]
        except KeyError:
            value = self._values[how, key] = getattr(self._section, how)(key)
            return value

    def get(self, key: str, *args, **kwargs):
        return self._lookup("get", key, *args, **kwargs)

    def getboolean(self, key: str, *args, **kwargs):
        return self._lookup("getboolean", key, *args, **kwargs)


_RESHAPER.configuration = _ReadOnce(_RESHAPER.configuration)


def shape_aligned(text: str) -> list[str]:
    """The glyph to show for each character of `text` (which must hold no combining marks).

    Entry i is the presentation form of text[i], or "" where text[i] shows in an earlier
    glyph (the alef of a lam-alef ligature) or shows nothing (ZWJ, which only joins). If the
    reshaper's output cannot be aligned, the text is returned unshaped rather than garbled.
    """
    if not NEEDS_SHAPING.search(text):
        return list(text)
    shaped = _reshape(text)
    if shaped is None:
        return list(text)
    if len(shaped) == len(text):
        return list(shaped)
    if ZWJ in text:
        return _align_slowly(text, shaped)
    glyphs: list[str] = []
    consumed = 0  # characters of `text` accounted for
    copied = 0  # characters of `shaped` accounted for
    for match in _LAM_ALEF.finditer(shaped):
        at = match.start()
        glyphs.extend(shaped[copied:at])
        consumed += at - copied
        if text[consumed : consumed + 1] != LAM or text[consumed + 1 : consumed + 2] not in ALEFS:
            return list(text)
        glyphs.extend((match.group(), ""))
        consumed += 2
        copied = at + 1
    glyphs.extend(shaped[copied:])
    return glyphs if len(glyphs) == len(text) else list(text)


def _reshape(text: str) -> str | None:
    """arabic-reshaper's output, or None where it fails on odd input.

    Document text is untrusted and the reshaper has edge cases that raise (a ZWJ before
    the first letter of a lam-alef, for one); a ZWJ only asks for joining, so without it
    the text is tried again, and failing that it is shown unshaped rather than crashing.
    """
    for attempt in (text, text.replace(ZWJ, "")):
        try:
            return _RESHAPER.reshape(attempt)
        except Exception:  # noqa: BLE001 - any failure of the third-party shaper
            continue
    return None


def _align_slowly(text: str, shaped: str) -> list[str]:
    """Alignment when ZWJ, which the reshaper drops, may sit anywhere in the text."""
    glyphs: list[str] = []
    out = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == ZWJ and (out >= len(shaped) or shaped[out] != ZWJ):
            glyphs.append("")
            i += 1
            continue
        if out >= len(shaped):
            return list(text)
        glyph = shaped[out]
        out += 1
        if glyph in LAM_ALEF_GLYPHS and ch == LAM and i + 1 < n and text[i + 1] in ALEFS:
            glyphs.extend((glyph, ""))
            i += 2
        else:
            glyphs.append(glyph)
            i += 1
    if out != len(shaped):
        return list(text)
    return glyphs
