"""Narration lines get an errors-and-omissions class and an edit counter.

``block.eo_class`` keys each narration or A/V line of the annotated script to
its E&O class; existing narration and A/V rows become "factual", as the
breakdown engine now marks them. ``block.version`` lets a person edit a block
with optimistic locking, like every other editable record.

Revision ID: 0003_block_eo_class
Revises: 0002_ordered_reads
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_block_eo_class"
down_revision: str | None = "0002_ordered_reads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("block", schema=None) as batch_op:
        batch_op.add_column(sa.Column("eo_class", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.execute("UPDATE block SET eo_class = 'factual' WHERE kind IN ('narration', 'av_row')")


def downgrade() -> None:
    with op.batch_alter_table("block", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("eo_class")
