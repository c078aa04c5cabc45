"""Making untrusted text safe to store and print.

Scripts and sources come from anywhere: NUL bytes, C0/C1 control characters
and terminal escape sequences are removed before any text is stored, and
anything printed to a terminal goes through :func:`printable`.
"""

from __future__ import annotations

import re

# CSI/OSC/other ESC sequences first, so their parameters go with them.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    # OSC, DCS, SOS, PM, APC strings end at BEL or ST; an unterminated one is
    # cut at the end of its line (at most 512 characters) so no text is lost.
    r"|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x07\x1b\n]{0,512}(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"  # other two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# Control characters except tab, newline; CR is normalised separately.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\u2028\u2029]")
_LINE_BREAKS = re.compile(r"\r\n?|\u2028|\u2029|\x0b|\x0c")


def clean_text(text: str) -> str:
    """Normalise line breaks and drop escape sequences and control characters."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def printable(value: object, limit: int = 300) -> str:
    """A one-line, escape-free rendering of a value for messages and listings."""
    text = clean_text(str(value)).replace("\n", " ").replace("\t", " ")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
