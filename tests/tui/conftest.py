"""Fixtures of the workspace tests: a stored production and an app on it.

Building the database (migrations, then the invented production) is done
once per session and date; each test works on its own copy of that file.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scriptdesk.services.workspace import Workspace, open_workspace
from tests.tui.builders import BuiltProduction, build_production

#: Sizes the snapshot and flow tests run at.
SMALL = (80, 24)
MEDIUM = (120, 36)

#: (template file, ids stored in it), per kind of database.
Template = tuple[Path, BuiltProduction | None]


@pytest.fixture(scope="session")
def desk_templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[dt.date | None], Template]:
    """Template databases: empty (None) or holding the production dated ``today``."""
    made: dict[dt.date | None, Template] = {}

    def template(today: dt.date | None) -> Template:
        if today not in made:
            path = tmp_path_factory.mktemp("desk-template") / "desk.sqlite3"
            workspace = open_workspace(str(path))
            try:
                built = build_production(workspace, today=today) if today is not None else None
            finally:
                workspace.close()
            made[today] = (path, built)
        return made[today]

    return template


@pytest.fixture
def desk_db(
    request: pytest.FixtureRequest, tmp_path: Path, desk_templates: Callable[[dt.date | None], Template]
) -> Path:
    """Path of the SQLite file the test uses: a copy of a template.

    A test that asks for ``built`` gets the production already stored;
    any other test an empty, up-to-date database.
    """
    today = dt.date.today() if "built" in request.fixturenames else None
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_templates(today)[0], path)
    return path


@pytest.fixture
def desk_workspace(desk_db: Path) -> Iterator[Workspace]:
    """An open workspace on the test's own database file."""
    workspace = open_workspace(str(desk_db))
    try:
        yield workspace
    finally:
        workspace.close()


@pytest.fixture
def built(desk_db: Path, desk_templates: Callable[[dt.date | None], Template]) -> BuiltProduction:
    """The ids of the invented production stored in ``desk_db``."""
    production = desk_templates(dt.date.today())[1]
    assert production is not None
    return production
