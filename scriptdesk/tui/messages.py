"""Messages the workspace's widgets and screens send each other."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from scriptdesk.services.queries import ElementSpan


@dataclass
class ElementSelected(Message):
    """The cursor of the script text moved onto an element (or off all of them)."""

    element: ElementSpan | None


@dataclass
class RecordChanged(Message):
    """A record was changed through the services; views showing it should reload."""

    table: str
    record_id: int | None
