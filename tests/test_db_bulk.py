"""Bulk inserts: ids in order, defaults filled, all inside the caller's transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from scriptdesk.db.bulk import bulk_insert
from scriptdesk.db.models import Production, Quotation
from scriptdesk.domain.errors import InvalidValueError
from scriptdesk.services.workspace import Workspace


def production_id(workspace: Workspace) -> int:
    with workspace.unit_of_work(actor="setup") as uow:
        production = Production(title="Tide Tables")
        uow.session.add(production)
    return production.id


def test_ids_come_back_in_row_order_with_defaults(workspace: Workspace) -> None:
    owner = production_id(workspace)
    rows = [{"production_id": owner, "text": f"line {i}", "ordinal": i} for i in range(300)]
    rows[7] = {**rows[7], "medium": "diary"}  # a row with an extra column
    with workspace.unit_of_work(actor="engine", actor_kind="engine") as uow:
        ids = bulk_insert(uow.session, Quotation, rows, return_ids=True)
    assert ids is not None and len(ids) == 300 and len(set(ids)) == 300
    with workspace.session() as session:
        stored = dict(session.execute(select(Quotation.id, Quotation.text)).all())
        assert [stored[i] for i in ids] == [row["text"] for row in rows]
        seventh = session.get(Quotation, ids[7])
        other = session.get(Quotation, ids[8])
        assert (seventh.medium, other.medium) == ("diary", "unknown")
        assert (other.version, other.verification_state, other.review_state) == (1, "unverified", "suggested")


def test_without_ids_and_empty_input(workspace: Workspace) -> None:
    owner = production_id(workspace)
    with workspace.unit_of_work() as uow:
        assert bulk_insert(uow.session, Quotation, []) is None
        assert bulk_insert(uow.session, Quotation, [{"production_id": owner, "text": "a"}]) is None
    with workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(Quotation)) == 1


def test_rollback_discards_bulk_rows(workspace: Workspace) -> None:
    owner = production_id(workspace)
    with pytest.raises(RuntimeError), workspace.unit_of_work() as uow:
        bulk_insert(uow.session, Quotation, [{"production_id": owner, "text": "gone"}] * 10)
        raise RuntimeError("import failed later")
    with workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(Quotation)) == 0


def test_unknown_column_is_refused(workspace: Workspace) -> None:
    with pytest.raises(InvalidValueError, match="no column"), workspace.unit_of_work() as uow:
        bulk_insert(uow.session, Quotation, [{"txt": "typo"}])


def test_ids_stay_right_next_to_other_inserts_and_after_deletions(workspace: Workspace) -> None:
    owner = production_id(workspace)
    with workspace.unit_of_work(actor="engine", actor_kind="engine") as uow:
        first = bulk_insert(uow.session, Quotation, [{"production_id": owner, "text": f"a{i}"} for i in range(5)], return_ids=True)
        single = Quotation(production_id=owner, text="by hand")
        uow.session.add(single)
        uow.session.flush()
        second = bulk_insert(uow.session, Quotation, [{"production_id": owner, "text": f"b{i}"} for i in range(5)], return_ids=True)
    assert first is not None and second is not None
    assert len({*first, single.id, *second}) == 11
    with workspace.unit_of_work() as uow:
        for record_id in second[2:]:
            uow.session.delete(uow.session.get(Quotation, record_id))
    with workspace.unit_of_work(actor="engine", actor_kind="engine") as uow:
        third = bulk_insert(uow.session, Quotation, [{"production_id": owner, "text": f"c{i}"} for i in range(4)], return_ids=True)
    with workspace.session() as session:
        stored = dict(session.execute(select(Quotation.id, Quotation.text)).all())
    assert [stored[i] for i in first + second[:2] + third] == (
        [f"a{i}" for i in range(5)] + ["b0", "b1"] + [f"c{i}" for i in range(4)]
    )
    assert stored[single.id] == "by hand" and len(stored) == 12
