"""Write a file all at once: a temporary file beside it, renamed when complete.

A failed or interrupted export leaves neither a half-written report nor the
temporary file; an older report of the same name stays untouched until the
new one is complete.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from scriptdesk.domain.errors import ExportError


#: Permissions of a finished report (mkstemp makes files private to the owner).
REPORT_MODE = 0o644


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success it becomes ``target``."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=folder
        )
    except OSError as error:
        raise ExportError(f"{folder}: cannot write a report there ({error.strerror})") from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, REPORT_MODE)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise ExportError(f"{target}: the report could not be written ({reason})") from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
