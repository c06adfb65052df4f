"""Snapshots of the seed in the reader at 80x24 (panes folded) and 140x40 (side by side),
with a mention marked so the highlight colours are in the picture."""

from __future__ import annotations

import pytest
from test_app_fixtures import make_app, settle


@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
def test_reader_snapshot(snap_compare, tmp_path, size):
    async def wait(pilot):
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=size, press=["right_square_bracket", "n"],
                        run_before=wait)


def test_reader_snapshot_panes_at_80(snap_compare, tmp_path):
    async def wait(pilot):
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), press=["tab"], run_before=wait)
