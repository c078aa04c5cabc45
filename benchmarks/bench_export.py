"""Export speed: shooting script and quote-source sheet of a very large production.

The production is the seed screenplay repeated 50 times (5 with --quick);
without the seed a generated text of the same shape stands in. Figures:

* pages per second of ScriptDesk's shooting script and of its quote-source
  sheet, each next to raw reportlab platypus laying out a document of the same
  structure (same tables, rows, column widths, paragraphs, texts and font, with
  no ScriptDesk code: no page templates, header hooks, "(cont'd)" rows or
  keep-together logic) in the same run; goal: at least 0.7 of raw platypus.
* the cost of Cyrillic text against English of the same length and layout;
  goal: at most 1.15x.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from benchmarks.timing import report
from scriptdesk.export import write_report
from scriptdesk.export.fonts import BOLD, register_fonts
from scriptdesk.export.report_data import (
    AudioCue,
    AVRow,
    CitationEntry,
    QuoteEntry,
    QuoteException,
    QuoteSheetData,
    ReportHeader,
    ShootingScene,
    ShootingScriptData,
    SourceRecord,
    VideoCue,
)

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
HEADER = ReportHeader("Benchmark Film", "Benchmark Script", "B1", dt.date(2027, 1, 1))
_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CYRILLIC = "абцдефгхийклмнопярстувшхызАБЦДЕФГХИЙКЛМНОПЯРСТУВШХЫЗ"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_MEMOIRS = SourceRecord(1, "Memoirs of a Party Secretary", "book", "A. Example", "Nauka", 1971)
_PROTOCOL = SourceRecord(2, "Politburo protocol", "archive_file", archive_reference="F. 17. Op. 3. D. 640.")
_STATES = ("verified", "verified", "verified_single_source", "unverified", "discrepancy")
# The same page geometry as the reports: A4, 18 mm sides, 22 mm top, 18 mm bottom.
_MARGINS = {"leftMargin": 18 * mm, "rightMargin": 18 * mm, "topMargin": 22 * mm, "bottomMargin": 18 * mm}
_WIDTH = A4[0] - 36 * mm


def seed_paragraphs() -> list[str]:
    """Paragraphs of the seed screenplay, or generated ones of similar length."""
    matches = sorted(SEEDS.glob("000_*")) if SEEDS.is_dir() else []
    if matches:
        text = matches[0].read_text(encoding="utf-8", errors="replace")
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
        return [p.replace("*", "").replace("#", "") for p in paragraphs if len(p) > 20]
    sentence = "The ferry crossed the frozen lake while the crew argued about coal and the timetable. "
    return [sentence * (1 + n % 6) for n in range(160)]


def _quotation(number: int, scene: str, text: str) -> QuoteEntry:
    """A quotation recorded the way a researcher leaves it: cited, mostly verified."""
    state = _STATES[number % len(_STATES)]
    citations = (CitationEntry(_MEMOIRS, f"p. {100 + number % 400}", "exact", "confirmed", "A. Researcher"),)
    if state == "verified":
        citations += (CitationEntry(_PROTOCOL, f"L. {number % 90 + 1}", "close", "confirmed", "A. Researcher"),)
    verified = state.startswith("verified")
    return QuoteEntry(
        f"Q{number}", scene, text, "Speaker Name", "memoir", "Memoirs", "1927", state,
        "A. Researcher" if verified else "", dt.datetime(2027, 1, 5) if verified else None, "factual",
        citations, ("Source reads 'in the spring' where the script says 'in May'.",) if state == "discrepancy" else (),
    )  # fmt: skip


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
                quotes.append(_quotation(len(quotes) + 1, str(copy + 1), quoted))
    counts = tuple((state, sum(q.state == state for q in quotes)) for state in dict.fromkeys(_STATES))
    exceptions = tuple(
        QuoteException(q.number, q.scene, q.state.replace("_", " "), q.text[:90])
        for q in quotes
        if q.state != "verified"
    )
    return ShootingScriptData(HEADER, tuple(scenes)), QuoteSheetData(HEADER, tuple(quotes), counts, exceptions)


# ---------------------------------------------------------------- raw platypus baselines


def _raw_styles() -> dict[str, ParagraphStyle]:
    """Plain styles in the shipped font, at the reports' sizes."""
    font = register_fonts()
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, spaceAfter=1.5)
    return {
        "cell": cell,
        "bold": ParagraphStyle("bold", parent=cell, fontName=BOLD),
        "label": ParagraphStyle("label", parent=cell, fontName=BOLD, fontSize=7.5),
        "heading": ParagraphStyle("heading", fontName=BOLD, fontSize=10.5, leading=13.5),
        "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=14, leading=18, spaceAfter=8),
    }


def _raw_style(*commands: tuple) -> TableStyle:
    return TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.5, "grey"), *commands])


def _grid(headers: list[str], rows: list[list[str]], shares: list[float], s: dict[str, ParagraphStyle]) -> Table:
    data = [[Paragraph(escape(h), s["bold"]) for h in headers]]
    data += [[Paragraph(escape(text), s["cell"]) for text in row] for row in rows]
    return Table(data, colWidths=[_WIDTH * share for share in shares], repeatRows=1, splitInRow=1,
                 style=_raw_style(("LINEBELOW", (0, 0), (-1, -1), 0.25, "grey")))  # fmt: skip


def raw_shooting_script(script: ShootingScriptData, path: Path) -> None:
    """The same scene tables with plain platypus: no ScriptDesk templates or hooks."""
    s = _raw_styles()
    style = _raw_style(("GRID", (0, 0), (-1, -1), 0.3, "grey"), ("SPAN", (0, 0), (1, 0)))
    story: list[Flowable] = []
    for scene in script.scenes:
        rows = [[Paragraph(escape(f"SCENE {scene.number}"), s["heading"]), ""],
                [Paragraph("VIDEO", s["bold"]), Paragraph("AUDIO", s["bold"])]]  # fmt: skip
        for row in scene.rows:
            video = [Paragraph(escape(text), s["cell"]) for cue in row.video for text in (cue.label, cue.text, cue.detail)]
            audio = [Paragraph(escape(cue.text), s["cell"]) for cue in row.audio]
            rows.append([video, audio])
        story += [Table(rows, colWidths=[_WIDTH * 0.42, _WIDTH * 0.58], repeatRows=2, splitInRow=1, style=style), Spacer(1, 5 * mm)]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1, **_MARGINS).build(story)


def _raw_record(quote: QuoteEntry, s: dict[str, ParagraphStyle]) -> Table:
    """One quotation as a labelled two-column record, the quote sheet's layout."""
    def row(name: str, texts: list[str]) -> list[object]:
        return [Paragraph(escape(name), s["label"]), [Paragraph(escape(text), s["cell"]) for text in texts]]

    citations = []
    for citation in quote.citations:
        source = citation.source
        citations += [f"{source.author or ''}. {source.title}. {source.archive_reference or source.publisher}, "
                      f"{source.year or ''}. — {citation.locator}", f"{citation.match_class} · {citation.review_state}"]  # fmt: skip
    rows = [
        [Paragraph(escape(f"{quote.number} · Scene {quote.scene} · {quote.state}"), s["heading"]), ""],
        row("Quotation", [quote.text]),
        row("Speaker", [quote.speaker]),
        row("Medium and work", [f"{quote.medium}, {quote.work}"]),
        row("Date", [quote.date_text]),
        row("Citations", citations),
        row("Verification", [f"{quote.state} by {quote.verified_by}"]),
        row("E&O class", [quote.eo_class]),
    ]
    if quote.discrepancies:
        rows.append(row("Discrepancies", list(quote.discrepancies)))
    style = _raw_style(("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (1, 0), "lightgrey"),
                       ("LINEBELOW", (0, 1), (1, -1), 0.25, "grey"))  # fmt: skip
    return Table(rows, colWidths=[_WIDTH * 0.2, _WIDTH * 0.8], repeatRows=1, splitInRow=1, style=style)


def raw_quote_sheet(sheet: QuoteSheetData, path: Path) -> None:
    """The quote sheet's summary, exceptions and record tables with plain platypus."""
    s = _raw_styles()
    story: list[Flowable] = [Paragraph("Quote-source sheet", s["h1"])]
    story.append(_grid(["Verification state", "Count"], [[state, str(n)] for state, n in sheet.counts_by_state], [0.35, 0.12], s))
    story.append(_grid(["Quote", "Scene", "Why", "Excerpt"],
                       [[e.number, e.scene, e.reason, e.excerpt] for e in sheet.exceptions], [0.08, 0.08, 0.24, 0.6], s))  # fmt: skip
    for quote in sheet.quotations:
        story += [_raw_record(quote, s), Spacer(1, 4 * mm)]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1, **_MARGINS).build(story)


# ---------------------------------------------------------------- measuring


def _pages_per_second(action: Callable[[Path], object], path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    action(path)
    seconds = time.perf_counter() - started
    pages = len(PdfReader(path).pages)
    return pages / seconds, pages


def _compare(name: str, ours: Callable[[Path], object], raw: Callable[[Path], object], folder: Path) -> None:
    """Ours against the raw baseline, alternating, best of two (a shared machine is noisy)."""
    rates: dict[str, list[float]] = {"raw": [], "ours": []}
    pages: dict[str, int] = {}
    for _ in range(2):
        for key, action in (("raw", raw), ("ours", ours)):
            rate, pages[key] = _pages_per_second(action, folder / f"{key}.pdf")
            rates[key].append(rate)
    raw_rate, our_rate = max(rates["raw"]), max(rates["ours"])
    report(f"raw platypus, {name} layout", raw_rate, "pages/s", f"{pages['raw']} pages")
    report(name, our_rate, "pages/s", f"{pages['ours']} pages")
    report(f"{name} / raw platypus", our_rate / raw_rate, "x", "goal >= 0.7")


def main(quick: bool) -> None:
    copies = 5 if quick else 50
    paragraphs = seed_paragraphs()
    script, sheet = build_data(paragraphs, copies)
    print(f"   production: {copies}x the seed, {len(script.scenes)} scenes, {len(sheet.quotations)} quotations")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        _compare("shooting script", lambda p: write_report("shooting-script", script, p),
                 lambda p: raw_shooting_script(script, p), out)  # fmt: skip
        _compare("quote-source sheet", lambda p: write_report("quote-sheet", sheet, p),
                 lambda p: raw_quote_sheet(sheet, p), out)  # fmt: skip
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
