"""Reading sources: transcripts, page markers, formats and refusals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from scriptdesk.domain.errors import InputFileError, UnsafeInputError
from scriptdesk.sources.ingest import read_source
from scriptdesk.sources.textview import matchable

SAMPLES = Path(__file__).resolve().parents[2] / "sample_scripts" / "sources"


def test_seed_transcript_has_speakers_and_archive_reference(seed_path) -> None:
    source = read_source(seed_path("004"))
    assert source.is_transcript
    speakers = {p.speaker for p in source.passages}
    assert {"Stalin", "Kamenev", "Zinoviev", "Molotov", "Trotsky", "Voice"} <= speakers
    assert "Comrade" not in speakers and "Committee" not in speakers
    bib = source.bibliography
    assert (bib.archive_name, bib.archive_fond, bib.archive_opis, bib.archive_delo, bib.archive_list) == (
        "RGASPI", "17", "163", "681", "1-96"
    )
    assert bib.archive_reference == "RGASPI. F. 17. Op. 163. D. 681. L. 1-96"
    assert bib.publisher == "ROSSPEN" and bib.year == 2007
    assert "P. 655-692" in (bib.edition or "")
    # "Stalin * . (* Hereinafter ...) [ ... He protested ...] About a week..." loses label, note, brackets
    stalin = next(p for p in source.passages if p.match_text.startswith("About a week and a half ago"))
    assert stalin.speaker == "Stalin"
    assert "Hereinafter" not in stalin.match_text and "protested" not in stalin.match_text
    # a continuation paragraph keeps the last speaker
    following = source.passages[stalin.ordinal + 1]
    assert following.speaker == "Stalin" and following.match_text.startswith("He said that")
    # "Molotov.I say" has its label without a space
    assert any(p.speaker == "Molotov" and p.match_text.startswith("I say") for p in source.passages)


def test_editorial_material_is_kept_for_display_and_dropped_for_matching() -> None:
    printed = "Stalin. [He asked.] Only one letter has survived, the rest [I tore up], destroyed 61 . Yes"
    view = matchable(printed, transcript=True, also_remove=((0, 8),))
    assert view.text == "Only one letter has survived, the rest, destroyed. Yes"
    start = view.text.index("destroyed")
    low, high = view.printed_range(start, start + len("destroyed"))
    assert printed[low:high] == "destroyed"
    assert matchable("committee6 , on February 22 2 . then", transcript=True).text.startswith("committee ,")
    assert "22." in matchable("on February 22 2 . then", transcript=True).text
    assert matchable("March 18, 1926", transcript=True).text == "March 18, 1926"


def test_memoir_page_markers_become_pages() -> None:
    source = read_source(SAMPLES / "bessonova_memoir_excerpt.txt")
    assert [page.label for page in source.pages] == ["41", "42", "43", "44", "45"]
    passage = next(p for p in source.passages if "stubbornness in an engineer" in p.match_text)
    assert passage.page_label == "43"
    assert source.bibliography.publisher == "Lenizdat" and source.bibliography.year == 1968


def test_pdf_keeps_its_pages() -> None:
    source = read_source(SAMPLES / "svir_herald_1930.pdf")
    assert source.format == "pdf"
    assert [page.label for page in source.pages] == ["1", "2", "3"]
    assert any("Brigade leader Lapin" in p.match_text and p.page_label == "3" for p in source.passages)


def _pdf_with(tmp_path: Path, name: str, *, text: str | None, password: str | None = None) -> Path:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if text:
        page.drawString(72, 720, text)
    page.showPage()
    page.save()
    path = tmp_path / name
    if password is None:
        path.write_bytes(buffer.getvalue())
        return path
    writer = PdfWriter()
    for each in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        writer.add_page(each)
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_pdf_refusals_are_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="encrypted with a password"):
        read_source(_pdf_with(tmp_path, "locked.pdf", text="A secret minute of the council.", password="s3cret"))
    with pytest.raises(InputFileError, match="no text layer"):
        read_source(_pdf_with(tmp_path, "scan.pdf", text=None))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with pytest.raises(InputFileError) as error:
        read_source(damaged)
    assert str(error.value).startswith(str(damaged))
    # an empty-password PDF opens
    opened = read_source(_pdf_with(tmp_path, "open.pdf", text="The cofferdam stands on the left bank today.", password=""))
    assert "cofferdam stands" in opened.passages[0].match_text


def test_pdf_reader_is_bounded_in_time(tmp_path: Path) -> None:
    from scriptdesk.sources.pdf import read_pdf

    path = _pdf_with(tmp_path, "slow.pdf", text="Any page at all will do for this check.")
    with pytest.raises(UnsafeInputError, match="within 0.01 seconds"):
        read_pdf(path, timeout=0.01)


def test_docx_source_and_zip_bomb(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Letter 6. Svir, 1 May 1930")
    document.add_paragraph("The first barge of cement crossed the lake this morning.")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    source = read_source(path)
    assert source.format == "docx"
    assert any("first barge of cement" in p.match_text for p in source.passages)

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w/>")
        archive.writestr("word/padding.xml", b"\0" * (120 * 1024 * 1024))
    with pytest.raises(UnsafeInputError):
        read_source(bomb)


def test_html_drops_scripts_and_styles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><style>p {color: red}</style><title>T</title></head><body>"
        "<script>var stolen = 'cookie';</script><p>The river froze on the ninth of December.</p>"
        "<p>Orlov wrote to the district committee the same day.</p></body></html>",
        encoding="utf-8",
    )
    source = read_source(path)
    texts = [p.match_text for p in source.passages]
    assert texts == ["The river froze on the ninth of December.", "Orlov wrote to the district committee the same day."]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16"])
def test_russian_text_in_any_common_encoding(tmp_path: Path, encoding: str) -> None:
    text = "Орлов. Плотина будет стоять до весны, товарищи, если мы не остановим заливку.\n\n" * 3
    path = tmp_path / f"ru_{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    source = read_source(path)
    assert "Плотина будет стоять" in source.passages[0].match_text


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        read_source(tmp_path / "missing.txt")
    odd = tmp_path / "data.xyz"
    odd.write_bytes(b"plain words")
    with pytest.raises(InputFileError, match="unknown source format"):
        read_source(odd)
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf at all")
    with pytest.raises(InputFileError, match="not a PDF"):
        read_source(fake)
