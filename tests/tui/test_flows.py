"""The main flows of the workspace, driven with Pilot on a stored production."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateutil.relativedelta import relativedelta
from textual.widgets import Input

from scriptdesk.db.models import FootageNeed, Quotation, RightsItem
from scriptdesk.services.editing import update_record
from scriptdesk.services.queries import list_productions
from scriptdesk.tui.app import ScriptDeskApp
from scriptdesk.tui.dialogs.conflict import ConflictDialog
from scriptdesk.tui.dialogs.file_picker import ImportDialog
from scriptdesk.tui.screens.breakdown import BreakdownScreen
from scriptdesk.tui.screens.dashboard import DashboardScreen
from scriptdesk.tui.screens.help import HelpScreen
from scriptdesk.tui.screens.productions import ProductionsScreen
from scriptdesk.tui.screens.verification import VerificationScreen
from tests.tui.builders import BuiltProduction
from tests.tui.conftest import MEDIUM
from tests.tui.helpers import drive, fetch, open_view, settle

TITLE = "The Lighthouse Keepers"


@drive
async def test_productions_list_opens_dashboard(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProductionsScreen)
        assert app.screen.productions[0].title == TITLE
        assert "test-researcher" in app.sub_title
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.production_id == built.production_id
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProductionsScreen)


@drive
async def test_import_through_the_file_dialog(desk_workspace, tmp_path: Path) -> None:
    script = tmp_path / "ferry.md"
    script.write_text(
        "# The Ferry\n\n## The crossing\n\nIn June 1922 the ferryman Piet Laan told a reporter: "
        "\u201cWe sail at six whatever the fog says.\u201d The newspaper printed it the next morning.\n",
        encoding="utf-8",
    )
    app = ScriptDeskApp(workspace=desk_workspace)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        app.screen.query_one("#path", Input).value = str(script)
        production = app.screen.query_one("#production", Input)
        production.value = "Ferry Film"
        production.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProductionsScreen)
        titles = [p.title for p in list_productions(desk_workspace)]
        assert titles == ["Ferry Film"]
        assert app.screen.productions[0].scenes >= 1


@drive
async def test_import_of_a_missing_file_is_one_sentence(desk_workspace, tmp_path: Path) -> None:
    app = ScriptDeskApp(workspace=desk_workspace)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "nowhere.fountain")
        production = app.screen.query_one("#production", Input)
        production.value = "Nothing"
        production.focus()
        await pilot.press("enter")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("nowhere.fountain" in m and "no such file" in m for m in messages)
        assert list_productions(desk_workspace) == []


@drive
async def test_accept_a_suggestion_and_undo_it(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "2")
        assert isinstance(app.screen, BreakdownScreen)
        # Date, person, then the quotation of scene 1.
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert app.screen.element is not None and app.screen.element.table == "quotation"
        await pilot.press("a")
        await settle(pilot)
        quotation = fetch(app, Quotation, built.quotation_ids["lamp"])
        assert quotation.review_state == "accepted"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert fetch(app, Quotation, built.quotation_ids["lamp"]).review_state == "suggested"


@drive
async def test_verify_a_quotation_with_v(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "3")
        assert isinstance(app.screen, VerificationScreen)
        assert app.screen.table.selected.id == built.quotation_ids["lamp"]
        before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=5)
        await pilot.press("v")
        await settle(pilot)
        quotation = fetch(app, Quotation, built.quotation_ids["lamp"])
        assert quotation.verification_state in {"verified", "verified_single_source"}
        assert quotation.verified_by == "test-researcher"
        verified_at = quotation.verified_at.replace(tzinfo=quotation.verified_at.tzinfo or dt.timezone.utc)
        assert verified_at >= before


@drive
async def test_mark_a_discrepancy_with_a_note(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "3")
        await pilot.press("down")
        assert app.screen.table.selected.id == built.quotation_ids["markup"]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press(*"Log says dusk, not dawn")
        await pilot.press("enter")
        await settle(pilot)
        quotation = fetch(app, Quotation, built.quotation_ids["markup"])
        assert quotation.verification_state == "discrepancy"
        assert "Log says dusk, not dawn" in quotation.notes


@drive
async def test_next_unverified_skips_verified_quotations(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "3")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.table.selected.id == built.quotation_ids["markup"]
        await pilot.press("n")
        await pilot.pause()
        # "prayers" is verified and "ship" a discrepancy: both skipped.
        assert app.screen.table.selected.id == built.quotation_ids["mayak"]
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.table.selected.id == built.quotation_ids["markup"]


@drive
async def test_edit_rights_term_in_natural_language(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "5")
        assert app.screen.table.selected.id == built.rights_ids["newsreel"]
        await pilot.press("t")
        await pilot.pause()
        field = app.screen.query_one("#value", Input)
        field.value = "in 6 months"
        await pilot.press("enter")
        await settle(pilot)
        item = fetch(app, RightsItem, built.rights_ids["newsreel"])
        assert item.term_end == dt.date.today() + relativedelta(months=6)


@drive
async def test_ambiguous_date_is_refused_in_plain_words(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "5")
        before = fetch(app, RightsItem, built.rights_ids["newsreel"]).term_end
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#value", Input).value = "03/04/2027"
        await pilot.press("enter")
        await settle(pilot)
        assert any("ambiguous" in n.message for n in app._notifications)
        assert fetch(app, RightsItem, built.rights_ids["newsreel"]).term_end == before


@drive
async def test_concurrent_edit_shows_both_values(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "4")
        row = app.screen.table.selected
        assert row.id == built.footage_ids[0]
        # A colleague changes the archive after the log was read.
        update_record(desk_workspace, "footage_need", row.id, {"archive": "Pathé archive"}, row.version, "colleague")
        app.screen.table.move_cursor(row=0, column=5)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#value", Input).value = "Harbour Film Library"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert app.screen.theirs == "Pathé archive"
        assert app.screen.yours == "Harbour Film Library"
        await pilot.press("t")
        await settle(pilot)
        assert fetch(app, FootageNeed, row.id).archive == "Pathé archive"
        # Asked again, the user may choose to write theirs over: then it is saved.
        app.screen.table.move_cursor(row=0, column=5)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#value", Input).value = "Harbour Film Library"
        await pilot.press("enter")
        await settle(pilot)
        assert fetch(app, FootageNeed, row.id).archive == "Harbour Film Library"


@drive
async def test_help_lists_the_keys_of_the_screen(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "3")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        descriptions = [str(row) for row in app.screen.table.columns[1]._cells]
        assert "Verified" in descriptions and "Discrepancy" in descriptions
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, VerificationScreen)


@drive
async def test_search_goes_to_the_quotation(desk_workspace, built: BuiltProduction) -> None:
    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"prayers")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VerificationScreen)
        assert app.screen.table.selected.id == built.quotation_ids["prayers"]


@drive
async def test_palette_lists_the_screen_actions(desk_workspace, built: BuiltProduction) -> None:
    from scriptdesk.tui.commands import ScreenActionsProvider

    app = ScriptDeskApp(workspace=desk_workspace, production=TITLE)
    async with app.run_test(size=MEDIUM) as pilot:
        await settle(pilot)
        await open_view(pilot, "3")
        provider = ScreenActionsProvider(app.screen)
        names = [name for name, _help, _callback in provider._commands()]
        assert {"Verified", "Discrepancy", "Next unverified", "Search", "Undo", "Breakdown"} <= set(names)
