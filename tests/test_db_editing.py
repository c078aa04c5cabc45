"""Editing by hand: optimistic locking between two writers, value checks, undo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from scriptdesk.config import DatabaseTarget
from scriptdesk.db.models import AuditEntry, Production, Quotation, RightsItem
from scriptdesk.domain.errors import ConflictError, InvalidValueError, NotFoundError
from scriptdesk.services.editing import undo_last_edit, update_record
from scriptdesk.services.workspace import Workspace, open_workspace


def add_production(workspace: Workspace) -> tuple[int, int]:
    with workspace.unit_of_work(actor="setup") as uow:
        production = Production(title="Harbour Lights")
        uow.session.add(production)
        uow.session.flush()
        rights = RightsItem(production_id=production.id, kind="footage", subject="Harbour newsreel")
        quotation = Quotation(production_id=production.id, text="The fog came in at four.")
        uow.session.add_all([rights, quotation])
    return rights.id, quotation.id


def test_update_returns_new_version_and_coerces_values(workspace: Workspace) -> None:
    rights_id, _ = add_production(workspace)
    version = update_record(
        workspace, "rights_item", rights_id,
        {"term_end": "2027-03-01", "fee": "1,250.50", "status": "requested", "exclusive": "yes"},
        expected_version=1, actor="mira",
    )
    assert version == 2
    with workspace.session() as session:
        item = session.get(RightsItem, rights_id)
        assert item.term_end == dt.date(2027, 3, 1)
        assert item.fee == Decimal("1250.50")
        assert (item.status, item.exclusive, item.version) == ("requested", True, 2)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"status": "lost"}, "status"),
        ({"term_end": "next spring"}, "term end"),
        ({"fee": "12.345"}, "fee"),
        ({"fee": "lots"}, "fee"),
        ({"production_id": 9}, "cannot be edited"),
        ({"kind": None}, "cannot be empty"),
    ],
)
def test_bad_values_are_refused_in_one_sentence(workspace: Workspace, changes: dict, fragment: str) -> None:
    rights_id, _ = add_production(workspace)
    with pytest.raises(InvalidValueError) as refused:
        update_record(workspace, "RightsItem", rights_id, changes, expected_version=1, actor="mira")
    assert fragment in str(refused.value) and "\n" not in str(refused.value)
    with workspace.session() as session:
        assert session.get(RightsItem, rights_id).version == 1


def test_unknown_record_and_model(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        update_record(workspace, "quotation", 999, {"notes": "x"}, expected_version=1, actor="mira")
    with pytest.raises(InvalidValueError):
        update_record(workspace, "screenplay", 1, {"notes": "x"}, expected_version=1, actor="mira")


def test_two_writers_on_one_database_never_overwrite_each_other(
    workspace: Workspace, database_target: DatabaseTarget
) -> None:
    _, quotation_id = add_production(workspace)
    # A second, independent connection pool on the same database (another person).
    with open_workspace(database_target.url) as other:
        assert update_record(other, Quotation, quotation_id, {"text": "Fog at four."}, 1, actor="jon") == 2
    with pytest.raises(ConflictError) as conflict:
        update_record(workspace, Quotation, quotation_id, {"text": "The fog rolled in."}, 1, actor="mira")
    error = conflict.value
    assert (error.field, error.theirs, error.yours) == ("text", "Fog at four.", "The fog rolled in.")
    with workspace.session() as session:
        stored = session.get(Quotation, quotation_id)
        assert (stored.text, stored.version) == ("Fog at four.", 2)


def test_write_racing_between_read_and_flush_is_a_conflict(
    workspace: Workspace, database_target: DatabaseTarget
) -> None:
    _, quotation_id = add_production(workspace)
    with workspace.unit_of_work(actor="mira") as uow:
        uow.session.get(Quotation, quotation_id)  # read at version 1
        with open_workspace(database_target.url) as other:
            update_record(other, Quotation, quotation_id, {"notes": "theirs"}, 1, actor="jon")
        with pytest.raises(ConflictError):
            update_record(uow, Quotation, quotation_id, {"notes": "mine"}, 1)
        uow.rollback()
    with workspace.session() as session:
        assert session.get(Quotation, quotation_id).notes == "theirs"


def test_undo_reverts_the_actors_last_change_set_and_is_logged(workspace: Workspace) -> None:
    rights_id, quotation_id = add_production(workspace)
    update_record(workspace, RightsItem, rights_id, {"term_end": "2026-01-31", "fee": "100"}, 1, actor="mira")
    update_record(workspace, Quotation, quotation_id, {"medium": "diary"}, 1, actor="mira")
    update_record(workspace, RightsItem, rights_id, {"holder": "Harbour Archive"}, 2, actor="jon")

    undone = undo_last_edit(workspace, "mira")
    assert undone is not None and set(undone.changes) == {("quotation", quotation_id)}
    undone = undo_last_edit(workspace, "mira")
    assert undone is not None
    assert undone.changes[("rights_item", rights_id)]["term_end"] == ("2026-01-31", None)
    assert undo_last_edit(workspace, "mira") is None

    with workspace.session() as session:
        item = session.get(RightsItem, rights_id)
        assert (item.term_end, item.fee, item.holder) == (None, None, "Harbour Archive")
        assert session.get(Quotation, quotation_id).medium == "unknown"
        undo_entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "undo")).all()
    assert {(e.actor, e.field) for e in undo_entries} == {("mira", "medium"), ("mira", "term_end"), ("mira", "fee")}


def test_undo_refuses_when_someone_changed_the_field_since(workspace: Workspace) -> None:
    _, quotation_id = add_production(workspace)
    update_record(workspace, Quotation, quotation_id, {"speaker_name": "The keeper"}, 1, actor="mira")
    update_record(workspace, Quotation, quotation_id, {"speaker_name": "The keeper's wife"}, 2, actor="jon")
    with pytest.raises(ConflictError) as conflict:
        undo_last_edit(workspace, "mira")
    assert conflict.value.theirs == "The keeper's wife"
    with workspace.session() as session:
        assert session.get(Quotation, quotation_id).speaker_name == "The keeper's wife"


def test_undo_restores_datetimes(workspace: Workspace) -> None:
    _, quotation_id = add_production(workspace)
    update_record(workspace, Quotation, quotation_id, {"verified_at": "2025-02-03T10:15:00+00:00"}, 1, actor="mira")
    update_record(workspace, Quotation, quotation_id, {"verified_at": "2025-02-04T08:00:00Z"}, 2, actor="mira")
    assert undo_last_edit(workspace, "mira") is not None
    with workspace.session() as session:
        restored = session.get(Quotation, quotation_id).verified_at
    assert restored.replace(tzinfo=restored.tzinfo or dt.timezone.utc) == dt.datetime(
        2025, 2, 3, 10, 15, tzinfo=dt.timezone.utc
    )
