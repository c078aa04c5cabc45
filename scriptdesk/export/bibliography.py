"""How sources are cited: a full bibliographic record and a short form.

Books print as *Author. Title. Edition. Translated by T. Publisher, Year.*;
archive files print their archive reference as given (e.g. "RGASPI. F. 17.
Op. 163. D. 681.") followed by the edition they were published in.
"""

from __future__ import annotations

from scriptdesk.export.report_data import CitationEntry, SourceRecord


def _sentence(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    return text if text[-1] in ".!?…" else text + "."


def full_record(source: SourceRecord) -> str:
    """The bibliographic record as one line of plain text."""
    parts = [
        _sentence(source.author),
        _sentence(source.title),
        _sentence(source.edition),
        _sentence(f"Translated by {source.translator}" if source.translator else ""),
    ]
    imprint = ", ".join(str(p) for p in (source.publisher, source.year) if p)
    parts.append(_sentence(imprint))
    if source.archive_reference:
        parts.append(_sentence(source.archive_reference))
    if source.published_in:
        parts.append(_sentence(f"Published in: {source.published_in}"))
    if source.url:
        parts.append(source.url)
    return " ".join(part for part in parts if part)


def short_record(source: SourceRecord) -> str:
    """``Author, Title (Year)`` for notes that point to the bibliography."""
    head = ", ".join(part for part in (source.author, source.title) if part)
    return f"{head} ({source.year})" if source.year else head


def citation_text(citation: CitationEntry, *, short: bool = False) -> str:
    """A citation with its locator: ``Record, p. 655`` or the record and archive sheet."""
    if citation.source is None:
        record = "(source not in the library)"
    else:
        record = short_record(citation.source) if short else full_record(citation.source)
    return f"{record} — {citation.locator}" if citation.locator else record
