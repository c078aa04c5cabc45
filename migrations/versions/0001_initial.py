"""The initial ScriptDesk schema.

Creates every table of ``scriptdesk.db.models``, makes ``audit_log``
append-only with triggers on SQLite and PostgreSQL, marks the database as
ScriptDesk's (``scriptdesk_meta`` and, on SQLite, ``PRAGMA application_id``).

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from scriptdesk.db.migrate import APPLICATION_ID

revision: str = '0001_initial'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('actor_kind', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('production',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('target_runtime_seconds', sa.Integer(), nullable=True),
    sa.Column('words_per_minute', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_production')),
    sa.UniqueConstraint('title', name=op.f('uq_production_title'))
    )
    op.create_table('scriptdesk_meta',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_scriptdesk_meta'))
    )
    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('publisher', sa.String(length=300), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('edition', sa.String(length=200), nullable=True),
    sa.Column('translator', sa.String(length=300), nullable=True),
    sa.Column('archive_name', sa.String(length=100), nullable=True),
    sa.Column('archive_fond', sa.String(length=40), nullable=True),
    sa.Column('archive_opis', sa.String(length=40), nullable=True),
    sa.Column('archive_delo', sa.String(length=40), nullable=True),
    sa.Column('archive_list', sa.String(length=80), nullable=True),
    sa.Column('archive_reference', sa.Text(), nullable=True),
    sa.Column('published_in', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('copyright_holder', sa.String(length=300), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source'))
    )
    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('record_table', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_note_production_id_production'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_production_id'), ['production_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_note_record_id'), ['record_id'], unique=False)

    op.create_table('script',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_script_production_id_production'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_script'))
    )
    with op.batch_alter_table('script', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_script_production_id'), ['production_id'], unique=False)

    op.create_table('source_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=500), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_source_document_source_id_source'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_document'))
    )
    with op.batch_alter_table('source_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_document_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_document_source_id'), ['source_id'], unique=False)

    op.create_table('script_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('script_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('source_filename', sa.String(length=500), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['script_id'], ['script.id'], name=op.f('fk_script_revision_script_id_script'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_script_revision')),
    sa.UniqueConstraint('script_id', 'sha256', name=op.f('uq_script_revision_script_id_sha256'))
    )
    with op.batch_alter_table('script_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_script_revision_script_id'), ['script_id'], unique=False)

    op.create_table('source_page',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['source_document.id'], name=op.f('fk_source_page_document_id_source_document'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_page'))
    )
    with op.batch_alter_table('source_page', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_page_document_id'), ['document_id'], unique=False)

    op.create_table('source_passage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=True),
    sa.Column('page_label', sa.String(length=40), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('match_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['source_document.id'], name=op.f('fk_source_passage_document_id_source_document'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_passage'))
    )
    with op.batch_alter_table('source_passage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_passage_document_id'), ['document_id'], unique=False)

    op.create_table('scene',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('time_context', sa.String(length=200), nullable=False),
    sa.Column('word_count', sa.Integer(), nullable=False),
    sa.Column('estimated_seconds', sa.Double(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['script_revision.id'], name=op.f('fk_scene_revision_id_script_revision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scene'))
    )
    with op.batch_alter_table('scene', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scene_revision_id'), ['revision_id'], unique=False)

    op.create_table('block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('scene_id', sa.Integer(), nullable=True),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('video_text', sa.Text(), nullable=True),
    sa.Column('speaker', sa.String(length=200), nullable=True),
    sa.Column('source_start', sa.Integer(), nullable=False),
    sa.Column('source_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['script_revision.id'], name=op.f('fk_block_revision_id_script_revision'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scene_id'], ['scene.id'], name=op.f('fk_block_scene_id_scene'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_block'))
    )
    with op.batch_alter_table('block', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_block_revision_id'), ['revision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_block_scene_id'), ['scene_id'], unique=False)

    op.create_table('footage_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('scene_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('search_terms', sa.JSON(), nullable=False),
    sa.Column('era', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('archive', sa.String(length=300), nullable=True),
    sa.Column('clip_id', sa.String(length=200), nullable=True),
    sa.Column('timecode_in', sa.String(length=20), nullable=True),
    sa.Column('timecode_out', sa.String(length=20), nullable=True),
    sa.Column('duration_seconds', sa.Float(), nullable=True),
    sa.Column('cost', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('per_second_rate', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('screener_ordered', sa.Boolean(), nullable=False),
    sa.Column('master_ordered', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_footage_need_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_footage_need_production_id_production'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scene_id'], ['scene.id'], name=op.f('fk_footage_need_scene_id_scene'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_footage_need'))
    )
    with op.batch_alter_table('footage_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_footage_need_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_footage_need_production_id'), ['production_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_footage_need_scene_id'), ['scene_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_footage_need_status'), ['status'], unique=False)

    op.create_table('historical_date',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('precision', sa.String(length=16), nullable=False),
    sa.Column('earliest', sa.Date(), nullable=True),
    sa.Column('latest', sa.Date(), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_historical_date_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['revision_id'], ['script_revision.id'], name=op.f('fk_historical_date_revision_id_script_revision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_historical_date'))
    )
    with op.batch_alter_table('historical_date', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_historical_date_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_historical_date_revision_id'), ['revision_id'], unique=False)

    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_variants', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_organisation_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_organisation_production_id_production'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_production_id'), ['production_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=300), nullable=False),
    sa.Column('name_variants', sa.JSON(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('death_year', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_person_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_person_production_id_production'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_production_id'), ['production_id'], unique=False)

    op.create_table('place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_variants', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_place_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_place_production_id_production'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_place'))
    )
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_production_id'), ['production_id'], unique=False)

    op.create_table('rights_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('work_title', sa.String(length=500), nullable=True),
    sa.Column('author_death_year', sa.Integer(), nullable=True),
    sa.Column('holder', sa.String(length=300), nullable=True),
    sa.Column('contact', sa.String(length=300), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('territory', sa.String(length=200), nullable=True),
    sa.Column('media', sa.String(length=200), nullable=True),
    sa.Column('licence_type', sa.String(length=100), nullable=True),
    sa.Column('exclusive', sa.Boolean(), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('fee', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('credit_line', sa.Text(), nullable=True),
    sa.Column('public_domain_reasoning', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_rights_item_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_rights_item_production_id_production'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rights_item'))
    )
    with op.batch_alter_table('rights_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rights_item_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rights_item_production_id'), ['production_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rights_item_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_rights_item_term_end'), ['term_end'], unique=False)

    op.create_table('mention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_mention_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_mention_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_mention_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['place.id'], name=op.f('fk_mention_place_id_place'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mention'))
    )
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mention_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_place_id'), ['place_id'], unique=False)

    op.create_table('quotation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('production_id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=True),
    sa.Column('scene_id', sa.Integer(), nullable=True),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sa.String(length=300), nullable=True),
    sa.Column('medium', sa.String(length=16), nullable=False),
    sa.Column('work_title', sa.String(length=500), nullable=True),
    sa.Column('recipient', sa.String(length=300), nullable=True),
    sa.Column('date_text', sa.String(length=200), nullable=True),
    sa.Column('date_said', sa.Date(), nullable=True),
    sa.Column('nested_in_id', sa.Integer(), nullable=True),
    sa.Column('verification_state', sa.String(length=24), nullable=False),
    sa.Column('verified_by', sa.String(length=200), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('eo_class', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_quotation_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['nested_in_id'], ['quotation.id'], name=op.f('fk_quotation_nested_in_id_quotation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['production_id'], ['production.id'], name=op.f('fk_quotation_production_id_production'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['revision_id'], ['script_revision.id'], name=op.f('fk_quotation_revision_id_script_revision'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scene_id'], ['scene.id'], name=op.f('fk_quotation_scene_id_scene'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['speaker_id'], ['person.id'], name=op.f('fk_quotation_speaker_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotation'))
    )
    with op.batch_alter_table('quotation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotation_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotation_production_id'), ['production_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotation_revision_id'), ['revision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotation_scene_id'), ['scene_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotation_speaker_id'), ['speaker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotation_verification_state'), ['verification_state'], unique=False)

    op.create_table('rights_item_footage',
    sa.Column('rights_item_id', sa.Integer(), nullable=False),
    sa.Column('footage_need_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['footage_need_id'], ['footage_need.id'], name=op.f('fk_rights_item_footage_footage_need_id_footage_need'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rights_item_id'], ['rights_item.id'], name=op.f('fk_rights_item_footage_rights_item_id_rights_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('rights_item_id', 'footage_need_id', name=op.f('pk_rights_item_footage'))
    )
    op.create_table('shot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scene_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('shot_type', sa.String(length=16), nullable=False),
    sa.Column('footage_need_id', sa.Integer(), nullable=True),
    sa.Column('duration_seconds', sa.Float(), nullable=False),
    sa.Column('audio', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['block.id'], name=op.f('fk_shot_block_id_block'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['footage_need_id'], ['footage_need.id'], name=op.f('fk_shot_footage_need_id_footage_need'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scene_id'], ['scene.id'], name=op.f('fk_shot_scene_id_scene'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shot'))
    )
    with op.batch_alter_table('shot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shot_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shot_footage_need_id'), ['footage_need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_shot_scene_id'), ['scene_id'], unique=False)

    op.create_table('citation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quotation_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('locator', sa.String(length=200), nullable=True),
    sa.Column('matched_passage', sa.Text(), nullable=True),
    sa.Column('match_start', sa.Integer(), nullable=True),
    sa.Column('match_end', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('match_class', sa.String(length=16), nullable=True),
    sa.Column('attribution_mismatch', sa.Boolean(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('review_state', sa.String(length=16), nullable=False),
    sa.Column('confirmed_by', sa.String(length=200), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['source_document.id'], name=op.f('fk_citation_document_id_source_document'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['quotation_id'], ['quotation.id'], name=op.f('fk_citation_quotation_id_quotation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_citation_source_id_source'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citation'))
    )
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citation_quotation_id'), ['quotation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_source_id'), ['source_id'], unique=False)

    op.create_table('rights_item_quotation',
    sa.Column('rights_item_id', sa.Integer(), nullable=False),
    sa.Column('quotation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['quotation_id'], ['quotation.id'], name=op.f('fk_rights_item_quotation_quotation_id_quotation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rights_item_id'], ['rights_item.id'], name=op.f('fk_rights_item_quotation_rights_item_id_rights_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('rights_item_id', 'quotation_id', name=op.f('pk_rights_item_quotation'))
    )
    mark_as_scriptdesk()
    make_audit_log_append_only()


def downgrade() -> None:
    drop_audit_log_triggers()
    op.drop_table('rights_item_quotation')
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citation_source_id'))
        batch_op.drop_index(batch_op.f('ix_citation_quotation_id'))

    op.drop_table('citation')
    with op.batch_alter_table('shot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shot_scene_id'))
        batch_op.drop_index(batch_op.f('ix_shot_footage_need_id'))
        batch_op.drop_index(batch_op.f('ix_shot_block_id'))

    op.drop_table('shot')
    op.drop_table('rights_item_footage')
    with op.batch_alter_table('quotation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotation_verification_state'))
        batch_op.drop_index(batch_op.f('ix_quotation_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_quotation_scene_id'))
        batch_op.drop_index(batch_op.f('ix_quotation_revision_id'))
        batch_op.drop_index(batch_op.f('ix_quotation_production_id'))
        batch_op.drop_index(batch_op.f('ix_quotation_block_id'))

    op.drop_table('quotation')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mention_place_id'))
        batch_op.drop_index(batch_op.f('ix_mention_person_id'))
        batch_op.drop_index(batch_op.f('ix_mention_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_mention_block_id'))

    op.drop_table('mention')
    with op.batch_alter_table('rights_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rights_item_term_end'))
        batch_op.drop_index(batch_op.f('ix_rights_item_status'))
        batch_op.drop_index(batch_op.f('ix_rights_item_production_id'))
        batch_op.drop_index(batch_op.f('ix_rights_item_block_id'))

    op.drop_table('rights_item')
    with op.batch_alter_table('place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_production_id'))
        batch_op.drop_index(batch_op.f('ix_place_block_id'))

    op.drop_table('place')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_production_id'))
        batch_op.drop_index(batch_op.f('ix_person_block_id'))

    op.drop_table('person')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_production_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_block_id'))

    op.drop_table('organisation')
    with op.batch_alter_table('historical_date', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_historical_date_revision_id'))
        batch_op.drop_index(batch_op.f('ix_historical_date_block_id'))

    op.drop_table('historical_date')
    with op.batch_alter_table('footage_need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_footage_need_status'))
        batch_op.drop_index(batch_op.f('ix_footage_need_scene_id'))
        batch_op.drop_index(batch_op.f('ix_footage_need_production_id'))
        batch_op.drop_index(batch_op.f('ix_footage_need_block_id'))

    op.drop_table('footage_need')
    with op.batch_alter_table('block', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_block_scene_id'))
        batch_op.drop_index(batch_op.f('ix_block_revision_id'))

    op.drop_table('block')
    with op.batch_alter_table('scene', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scene_revision_id'))

    op.drop_table('scene')
    with op.batch_alter_table('source_passage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_passage_document_id'))

    op.drop_table('source_passage')
    with op.batch_alter_table('source_page', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_page_document_id'))

    op.drop_table('source_page')
    with op.batch_alter_table('script_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_script_revision_script_id'))

    op.drop_table('script_revision')
    with op.batch_alter_table('source_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_document_source_id'))
        batch_op.drop_index(batch_op.f('ix_source_document_sha256'))

    op.drop_table('source_document')
    with op.batch_alter_table('script', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_script_production_id'))

    op.drop_table('script')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_record_id'))
        batch_op.drop_index(batch_op.f('ix_note_production_id'))

    op.drop_table('note')
    op.drop_table('source')
    op.drop_table('scriptdesk_meta')
    op.drop_table('production')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')


def mark_as_scriptdesk() -> None:
    """Let ScriptDesk (and ``file``) recognise the database as its own."""
    meta = sa.table("scriptdesk_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "application", "value": "scriptdesk"}])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def make_audit_log_append_only() -> None:
    """Refuse UPDATE and DELETE (and TRUNCATE) on the audit log in the database itself."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )


def drop_audit_log_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
