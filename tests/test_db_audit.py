"""The audit log: every change through a session is logged, and the log is append-only."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from scriptdesk.db.bulk import bulk_insert
from scriptdesk.db.models import AuditEntry, Block, Production, Quotation, Script, ScriptRevision
from scriptdesk.services.workspace import Workspace


def entries(workspace: Workspace) -> list[AuditEntry]:
    with workspace.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_insert_update_delete_are_logged_with_actor(workspace: Workspace) -> None:
    with workspace.unit_of_work(actor="engine:breakdown", actor_kind="engine") as uow:
        production = Production(title="Salt Roads")
        uow.session.add(production)
    with workspace.unit_of_work(actor="mira") as uow:
        stored = uow.session.get(Production, production.id)
        stored.title = "The Salt Roads"
        stored.target_runtime_seconds = 3300
    with workspace.unit_of_work(actor="jon") as uow:
        uow.session.delete(uow.session.get(Production, production.id))

    log = entries(workspace)
    inserted, *updates, deleted = log
    assert (inserted.action, inserted.actor, inserted.actor_kind) == ("insert", "engine:breakdown", "engine")
    assert inserted.record_id == production.id and inserted.table_name == "production"
    assert json.loads(inserted.new_value)["title"] == "Salt Roads"
    changed = {(e.field, e.old_value, e.new_value) for e in updates}
    assert changed == {("title", "Salt Roads", "The Salt Roads"), ("target_runtime_seconds", None, "3300")}
    assert {e.actor for e in updates} == {"mira"} and {e.action for e in updates} == {"update"}
    assert len({e.at for e in updates}) == 1  # one change set
    assert (deleted.action, deleted.actor, deleted.record_id) == ("delete", "jon", production.id)
    assert json.loads(deleted.old_value)["title"] == "The Salt Roads"


def test_rolled_back_changes_leave_no_entries(workspace: Workspace) -> None:
    with pytest.raises(RuntimeError), workspace.unit_of_work(actor="mira") as uow:
        uow.session.add(Production(title="Never"))
        uow.session.flush()
        raise RuntimeError("changed my mind")
    assert entries(workspace) == []


def test_default_actor_is_the_current_user(workspace: Workspace) -> None:
    with workspace.session() as session:
        session.add(Production(title="Anonymous"))
        session.commit()
    (entry,) = entries(workspace)
    assert (entry.actor, entry.actor_kind) == ("test-researcher", "person")


def test_blocks_are_not_logged_row_by_row_but_bulk_is_summarised(workspace: Workspace) -> None:
    with workspace.unit_of_work(actor="engine:import", actor_kind="engine") as uow:
        production = Production(title="Ledger")
        script = Script(production=production, title="Ledger")
        revision = ScriptRevision(script=script, label="v1", source_filename="l.md", format="prose", sha256="x")
        uow.session.add(revision)
        uow.session.flush()
        rows = [
            {"revision_id": revision.id, "ordinal": i, "kind": "narration", "text": f"line {i}",
             "source_start": i * 10, "source_end": i * 10 + 6}
            for i in range(50)
        ]
        ids = bulk_insert(uow.session, Block, rows, return_ids=True)
    log = entries(workspace)
    assert sorted(e.table_name for e in log if e.action == "insert") == ["production", "script", "script_revision"]
    (summary,) = [e for e in log if e.action == "bulk_insert"]
    assert summary.table_name == "block" and summary.actor == "engine:import"
    assert json.loads(summary.new_value) == {"rows": 50, "first_id": min(ids), "last_id": max(ids)}


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'forger'", "DELETE FROM audit_log"])
def test_audit_log_is_append_only_in_the_database(workspace: Workspace, statement: str) -> None:
    with workspace.unit_of_work(actor="mira") as uow:
        uow.session.add(Production(title="Evidence"))
    with pytest.raises(DBAPIError, match="append-only"), workspace.engine.begin() as connection:
        connection.execute(text(statement))
    (entry,) = entries(workspace)
    assert entry.actor == "mira"


def test_quotation_changes_record_field_values(workspace: Workspace) -> None:
    with workspace.unit_of_work(actor="mira") as uow:
        production = Production(title="Quotes")
        uow.session.add(production)
        uow.session.flush()
        quotation = Quotation(production_id=production.id, text="We shall see.", medium="letter")
        uow.session.add(quotation)
    with workspace.unit_of_work(actor="mira") as uow:
        uow.session.get(Quotation, quotation.id).verification_state = "verified"
    update = [e for e in entries(workspace) if e.action == "update"]
    assert [(e.table_name, e.field, e.old_value, e.new_value) for e in update] == [
        ("quotation", "verification_state", "unverified", "verified")
    ]
