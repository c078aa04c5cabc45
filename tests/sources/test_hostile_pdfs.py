"""Hostile and broken PDFs: one plain sentence each, within bounds, nothing stored.

The PDFs are written by hand here (a few objects and a cross-reference
table), so each one is exactly as broken as the test says.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from scriptdesk.db.engine import session_scope
from scriptdesk.db.models import Source, SourceDocument, SourcePassage
from scriptdesk.domain.errors import ScriptDeskError
from scriptdesk.services.sources import add_source

#: Bytes of zeros the bomb's content stream unpacks to.
BOMB_BYTES = 400 * 1024 * 1024


def hand_made_pdf(objects: list[bytes]) -> bytes:
    """A PDF of numbered objects (1 is the catalogue) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, compressed: bool = False) -> bytes:
    flate = b" /Filter /FlateDecode" if compressed else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), flate) + data + b"\nendstream"


def _page(contents: bytes = b"4 0 R", parent: bytes = b"2 0 R") -> bytes:
    return (b"<< /Type /Page /Parent " + parent + b" /MediaBox [0 0 612 792] /Contents " + contents
            + b" /Resources << /Font << /F1 5 0 R >> >> >>")


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (The cofferdam held through the spring flood of 1930.) Tj ET"


def _zeros_deflated(size: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = bytes(1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(size // len(chunk))]
    parts.append(packer.flush())
    return b"".join(parts)


def decompression_bomb() -> bytes:
    """A page whose content stream inflates from a few hundred KB to 400 MB of zeros."""
    return hand_made_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(),
        _stream(_zeros_deflated(BOMB_BYTES), compressed=True),
        _FONT,
    ])


def reference_loop() -> bytes:
    """A page tree whose node lists itself among its own kids and is its own parent."""
    return hand_made_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Parent 2 0 R /Count 2 >>",
        _page(),
        _stream(_TEXT),
        _FONT,
    ])


def plain_pdf() -> bytes:
    return hand_made_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _page(),
        _stream(_TEXT),
        _FONT,
    ])


def image_only_pdf() -> bytes:
    """A scanned page: one grey image, no text."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pixels = io.BytesIO()
    _write_grey_png(pixels, 64, 64)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 72, 500, width=300, height=300)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _write_grey_png(handle: io.BytesIO, width: int, height: int) -> None:
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 4) % 256 for x in range(width)) for _ in range(height))
    handle.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                 + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def encrypted(data: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _nothing_stored(engine: Engine) -> bool:
    with session_scope(engine) as session:
        return all(
            session.scalar(select(func.count()).select_from(model)) == 0
            for model in (Source, SourceDocument, SourcePassage)
        )


HOSTILE = {
    "bomb.pdf": (decompression_bomb, "decompression bomb"),
    "loop.pdf": (reference_loop, "damaged or incomplete PDF"),
    "locked.pdf": (lambda: encrypted(plain_pdf(), "s3cret"), "is encrypted"),
    "scan.pdf": (image_only_pdf, "no text layer"),
    "truncated.pdf": (lambda: plain_pdf()[: len(plain_pdf()) // 2], "damaged or incomplete PDF"),
}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for name, (build, _) in HOSTILE.items():
        files[name] = folder / name
        files[name].write_bytes(build())
    return files


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_pdf_is_one_plain_sentence_and_nothing_stored(
    engine: Engine, hostile_files: dict[str, Path], name: str
) -> None:
    path = hostile_files[name]
    with pytest.raises(ScriptDeskError) as raised:
        add_source(engine, path)
    message = str(raised.value)
    assert message.startswith(str(path)), message
    assert HOSTILE[name][1] in message
    assert "\n" not in message and "Traceback" not in message
    assert _nothing_stored(engine)


def test_bomb_is_small_on_disk(hostile_files: dict[str, Path]) -> None:
    """The bomb really is one: under 1 MB on disk for 400 MB unpacked."""
    assert hostile_files["bomb.pdf"].stat().st_size < 1024 * 1024


def test_empty_user_password_is_read(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "open.pdf"
    path.write_bytes(encrypted(plain_pdf(), ""))
    added = add_source(engine, path)
    assert added.format == "pdf" and added.passages == 1
    with session_scope(engine) as session:
        text = session.scalar(select(SourcePassage.match_text))
    assert "cofferdam held through the spring flood" in (text or "")


def test_bomb_beyond_the_reader_limits_hits_the_memory_bound(hostile_files: dict[str, Path]) -> None:
    """With the reader's own limits lifted, the process memory limit still stops the bomb."""
    from scriptdesk.domain.errors import InputFileError, UnsafeInputError
    from scriptdesk.sources.pdf import read_pdf

    with pytest.raises((InputFileError, UnsafeInputError)) as raised:
        read_pdf(hostile_files["bomb.pdf"], memory_bytes=300 * 1024 * 1024, reader_limits=False)
    assert "memory" in str(raised.value) or "decompression bomb" in str(raised.value)
