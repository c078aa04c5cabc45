"""Fast inserts of many rows at once (imports: blocks, quotations, passages...).

Rows go to the database as Core ``executemany`` on the session's connection,
inside the session's transaction, skipping the ORM's per-object bookkeeping.
One summary entry per call goes to the audit log.

When the new ids are wanted, PostgreSQL returns them in the rows' order from
batched ``INSERT ... RETURNING``. SQLite cannot promise that order for a
multi-row insert (SQLAlchemy would fall back to one statement per row), so on
SQLite the first row is inserted alone and the others follow in one
``executemany`` with the ids after it: the insert of the first row takes the
transaction's write lock, so nobody else can take those ids, and they are the
very ids SQLite would have chosen itself (with or without AUTOINCREMENT).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import DeclarativeBase, Session

from scriptdesk.db.audit import log_bulk_insert
from scriptdesk.domain.errors import InvalidValueError


def bulk_insert(
    session: Session,
    model: type[DeclarativeBase] | Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    return_ids: bool = False,
) -> list[int] | None:
    """Insert ``rows`` (dicts of column values) and, if asked, return their new ids in order.

    Columns a row leaves out get their model defaults; every row may leave out
    different columns.
    """
    table: Table = model if isinstance(model, Table) else model.__table__  # type: ignore[assignment]
    if not rows:
        return [] if return_ids else None
    prepared = _with_defaults(table, rows)
    connection = session.connection()
    ids: list[int] | None = None
    if not return_ids:
        connection.execute(insert(table), prepared)
    elif connection.dialect.name == "sqlite" and "id" not in prepared[0]:
        first_row, *others = prepared
        first = connection.execute(insert(table).returning(table.c.id), first_row).scalar_one()
        ids = list(range(first, first + len(prepared)))
        if others:
            connection.execute(insert(table), [{**row, "id": new_id} for row, new_id in zip(others, ids[1:])])
    else:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = list(connection.execute(statement, prepared).scalars())
    log_bulk_insert(session, table.name, ids, len(prepared))
    return ids


def _with_defaults(table: Table, rows: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    """Give every row the same keys (executemany needs it), filling model defaults."""
    keys = rows[0].keys()
    if all(row.keys() == keys for row in rows):
        _check_columns(table, keys)
        return rows
    all_keys: set[str] = set().union(*rows)
    _check_columns(table, all_keys)
    fillers = {key: _default_of(table, key) for key in all_keys}
    return [
        {**{key: fill() for key, fill in fillers.items() if key not in row}, **row}
        for row in rows
    ]


def _check_columns(table: Table, keys: Iterable[str]) -> None:
    unknown = set(keys) - set(table.c.keys())
    if unknown:
        raise InvalidValueError(f"table {table.name} has no column {sorted(unknown)[0]}")


def _default_of(table: Table, key: str) -> Any:
    default = table.c[key].default
    if default is None:
        return lambda: None
    if default.is_callable:
        return lambda: default.arg({})  # type: ignore[union-attr, operator]
    return lambda: default.arg  # type: ignore[union-attr]
