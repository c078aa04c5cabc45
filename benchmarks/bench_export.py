"""Export speed: shooting script and quote-source sheet of a very large production.

The production is the seed screenplay repeated 50 times (5 with --quick);
without the seed a generated text of the same shape stands in. Figures:

* pages per second of ScriptDesk's shooting script and quote sheet, next to
  raw reportlab platypus laying out an equivalent table document (same
  tables, column widths, paragraphs and font, no ScriptDesk code) in the same
  run; goal: at least 0.7 of raw platypus.
* the cost of Cyrillic text against English of the same length and layout;
  goal: at most 1.15x.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from benchmarks.timing import report
from scriptdesk.export import write_report
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

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
HEADER = ReportHeader("Benchmark Film", "Benchmark Script", "B1", dt.date(2027, 1, 1))
_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CYRILLIC = "абцдефгхийклмнопярстувшхызАБЦДЕФГХИЙКЛМНОПЯРСТУВШХЫЗ"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)


def seed_paragraphs() -> list[str]:
    """Paragraphs of the seed screenplay, or generated ones of similar length."""
    matches = sorted(SEEDS.glob("000_*")) if SEEDS.is_dir() else []
    if matches:
        text = matches[0].read_text(encoding="utf-8", errors="replace")
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
        return [p.replace("*", "").replace("#", "") for p in paragraphs if len(p) > 20]
    sentence = "The ferry crossed the frozen lake while the crew argued about coal and the timetable. "
    return [sentence * (1 + n % 6) for n in range(160)]


def build_data(paragraphs: list[str], copies: int, translate: bool = False) -> tuple[ShootingScriptData, QuoteSheetData]:
    """A shooting script (10 paragraphs a scene) and a quote sheet from the seed's quotations."""
    if translate:
        paragraphs = [p.translate(_TO_CYRILLIC) for p in paragraphs]
    scenes, quotes = [], []
    for copy in range(copies):
        for start in range(0, len(paragraphs), 10):
            rows = tuple(
                AVRow(
                    video=(VideoCue("archive", "Archive newsreel of the period", f"SHOT {n} · ARCHIVAL", "Archive: State film archive · needed"),),
                    audio=(AudioCue("narration", paragraph),),
                )
                for n, paragraph in enumerate(paragraphs[start : start + 10], start=1)
            )
            scenes.append(ShootingScene(f"{copy}.{start // 10 + 1}", "Scene", 60.0, "1927", rows))
        for paragraph in paragraphs:
            for quoted in re.findall(r"[“\"]([^”\"]{20,400})[”\"]", paragraph):
                quotes.append(QuoteEntry(f"Q{len(quotes) + 1}", str(copy), quoted, "Speaker", "memoir", "Memoirs"))
    return ShootingScriptData(HEADER, tuple(scenes)), QuoteSheetData(HEADER, tuple(quotes))


def raw_platypus(script: ShootingScriptData, path: Path) -> None:
    """The same scene tables with plain platypus: no ScriptDesk templates or hooks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from scriptdesk.export.fonts import register_fonts

    font = register_fonts()
    cell = ParagraphStyle("c", fontName=font, fontSize=8, leading=10)
    width = A4[0] - 36 * mm
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.3, "grey")])
    story = []
    for scene in script.scenes:
        rows = [[Paragraph(escape(f"SCENE {scene.number}"), cell), ""], [Paragraph("VIDEO", cell), Paragraph("AUDIO", cell)]]
        for row in scene.rows:
            video = [Paragraph(escape(text), cell) for cue in row.video for text in (cue.label, cue.text, cue.detail)]
            audio = [Paragraph(escape(cue.text), cell) for cue in row.audio]
            rows.append([video, audio])
        story += [Table(rows, colWidths=[width * 0.42, width * 0.58], repeatRows=2, splitInRow=1, style=style), Spacer(1, 5 * mm)]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


def _pages_per_second(action, path: Path) -> tuple[float, int, float]:
    started = time.perf_counter()
    action(path)
    seconds = time.perf_counter() - started
    pages = len(PdfReader(path).pages)
    return pages / seconds, pages, seconds


def main(quick: bool) -> None:
    copies = 5 if quick else 50
    paragraphs = seed_paragraphs()
    script, sheet = build_data(paragraphs, copies)
    print(f"   production: {copies}x the seed, {len(script.scenes)} scenes, {len(sheet.quotations)} quotations")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        raw_rate, raw_pages, _ = _pages_per_second(lambda p: raw_platypus(script, p), out / "raw.pdf")
        ours_rate, ours_pages, _ = _pages_per_second(
            lambda p: write_report("shooting-script", script, p), out / "script.pdf"
        )
        report("raw platypus, same tables and font", raw_rate, "pages/s", f"{raw_pages} pages")
        report("shooting script", ours_rate, "pages/s", f"{ours_pages} pages")
        report("shooting script / raw platypus", ours_rate / raw_rate, "x", "goal >= 0.7")
        sheet_rate, sheet_pages, _ = _pages_per_second(
            lambda p: write_report("quote-sheet", sheet, p), out / "sheet.pdf"
        )
        report("quote-source sheet", sheet_rate, "pages/s", f"{sheet_pages} pages")
        report("quote-source sheet / raw platypus", sheet_rate / raw_rate, "x", "goal >= 0.7")
    # English and Cyrillic runs alternate, medians of several, on a 5x production:
    # other work on a shared machine then disturbs both alike.
    english, _ = build_data(paragraphs, 5)
    cyrillic, _ = build_data(paragraphs, 5, translate=True)
    times: dict[str, list[float]] = {"en": [], "cy": []}
    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(3 if quick else 5):
            for key, data in (("en", english), ("cy", cyrillic)):
                path = Path(folder) / f"{key}.pdf"
                started = time.perf_counter()
                write_report("shooting-script", data, path)
                times[key].append(time.perf_counter() - started)
                pages[key] = len(PdfReader(path).pages)
    ratio = statistics.median(times["cy"]) / statistics.median(times["en"])
    per_page = ratio * pages["en"] / pages["cy"]
    # Cyrillic glyphs are wider, so the same characters fill more pages.
    report("Cyrillic / English, same characters (5x seed)", ratio, "x", f"{pages['cy']} vs {pages['en']} pages")
    report("Cyrillic / English, per page", per_page, "x", "goal <= 1.15")
