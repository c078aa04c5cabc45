"""Data as literal text in reportlab paragraphs: nothing in the data is markup.

reportlab's ``Paragraph`` parses its text as an XML-like markup (``<font>``,
``<img src=...>``, ``<a href=...>``, entities). Every string that comes from a
script, a source or a user goes through :func:`escape` first, so a quotation
containing ``<font size=200>``, ``<img src="/etc/passwd"/>``, ``&amp;`` or an
unclosed ``<b>`` prints those very characters. Report code builds markup only
from its own constants around escaped data (:func:`bold`, :func:`italic`).
"""

from __future__ import annotations

import re

from scriptdesk.domain.safe_text import clean_text


def escape(value: object) -> str:
    """Escape ``&``, ``<`` and ``>`` of any value; line breaks become ``<br/>``.

    Control characters and terminal escape sequences are dropped first, as
    everywhere in ScriptDesk; tabs become spaces. Double quotes stay as they
    are: data never goes inside a tag's attribute, and every entity splits a
    paragraph into fragments that reportlab lays out on its slow path (scripts
    are full of quotation marks).
    """
    text = clean_text("" if value is None else str(value)).replace("\t", "    ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")


def paragraphs_of(value: object) -> list[str]:
    """A multi-paragraph text split at blank lines, each escaped.

    Long texts become separate paragraphs so that a table cell holding
    hundreds of them can split between pages.
    """
    text = clean_text("" if value is None else str(value)).strip()
    if not text:
        return []
    parts = [part.strip() for part in text.replace("\r", "").split("\n\n")]
    return [escape(part) for part in parts if part]


# *Title* as Markdown and Fountain writers mark emphasis: the stars hug a word on
# both sides, so a lone footnote star ("presides * (* The meeting") is left alone.
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")


def with_emphasis(markup_safe: str) -> str:
    """Already escaped text with ``*words*`` set in italics (and the stars dropped)."""
    return _EMPHASIS.sub(r"<i>\1</i>", markup_safe)


def bold(markup_safe: str) -> str:
    """Wrap already escaped text in bold."""
    return f"<b>{markup_safe}</b>"


def italic(markup_safe: str) -> str:
    """Wrap already escaped text in italics."""
    return f"<i>{markup_safe}</i>"
