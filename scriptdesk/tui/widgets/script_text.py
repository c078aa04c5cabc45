"""A scene's script text with every breakdown element highlighted by category.

The text is built as a :class:`rich.text.Text` from the data, with styles
applied to character ranges, so nothing in a script is ever read as markup.
``n``/``p`` move between elements; the selected one is shown reversed and
announced with :class:`~scriptdesk.tui.messages.ElementSelected`.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from scriptdesk.domain.safe_text import clean_text
from scriptdesk.services.queries import ElementSpan, SceneText
from scriptdesk.tui.messages import ElementSelected

#: Highlight of each element category (also the legend under the text).
CATEGORY_STYLES = {
    "quotation": "bold #f0c674 on #3a3020",
    "person": "underline #81a2be",
    "date": "#b5bd68",
    "footage": "#8abeb7 on #1f3333",
    "rights": "#de935f underline",
}
SUGGESTION_MARK = "italic"
REJECTED_STYLE = "dim strike"


def highlighted(scene: SceneText, selected: int | None) -> Text:
    """The scene text with element styles; ``selected`` indexes ``scene.elements``."""
    text = Text(clean_text(scene.text))
    for start, end in scene.headings:
        text.stylize("bold underline", start, end)
    for index, element in enumerate(scene.elements):
        style = CATEGORY_STYLES.get(element.category, "")
        if element.review_state == "rejected":
            style = REJECTED_STYLE
        elif element.review_state == "suggested":
            style = f"{style} {SUGGESTION_MARK}"
        text.stylize(style, element.start, element.end)
        if index == selected:
            text.stylize("reverse", element.start, element.end)
    return text


def legend() -> Text:
    """One line naming the highlight of each category."""
    line = Text()
    for category, style in CATEGORY_STYLES.items():
        line.append(f" {category} ", style=style)
        line.append(" ")
    line.append(" suggestion", style="italic")
    return line


class ScriptTextView(VerticalScroll):
    """The scene text, scrollable, with an element cursor."""

    BINDINGS = [
        Binding("n", "next_element", "Next element", id="next-element"),
        Binding("p", "previous_element", "Previous element", show=False, id="previous-element"),
    ]
    """Element cursor keys."""

    DEFAULT_CSS = """
    ScriptTextView { height: 1fr; padding: 0 1; }
    ScriptTextView > Static { width: 1fr; }
    """

    can_focus = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scene: SceneText | None = None
        self.selected: int | None = None
        self._body = Static("", markup=False)

    def compose(self):  # type: ignore[no-untyped-def]
        yield self._body

    def show(self, scene: SceneText | None, *, keep_selection: bool = False) -> None:
        """Show a scene (None for an empty view)."""
        previous = self.current
        self.scene = scene
        self.selected = None
        if scene is not None and keep_selection and previous is not None:
            for index, element in enumerate(scene.elements):
                if (element.table, element.record_id, element.start) == (previous.table, previous.record_id, previous.start):
                    self.selected = index
        self._render_text()
        self.post_message(ElementSelected(self.current))

    @property
    def current(self) -> ElementSpan | None:
        """The selected element."""
        if self.scene is None or self.selected is None or self.selected >= len(self.scene.elements):
            return None
        return self.scene.elements[self.selected]

    def _render_text(self) -> None:
        if self.scene is None:
            self._body.update(Text("No scene selected.", style="dim"))
            return
        self._body.update(highlighted(self.scene, self.selected))

    def select_record(self, table: str, record_id: int) -> bool:
        """Put the element cursor on a record's element (after tagging it); whether it is shown."""
        if self.scene is None:
            return False
        for index, element in enumerate(self.scene.elements):
            if (element.table, element.record_id) == (table, record_id):
                self.selected = index - 1
                self._move(+1)
                return True
        return False

    def _move(self, step: int) -> None:
        if self.scene is None or not self.scene.elements:
            return
        count = len(self.scene.elements)
        if self.selected is None:
            self.selected = 0 if step > 0 else count - 1
        else:
            self.selected = (self.selected + step) % count
        self._render_text()
        element = self.current
        if element is not None:
            # Scroll so the element's line is visible: count lines before it.
            line = self.scene.text.count("\n", 0, element.start)
            width = max(1, self.scrollable_content_region.width)
            wrapped = sum(len(part) // width for part in self.scene.text[: element.start].split("\n"))
            self.scroll_to(y=max(0, line + wrapped - 2), animate=False)
        self.post_message(ElementSelected(element))

    def action_next_element(self) -> None:
        self._move(+1)

    def action_previous_element(self) -> None:
        self._move(-1)
