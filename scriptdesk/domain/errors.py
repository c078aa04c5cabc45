"""The ScriptDesk error hierarchy.

Every error a user can cause is a :class:`ScriptDeskError` whose ``str()`` is
one plain sentence naming the file or value at fault. The CLI and the TUI show
that sentence and nothing else (the CLI shows a traceback only with --debug).
"""

from __future__ import annotations


class ScriptDeskError(Exception):
    """Base of every error ScriptDesk reports to a user."""

    #: Process exit code the CLI uses for this kind of error.
    exit_code: int = 1


class InputFileError(ScriptDeskError):
    """A file given to ScriptDesk cannot be read as what it claims to be."""

    exit_code = 3

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnsafeInputError(InputFileError):
    """A file was refused because reading it could harm the machine."""


class InputTooLargeError(InputFileError):
    """A file exceeds one of the documented input limits."""


class DatabaseError(ScriptDeskError):
    """The database cannot be opened, read or written."""

    exit_code = 4


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer ScriptDesk."""


class ForeignDatabaseError(DatabaseError):
    """The file is an SQLite database of another application."""


class NotFoundError(ScriptDeskError):
    """A production, script, quotation or other record does not exist."""

    exit_code = 5


class ConflictError(ScriptDeskError):
    """Someone else changed a record since it was read (optimistic locking)."""

    exit_code = 6

    def __init__(
        self, record: str, field: str | None, theirs: object, yours: object
    ) -> None:
        self.record = record
        self.field = field
        self.theirs = theirs
        self.yours = yours
        where = f"{record}.{field}" if field else record
        super().__init__(
            f"{where} was changed by someone else in the meantime "
            f"(theirs: {theirs!r}, yours: {yours!r}); nothing was overwritten"
        )


class InvalidValueError(ScriptDeskError):
    """A value typed by a user does not make sense for its field."""

    exit_code = 2


class ExportError(ScriptDeskError):
    """A report could not be written."""

    exit_code = 7
