"""Safe file names for reports, always inside the chosen output folder.

Titles come from scripts, so they may hold path separators, ``..``, control
characters, reserved device names or thousands of characters. A report's file
name keeps the letters and digits of the title (Cyrillic included) and
nothing that could move the file out of its folder.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from scriptdesk.domain.errors import ExportError

MAX_STEM_LENGTH = 120
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_DASHES = re.compile(r"[-_.]{2,}")
_WINDOWS_RESERVED = {
    "CON", "PRN", "AUX", "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}  # fmt: skip


def sanitise_stem(title: str, fallback: str = "report") -> str:
    """A title as a file-name stem: words joined by ``-``, no separators or dots first."""
    text = unicodedata.normalize("NFKC", title or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _UNSAFE.sub("-", text)
    text = _DASHES.sub("-", text).strip("-_. ")
    text = text[:MAX_STEM_LENGTH].rstrip("-_. ")
    if not text or text.upper().split(".")[0] in _WINDOWS_RESERVED:
        text = f"{fallback}-{text}" if text else fallback
    return text


def report_filename(production: str, report: str, revision: str, extension: str) -> str:
    """``<production>_<report>_<revision>.<ext>`` built from sanitised parts."""
    parts = [sanitise_stem(production, "production"), sanitise_stem(report)]
    if revision:
        parts.append(sanitise_stem(revision, "revision"))
    stem = "_".join(parts)
    return f"{stem}.{sanitise_stem(extension, 'out').lower()}"


def path_inside(output_dir: Path, file_name: str) -> Path:
    """The path of ``file_name`` inside ``output_dir``; refuses anything that escapes it."""
    folder = Path(output_dir).resolve()
    name = Path(file_name).name
    if name != file_name or name in {"", ".", ".."}:
        raise ExportError(f"{file_name!r}: a report file name must not contain a folder")
    target = (folder / name).resolve()
    if target.parent != folder:
        raise ExportError(f"{target}: the report would be written outside {folder}")
    return target
