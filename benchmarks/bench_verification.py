"""Quote verification: quality on the answer key, then speed and memory at scale.

Figures: precision/recall on sample_scripts/verification (see
score_verification); ingestion MB/s; 1,000 quotations against 20 MB of
source text, indexing included, next to a brute-force rapidfuzz alignment of
each quotation against the whole text (timed on a 100-quotation sample and
scaled) with the share of identical answers; re-checking one quotation; peak
memory against the size of the sources. ``--quick`` uses 2 MB, 200 quotations
and a 10-quotation brute-force sample.
"""

from __future__ import annotations

import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import median_seconds, report

_SYLLABLES = "ka lo mi ne ru sa to ve di po la re ni mo su ta ge bo fi zu ra ke".split()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def _corpus(rng: random.Random, vocabulary: list[str], megabytes: float, documents: int) -> list[str]:
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    per_document = int(megabytes * 1_000_000 / documents)
    texts = []
    for _ in range(documents):
        paragraphs, size = [], 0
        while size < per_document:
            sentences = []
            for _ in range(rng.randint(3, 8)):
                picked = rng.choices(vocabulary, weights, k=rng.randint(8, 25))
                sentences.append(" ".join(picked).capitalize() + rng.choice(".;.!?."))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        texts.append("\n\n".join(paragraphs) + "\n")
    return texts


def _quotations(rng: random.Random, texts: list[str], vocabulary: list[str], count: int) -> list[tuple[str, str]]:
    """(text, intended class) pairs: exact, normalised, altered and absent."""
    quotations = []
    for index in range(count):
        kind = ("exact", "exact", "normalised", "altered", "absent")[index % 5]
        if kind == "absent":
            quotations.append((" ".join(rng.choices(vocabulary[200:], k=rng.randint(10, 20))), kind))
            continue
        text = rng.choice(texts)
        start = text.find(" ", rng.randrange(0, len(text) - 400)) + 1
        words = text[start:].split(" ")[: rng.randint(10, 25)]
        words = [w for w in words if "\n" not in w] or words[:1]
        if kind == "normalised":
            words = [w.lower().strip(".;!?") for w in words]
        elif kind == "altered":
            for position in rng.sample(range(len(words)), 2):
                words[position] = rng.choice(vocabulary[:3000])
        quotations.append((" ".join(words), kind))
    return quotations


def _max_rss_bytes() -> int:
    """Peak resident size of this process.

    Linux's VmHWM belongs to the running program, while ``ru_maxrss`` carries
    over the peak of the parent a child was forked from.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _ingest_and_match(folder: Path, database_name: str, files: list[Path]):  # type: ignore[no-untyped-def]
    """A fresh database with the quotations of quotations.json; add the files, match."""
    from scriptdesk.config import DatabaseTarget
    from scriptdesk.db.engine import create_database_engine, session_scope
    from scriptdesk.db.migrate import upgrade_to_head
    from scriptdesk.db.models import Production, Quotation
    from scriptdesk.services.auto_verification import auto_verify
    from scriptdesk.services.sources import add_source

    database = folder / database_name
    target = DatabaseTarget(f"sqlite:///{database}", database)
    engine = create_database_engine(target)
    upgrade_to_head(engine, target)
    texts = json.loads((folder / "quotations.json").read_text(encoding="utf-8"))
    with session_scope(engine) as session:
        production = Production(title="Benchmark")
        session.add(production)
        session.flush()
        for ordinal, text in enumerate(texts):
            session.add(Quotation(production_id=production.id, ordinal=ordinal, text=text))
    del texts
    gc.collect()
    started = time.perf_counter()
    for path in files:
        add_source(engine, path)
    ingest_seconds = time.perf_counter() - started
    verdicts = auto_verify(engine)
    return engine, ingest_seconds, time.perf_counter() - started, verdicts


def _memory_growth_in_child(folder: Path) -> int:
    """Peak memory of ingesting and matching, measured in a fresh process.

    The child's peak resident size after the run minus the same figure just
    before it: nothing of this process (the generated corpus, the first
    run's caches) counts.
    """
    command = [sys.executable, "-m", "benchmarks.bench_verification", "--memory", str(folder)]
    finished = subprocess.run(command, capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent)
    return int(finished.stdout.strip().splitlines()[-1])


def _memory_child(folder: Path) -> None:
    files = sorted(folder.glob("source_*.txt"))
    import scriptdesk.services.auto_verification  # noqa: F401  (imports are no part of the growth)
    import scriptdesk.services.sources  # noqa: F401

    baseline = _max_rss_bytes()
    engine, *_ = _ingest_and_match(folder, "memory.sqlite3", files)
    engine.dispose()
    print(_max_rss_bytes() - baseline)


def main(quick: bool) -> None:
    from benchmarks.score_verification import print_scores, score

    print("   -- quality on the answer key --", flush=True)
    print_scores(score())

    from rapidfuzz import fuzz
    from sqlalchemy import select

    from scriptdesk.db.engine import session_scope
    from scriptdesk.db.models import SourceDocument
    from scriptdesk.services.auto_verification import recheck_quotation

    megabytes, quotation_count, brute_sample = (2.0, 200, 10) if quick else (20.0, 1000, 100)
    rng = random.Random(1927)
    vocabulary = _vocabulary(rng, 20_000)
    texts = _corpus(rng, vocabulary, megabytes, documents=20)
    quotations = _quotations(rng, texts, vocabulary, quotation_count)
    source_bytes = sum(len(t.encode("utf-8")) for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number, text in enumerate(texts):
            path = Path(folder) / f"source_{number:02d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        del texts
        gc.collect()
        (Path(folder) / "quotations.json").write_text(json.dumps([text for text, _ in quotations]), encoding="utf-8")
        engine, ingest_seconds, total_seconds, verdicts = _ingest_and_match(Path(folder), "bench.sqlite3", files)
        print(f"   -- {quotation_count} quotations vs {source_bytes / 1e6:.1f} MB of sources --", flush=True)
        report("ingestion (read, passages, full-text index)", source_bytes / 1e6 / ingest_seconds, "MB/s",
               "goal >= 10")
        report("whole run incl. indexing", total_seconds, "s", "goal < 5")
        report("matching only, per quotation", (total_seconds - ingest_seconds) / quotation_count * 1000, "ms")
        found = sum(1 for v, (_, kind) in zip(verdicts, quotations) if (v.match_class != "not_found") == (kind != "absent"))
        report("synthetic answers as intended", found / quotation_count, "share")
        growth = _memory_growth_in_child(Path(folder))
        report("peak memory growth / source size", growth / source_bytes, "x",
               f"{growth / 1e6:.0f} MB over the baseline of a fresh process; goal < 20")

        with session_scope(engine) as session:
            documents = list(session.execute(select(SourceDocument.id, SourceDocument.text).order_by(SourceDocument.id)))
        whole = "\n".join(text for _, text in documents)
        starts, position = [], 0
        for document_id, text in documents:
            starts.append((position, document_id))
            position += len(text) + 1
        del documents
        sample = rng.sample(range(quotation_count), brute_sample)
        same = compared = 0
        brute_started = time.perf_counter()
        for index in sample:
            text, kind = quotations[index]
            alignment = fuzz.partial_ratio_alignment(text, whole)
            if kind == "absent" or alignment.score < 90:
                continue
            document = max(d for s, d in starts if s <= alignment.dest_start)
            offset = next(s for s, d in starts if d == document)
            verdict = verdicts[index]
            compared += 1
            same += verdict.start is not None and abs(verdict.start - (alignment.dest_start - offset)) < 40
        brute_per_quotation = (time.perf_counter() - brute_started) / brute_sample
        report("brute force per quotation", brute_per_quotation * 1000, "ms")
        report("brute force scaled to all quotations", brute_per_quotation * quotation_count, "s")
        report("speed-up over brute force", brute_per_quotation * quotation_count / total_seconds, "x", "goal >= 50")
        report("same place as brute force", same / compared if compared else 1.0, "share", f"{compared} compared")

        ids = [verdict.quotation_id for verdict in verdicts[:20]]
        cycle = iter(ids * 10)
        report("re-check one edited quotation", median_seconds(lambda: recheck_quotation(engine, next(cycle)), repeat=15) * 1000,
               "ms", "goal < 20")
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--memory":
        _memory_child(Path(sys.argv[2]))
