"""Engine and session factories; nothing is connected at import time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from scriptdesk.config import DatabaseTarget

#: Milliseconds a writer waits for another process's lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 5000


def _configure_sqlite_connection(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def create_database_engine(target: DatabaseTarget, *, echo: bool = False) -> Engine:
    """An engine for the target; SQLite gets WAL, foreign keys and a busy timeout."""
    if target.is_sqlite:
        engine = create_engine(target.url, echo=echo)
        event.listen(engine, "connect", _configure_sqlite_connection)
        return engine
    return create_engine(target.url, echo=echo, pool_pre_ping=True)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values readable after commit and log every change."""
    from scriptdesk.db.audit import attach_audit

    factory = sessionmaker(engine, expire_on_commit=False)
    attach_audit(factory)
    return factory


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    with session_factory(engine)() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
