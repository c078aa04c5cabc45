"""Script text is shown literally, and screens survive resizing."""

from __future__ import annotations

from textual.widgets import Static

from scriptdesk.tui.app import ScriptDeskApp
from scriptdesk.tui.screens.breakdown import BreakdownScreen
from scriptdesk.tui.widgets.paged_table import VirtualTable
from scriptdesk.tui.widgets.script_text import ScriptTextView
from tests.tui.builders import MARKUP_QUOTE, BuiltProduction
from tests.tui.conftest import MEDIUM, SMALL
from tests.tui.helpers import drive, open_view, settle

TITLE = "The Lighthouse Keepers"


def _plain(renderable: object) -> str:
    return getattr(renderable, "plain", str(renderable))


@drive
async def test_markup_in_a_quotation_is_shown_literally(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "3")
        table = app.screen.query_one("#log", VirtualTable)
        row = table.cells_of(built.quotation_ids["markup"])
        assert row is not None
        assert any("[@click=app.quit]x[/]" in _plain(cell) for cell in row)
        assert any("[bold]hold[/bold]" in _plain(cell) for cell in row)
        # Selecting it shows it in context, literally, and clicking it runs nothing.
        await pilot.press("down")
        await settle(pilot)
        context = app.screen.query_one("#context", Static)
        await pilot.click("#context")
        await pilot.click("#log", offset=(60, 3))
        await settle(pilot)
        assert app.is_running
        shown = context.content.renderables[0]  # type: ignore[attr-defined]
        assert "[@click=app.quit]x[/]" in shown.plain and "[/]" in shown.plain

        await open_view(pilot, "2")
        assert isinstance(app.screen, BreakdownScreen)
        await pilot.press("down")
        await settle(pilot)
        view = app.screen.query_one("#script-text", ScriptTextView)
        assert view.scene is not None and MARKUP_QUOTE in view.scene.text
        assert MARKUP_QUOTE in app.screen.query_one("#script-text Static", Static).content.plain  # type: ignore[union-attr]
        for _ in range(len(view.scene.elements)):
            await pilot.press("n")
        await pilot.click("#script-text", offset=(10, 3))
        await settle(pilot)
        assert app.is_running


@drive
async def test_every_screen_survives_80x24_and_back(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        for key in "123456":
            await open_view(pilot, key)
            screen = app.screen
            await pilot.resize_terminal(*SMALL)
            await settle(pilot)
            await pilot.resize_terminal(*MEDIUM)
            await settle(pilot)
            assert app.screen is screen and app.is_running
            assert app.size == MEDIUM
