"""Bytes to text: every common encoding, byte-order marks, binary refused, text cleaned."""

from __future__ import annotations

import codecs

import pytest

from scriptdesk.domain.errors import InputFileError, InputTooLargeError
from scriptdesk.domain.importers import read_script_bytes
from scriptdesk.domain.importers.decoding import decode_text
from scriptdesk.domain.importers.limits import InputLimits

from .corpus import LATIN, PNG_HEADER, RUSSIAN_ENGLISH, RUSSIAN_ENGLISH_PLAIN


@pytest.mark.parametrize(
    ("encoding", "text", "mark"),
    [
        ("utf-8", RUSSIAN_ENGLISH, b""),
        ("utf-8", RUSSIAN_ENGLISH, codecs.BOM_UTF8),
        ("utf-16-le", RUSSIAN_ENGLISH, codecs.BOM_UTF16_LE),
        ("utf-16-be", RUSSIAN_ENGLISH, codecs.BOM_UTF16_BE),
        ("utf-16-le", RUSSIAN_ENGLISH, b""),
        ("utf-16-be", RUSSIAN_ENGLISH, b""),
        ("utf-32-le", RUSSIAN_ENGLISH, codecs.BOM_UTF32_LE),
        ("cp1251", RUSSIAN_ENGLISH, b""),
        ("koi8-r", RUSSIAN_ENGLISH_PLAIN, b""),
        ("cp866", RUSSIAN_ENGLISH_PLAIN, b""),
        ("latin-1", LATIN, b""),
        ("cp1252", LATIN, b""),
    ],
)
def test_every_encoding_decodes_to_the_original(encoding: str, text: str, mark: bytes) -> None:
    decoded = decode_text(mark + text.encode(encoding), "letter.txt")
    assert decoded.text == text
    assert decoded.byte_order_mark == bool(mark)


def test_utf16_without_mark_of_english_only_text() -> None:
    text = "NARRATOR (V.O.)\nThe harbour was quiet that morning.\n" * 5
    assert decode_text(text.encode("utf-16-le"), "quiet.txt").text == text


def test_encoding_is_reported() -> None:
    assert decode_text(RUSSIAN_ENGLISH.encode("cp1251"), "a.txt").encoding == "cp1251"
    assert decode_text(RUSSIAN_ENGLISH_PLAIN.encode("koi8-r"), "a.txt").encoding == "koi8-r"
    assert decode_text(codecs.BOM_UTF8 + b"Hello there.", "a.txt").encoding == "utf-8"


def test_crlf_and_cr_line_breaks_become_newlines() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n", "a.txt").text == "one\ntwo\nthree\n"


def test_nul_bytes_control_characters_and_escapes_are_removed() -> None:
    data = "Kessmouth\x00 harbour \x1b[31mred\x1b[0m \x1b]0;title\x07quay\x07 end\x08.\n".encode()
    assert decode_text(data, "a.txt").text == "Kessmouth harbour red quay end.\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(InputFileError, match="a.txt: the file (is empty|contains no text)"):
        decode_text(data, "a.txt")


def test_png_renamed_txt_is_not_a_text_file() -> None:
    with pytest.raises(InputFileError, match=r"photo\.txt: the file is not a text file \(it looks like a PNG image\)"):
        read_script_bytes(PNG_HEADER + bytes(range(256)) * 10, "photo.txt")


def test_binary_noise_is_not_a_text_file() -> None:
    noise = bytes((index * 7919 + 13) % 256 for index in range(20_000)).replace(b"\n", b"\x00")
    with pytest.raises(InputFileError, match="is not a text file"):
        decode_text(noise, "noise.txt")


def test_nul_heavy_data_is_not_a_text_file() -> None:
    with pytest.raises(InputFileError, match="is not a text file"):
        decode_text(b"\x00\x01\x02\x03" * 5000, "zeros.txt")


def test_broken_utf16_after_a_mark_is_named() -> None:
    with pytest.raises(InputFileError, match="UTF-16 byte-order mark but is not valid UTF-16"):
        decode_text(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8", "broken.txt")


def test_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError, match="big.txt: the file is 2 KB, more than the 1 KB"):
        decode_text(b"a" * 2048, "big.txt", limits=InputLimits(max_file_bytes=1024))


def test_cp1251_fountain_script_imports_through_the_dispatcher() -> None:
    script = "ИНТ. ПРИСТАНЬ - ДЕНЬ\n\nАННА ПЕТРОВНА (З.К.)\n«Мы прибыли в порт».\n"
    document = read_script_bytes(script.encode("cp1251"), "pristan.fountain")
    assert document.encoding == "cp1251"
    assert document.blocks[0].text == "ИНТ. ПРИСТАНЬ - ДЕНЬ"
    assert document.blocks[1].speaker == "АННА ПЕТРОВНА"
    assert document.blocks[1].text == "«Мы прибыли в порт»."
