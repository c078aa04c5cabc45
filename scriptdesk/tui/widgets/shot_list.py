"""A scene's shot list with its editing keys and its total against the narration.

The keys act while the list has focus: add a shot after the highlighted one,
split it (12 -> 12, 12A), move it, renumber the scene or the whole film,
delete it. Each calls :mod:`scriptdesk.services.shot_list` through the
screen's service worker; the rules (numbers, letters, durations) live there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from scriptdesk.config import current_user
from scriptdesk.tui.formatting import duration, literal

if TYPE_CHECKING:
    from scriptdesk.services.queries import SceneLine, ShotLine
    from scriptdesk.tui.screens.base import WorkspaceScreen

#: Columns of the shot list: key, label, width (fixed, so nothing is measured).
COLUMNS = (("number", "Shot", 5), ("type", "Type", 14), ("secs", "Secs", 6), ("description", "Description", 36),
           ("footage", "Footage", 24))


class ShotListPanel(Vertical):
    """The shot table and the line comparing shot time with narration time."""

    BINDINGS = [
        Binding("plus,insert", "add_shot", "Add shot", id="add-shot"),
        Binding("x", "split_shot", "Split shot", id="split-shot"),
        Binding("ctrl+up,left_square_bracket", "move_shot(-1)", "Move shot up", show=False, id="shot-up"),
        Binding("ctrl+down,right_square_bracket", "move_shot(1)", "Move shot down", show=False, id="shot-down"),
        Binding("number_sign", "renumber('scene')", "Renumber scene", show=False, id="renumber-scene"),
        Binding("R", "renumber('film')", "Renumber whole film", show=False, id="renumber-film"),
        Binding("delete", "delete_shot", "Delete shot", id="delete-shot"),
    ]
    """Shot list keys (while the list has focus)."""

    DEFAULT_CSS = """
    ShotListPanel { height: 40%; }
    ShotListPanel > DataTable { height: 1fr; }
    ShotListPanel > #shot-total { height: 1; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scene: SceneLine | None = None
        self.revision_id: int | None = None
        self.shots: list[ShotLine] = []
        #: The shot to put the cursor on after the next reload (an added or split shot).
        self.follow_shot: int | None = None

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(id="shots", cursor_type="row", zebra_stripes=True)
        for key, label, width in COLUMNS:
            table.add_column(Text(label, style="bold"), key=key, width=width)
        yield table
        yield Static("", id="shot-total", markup=False)

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#shots", DataTable)

    @property
    def current(self) -> ShotLine | None:
        """The highlighted shot."""
        if not self.shots:
            return None
        return self.shots[min(self.table.cursor_row, len(self.shots) - 1)]

    def show(self, scene: SceneLine | None, shots: list[ShotLine], revision_id: int | None = None) -> None:
        """Show a scene's shots, keeping the cursor (or moving it to the followed shot)."""
        self.scene = scene
        self.revision_id = revision_id
        self.shots = shots
        table = self.table
        cursor = table.cursor_row
        table.clear()
        for shot in shots:
            table.add_row(
                literal(shot.number, style="bold"), literal(shot.shot_type.replace("_", " ")),
                Text(f"{shot.duration_seconds:g}", justify="right"), literal(shot.description, limit=80),
                literal(shot.footage_label or "", limit=40), key=str(shot.id),
            )
        if self.follow_shot is not None:
            cursor = next((i for i, shot in enumerate(shots) if shot.id == self.follow_shot), cursor)
            self.follow_shot = None
        if shots:
            table.move_cursor(row=max(0, min(cursor, len(shots) - 1)), animate=False)
        self.query_one("#shot-total", Static).update(self.total_line())

    def total_line(self) -> Text:
        """"Shots 0:26 against narration 0:25  +0:01"."""
        total = sum(shot.duration_seconds for shot in self.shots)
        narration = self.scene.estimated_seconds if self.scene else 0.0
        line = Text()
        line.append(f"Shots {duration(total)}", style="bold")
        line.append(f" against narration {duration(narration)}  ")
        difference = total - narration
        if abs(difference) >= 1:
            line.append(f"{'+' if difference > 0 else '−'}{duration(abs(difference))}", style="yellow")
        return line

    # -- keys ---------------------------------------------------------------------------

    @property
    def _screen(self) -> WorkspaceScreen:
        return self.screen  # type: ignore[return-value]

    def _call(self, function: str, *args: Any, done_text: str, follow: bool = False, **kwargs: Any) -> None:
        def done(result: Any) -> None:
            # The screen has reloaded by now: put the cursor on the new shot.
            if follow and isinstance(result, int):
                row = next((i for i, shot in enumerate(self.shots) if shot.id == result), None)
                if row is not None:
                    self.table.move_cursor(row=row, animate=False)
            self.notify(done_text, markup=False, timeout=3)

        self._screen.call_service("shot_list", function, *args, actor=current_user(), done=done, **kwargs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_shot":
            return self.scene is not None
        if action in {"split_shot", "move_shot", "delete_shot", "renumber"}:
            return self.current is not None or (action == "renumber" and parameters == ("film",))
        return True

    def action_add_shot(self) -> None:
        if self.scene is None:
            return
        after = self.current.id if self.current else None
        self._call("add_shot", self.scene.id, after=after, done_text="Shot added; e edits it.", follow=True)

    def action_split_shot(self) -> None:
        shot = self.current
        if shot is not None:
            self._call("split_shot", shot.id, expected_version=shot.version,
                       done_text=f"Shot {shot.number} split in two.", follow=True)

    def action_move_shot(self, step: int) -> None:
        shot = self.current
        if shot is None:
            return
        self.follow_shot = shot.id
        self._call("move_shot", shot.id, step=step, expected_version=shot.version,
                   done_text=f"Shot {shot.number} moved {'up' if step < 0 else 'down'}.")

    def action_renumber(self, scope: str) -> None:
        if scope == "film":
            if self.revision_id is not None:
                self._call("renumber_all", self.revision_id, done_text="Shots of the film renumbered 1..N.")
        elif self.scene is not None:
            self._call("renumber_scene_shots", self.scene.id, done_text=f"Shots of scene {self.scene.number} renumbered.")

    def action_delete_shot(self) -> None:
        shot = self.current
        if shot is None:
            return
        from scriptdesk.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._call("delete_shot", shot.id, expected_version=shot.version,
                           done_text=f"Shot {shot.number} deleted.")

        self.app.push_screen(ConfirmDialog(f"Delete shot {shot.number}? {shot.description[:80]}"), answered)
