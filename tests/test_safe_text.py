"""Untrusted text is cleaned of control characters and escape sequences."""

from __future__ import annotations

from scriptdesk.domain.safe_text import clean_text, printable


def test_escape_sequences_and_controls_are_removed() -> None:
    raw = "a\x1b]0;title\x07b \x1b[31mred\x1b[0m\x00 \x9b2Jz\r\nnext"
    assert clean_text(raw) == "ab red z\nnext"


def test_an_unterminated_escape_string_does_not_swallow_the_text_after_it() -> None:
    assert clean_text("before\x1b]never closed\nthe rest of the script") == "before\nthe rest of the script"


def test_printable_is_one_line_and_bounded() -> None:
    shown = printable("line one\nline two\x1b[2J" + "x" * 500, limit=40)
    assert "\n" not in shown and "\x1b" not in shown and len(shown) == 40 and shown.endswith("…")
