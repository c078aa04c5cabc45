"""Alembic environment of ScriptDesk.

At runtime ScriptDesk passes an open connection (already inside the one
transaction every upgrade runs in) in ``config.attributes["connection"]``; no
URL is read from alembic.ini. Developers running the ``alembic`` command for
autogenerate get a connection from ``sqlalchemy.url`` in alembic.ini instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from scriptdesk.db.migrate import include_name
from scriptdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    """Configure the context on ``connection`` and run the pending revisions."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite ALTERs go through copy-and-rename
        compare_type=True,
        include_name=include_name,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as developer_connection:
        run_migrations(developer_connection)


if context.is_offline_mode():
    raise SystemExit("ScriptDesk migrations run online only (no --sql mode)")
run_online()
