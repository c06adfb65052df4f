"""What the reader remembers between runs: the place in each document, the last document,
the bidi choice per terminal and the theme — one JSON file in the user's data directory.

`SEEDREAD_DATA_DIR` moves the directory (tests point it at a temporary one). A missing or
damaged file means starting fresh, never a crash; writes go through a temporary file so a
killed process leaves the old state whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seedread.review.location import data_dir
from seedread.text.files import atomic_write

STATE_FILE = "reader-state.json"


@dataclass
class ReaderState:
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)
    last_document: str | None = None
    bidi: dict[str, str] = field(default_factory=dict)  # terminal key -> "app" | "terminal" | "shaper"
    theme: str | None = None
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> ReaderState:
        path = path or data_dir() / STATE_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = {}
        if not isinstance(raw, dict):
            raw = {}
        return cls(
            positions=_dict(raw.get("positions")),
            last_document=raw.get("last_document") if isinstance(raw.get("last_document"), str) else None,
            bidi={k: v for k, v in _dict(raw.get("bidi")).items() if v in ("app", "terminal", "shaper")},
            theme=raw.get("theme") if isinstance(raw.get("theme"), str) else None,
            path=path,
        )

    def position(self, sha256: str) -> int:
        entry = self.positions.get(sha256)
        offset = entry.get("offset") if isinstance(entry, dict) else None
        return offset if isinstance(offset, int) and offset >= 0 else 0

    def progress(self, sha256: str) -> int | None:
        entry = self.positions.get(sha256)
        percent = entry.get("percent") if isinstance(entry, dict) else None
        return percent if isinstance(percent, int) else None

    def remember(self, sha256: str, path: str, offset: int, percent: int) -> None:
        self.positions[sha256] = {"offset": offset, "percent": percent, "path": path}
        self.last_document = path

    def save(self) -> None:
        """Write atomically; a read-only data directory only loses the state, not the session."""
        if self.path is None:
            return
        data = {
            "positions": self.positions,
            "last_document": self.last_document,
            "bidi": self.bidi,
            "theme": self.theme,
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError:  # a full disk leaves the old file, and no temporary file
            return


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}
