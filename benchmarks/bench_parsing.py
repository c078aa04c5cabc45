"""Importer speed: Fountain throughput against screenplain, hostile shapes, decoding.

Figures printed:

* Fountain parse throughput (MB/s) of ScriptDesk's parser and, measured in the
  same run on the same text, of screenplain's Fountain parser when it is
  installed (``pip install screenplain``; it is a benchmark-only peer, not a
  dependency), on a large script built by repeating ``harbour_1912.fountain``;
* the whole import path (read, decode, detect, parse) of the same script;
* a 5 MB single-line script and a 100,000-paragraph script;
* decoding throughput for UTF-8, Windows-1251 and BOM-less UTF-16.
"""

from __future__ import annotations

import io
from pathlib import Path

from benchmarks.timing import median_seconds, report
from scriptdesk.domain.importers import read_script_bytes
from scriptdesk.domain.importers.decoding import decode_text
from scriptdesk.domain.importers.fountain import parse_fountain

SAMPLE = Path(__file__).resolve().parent.parent / "sample_scripts" / "harbour_1912.fountain"
MB = 1024 * 1024


def _large_fountain(target_bytes: int) -> str:
    """The sample's body repeated to about ``target_bytes`` (title page once)."""
    text = SAMPLE.read_text(encoding="utf-8")
    title_page, _, body = text.partition("\n\n")
    copies = max(1, target_bytes // len(body.encode("utf-8")))
    return title_page + "\n\n" + ("\n\n" + body) * copies


def _fountain_throughput(quick: bool) -> None:
    text = _large_fountain(2 * MB if quick else 8 * MB)
    size_mb = len(text.encode("utf-8")) / MB
    repeat = 3 if quick else 5
    ours = median_seconds(lambda: parse_fountain(text), repeat=repeat)
    report(f"ScriptDesk Fountain parse ({size_mb:.1f} MB)", size_mb / ours, "MB/s")
    data = text.encode("utf-8")
    whole = median_seconds(lambda: read_script_bytes(data, "large.fountain"), repeat=repeat)
    report("ScriptDesk import path (decode+detect+parse)", size_mb / whole, "MB/s")
    try:
        from screenplain.parsers import fountain as screenplain_fountain
    except ImportError:
        print("   screenplain not installed (pip install screenplain to compare)", flush=True)
        return
    peer = median_seconds(lambda: screenplain_fountain.parse(io.StringIO(text)), repeat=repeat)
    report("screenplain Fountain parse (same text)", size_mb / peer, "MB/s")
    report("ScriptDesk parse rate / screenplain rate", peer / ours, "x", "goal >= 0.5")


def _hostile_shapes(quick: bool) -> None:
    unit = "NARRATOR (V.O.) *said* [[not]] \u201cquoted\u201d /* x */ 1912 "
    line_size = 5 * MB
    line = (unit * (line_size // len(unit) + 1))[:line_size].encode("utf-8")
    repeat = 2 if quick else 3
    for name in ("line.fountain", "line.txt"):
        seconds = median_seconds(lambda: read_script_bytes(line, name), repeat=repeat)
        report(f"5 MB single line, import as {name}", seconds * 1000, "ms")
    paragraphs = "".join(
        f"EXT. QUAY {index} - DAY\n\nGulls number {index}.\n\nNARRATOR (V.O.)\nLine {index}.\n\n"
        for index in range(34_000)
    ).encode("utf-8")
    seconds = median_seconds(lambda: read_script_bytes(paragraphs, "long.fountain"), repeat=repeat)
    report("102,000 Fountain paragraphs, import", seconds * 1000, "ms")
    prose = "".join(f"Paragraph {index} of the narration, in 1912.\n\n" for index in range(100_000)).encode()
    seconds = median_seconds(lambda: read_script_bytes(prose, "long.txt"), repeat=repeat)
    report("100,000 prose paragraphs (.txt), import", seconds * 1000, "ms")


def _decoding(quick: bool) -> None:
    passage = (
        "Письмо от 3 мая 1912 года. «Мы прибыли в порт», — писала Анна Петровна. "
        "The harbour master wrote: “Wind north-east, cranes idle.”\n"
    )
    text = passage * ((1 if quick else 4) * MB // len(passage.encode("utf-8")))
    repeat = 3 if quick else 5
    for encoding in ("utf-8", "cp1251", "utf-16-le"):
        data = text.encode(encoding)
        seconds = median_seconds(lambda: decode_text(data, "bench.txt"), repeat=repeat)
        report(f"decode {encoding} ({len(data) / MB:.1f} MB)", len(data) / MB / seconds, "MB/s")


def main(quick: bool) -> None:
    """Print the importer figures."""
    _fountain_throughput(quick)
    _hostile_shapes(quick)
    _decoding(quick)
