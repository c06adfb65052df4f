"""Untrusted text (documents, file names, database rows) made safe for a terminal, a log or
a data file: one function decides what a control character becomes, wherever it is written.

A raw ESC, BEL or C1 character in output can drive the terminal that shows it (OSC 52 writes
the clipboard, CSI moves the cursor); so every C0 and C1 control and DEL is written as a
visible `\\xNN` escape, and JSON keeps C1 characters as `\\u0085` rather than raw bytes.
"""

from __future__ import annotations

import json
import re

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# json.dumps escapes C0 itself; C1, DEL and the two Unicode line separators it leaves raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def printable(text: object, *, keep_layout: bool = False) -> str:
    """`text` with every control character as a visible escape (`\\x1b`), so that it can be
    printed in one line; `keep_layout` leaves tab and newline as they are."""
    pattern = _CONTROLS_BUT_LAYOUT if keep_layout else _CONTROLS
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def json_text(value: object, **options: object) -> str:
    """`json.dumps(value, ensure_ascii=False)`, but with no raw control character left."""
    dumped = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
