"""Fixtures of the export tests: a populated database and PDF reading helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from scriptdesk.config import DatabaseTarget
from scriptdesk.db.engine import create_database_engine
from scriptdesk.db.migrate import upgrade_to_head

from .builders import build_production


@pytest.fixture
def populated(engine: Engine) -> Engine:
    """An engine on a database holding the Winter Ferry production."""
    build_production(engine)
    return engine


@pytest.fixture
def sqlite_film(tmp_path: Path) -> Iterator[Engine]:
    """The Winter Ferry production in an SQLite file only, for layout-only tests.

    Loading is tested on every database through ``populated``; tests of how
    the PDFs look need not repeat on PostgreSQL.
    """
    path = tmp_path / "film.sqlite3"
    target = DatabaseTarget(f"sqlite:///{path}", path)
    engine = create_database_engine(target)
    upgrade_to_head(engine, target)
    build_production(engine)
    try:
        yield engine
    finally:
        engine.dispose()
