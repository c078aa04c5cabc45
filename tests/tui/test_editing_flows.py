"""Creating productions, editing shot lists, tagging text, correcting spans and notes, with Pilot."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from textual.widgets import Input, TextArea

from scriptdesk.db.models import Note, Production, Quotation, RightsItem
from scriptdesk.services.queries import list_productions, shots_of_scene
from scriptdesk.tui.app import ScriptDeskApp
from scriptdesk.tui.dialogs.confirm import ConfirmDialog
from scriptdesk.tui.dialogs.production import NewProductionDialog
from scriptdesk.tui.dialogs.span_picker import SpanPickerDialog
from scriptdesk.tui.dialogs.text_input import TextInputDialog
from scriptdesk.tui.screens.breakdown import BreakdownScreen
from scriptdesk.tui.screens.productions import ProductionsScreen
from tests.tui.builders import MARKUP_QUOTE, BuiltProduction
from tests.tui.conftest import MEDIUM
from tests.tui.helpers import drive, fetch, open_view, settle

TITLE = "The Lighthouse Keepers"


@drive
async def test_new_production_and_rename(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewProductionDialog)
        app.screen.query_one("#title", Input).value = "Ferry Film"
        app.screen.query_one("#runtime", Input).value = "52 min"
        speed = app.screen.query_one("#speed", Input)
        speed.focus()
        await pilot.press(*"150", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProductionsScreen)
        created = {p.title: p for p in list_productions(desk_workspace)}["Ferry Film"]
        assert created.target_runtime_seconds == 3120
        assert [p.title for p in app.screen.productions] == ["Ferry Film", TITLE]
        # A taken title is refused in one sentence and nothing is created.
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#title", Input).value = TITLE.upper()
        app.screen.query_one("#title", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert len(list_productions(desk_workspace)) == 2
        assert any("already a production" in n.message for n in app._notifications)
        # Rename the highlighted production (Ferry Film, first by title).
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextInputDialog)
        app.screen.query_one(Input).value = "The Ferry"
        await pilot.press("enter")
        await settle(pilot)
        assert fetch(app, Production, created.id).title == "The Ferry"


async def _shots_shown(pilot, built: BuiltProduction) -> BreakdownScreen:
    await settle(pilot)
    await open_view(pilot, "2")
    screen = pilot.app.screen
    assert isinstance(screen, BreakdownScreen)
    await pilot.press("s")
    await pilot.pause()
    assert screen.shot_panel.table.has_focus
    return screen


@drive
async def test_shot_list_add_split_move_renumber_delete(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    scene = built.scene_ids[0]
    numbers = lambda: [s.number for s in shots_of_scene(desk_workspace, scene)]  # noqa: E731
    async with app.run_test(size=MEDIUM) as pilot:
        screen = await _shots_shown(pilot, built)
        await pilot.press("plus")
        await settle(pilot)
        assert numbers() == ["1", "1A", "2"]
        assert screen.shot_panel.current.number == "1A"
        await pilot.press("x")
        await settle(pilot)
        assert numbers() == ["1", "1A", "1B", "2"]
        assert screen.shot_panel.current.number == "1B"
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert numbers() == ["1", "1B", "1A", "2"]
        assert screen.shot_panel.current.number == "1B"
        await pilot.press("number_sign")
        await settle(pilot)
        assert numbers() == ["1", "2", "3", "4"]
        assert [s.number for s in shots_of_scene(desk_workspace, built.scene_ids[1])] == ["5"]
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert numbers() == ["1", "3", "4"]
        assert "Shots 0:18" in str(screen.shot_panel.query_one("#shot-total").render())


@drive
async def test_edit_a_shot_duration_and_type(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await _shots_shown(pilot, built)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # Duration (seconds)
        await pilot.pause()
        app.screen.query_one(Input).value = "9.5"
        await pilot.press("enter")
        await settle(pilot)
        assert shots_of_scene(desk_workspace, built.scene_ids[0])[0].duration_seconds == 9.5


@drive
async def test_tag_selected_words_as_a_quotation(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "2")
        screen = app.screen
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SpanPickerDialog)
        picker = app.screen
        area = picker.query_one(TextArea)
        text = picker.text
        start = text.index("The newsreel")
        area.selection = (area.document.get_location_from_index(start),) * 2
        await pilot.press(*["shift+right"] * len("The newsreel"))
        assert picker.selected_range() == (start, start + len("The newsreel"))
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is screen
        with Session(desk_workspace.engine) as session:
            tagged = session.scalars(select(Quotation).where(Quotation.origin == "person")).one()
            assert (tagged.text, tagged.review_state, tagged.scene_id) == ("The newsreel", "accepted", built.scene_ids[0])
        assert screen.element is not None and screen.element.record_id == tagged.id


@drive
async def test_tag_markup_text_as_rights_keeps_it_literal(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "2")
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        picker = app.screen
        start = picker.text.index(MARKUP_QUOTE)
        area = picker.query_one(TextArea)
        area.selection = (area.document.get_location_from_index(start),
                          area.document.get_location_from_index(start + len(MARKUP_QUOTE)))
        await pilot.pause()
        await pilot.press("r")
        await settle(pilot)
        assert app.is_running
        with Session(desk_workspace.engine) as session:
            item = session.scalars(select(RightsItem).where(RightsItem.origin == "person")).one()
            assert item.subject == MARKUP_QUOTE


@drive
async def test_correct_a_quotation_span(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "2")
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert app.screen.element.record_id == built.quotation_ids["lamp"]
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SpanPickerDialog)
        start, end = picker.selected_range()
        assert picker.text[start:end].startswith("The lamp has not failed")
        # Shrink the end back to "...this winter": a word at a time, then by characters.
        for _ in range(12):
            start, end = picker.selected_range()
            if picker.text[start:end].rstrip(" ,").endswith("winter"):
                break
            await pilot.press("ctrl+shift+left")
        for _ in range(3):
            start, end = picker.selected_range()
            if not picker.text[start:end].endswith((" ", ",")):
                break
            await pilot.press("shift+left")
        await pilot.press("enter")
        await settle(pilot)
        quotation = fetch(app, Quotation, built.quotation_ids["lamp"])
        assert quotation.text == "The lamp has not failed once this winter"


@drive
async def test_add_a_note_to_the_selected_quotation(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "2")
        await pilot.press("n", "n", "n")
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, TextInputDialog)
        await pilot.press(*"Letter 14 is dated [March]")
        await pilot.press("enter")
        await settle(pilot)
        with Session(desk_workspace.engine) as session:
            note = session.scalars(select(Note)).one()
            assert (note.record_table, note.record_id) == ("quotation", built.quotation_ids["lamp"])
            assert (note.author, note.text) == ("test-researcher", "Letter 14 is dated [March]")
