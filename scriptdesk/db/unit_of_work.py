"""The unit of work: one transaction, one actor, commit or roll back as a whole.

Services make changes inside ``with UnitOfWork(workspace, actor=...) as uow:``
and use ``uow.session``; leaving the block commits, an exception rolls back.
Every change is logged in the audit log under the actor given here.
"""

from __future__ import annotations

from types import TracebackType
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from scriptdesk.config import current_user
from scriptdesk.db.audit import ACTION, CHANGE_AT, set_actor
from scriptdesk.db.base import utcnow
from scriptdesk.domain.enums import Origin


class HasSessions(Protocol):
    """Anything that makes audited sessions (a Workspace)."""

    @property
    def session_factory(self) -> sessionmaker[Session]: ...


class UnitOfWork:
    """A transaction on behalf of one actor, used as a context manager."""

    def __init__(
        self,
        workspace: HasSessions | sessionmaker[Session],
        *,
        actor: str | None = None,
        actor_kind: Origin | str = Origin.PERSON,
    ) -> None:
        factory = workspace if isinstance(workspace, sessionmaker) else workspace.session_factory
        self._factory = factory
        self.actor = actor or current_user()
        self.actor_kind = Origin(actor_kind)
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """The session of the open unit of work."""
        if self._session is None:
            raise RuntimeError("the unit of work is not open; use it in a with block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._factory()
        set_actor(self._session, self.actor, self.actor_kind)
        self._session.info[CHANGE_AT] = utcnow()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            if exc_type is None:
                session.commit()
            else:
                session.rollback()
        finally:
            session.close()
            self._session = None

    def commit(self) -> None:
        """Commit what is done so far; later changes form a new change set."""
        self.session.commit()
        self.session.info[CHANGE_AT] = utcnow()

    def rollback(self) -> None:
        """Undo everything since the last commit."""
        self.session.rollback()

    def as_undo(self) -> None:
        """Log this unit's updates as the undoing of an earlier edit."""
        self.session.info[ACTION] = "undo"
