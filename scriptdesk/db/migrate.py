"""Schema migrations (placeholder until the Alembic runner lands)."""

from __future__ import annotations

from sqlalchemy import Engine

from scriptdesk.config import DatabaseTarget


def upgrade_to_head(engine: Engine, target: DatabaseTarget) -> None:
    """Bring the database to the current schema."""
    from scriptdesk.db.models import Base

    Base.metadata.create_all(engine)
