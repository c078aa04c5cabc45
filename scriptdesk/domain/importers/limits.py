"""Documented limits on what the importers accept.

Scripts arrive from anywhere, so every importer works within these bounds and
refuses anything beyond them with :class:`InputTooLargeError`, in one plain
sentence that names the limit. The parsers are linear in the size of the
input, so the limits exist to bound memory, not to hide slow code:

* ``max_file_bytes`` (64 MiB): a 60 MB script is accepted and imports in
  linear time; anything larger is refused before it is read into memory.
* ``max_line_chars`` (8,000,000 characters): one line or paragraph. A 5 MB
  single-line script is accepted.
* ``max_blocks`` (1,000,000): paragraphs, cues, headings and rows together.
  A 100,000-paragraph script is well inside it.
* ``max_zip_members`` (2,000), ``max_zip_member_bytes`` (128 MiB),
  ``max_zip_total_bytes`` (256 MiB) and ``max_zip_ratio`` (100:1 for members
  over ``zip_ratio_floor_bytes``, 1 MiB): a .docx is checked against these
  from its central directory *before* anything is decompressed, so a zip bomb
  is refused without being expanded. Python's zipfile never inflates a member
  beyond the size it declares, so the declared sizes are a real bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from scriptdesk.domain.errors import InputTooLargeError

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class InputLimits:
    """Upper bounds an imported file must stay within."""

    max_file_bytes: int = 64 * MIB
    max_line_chars: int = 8_000_000
    max_blocks: int = 1_000_000
    max_zip_members: int = 2_000
    max_zip_member_bytes: int = 128 * MIB
    max_zip_total_bytes: int = 256 * MIB
    max_zip_ratio: float = 100.0
    zip_ratio_floor_bytes: int = 1 * MIB


DEFAULT_LIMITS = InputLimits()


def _size(value: int) -> str:
    """A size in words a producer reads at a glance."""
    if value >= MIB:
        return f"{value / MIB:,.0f} MB"
    if value >= 1024:
        return f"{value / 1024:,.0f} KB"
    return f"{value:,} bytes"


def check_file_size(size: int, name: str, limits: InputLimits = DEFAULT_LIMITS) -> None:
    """Refuse a file larger than ``limits.max_file_bytes``."""
    if size > limits.max_file_bytes:
        raise InputTooLargeError(
            name,
            f"the file is {_size(size)}, more than the {_size(limits.max_file_bytes)} "
            "a script may have",
        )


def check_line_lengths(text: str, name: str, limits: InputLimits = DEFAULT_LIMITS) -> None:
    """Refuse text with a line longer than ``limits.max_line_chars`` (linear scan)."""
    if len(text) <= limits.max_line_chars:
        return
    position = 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        if newline < 0:
            newline = length
        if newline - position > limits.max_line_chars:
            raise InputTooLargeError(
                name,
                f"one line has {newline - position:,} characters, more than the "
                f"{limits.max_line_chars:,} a script line may have",
            )
        position = newline + 1


def check_block_count(count: int, name: str, limits: InputLimits = DEFAULT_LIMITS) -> None:
    """Refuse a script cut into more than ``limits.max_blocks`` blocks."""
    if count > limits.max_blocks:
        raise InputTooLargeError(
            name,
            f"the script has more than {limits.max_blocks:,} paragraphs, "
            "the most ScriptDesk imports",
        )
