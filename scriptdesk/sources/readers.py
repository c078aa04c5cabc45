"""Reading plain text, Markdown, HTML and .docx sources into clean text.

Each reader takes a path and returns the text with its encoding; every
problem is an :class:`~scriptdesk.domain.errors.InputFileError` naming the
file. A .docx is checked as a zip archive before anything is decompressed.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from scriptdesk.domain.errors import InputFileError, InputTooLargeError, UnsafeInputError
from scriptdesk.domain.safe_text import clean_text

#: Largest source file ScriptDesk reads.
MAX_SOURCE_BYTES = 200 * 1024 * 1024
#: Limits of a .docx archive, checked before decompressing.
DOCX_MAX_MEMBERS = 2000
DOCX_MAX_MEMBER_BYTES = 100 * 1024 * 1024
DOCX_MAX_TOTAL_BYTES = 300 * 1024 * 1024
DOCX_MAX_RATIO = 200

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: Bytes of UTF-8 text that never need cleaning: printable ASCII, tab, newline,
#: and the bytes of multi-byte characters (checked apart in :func:`_clean_utf8`).
_PLAIN_BYTES = bytes([9, 10, *range(0x20, 0x7F), *range(0x80, 0x100)])
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")
#: Searched in the decoded text: a text of Latin-1 characters cannot hold them,
#: which Python knows without looking.
_INVISIBLE = "\u200b\u2028\u2029\ufeff"


def _clean_utf8(data: bytes, text: str) -> str:
    """``clean_text(text)`` for text decoded from UTF-8 ``data``, skipped when needless.

    Checking the bytes runs at memory speed; cleaning runs three regular
    expressions over every character, a large share of reading a big source.
    """
    needs_cleaning = (
        bool(data.translate(None, _PLAIN_BYTES))
        or (b"\xc2" in data and _C1_CONTROL.search(data) is not None)
        or any(character in text for character in _INVISIBLE)
    )
    return clean_text(text) if needs_cleaning else text


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, a folder or too large."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise InputFileError(path, "is not a file")
        if size > MAX_SOURCE_BYTES:
            raise InputTooLargeError(
                path, f"is {size // (1024 * 1024)} MB; sources are limited to "
                f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, "does not exist") from None
    except PermissionError:
        raise InputFileError(path, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise InputFileError(path, "is a folder, not a file") from None
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """Decoded, cleaned text and the encoding it was in."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data.decode(encoding)), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                raise InputFileError(path, f"starts like {encoding} text but is not") from None
    try:
        return _clean_utf8(data, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 100:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return clean_text(utf16[0]), utf16[1]
        raise InputFileError(path, "is not a text file")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputFileError(path, "is not a text file (no text encoding fits it)")
    return clean_text(str(best)), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def read_plain_text(path: Path) -> tuple[str, str]:
    """A plain-text or Markdown source; form feeds become page breaks later."""
    return decode_text(read_bytes(path), path)


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: paragraphs apart, scripts and styles dropped."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
    _BLOCKS = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article "
        "header footer pre hr dd dt".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w\-]+)""", re.IGNORECASE)


def read_html(path: Path) -> tuple[str, str]:
    """The visible text of an HTML page, one paragraph per block element."""
    data = read_bytes(path)
    declared = _META_CHARSET.search(data[:4096])
    text: str | None = None
    encoding = "utf-8"
    if declared is not None:
        encoding = declared.group(1).decode("ascii", "replace").lower()
        try:
            text = clean_text(data.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode_text(data, path)
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    visible = "".join(parser.parts)
    visible = re.sub(r"[ \t\xa0]*\n[ \t\xa0\n]*\n[ \t\xa0]*", "\n\n", visible)
    visible = re.sub(r"[ \t\xa0]+", " ", visible)
    return visible.strip() + "\n", encoding


def check_docx_archive(path: Path) -> None:
    """Refuse a .docx whose zip could exhaust memory or is not a Word document."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > DOCX_MAX_MEMBERS:
                raise UnsafeInputError(path, f"holds {len(members)} files; a .docx holds far fewer")
            total = 0
            names = set()
            for member in members:
                names.add(member.filename)
                if member.filename.startswith(("/", "\\")) or ".." in member.filename.split("/"):
                    raise UnsafeInputError(path, f"contains an unsafe path {member.filename!r}")
                if member.file_size > DOCX_MAX_MEMBER_BYTES:
                    raise UnsafeInputError(path, f"contains {member.filename!r} that unpacks too large")
                if member.compress_size and member.file_size / member.compress_size > DOCX_MAX_RATIO:
                    if member.file_size > 1024 * 1024:
                        raise UnsafeInputError(path, "looks like a decompression bomb")
                total += member.file_size
            if total > DOCX_MAX_TOTAL_BYTES:
                raise UnsafeInputError(path, "unpacks to more than the .docx size limit")
            if "word/document.xml" not in names:
                raise InputFileError(path, "is not a Word document (no word/document.xml)")
    except zipfile.BadZipFile:
        raise InputFileError(path, "is not a .docx file (not a zip archive)") from None
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None


def read_docx(path: Path) -> tuple[str, str]:
    """Paragraphs and table rows of a .docx, one paragraph each."""
    read_bytes(path)  # existence and size checks with the usual messages
    check_docx_archive(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise InputFileError(path, f"is a damaged .docx ({type(error).__name__})") from None
    except Exception as error:  # lxml raises its own syntax errors on broken XML
        if type(error).__module__.startswith(("lxml", "docx", "xml")):
            raise InputFileError(path, "is a damaged .docx (its XML cannot be read)") from None
        raise
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            if cells:
                paragraphs.append(" | ".join(dict.fromkeys(cells)))
    text = "\n\n".join(paragraph.strip() for paragraph in paragraphs if paragraph.strip())
    return clean_text(text) + "\n", "utf-8"
