"""Snapshots of the main screens at 80x24 and 120x36 (deterministic data and date)."""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest

from scriptdesk.services import dates
from scriptdesk.services.workspace import open_workspace
from scriptdesk.tui.app import ScriptDeskApp
from tests.tui.conftest import MEDIUM, SMALL
from tests.tui.helpers import settle

PINNED_TODAY = dt.date(2026, 1, 10)


@pytest.fixture
def pinned_app(tmp_path, desk_templates, monkeypatch: pytest.MonkeyPatch) -> ScriptDeskApp:
    """The app on the invented production, with today and the time zone pinned."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(dates, "current_date", lambda: PINNED_TODAY)
    template, _built = desk_templates(PINNED_TODAY)
    path = tmp_path / "pinned.sqlite3"
    shutil.copyfile(template, path)
    workspace = open_workspace(str(path))
    yield ScriptDeskApp(workspace=workspace, production="The Lighthouse Keepers")
    workspace.close()
    monkeypatch.undo()
    time.tzset()


def _steps(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [SMALL, MEDIUM], ids=["80x24", "120x36"])
class TestMainScreens:
    def test_dashboard(self, snap_compare, pinned_app: ScriptDeskApp, size: tuple[int, int]) -> None:
        assert snap_compare(pinned_app, terminal_size=size, run_before=_steps())

    def test_verification_queue(self, snap_compare, pinned_app: ScriptDeskApp, size: tuple[int, int]) -> None:
        assert snap_compare(pinned_app, terminal_size=size, run_before=_steps("3", "down"))

    def test_breakdown(self, snap_compare, pinned_app: ScriptDeskApp, size: tuple[int, int]) -> None:
        assert snap_compare(pinned_app, terminal_size=size, run_before=_steps("2", "n", "n", "n"))
