"""Bytes to text for article files."""

from __future__ import annotations

import codecs
import gzip

import pytest

from tui.corpus.decode import decode_bytes

TEXT = "Raisi’s visit – “strategic” ties, café, €5\nSecond line.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.fatal is None
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_utf8_has_no_notes():
    assert decode_bytes(TEXT.encode()).notes == []


def test_utf16_without_bom_is_noted():
    assert decode_bytes(TEXT.encode("utf-16-le")).notes == ["no byte order mark; read as UTF-16-LE"]


def test_lone_surrogate_becomes_replacement_character():
    data = codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le")
    decoded = decode_bytes(data)
    assert decoded.text == "ab\ufffdcd"
    assert "invalid UTF-16" in decoded.notes[0]


def test_odd_length_utf16():
    decoded = decode_bytes(codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"x")
    assert decoded.text == "abc\ufffd"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_utf16_byte_order_mark_before_utf8_text_is_ignored(bom):
    decoded = decode_bytes(bom + TEXT.encode("utf-8"))
    assert decoded.text == TEXT and decoded.encoding == "utf-8"
    assert decoded.notes == ["a UTF-16 byte order mark before UTF-8 text: ignored"]


def test_utf16_text_without_ascii_keeps_its_byte_order_mark():
    text = "伊朗与俄罗斯的关系。\n双方同意加强合作。\n"
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text
    one_line = "伊朗与俄罗斯的关系。"  # no NUL byte at all; its bytes are not UTF-8
    assert b"\x00" not in one_line.encode("utf-16-le")
    assert decode_bytes(codecs.BOM_UTF16_LE + one_line.encode("utf-16-le")).text == one_line


def test_cp1252_fallback():
    decoded = decode_bytes(TEXT.encode("cp1252"))
    assert decoded.text == TEXT and decoded.encoding == "cp1252"
    assert decoded.notes == ["not UTF-8; read as cp1252"]


def test_cp1252_undefined_bytes_read_as_latin1():
    decoded = decode_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d end")
    assert decoded.text == "café \x81\x8d\x8f\x90\x9d end"


def test_utf8_with_a_few_bad_bytes_stays_utf8():
    data = ("“Quoted” words — and more “quotes” here, ünïcödé. " * 3).encode() + b"\xff tail"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.endswith("\ufffd tail")
    assert "invalid UTF-8" in decoded.notes[0]


@pytest.mark.parametrize(
    "data, name",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (gzip.compress(b"hello"), "gzip archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
    ],
)
def test_binary_signatures(data, name):
    assert decode_bytes(data).fatal == f"binary file ({name})"


def test_nul_bytes_are_binary():
    assert decode_bytes(b"abc\x00\x00\x00\x01\x02def" * 10).fatal == "binary file (contains NUL bytes)"


def test_a_stray_nul_in_utf8_is_not_binary():
    decoded = decode_bytes("Text with one\x00 NUL, “quoted”.".encode())
    assert decoded.fatal is None and decoded.notes == ["NUL bytes removed"]


def test_control_bytes_are_binary():
    assert decode_bytes(bytes(range(1, 32)) * 20).fatal == "binary file (control bytes)"


def test_escape_sequences_are_not_binary():
    decoded = decode_bytes(b"Title \x1b]52;c;Zm9v\x07 and \x1b[2J text " * 3)
    assert decoded.fatal is None


def test_empty():
    assert decode_bytes(b"").fatal == "empty file"
