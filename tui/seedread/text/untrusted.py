"""Untrusted text (documents, file names, database rows) made safe for a terminal, a log or
a data file: one function decides what a control character becomes, wherever it is written.

A raw ESC, BEL or C1 character in output can drive the terminal that shows it (OSC 52 writes
the clipboard, CSI moves the cursor); so every C0 and C1 control and DEL is written as a
visible `\\xNN` escape, and JSON keeps C1 characters as `\\u0085` rather than raw bytes.
The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are escaped too
(`\\u202e`): in a file name they would reorder the rest of an error line on a terminal
that does bidi, hiding what the name really is.
"""

from __future__ import annotations

import json
import re

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
_CONTROLS_BUT_LAYOUT = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}]")
# json.dumps escapes C0 itself; C1, DEL and the two Unicode line separators it leaves raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def printable(text: object, *, keep_layout: bool = False) -> str:
    """`text` with every control character as a visible escape (`\\x1b`), so that it can be
    printed in one line; `keep_layout` leaves tab and newline as they are."""
    pattern = _CONTROLS_BUT_LAYOUT if keep_layout else _CONTROLS
    return pattern.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_text(value: object, **options: object) -> str:
    """`json.dumps(value, ensure_ascii=False)`, but with no raw control character left."""
    dumped = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
