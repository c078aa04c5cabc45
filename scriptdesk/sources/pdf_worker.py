"""Extract the text layer of a PDF in a separate, resource-limited process.

Run as ``python -m scriptdesk.sources.pdf_worker FILE MEMORY_BYTES CPU_SECONDS [unlimited]``.
It limits its own address space and CPU time before importing the PDF reader,
so a decompression bomb or a looping parser ends this process, not ScriptDesk.
The reader's own limits (75 MB per unpacked stream) usually stop a bomb
first; ``unlimited`` lifts them, so tests can show the process limits hold.
It prints one JSON object: {"pages": [{"label": ..., "text": ...}]} or
{"error": "plain sentence"}.
"""

from __future__ import annotations

import json
import resource
import sys


def _limit(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


#: Reader limits raised so far that only the process limits apply.
_UNLIMITED = 1 << 40


def extract(path: str, reader_limits: bool = True) -> dict[str, object]:
    """Pages of the PDF at ``path`` with their printed labels."""
    from pypdf import PdfReader, overwrite_configuration
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError, PyPdfError

    if not reader_limits:
        overwrite_configuration(
            zlib_maximum_output_length=_UNLIMITED, maximum_declared_stream_length=_UNLIMITED,
            array_based_stream_maximum_output_length=_UNLIMITED,
        )

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return {"error": "is encrypted with a password; decrypt it first"}
            except (FileNotDecryptedError, NotImplementedError):
                return {"error": "is encrypted with a password; decrypt it first"}
        labels = list(reader.page_labels)
        pages = []
        for index, page in enumerate(reader.pages):
            label = labels[index] if index < len(labels) and labels[index] else str(index + 1)
            pages.append({"label": label, "text": page.extract_text() or ""})
    except FileNotDecryptedError:
        return {"error": "is encrypted with a password; decrypt it first"}
    except LimitReachedError:
        return {"error": "looks like a decompression bomb (a stream unpacks to more than 75 MB)"}
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            AssertionError, RecursionError, OSError, UnicodeError, ZeroDivisionError):
        return {"error": "is a damaged or incomplete PDF (it cannot be parsed)"}
    return {"pages": pages}


def main() -> int:
    path, memory_bytes, cpu_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    reader_limits = sys.argv[4:5] != ["unlimited"]
    _limit(memory_bytes, cpu_seconds)
    sys.setrecursionlimit(5000)
    try:
        result = extract(path, reader_limits)
    except MemoryError:
        result = {"error": "needs more memory to read than allowed (a decompression bomb?)"}
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
