"""Indexes for reading a revision's scenes and blocks in order.

Revision ID: 0002_ordered_reads
Revises: 0001_initial
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_ordered_reads"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("scene", schema=None) as batch_op:
        batch_op.create_index("ix_scene_revision_id_ordinal", ["revision_id", "ordinal"], unique=False)
    with op.batch_alter_table("block", schema=None) as batch_op:
        batch_op.create_index("ix_block_revision_id_ordinal", ["revision_id", "ordinal"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("block", schema=None) as batch_op:
        batch_op.drop_index("ix_block_revision_id_ordinal")
    with op.batch_alter_table("scene", schema=None) as batch_op:
        batch_op.drop_index("ix_scene_revision_id_ordinal")
