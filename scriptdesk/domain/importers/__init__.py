"""Reading scripts: every supported file format into one :class:`ScriptDocument`.

:func:`load_script` reads a file from disk and :func:`read_script_bytes`
reads bytes already in memory. Both choose the importer from the file name
(confirmed by the content, see :mod:`.detect`) unless a format is given,
apply the documented :mod:`.limits`, and raise an
:class:`~scriptdesk.domain.errors.InputFileError` (or its subclasses
UnsafeInputError and InputTooLargeError) with one plain sentence when the
file cannot be read as a script.

Whatever the format, the result satisfies
``document.text[block.start:block.end] == block.text`` for every block.
The importers themselves are imported on first use so that start-up stays
light.
"""

from __future__ import annotations

from pathlib import Path

from scriptdesk.domain.enums import ScriptFormat
from scriptdesk.domain.errors import InputFileError
from scriptdesk.domain.importers.limits import (
    DEFAULT_LIMITS,
    InputLimits,
    check_block_count,
    check_file_size,
    check_line_lengths,
)
from scriptdesk.domain.model import ScriptDocument

__all__ = [
    "DEFAULT_LIMITS",
    "InputLimits",
    "display_text",
    "load_script",
    "read_script_bytes",
]


def display_text(text: str) -> str:
    """A block's words as a reader sees them (Fountain emphasis, notes, boneyard removed)."""
    from scriptdesk.domain.importers.fountain import display_text as fountain_display

    return fountain_display(text)


def load_script(
    path: Path,
    format: ScriptFormat | None = None,
    *,
    limits: InputLimits = DEFAULT_LIMITS,
) -> ScriptDocument:
    """Read and parse the script at ``path``; ``format`` overrides the extension."""
    path = Path(path)
    name = str(path)
    try:
        if path.is_dir():
            raise InputFileError(name, "this is a folder, not a script file")
        check_file_size(path.stat().st_size, name, limits)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(name, "no such file") from None
    except PermissionError:
        raise InputFileError(name, "ScriptDesk is not allowed to read this file") from None
    except OSError as error:
        raise InputFileError(name, f"the file cannot be read ({error.strerror or error})") from None
    return read_script_bytes(data, name, format, limits=limits)


def read_script_bytes(
    data: bytes,
    name: str,
    format: ScriptFormat | None = None,
    *,
    limits: InputLimits = DEFAULT_LIMITS,
) -> ScriptDocument:
    """Parse the bytes of a script; ``name`` is used for its extension and in errors."""
    from scriptdesk.domain.importers import detect

    check_file_size(len(data), name, limits)
    if not data.strip():
        raise InputFileError(name, "the file is empty")
    chosen = format
    if chosen is None:
        known, chosen = detect.format_from_name(name)
        if not known:
            raise detect.unknown_extension_error(name)
    if chosen is ScriptFormat.DOCX:
        from scriptdesk.domain.importers.docx import parse_docx

        document = parse_docx(data, name, limits=limits)
    elif chosen is ScriptFormat.FDX:
        from scriptdesk.domain.importers.fdx import parse_fdx

        document = parse_fdx(data, name, limits=limits)
    else:
        document = _read_text_script(data, name, chosen, format_given=format is not None, limits=limits)
    check_block_count(len(document.blocks), name, limits)
    if not document.blocks:
        raise InputFileError(name, "the file contains no script text")
    return document


def _read_text_script(
    data: bytes,
    name: str,
    chosen: ScriptFormat | None,
    *,
    format_given: bool,
    limits: InputLimits,
) -> ScriptDocument:
    """Fountain, prose, or plain text that is one of the two."""
    from scriptdesk.domain.importers import detect
    from scriptdesk.domain.importers.decoding import decode_text

    if not format_given:
        detect.check_text_content(data, name, chosen)
    decoded = decode_text(data, name, limits=limits)
    check_line_lengths(decoded.text, name, limits)
    if chosen is None:
        chosen = ScriptFormat.FOUNTAIN if detect.looks_like_fountain(decoded.text) else ScriptFormat.PROSE
    source_name = Path(name).name
    if chosen is ScriptFormat.FOUNTAIN:
        from scriptdesk.domain.importers.fountain import parse_fountain

        return parse_fountain(decoded.text, encoding=decoded.encoding, source_name=source_name)
    from scriptdesk.domain.importers.prose import parse_prose

    return parse_prose(decoded.text, encoding=decoded.encoding, source_name=source_name)
