"""Shared fixtures: isolated data folders and databases on SQLite and PostgreSQL.

Every test that takes ``engine``, ``workspace`` (or ``database_target``) runs once on a fresh
SQLite file and, when ``SCRIPTDESK_TEST_POSTGRES_URL`` is set, once more in a
fresh schema of that PostgreSQL server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, create_engine, text

from scriptdesk.config import DatabaseTarget
from scriptdesk.db.engine import create_database_engine

if TYPE_CHECKING:
    from scriptdesk.services.workspace import Workspace

POSTGRES_URL = os.environ.get("SCRIPTDESK_TEST_POSTGRES_URL", "")
REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
SAMPLE_SCRIPTS_DIR = REPO_ROOT / "sample_scripts"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds or installs something (a few seconds)")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user data folder and user name."""
    home = tmp_path / "scriptdesk-home"
    monkeypatch.setenv("SCRIPTDESK_HOME", str(home))
    monkeypatch.setenv("SCRIPTDESK_USER", "test-researcher")
    monkeypatch.delenv("SCRIPTDESK_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def seed_path() -> Iterator[callable]:
    """Path of a seed document by file-name prefix; skips where shared/ is absent."""

    def find(prefix: str) -> Path:
        matches = sorted(SEEDS_DIR.glob(f"{prefix}*")) if SEEDS_DIR.is_dir() else []
        if not matches:
            pytest.skip(f"seed {prefix} not available in {SEEDS_DIR}")
        return matches[0]

    yield find


def _postgres_schema_url(base_url: str, schema: str) -> str:
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DatabaseTarget]:
    """An empty database: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        yield DatabaseTarget(f"sqlite:///{path}", path)
        return
    if not POSTGRES_URL:
        pytest.skip("SCRIPTDESK_TEST_POSTGRES_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield DatabaseTarget(_postgres_schema_url(POSTGRES_URL, schema), None)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def workspace(database_target: DatabaseTarget) -> Iterator[Workspace]:
    """An open, upgraded workspace on the empty database (SQLite and PostgreSQL)."""
    from scriptdesk.services.workspace import open_workspace

    with open_workspace(database_target.url) as opened:
        yield opened


@pytest.fixture
def engine(database_target: DatabaseTarget) -> Iterator[Engine]:
    """An engine on an empty database already upgraded to the current schema."""
    from scriptdesk.db.migrate import upgrade_to_head

    engine = create_database_engine(database_target)
    upgrade_to_head(engine, database_target)
    try:
        yield engine
    finally:
        engine.dispose()
