"""Turn the bytes of an article file into text, naming the encoding that was used.

Arabic news files come as UTF-8 (with or without a BOM), UTF-16 with a BOM, or in the two
legacy Arabic code pages, Windows-1256 and ISO-8859-6. The legacy pages cannot be told apart
by their byte patterns alone, so each candidate decoding is scored by how much it looks like
Arabic text, and a decoding that does not look like text at all is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 BE with BOM"),
)
LEGACY_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("cp1256", "Windows-1256"),
    ("iso8859_6", "ISO-8859-6"),
)
# Share of the non-ASCII letters that must be Arabic for a legacy decoding to count as text.
MIN_ARABIC_SHARE = 0.6
# Share of control characters (other than tab, newline, carriage return, form feed) above
# which a decoding looks like binary data rather than text (a few escapes are just hostile).
MAX_CONTROL_SHARE = 0.25
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # Cc but tab, LF, CR, FF
# Share of the words with Arabic letters that also hold Latin letters above which a legacy
# decoding is Latin text misread (café as ISO-8859-6 is "cafى"): Arabic prose does not
# glue the two scripts inside a word.
MAX_MIXED_WORD_SHARE = 0.2
_WORD = re.compile(r"\w+")
_LATIN = re.compile("[A-Za-z]")
_ARABIC = re.compile("[\u0600-\u06ff]")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding seedread supports."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a name a person reads, e.g. "UTF-8" or "Windows-1256"


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes; raise UndecodableError when no supported encoding fits."""
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {name} at byte {exc.start}") from None
    if b"\x00" in data:
        raise UndecodableError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > MAX_CONTROL_SHARE:
            raise UndecodableError("binary file (control characters)")
        return Decoded(text, "UTF-8")
    candidates = []
    for codec, name in LEGACY_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= MAX_CONTROL_SHARE:
            candidates.append((_arabic_share(text), text, name))
    if candidates:
        share, text, name = max(candidates, key=lambda c: c[0])
        if share >= MIN_ARABIC_SHARE:
            if _mixed_word_share(text) <= MAX_MIXED_WORD_SHARE:
                return Decoded(text, name)
            raise UndecodableError(
                "not text in a supported encoding: read as Windows-1256 or ISO-8859-6 it is "
                "garbled (Latin letters inside Arabic words), so probably another code page; "
                "convert it to UTF-8"
            )
    raise UndecodableError(
        "not text in a supported encoding (UTF-8, UTF-16 with BOM, Windows-1256, ISO-8859-6)"
    )


def _mixed_word_share(text: str) -> float:
    """Share of the words with an Arabic letter that also have a Latin one."""
    arabic_words = [w for w in _WORD.findall(text) if _ARABIC.search(w)]
    if not arabic_words:
        return 0.0
    return sum(1 for w in arabic_words if _LATIN.search(w)) / len(arabic_words)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def _arabic_share(text: str) -> float:
    """Share of the non-ASCII characters that are Arabic letters, marks or digits."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not non_ascii:
        return 0.0
    arabic = sum(1 for ch in non_ascii if 0x0600 <= ord(ch) <= 0x06FF)
    return arabic / len(non_ascii)
