"""The breakdown: scenes, the scene's highlighted text, the selected element's details.

Engine suggestions are accepted (``a``) or rejected (``r``) one by one, or
all of a scene at once (``A``); ``e`` corrects a field of the selected
element (a quotation's speaker, medium, work...), ``c`` a quotation's span;
``t`` selects words of the scene and tags them as a new quotation, footage
need or rights item; ``N`` adds a note. ``s`` shows the scene's shot list
with its total against the narration time and its own keys (add, split,
move, renumber, delete); ``e`` there edits a shot's number, type, duration,
description or footage need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from scriptdesk.config import current_user
from scriptdesk.domain.enums import Medium, ReviewState, ShotType
from scriptdesk.domain.errors import ConflictError, ScriptDeskError
from scriptdesk.services.queries import (
    ElementSpan,
    SceneLine,
    SceneText,
    ShotLine,
    record_snapshot,
    scene_text,
    scenes_of_production,
    shots_of_scene,
)
from scriptdesk.tui.dialogs.text_input import ChoiceDialog, TextInputDialog
from scriptdesk.tui.formatting import duration, literal, state_text
from scriptdesk.tui.messages import ElementSelected
from scriptdesk.tui.screens.base import ProductionScreen
from scriptdesk.tui.services_bridge import service_function
from scriptdesk.tui.widgets.element_detail import ElementDetail
from scriptdesk.tui.widgets.script_text import ScriptTextView, legend
from scriptdesk.tui.widgets.shot_list import ShotListPanel
from scriptdesk.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from scriptdesk.tui.dialogs.span_picker import PickedSpan

#: Fields a person corrects, per element table: (field, label, choices or None).
CORRECTABLE: dict[str, list[tuple[str, str, list[str] | None]]] = {
    "quotation": [
        ("speaker_name", "Speaker", None),
        ("medium", "Medium", [m.value for m in Medium]),
        ("work_title", "Work", None),
        ("recipient", "Recipient", None),
        ("date_text", "Date said", None),
        ("text", "Text", None),
        ("notes", "Notes", None),
    ],
    "footage_need": [("description", "Description", None), ("era", "Era", None), ("notes", "Notes", None)],
    "rights_item": [("subject", "Subject", None), ("holder", "Holder", None), ("notes", "Notes", None)],
    "person": [("display_name", "Name", None)],
    "shot": [
        ("number", "Number", None),
        ("shot_type", "Type", [t.value for t in ShotType]),
        ("duration_seconds", "Duration (seconds)", None),
        ("description", "Description", None),
        ("footage_need_id", "Footage need # (empty for none)", None),
    ],
}
#: Record fields shown in the detail panel, per table.
DETAIL_FIELDS = {
    "quotation": ["speaker_name", "medium", "work_title", "recipient", "date_text", "verification_state", "confidence", "notes"],
    "footage_need": ["kind", "description", "era", "status", "archive", "clip_id", "duration_seconds"],
    "rights_item": ["kind", "subject", "author", "work_title", "holder", "status", "term_end", "public_domain_reasoning"],
    "person": ["display_name", "name_variants", "birth_year", "death_year"],
    "historical_date": ["text", "precision", "earliest", "latest"],
}


#: What the scene list's figures mean (its tooltip).
SCENE_LIST_HINT = "Scene number, title, estimated narration time; ·N = suggestions waiting for review (a accepts, r rejects)."


def scene_line(scene: SceneLine) -> Table:
    """One line per scene: "2 The furnace 1:13 ·5", only the title cut to fit."""
    line = Table.grid(expand=True, padding=(0, 1, 0, 0))
    line.add_column(no_wrap=True, justify="right")
    line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    line.add_column(no_wrap=True, style="dim")
    line.add_column(no_wrap=True, style="italic yellow")
    line.add_row(
        Text(scene.number, style="bold"),
        literal(scene.title or "untitled", limit=80),
        duration(scene.estimated_seconds),
        f"·{scene.suggestions}" if scene.suggestions else "",
    )
    return line


class BreakdownScreen(ProductionScreen):
    """Scene list, script text and element details side by side."""

    NAME = "breakdown"
    TITLE = "Breakdown"
    BINDINGS = [
        Binding("a", "review('accepted')", "Accept", id="accept"),
        Binding("r", "review('rejected')", "Reject", id="reject"),
        Binding("A", "accept_scene", "Accept all in scene", show=False, id="accept-scene"),
        Binding("e", "correct", "Correct field", id="correct"),
        Binding("s", "toggle_shots", "Shots", id="shots"),
        Binding("t", "tag", "Tag selection", id="tag"),
        Binding("c", "correct_span", "Correct span", show=False, id="correct-span"),
        Binding("N", "note", "Add note", show=False, id="note"),
        Binding("n", "element(1)", "Next element", id="next-element"),
        Binding("p", "element(-1)", "Previous element", show=False, id="previous-element"),
    ]
    """Review and correction keys."""

    def __init__(self) -> None:
        super().__init__()
        self.scenes: list[SceneLine] = []
        self.scene_id: int | None = None
        self.shots: list[ShotLine] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="breakdown"):
            yield OptionList(id="scenes")
            with Vertical(id="scene-middle"):
                yield ScriptTextView(id="script-text")
                yield Static(legend(), id="legend")
                yield ShotListPanel(id="shot-panel")
            with VerticalScroll(id="detail-column"):
                yield ElementDetail(id="detail")
        yield KeyBar()

    def on_mount(self) -> None:
        scenes = self.query_one("#scenes", OptionList)
        scenes.border_title = "Scenes"
        scenes.border_subtitle = "·n to review"
        scenes.tooltip = SCENE_LIST_HINT
        self.shot_panel.display = False
        self.query_one("#detail", ElementDetail).show_nothing()

    # -- data -----------------------------------------------------------------

    def refresh_data(self) -> None:
        if self.workspace is None:
            return
        try:
            self.scenes = scenes_of_production(self.workspace, self.production_id)
        except ScriptDeskError as error:
            self.report(error)
            return
        options = self.query_one("#scenes", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for scene in self.scenes:
            line = scene_line(scene)
            options.add_option(Option(line, id=str(scene.id)))
        if not self.scenes:
            self.query_one("#script-text", ScriptTextView).show(None)
            return
        index = next((i for i, s in enumerate(self.scenes) if s.id == self.scene_id), highlighted or 0)
        options.highlighted = min(index, len(self.scenes) - 1)
        self.show_scene(self.scenes[options.highlighted].id, keep_selection=True)

    def show_scene(self, scene_id: int, *, keep_selection: bool = False) -> None:
        same = scene_id == self.scene_id
        self.scene_id = scene_id
        try:
            text = scene_text(self.workspace, scene_id)
            self.shots = shots_of_scene(self.workspace, scene_id)
        except ScriptDeskError as error:
            self.report(error)
            return
        self.query_one("#script-text", ScriptTextView).show(text, keep_selection=keep_selection and same)
        self._show_shots()

    @property
    def shot_panel(self) -> ShotListPanel:
        return self.query_one("#shot-panel", ShotListPanel)

    def _show_shots(self) -> None:
        scene = next((s for s in self.scenes if s.id == self.scene_id), None)
        self.shot_panel.show(scene, self.shots, scene.revision_id if scene else None)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "scenes" and event.option.id is not None:
            if int(event.option.id) != self.scene_id:
                self.show_scene(int(event.option.id))

    def on_element_selected(self, message: ElementSelected) -> None:
        detail = self.query_one("#detail", ElementDetail)
        element = message.element
        if element is None:
            detail.show_nothing()
            return
        fields: list[tuple[str, object]] = [("Category", element.category), ("Review", state_text(element.review_state))]
        try:
            snapshot = record_snapshot(self.workspace, element.table, element.record_id)
        except ScriptDeskError:
            snapshot = None
        if snapshot is not None:
            for name in DETAIL_FIELDS.get(element.table, []):
                value = snapshot.values.get(name)
                if value not in (None, "", []):
                    fields.append((name.replace("_", " ").capitalize(), value))
        fields.append(("Span", f"{element.start}–{element.end}"))
        notes_of = service_function("tagging", "notes_of")
        if notes_of is not None and element.table != "historical_date":
            for author, when, text in notes_of(self.workspace, element.table, element.record_id):
                fields.append((f"Note ({author}, {when})", text))
        detail.show_fields(element.label, fields)

    # -- review -----------------------------------------------------------------

    @property
    def element(self) -> ElementSpan | None:
        return self.query_one("#script-text", ScriptTextView).current

    def action_review(self, state: str) -> None:
        element = self.element
        if element is None or element.version is None:
            self.notify("Select an element with n / p first.", markup=False, timeout=3)
            return
        self.edit_record(element.table, element.record_id, {"review_state": state}, element.version,
                         done=f"{element.category.capitalize()} {state}.")

    def action_accept_scene(self) -> None:
        view = self.query_one("#script-text", ScriptTextView)
        if view.scene is None:
            return
        pending = [e for e in view.scene.elements if e.review_state == ReviewState.SUGGESTED.value and e.version is not None]
        if not pending:
            self.notify("No suggestions left in this scene.", markup=False, timeout=3)
            return
        self._accept_all_worker(pending)

    @work(thread=True, exclusive=True, group="edits")
    def _accept_all_worker(self, pending: list[ElementSpan]) -> None:
        update_record = service_function("editing", "update_record")
        if update_record is None:
            self.app.call_from_thread(self.report, "Editing is not available in this version of ScriptDesk.")
            return
        accepted, conflicts = 0, 0
        seen: set[tuple[str, int]] = set()
        for element in pending:
            if (element.table, element.record_id) in seen:
                continue
            seen.add((element.table, element.record_id))
            try:
                update_record(self.workspace, element.table, element.record_id,
                              {"review_state": ReviewState.ACCEPTED.value}, element.version, current_user())
                accepted += 1
            except ConflictError:
                conflicts += 1
            except ScriptDeskError as error:
                self.app.call_from_thread(self.report, error)
                break
        message = f"Accepted {accepted} suggestion(s)."
        if conflicts:
            message += f" {conflicts} changed by someone else in the meantime were left as they are."
        self.app.call_from_thread(self._after_edit, message)

    # -- corrections --------------------------------------------------------------

    def action_correct(self) -> None:
        panel = self.shot_panel
        if panel.display and panel.table.has_focus:
            shot = panel.current
            if shot is not None:
                self._correct("shot", shot.id, shot.version, f"Shot {shot.number}")
            return
        element = self.element
        if element is None or element.version is None:
            self.notify("Select an element with n / p first (dates are not edited here).", markup=False, timeout=3)
            return
        self._correct(element.table, element.record_id, element.version, element.label)

    def _correct(self, table: str, record_id: int, version: int, label: str) -> None:
        fields = CORRECTABLE.get(table, [])
        if not fields:
            return

        def field_chosen(name: str | None) -> None:
            if name is None:
                return
            field_label, choices = next((lab, ch) for f, lab, ch in fields if f == name)
            current = record_snapshot(self.workspace, table, record_id).values.get(name)

            def save(value: str | None) -> None:
                if value is not None:
                    self.edit_record(table, record_id, {name: value.strip() or None}, version, done=f"{field_label} saved.")

            if choices:
                self.app.push_screen(ChoiceDialog(field_label, [(c, c.replace("_", " ")) for c in choices], current=current), save)
            else:
                self.app.push_screen(TextInputDialog(field_label, value="" if current is None else str(current)), save)

        self.app.push_screen(ChoiceDialog(f"Correct: {label[:60]}", [(f, lab) for f, lab, _ in fields]), field_chosen)

    def action_element(self, step: int) -> None:
        view = self.query_one("#script-text", ScriptTextView)
        view.action_next_element() if step > 0 else view.action_previous_element()

    def action_toggle_shots(self) -> None:
        panel = self.shot_panel
        panel.display = not panel.display
        if panel.display:
            panel.table.focus()
        else:
            self.query_one("#script-text", ScriptTextView).focus()

    # -- tagging, spans and notes --------------------------------------------------

    def action_tag(self) -> None:
        from scriptdesk.tui.dialogs.span_picker import SpanPickerDialog

        scene = self.query_one("#script-text", ScriptTextView).scene
        if scene is None:
            return
        element = self.element
        start = element.start if element is not None else 0
        self.app.push_screen(
            SpanPickerDialog(f"Tag words of scene {scene.number}", scene.text, start=start),
            lambda picked: self._tag(scene, picked),
        )

    def _tag(self, scene: SceneText, picked: PickedSpan | None) -> None:
        if picked is None:
            return
        try:
            block_id, start, end = scene.locate(picked.start, picked.end)
        except ScriptDeskError as error:
            self.report(error)
            return
        label = {"quotation": "Quotation", "footage": "Footage need", "rights": "Rights item"}[picked.kind]
        self.call_service("tagging", "tag_selection", block_id, start, end, picked.kind, actor=current_user(),
                          done=lambda tagged: self._select_record(tagged.table, tagged.id, f"{label} tagged; e corrects its fields."))

    def _select_record(self, table: str, record_id: int, message: str) -> None:
        self.query_one("#script-text", ScriptTextView).select_record(table, record_id)
        self.notify(message, markup=False, timeout=4)

    def action_correct_span(self) -> None:
        from scriptdesk.tui.dialogs.span_picker import SpanPickerDialog

        view = self.query_one("#script-text", ScriptTextView)
        element, scene = view.current, view.scene
        if element is None or scene is None or element.table != "quotation" or element.version is None:
            self.notify("Select a quotation with n / p first.", markup=False, timeout=3)
            return
        self.app.push_screen(
            SpanPickerDialog(f"Span of the quotation of {element.label[:50]}", scene.text,
                             start=element.start, end=element.end, correcting=True),
            lambda picked: self._correct_span(scene, element, picked),
        )

    def _correct_span(self, scene: SceneText, element: ElementSpan, picked: PickedSpan | None) -> None:
        if picked is None:
            return
        try:
            block_id, start, end = scene.locate(picked.start, picked.end)
        except ScriptDeskError as error:
            self.report(error)
            return
        correct = service_function("tagging", "correct_quotation_span")
        if correct is None:
            self.report("Correcting spans is not available in this version of ScriptDesk.", severity="warning")
            return
        self.edit_record(
            "quotation", element.record_id, {"span": f"{start}–{end}"}, element.version, done="Span corrected.",
            writer=lambda workspace, version, actor: correct(workspace, element.record_id, start, end, version,
                                                             block_id=block_id, actor=actor),
        )

    def action_note(self) -> None:
        panel = self.shot_panel
        if panel.display and panel.table.has_focus and panel.current is not None:
            table, record_id, label = "shot", panel.current.id, f"shot {panel.current.number}"
        elif self.element is not None and self.element.table in ("quotation", "footage_need", "rights_item", "person"):
            table, record_id, label = self.element.table, self.element.record_id, self.element.label
        elif self.scene_id is not None:
            table, record_id, label = "scene", self.scene_id, "this scene"
        else:
            return

        def save(text: str | None) -> None:
            if text and text.strip():
                self.call_service("tagging", "add_note", table, record_id, text, current_user(),
                                  done=lambda _id: self.notify("Note kept.", markup=False, timeout=3))

        self.app.push_screen(TextInputDialog(f"Note on {label[:60]}", placeholder="your note"), save)

    def focus_record(self, kind: str, record_id: int, scene_id: int | None) -> None:
        """Open the scene a search hit belongs to."""
        if scene_id is None:
            return
        for index, scene in enumerate(self.scenes):
            if scene.id == scene_id:
                self.query_one("#scenes", OptionList).highlighted = index
                self.show_scene(scene_id)


__all__ = ["BreakdownScreen"]
