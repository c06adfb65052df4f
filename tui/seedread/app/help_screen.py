"""`?`: every binding active where the user pressed it, with its key and description,
read from the live bindings so the help can never disagree with the keys."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static("Keys (Escape closes)", id="help-title")
        table: DataTable = DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Key", "Does", "Where")
        for key, description, where in self.rows:
            table.add_row(Text(key, style="bold"), description, where)
        yield table


def binding_rows(screen) -> list[tuple[str, str, str]]:
    """(key, description, where) for each live binding of the focused chain, app last."""
    rows = []
    app = screen.app
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not binding.description:
            continue
        owner = type(active.node).__name__ if active.node is not app else "everywhere"
        rows.append((app.get_key_display(binding) or key, binding.description, owner))
    return _merged(rows)


def _merged(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """One row per action: keys bound to the same description are listed together."""
    merged: dict[tuple[str, str], list[str]] = {}
    for key, description, where in rows:
        keys = merged.setdefault((description, where), [])
        if key not in keys:
            keys.append(key)
    return [(" ".join(keys), description, where) for (description, where), keys in merged.items()]
