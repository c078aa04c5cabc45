"""PDF reports read back: literal text, glyphs and fonts, splitting, determinism."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfplumber
import pytest

from scriptdesk.export import REPORTS, write_report
from scriptdesk.export.report_data import (
    AudioCue,
    AVRow,
    QuoteEntry,
    QuoteSheetData,
    ReportHeader,
    ShootingScene,
    ShootingScriptData,
    VideoCue,
)
from scriptdesk.services.exporting import export_report

from .builders import CYRILLIC, INJECTION
from .pdf_reading import embedded_fonts, read_pdf

HEADER = ReportHeader("Winter Ferry", "Crossing the Ice", "Draft 3", dt.date(2027, 3, 1))


def _export(engine, report: str, folder: Path, **options) -> Path:
    return export_report(engine, report, output_dir=folder, **options)


@pytest.mark.parametrize("report", list(REPORTS))
def test_every_report_prints_header_and_page_numbers(sqlite_film, tmp_path: Path, report: str) -> None:
    path = _export(sqlite_film, report, tmp_path)
    assert path.parent == tmp_path.resolve() and path.suffix == ".pdf"
    back = read_pdf(path)
    total = len(back.pages)
    for number, page in enumerate(back.pages, start=1):
        assert f"Page {number} of {total}" in page
        if report != "shooting-script" or number > 1:  # the title page has no running header
            assert "Revision Draft 3 · 1 Mar 2027" in page
            assert "Winter Ferry — " in page


def test_shooting_script_is_two_columns_with_scene_runtimes(populated, tmp_path: Path) -> None:
    back = read_pdf(_export(populated, "shooting-script", tmp_path))
    title = back.pages[0]
    assert "SHOOTING SCRIPT" in title and "Revision Draft 3" in title
    assert "Estimated runtime 4:25 (target 50:00)" in title
    body = back.flat
    assert "SCENE 1 — The harbour at dawn · January 1931 · est. 1:35" in body
    assert "SCENE 2 — Ice on the lake · February 1931 · est. 2:30" in body
    assert "VIDEO AUDIO" in body
    assert "QUOTE — Captain Ahlgren, diary:" in body
    assert "SHOT 1 · ARCHIVAL · 12 s" in body
    assert "ELSA AHLGREN (SYNC):" in body and "LOWER THIRD" in body
    # The shot sits on the same line as the narration it goes with (rows aligned).
    line = next(line for line in back.text.splitlines() if line.startswith("SHOT 1"))
    assert "The ferry Nordlys left the harbour" in line


def test_scene_selection_limits_the_shooting_script(populated, tmp_path: Path) -> None:
    body = read_pdf(_export(populated, "shooting-script", tmp_path, scenes="2-3")).flat
    assert "SCENE 2" in body and "SCENE 3" in body
    assert "SCENE 1" not in body


@pytest.mark.parametrize("report", ["shooting-script", "quote-sheet", "annotated-script"])
def test_markup_in_data_prints_literally(sqlite_film, tmp_path: Path, report: str) -> None:
    back = read_pdf(_export(sqlite_film, report, tmp_path))
    words = set(back.text.split())
    # Cells wrap and columns interleave in extracted text, so compare word by word.
    for token in INJECTION.split():
        assert token in words, token
    if report != "annotated-script":
        assert "<font size=200>BIG</font>" in back.flat
    with pdfplumber.open(_export(sqlite_film, report, tmp_path)) as pdf:
        sizes = {round(char["size"]) for page in pdf.pages for char in page.chars}
        links = [annotation for page in pdf.pages for annotation in (page.annots or [])]
        images = [image for page in pdf.pages for image in page.images]
    assert max(sizes) <= 24  # nothing became 200 pt
    assert not links and not images


def test_cyrillic_and_typography_use_the_embedded_unicode_font(sqlite_film, tmp_path: Path) -> None:
    path = _export(sqlite_film, "quote-sheet", tmp_path)
    back = read_pdf(path)
    assert CYRILLIC in back.flat
    assert "Капитан Ёжиков" in back.flat and "Ёжиков, П. Ледокол" in back.flat
    assert back.fonts and all("DejaVuSans" in font for font in back.fonts)
    assert any(name.endswith("DejaVuSans") for name in embedded_fonts(path))


def test_quote_sheet_summary_exceptions_and_citations(populated, tmp_path: Path) -> None:
    back = read_pdf(_export(populated, "quote-sheet", tmp_path))
    body = back.flat
    assert "Verified 1" in body and "Discrepancy 1" in body and "Unverified 1" in body
    assert "All quotations 3" in body
    assert "Q2 2 Discrepancy with the" in body
    assert "Q3 2 Unverified" in body
    assert "Ahlgren, Nils. Ship's diary of the Nordlys 1930–1932. Lake Museum, 1988." in body
    assert "— p. 112" in body
    assert "Verified by test-researcher on 20 Feb 2027" in body
    assert "The wording differs from the source in Ледокол: «прошёл» vs «прошел»" in body
    assert "Second edition differs." in body


def test_annotated_script_keys_lines_to_notes_and_bibliography(populated, tmp_path: Path) -> None:
    back = read_pdf(_export(populated, "annotated-script", tmp_path))
    body = back.flat
    lines = back.text.splitlines()
    # Note column text interleaves with the script column: check line by line.
    assert any(line.startswith("2 QUOTE — Captain Ahlgren, diary: [2] Quotation Q1") for line in lines)
    assert any(line.startswith("1 The ferry Nordlys") and line.endswith("[1] Narration — Factual")
               for line in lines)  # fmt: skip
    assert "(1988), p. 112" in body and "[2] Ёжиков, П., Ледокол (1959), с. 45" in body
    assert "— Fictionalised but based on fact" in body
    assert "Bibliography" in body and "[2] Ёжиков, П. Ледокол. 1959." in body


def test_logs_total_costs(populated, tmp_path: Path) -> None:
    back = read_pdf(_export(populated, "clearance-log", tmp_path))
    clearance = back.flat
    # The holder column is narrow: long words wrap, but the markup stays text.
    assert "<font" in back.text.split() and "<b>unclosed" in clearance
    assert "Total 1,250.50 EUR" in clearance
    footage = read_pdf(_export(populated, "footage-log", tmp_path), tables=True)
    (table,) = footage.tables
    header, first, second, total = table
    assert header[:4] == ["No.", "Scene", "Kind", "Description"]
    assert first[5:11] == ["NFA-0042", "00:01:10:00", "00:01:22:00", "12", "600.00", "EUR"]
    assert second[8:11] == ["5", "100.00", "EUR"]  # 5 s at 20.00 per second
    assert total[0] == "Total" and total[8:11] == ["17", "700.00", "EUR"]


def test_hundreds_of_paragraphs_in_one_cell_split_across_pages(tmp_path: Path) -> None:
    long_text = "\n\n".join(f"Paragraph {n} of the captain's very long entry about coal and ice." for n in range(400))
    scene = ShootingScene("1", "Long entry", 600.0, rows=(AVRow(audio=(AudioCue("quotation", long_text, "QUOTE:"),)),))
    path = write_report("shooting-script", ShootingScriptData(HEADER, (scene,)), tmp_path / "long.pdf")
    back = read_pdf(path)
    assert len(back.pages) > 5
    assert "Paragraph 0 of" in back.flat and "Paragraph 399 of" in back.flat
    assert "SCENE 1 — Long entry · est. 10:00 (cont'd)" in back.pages[2]
    assert "(continued)" in back.pages[1]
    assert "(continued)" not in back.pages[-1]

    quote = QuoteEntry("Q1", "1", long_text + "\n\n" + "x" * 3000)  # and a word longer than a line
    sheet = write_report("quote-sheet", QuoteSheetData(HEADER, (quote,)), tmp_path / "sheet.pdf")
    sheet_back = read_pdf(sheet)
    assert len(sheet_back.pages) > 4 and "Paragraph 399 of" in sheet_back.flat
    assert "Q1 · Scene 1 · Unverified (cont'd)" in sheet_back.pages[2]


@pytest.mark.parametrize("report", list(REPORTS))
def test_output_is_byte_identical_for_the_same_data(sqlite_film, tmp_path: Path, report: str) -> None:
    first = _export(sqlite_film, report, tmp_path / "a").read_bytes()
    second = _export(sqlite_film, report, tmp_path / "b").read_bytes()
    assert first == second


def test_short_quotation_records_move_whole_to_the_next_page(tmp_path: Path) -> None:
    quotes = tuple(
        QuoteEntry(f"Q{n}", "1", f"Entry {n}: the lake froze early that year. " * 6, "Nils Ahlgren", "diary",
                   notes=(f"Closing note {n}.",))  # fmt: skip
        for n in range(1, 41)
    )
    back = read_pdf(write_report("quote-sheet", QuoteSheetData(HEADER, quotes), tmp_path / "short.pdf"))
    assert len(back.pages) > 3
    assert "(cont'd)" not in back.text
    for n in range(1, 41):
        # Each record's heading and its last row are on the same page.
        assert any(f"Q{n} · Scene 1" in page and f"Closing note {n}." in page for page in back.pages), n


def test_pdf_logs_leave_out_optional_columns_nobody_filled(tmp_path: Path) -> None:
    from scriptdesk.export.report_data import FootageLogData, FootageRow

    rows = (FootageRow(1, "1", "photo", "Harbour in fog"), FootageRow(2, "2", "document", "Ship's log, page 3"))
    back = read_pdf(write_report("footage-log", FootageLogData(HEADER, rows), tmp_path / "f.pdf"), tables=True)
    header = back.tables[0][0]
    assert header[:5] == ["No.", "Scene", "Kind", "Description", "Archive"]  # core columns stay
    assert not {"Clip ID", "TC in", "TC out", "Cur.", "Notes"} & set(header)
    assert "no durations logged yet" in back.flat and "Total" not in back.flat
    filled = rows + (FootageRow(3, "2", "film_clip", "Ice", clip_id="NFA-7", duration_seconds=4.0),)
    wide = read_pdf(write_report("footage-log", FootageLogData(HEADER, filled), tmp_path / "g.pdf"), tables=True)
    assert "Clip ID" in wide.tables[0][0] and "Total" in wide.flat


def test_script_emphasis_prints_in_italics_without_stars(tmp_path: Path) -> None:
    from scriptdesk.export.safe_markup import escape, with_emphasis

    assert with_emphasis(escape("presides * (* note")) == "presides * (* note"  # a lone star stays
    assert with_emphasis(escape("2 * 3 * 4 and a*b*c")) == "2 * 3 * 4 and a*b*c"
    assert with_emphasis(escape("*<b>*")) == "<i>&lt;b&gt;</i>"  # data inside stays literal
    text = "She wrote for *Morgonbladet* that winter."
    scene = ShootingScene("1", "Harbour", 30.0, rows=(AVRow(audio=(AudioCue("narration", text),)),))
    path = write_report("shooting-script", ShootingScriptData(HEADER, (scene,)), tmp_path / "s.pdf")
    assert "She wrote for Morgonbladet that winter." in read_pdf(path).flat
    with pdfplumber.open(path) as pdf:
        italic = "".join(c["text"] for page in pdf.pages for c in page.chars if "Oblique" in c["fontname"])
    assert "Morgonbladet" in italic and "wrote" not in italic


def test_continued_heading_only_ever_opens_a_page(tmp_path: Path) -> None:
    # Rows of mixed height: a split between rows must not leave room on the same
    # page for the rest to be split again, inside a row, under a "(cont'd)" heading.
    tall = "\n\n".join(f"Line {n} of a long passage about the winter crossing and the ice." for n in range(14))
    rows = tuple(
        AVRow(video=(VideoCue("shot", f"Shot {n}", f"SHOT {n}"),),
              audio=(AudioCue("narration", tall if n % 3 == 2 else f"Short line {n}."),))  # fmt: skip
        for n in range(1, 40)
    )
    scenes = tuple(ShootingScene(str(s), "Crossing", 60.0, rows=rows) for s in range(1, 4))
    path = write_report("shooting-script", ShootingScriptData(HEADER, scenes), tmp_path / "mixed.pdf")
    pages = read_pdf(path).pages[1:]
    assert len(pages) > 6
    for page in pages:
        lines = page.splitlines()
        later = [line for line in lines[2:] if "(cont'd)" in line]
        assert not later, later  # only the first line under the running header may say it
