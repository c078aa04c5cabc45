"""Reading any supported source file into pages and passages.

:func:`read_source` picks the reader from the file's extension, checked
against its first bytes (a PDF or a zip in disguise is read as what it is).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scriptdesk.domain.errors import InputFileError
from scriptdesk.sources.document import SourceText
from scriptdesk.sources.passages import build_source_text
from scriptdesk.sources.pdf import read_pdf
from scriptdesk.sources.readers import read_docx, read_html, read_plain_text

#: File extensions and the format name each one is read as.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_TEXT_READERS: dict[str, Callable[[Path], tuple[str, str]]] = {
    "text": read_plain_text,
    "markdown": read_plain_text,
    "html": read_html,
    "docx": read_docx,
}


def detect_format(path: Path) -> str:
    """The format of a source file, from its extension and its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except FileNotFoundError:
        raise InputFileError(path, "does not exist") from None
    except IsADirectoryError:
        raise InputFileError(path, "is a folder, not a file") from None
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    by_extension = FORMATS.get(path.suffix.lower())
    if by_extension in ("pdf", "docx"):
        raise InputFileError(path, f"is named {path.suffix} but is not a {by_extension.upper()} file")
    lowered = head.lower()
    if by_extension is None and (b"<html" in lowered or b"<!doctype html" in lowered):
        return "html"
    if by_extension is None:
        known = ", ".join(sorted(FORMATS))
        raise InputFileError(path, f"has an unknown source format (known: {known})")
    return by_extension


def read_source(path: Path) -> SourceText:
    """The source document in ``path`` as text, pages and passages."""
    path = Path(path)
    format = detect_format(path)
    if format == "pdf":
        text, pages = read_pdf(path)
        source = build_source_text(text, format, pages=pages)
    else:
        text, encoding = _TEXT_READERS[format](path)
        source = build_source_text(text, format, encoding=encoding)
    if not source.passages:
        raise InputFileError(path, "contains no text to cite")
    return source
