"""Builders for the importer test corpus: odd, hostile and damaged files.

Most files are made here at test time rather than checked in, so each test
shows exactly what is hostile about its input.
"""

from __future__ import annotations

import io
import struct
import zipfile

from scriptdesk.domain.model import ScriptDocument

# The same passage for every encoding test: Russian with «ёлочки» and
# „лапки“, English with curly quotes. KOI8-R cannot encode typographic
# quotes, so it gets the straight-quoted variant.
RUSSIAN_ENGLISH = (
    "Письмо от 3 мая 1912 года. «Мы прибыли в порт на рассвете», — писала Анна Петровна "
    "своей сестре. Капитан ответил: „Ветер переменится к ночи“. Ёлки на берегу, съезд у пристани.\n"
    "The harbour master wrote in his diary: “Wind north-east, cranes idle.” "
    "His daughter called them “iron herons”.\n"
)
RUSSIAN_ENGLISH_PLAIN = (
    "Письмо от 3 мая 1912 года. \"Мы прибыли в порт на рассвете\", - писала Анна Петровна "
    "своей сестре. Капитан ответил: \"Ветер переменится к ночи\". Ёлки на берегу, съезд у пристани.\n"
    "The harbour master wrote in his diary: \"Wind north-east, cranes idle.\" "
    "His daughter called them \"iron herons\".\n"
)
LATIN = (
    "The café on the quay belonged to Señor Núñez. « Garçon ! » shouted the mate, "
    "and the naïve clerk from Zürich ran for the coffee. Crème brûlée was 2½ francs.\n"
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol9;</Text></Paragraph></Content></FinalDraft>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE FinalDraft [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&secret;</Text></Paragraph></Content></FinalDraft>
"""

PLAIN_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE FinalDraft SYSTEM "http://example.invalid/finaldraft.dtd">
<FinalDraft><Content><Paragraph Type="Action"><Text>Hello</Text></Paragraph></Content></FinalDraft>
"""

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def fdx(paragraphs: list[tuple[str, str]], *, title_page: list[str] | None = None, root: str = "FinalDraft") -> bytes:
    """A Final Draft file with the given ``(type, text)`` paragraphs."""
    from xml.sax.saxutils import escape

    body = "".join(
        f'<Paragraph Type="{kind}"><Text>{escape(text)}</Text></Paragraph>' for kind, text in paragraphs
    )
    title = ""
    if title_page:
        title = "<TitlePage><Content>" + "".join(
            f'<Paragraph Type="Action"><Text>{escape(line)}</Text></Paragraph>' for line in title_page
        ) + "</Content></TitlePage>"
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} DocumentType="Script"><Content>{body}</Content>{title}</{root}>'
    return xml.encode("utf-8")


def docx(
    paragraphs: list[tuple[str, str | None]] = (),
    tables: list[list[list[str]]] = (),
    *,
    title: str | None = None,
) -> bytes:
    """A .docx with ``(text, style)`` paragraphs followed by tables of rows of cell texts."""
    import docx as python_docx

    document = python_docx.Document()
    if title:
        document.core_properties.title = title
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    for rows in tables:
        table = document.add_table(rows=0, cols=max(len(row) for row in rows))
        for row in rows:
            cells = table.add_row().cells
            if len(row) == 1 and len(cells) > 1:
                cells[0].merge(cells[-1]).text = row[0]
                continue
            for cell, text in zip(cells, row):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_with(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP archive holding exactly ``members``, names written as given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def with_declared_size(archive: bytes, member: str, size: int) -> bytes:
    """Patch the central directory so ``member`` declares ``size`` uncompressed bytes."""
    encoded = member.encode("utf-8")
    position = 0
    patched = bytearray(archive)
    while True:
        position = archive.find(b"PK\x01\x02", position)
        if position < 0:
            raise ValueError(f"{member} not in the central directory")
        name_length = struct.unpack_from("<H", archive, position + 28)[0]
        if archive[position + 46 : position + 46 + name_length] == encoded:
            struct.pack_into("<I", patched, position + 24, size)
            return bytes(patched)
        position += 4


def minimal_docx_members() -> dict[str, bytes]:
    """The parts of a valid .docx, read from one python-docx writes."""
    with zipfile.ZipFile(io.BytesIO(docx([("Hello", None)]))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def assert_slices(document: ScriptDocument) -> None:
    """Every block is the exact slice of the document text it claims to be."""
    for index, block in enumerate(document.blocks):
        assert document.text[block.start : block.end] == block.text, (index, block)
        assert block.start <= block.end
    starts = [block.start for block in document.blocks]
    assert starts == sorted(starts)
