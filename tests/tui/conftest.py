"""Fixtures of the workspace tests: a stored production and an app on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from scriptdesk.services.workspace import Workspace, open_workspace
from tests.tui.builders import BuiltProduction, build_production

#: Sizes the snapshot and flow tests run at.
SMALL = (80, 24)
MEDIUM = (120, 36)


@pytest.fixture
def desk_db(tmp_path: Path) -> Path:
    """Path of the SQLite file the workspace tests use."""
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def desk_workspace(desk_db: Path) -> Iterator[Workspace]:
    """An open workspace on a fresh SQLite database."""
    workspace = open_workspace(str(desk_db))
    try:
        yield workspace
    finally:
        workspace.close()


@pytest.fixture
def built(desk_workspace: Workspace) -> BuiltProduction:
    """The invented production stored in ``desk_workspace``."""
    return build_production(desk_workspace, today=dt.date.today())
