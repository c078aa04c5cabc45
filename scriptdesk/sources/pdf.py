"""Reading the text layer of a PDF source, page by page, safely.

The PDF is parsed in a child process with limited memory and CPU time and a
wall-clock timeout (see :mod:`scriptdesk.sources.pdf_worker`): a damaged
file, a decompression bomb or a reader caught in a loop becomes one plain
error sentence within that bound, and nothing is imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scriptdesk.domain.errors import InputFileError, UnsafeInputError
from scriptdesk.domain.safe_text import clean_text
from scriptdesk.sources.document import PageSpan
from scriptdesk.sources.readers import read_bytes

#: Address-space limit of the PDF reading process.
PDF_MEMORY_BYTES = 1536 * 1024 * 1024
#: CPU seconds and wall-clock seconds a PDF may take to read.
PDF_CPU_SECONDS = 60
PDF_TIMEOUT_SECONDS = 90
#: Fewer visible characters per page than this means there is no text layer.
_MIN_CHARS_PER_PAGE = 20


def read_pdf(
    path: Path,
    *,
    timeout: float = PDF_TIMEOUT_SECONDS,
    memory_bytes: int = PDF_MEMORY_BYTES,
    reader_limits: bool = True,
) -> tuple[str, list[PageSpan]]:
    """The text of every page and where each page lies in it.

    ``reader_limits=False`` lifts the PDF reader's own stream limits, leaving
    only the process's memory and time bounds (for tests of those bounds).
    """
    data = read_bytes(path)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputFileError(path, "is not a PDF file")
    command = [
        sys.executable, "-m", "scriptdesk.sources.pdf_worker",
        str(path), str(memory_bytes), str(max(1, int(min(timeout, PDF_CPU_SECONDS)))),
        *([] if reader_limits else ["unlimited"]),
    ]
    try:
        finished = subprocess.run(
            command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise UnsafeInputError(
            path, f"could not be read within {timeout:g} seconds (a damaged or hostile PDF?)"
        ) from None
    try:
        result = json.loads(finished.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        result = None
    if not isinstance(result, dict):
        raise UnsafeInputError(
            path, "could not be read within the memory and time allowed (a damaged or hostile PDF?)"
        )
    if "error" in result:
        raise InputFileError(path, str(result["error"]))
    return _join_pages(path, result.get("pages") or [])


def _join_pages(path: Path, pages: list[dict[str, str]]) -> tuple[str, list[PageSpan]]:
    if not pages:
        raise InputFileError(path, "has no pages")
    parts: list[str] = []
    spans: list[PageSpan] = []
    position = 0
    visible = 0
    for page in pages:
        text = clean_text(str(page.get("text", ""))).strip()
        visible += len("".join(text.split()))
        spans.append(PageSpan(str(page.get("label", len(spans) + 1))[:40], position, position + len(text)))
        parts.append(text)
        position += len(text) + 2
    if visible < _MIN_CHARS_PER_PAGE * len(pages) and visible < 200:
        raise InputFileError(path, "has no text layer (a scanned PDF needs OCR first)")
    return "\n\n".join(parts) + "\n", spans
