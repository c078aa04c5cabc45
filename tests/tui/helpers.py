"""Small helpers for driving the workspace with Pilot."""

from __future__ import annotations

from sqlalchemy.orm import Session
from textual.pilot import Pilot

from scriptdesk.tui.app import ScriptDeskApp


async def settle(pilot: Pilot[object]) -> None:
    """Wait for every worker and the messages they send back."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_view(pilot: Pilot[object], key: str) -> None:
    """Switch to a view of the open production by its number key."""
    await pilot.press(key)
    await settle(pilot)


def fetch(app: ScriptDeskApp, model: type, record_id: int) -> object:
    """A fresh copy of a record, read outside the app."""
    with Session(app.workspace.engine) as session:
        record = session.get(model, record_id)
        session.expunge_all()
        return record


def drive(test):  # type: ignore[no-untyped-def]
    """Run an ``async def`` test body in its own event loop (no async plugin needed)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        return asyncio.run(test(*args, **kwargs))

    return run
