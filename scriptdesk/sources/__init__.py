"""The source library: reading source documents, full-text search, quote matching.

- :mod:`scriptdesk.sources.ingest` reads a file (text, Markdown, .docx, PDF,
  HTML) into a :class:`~scriptdesk.sources.document.SourceText` of pages and
  passages, understanding transcripts (:mod:`scriptdesk.sources.transcript`).
- :mod:`scriptdesk.sources.search` is the one full-text interface over SQLite
  FTS5 and PostgreSQL text search.
- :mod:`scriptdesk.sources.matching` aligns a quotation inside candidate
  passages and classes the result exact / normalised / altered / not found.
"""
