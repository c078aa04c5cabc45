"""Turning the bytes of a text file into clean text.

:func:`decode_text` recognises byte-order marks (UTF-8, UTF-16 and UTF-32,
little and big endian), accepts strict UTF-8, and otherwise asks
charset-normalizer to choose among the encodings scripts really come in
(UTF-16 without a mark, Windows-1251, KOI8-R, Windows-1252/Latin-1, DOS and
Mac Cyrillic, ISO 8859-5). Images, archives, PDFs and other binary data are
refused as "not a text file". The result goes through
:func:`scriptdesk.domain.safe_text.clean_text`, so NUL bytes, control
characters and terminal escape sequences never reach a block.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from scriptdesk.domain.errors import InputFileError
from scriptdesk.domain.importers.limits import DEFAULT_LIMITS, InputLimits, check_file_size
from scriptdesk.domain.safe_text import clean_text

# Longest mark first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The encodings a script or source realistically arrives in. Restricting the
# detector to these keeps it from choosing a look-alike (cp1250 for Latin-1).
CANDIDATE_ENCODINGS: tuple[str, ...] = (
    "utf_8",
    "utf_16_le",
    "utf_16_be",
    "cp1251",
    "koi8_r",
    "cp1252",
    "latin_1",
    "cp866",
    "mac_cyrillic",
    "iso8859_5",
)

# Signatures of common binary files a user may hand over by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a .docx)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# Characters no text file is made of: C0 controls except tab, newline, CR,
# form feed and ESC (terminal escape sequences are text, removed later), plus
# DEL. A few are tolerated (and removed); many mean binary data.
_NON_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SAMPLE_CHARS = 1_000_000
_MAX_NON_TEXT_SHARE = 0.02
_NON_TEXT_ALLOWANCE = 8


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Clean text and the encoding it was decoded from."""

    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "cp1251", "utf-16-le"
    byte_order_mark: bool = False


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or None."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            if signature == b"MZ" and len(data) > 64 and b"\x00" not in data[:64]:
                continue  # "MZ" is also how a plain text may start
            return kind
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return True
    allowed = max(_MAX_NON_TEXT_SHARE * len(sample), _NON_TEXT_ALLOWANCE)
    return len(_NON_TEXT.findall(sample)) <= allowed


def _decode_with_mark(data: bytes, name: str) -> DecodedText | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data[len(mark) :].decode(encoding)
            except UnicodeDecodeError as error:
                label = encoding.upper().replace("-LE", "").replace("-BE", "")
                raise InputFileError(
                    name,
                    f"the file starts with a {label} byte-order mark but is not valid "
                    f"{label} text (bad bytes at offset {error.start + len(mark):,})",
                ) from None
            return DecodedText(text, encoding, byte_order_mark=True)
    return None


def _decode_detected(data: bytes) -> DecodedText | None:
    # Imported here: charset-normalizer is only needed for non-UTF-8 files,
    # and keeping it off the import path keeps start-up light.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    return DecodedText(str(best), encoding)


def decode_text(
    data: bytes, name: str = "<bytes>", *, limits: InputLimits = DEFAULT_LIMITS
) -> DecodedText:
    """Decode and clean the bytes of a text file, or raise :class:`InputFileError`.

    Raises InputFileError for an empty, binary or undecodable file and
    InputTooLargeError for one beyond ``limits.max_file_bytes``.
    """
    check_file_size(len(data), name, limits)
    if not data.strip():
        raise InputFileError(name, "the file is empty")
    kind = binary_kind(data)
    if kind is not None:
        raise InputFileError(name, f"the file is not a text file (it looks like {kind})")
    decoded = _decode_with_mark(data, name)
    if decoded is None:
        try:
            decoded = DecodedText(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = None
        if decoded is None or not _looks_like_text(decoded.text):
            # Valid UTF-8 full of control characters is usually UTF-16
            # without a mark; let the detector weigh the alternatives.
            decoded = _decode_detected(data)
    if decoded is None or not _looks_like_text(decoded.text):
        raise InputFileError(
            name, "the file is not a text file (its bytes are in no known text encoding)"
        )
    text = clean_text(decoded.text)
    if not text.strip():
        raise InputFileError(name, "the file contains no text")
    return DecodedText(text, decoded.encoding, decoded.byte_order_mark)
