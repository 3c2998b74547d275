"""The sanitizer: untrusted text made safe for a terminal, every other character kept."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.sanitize import is_clean, sanitize, sanitize_line


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("clip \x1b]52;c;Zm9v\x07board", "clip board"),
        ("title \x1b]0;PWNED\x1b\\ done", "title  done"),
        ("c1 osc \x9d0;PWNED\x9c done", "c1 osc  done"),
        ("csi \x1b[2J\x1b[31;7777mred\x1b[0m", "csi red"),
        ("c1 csi \x9b7777;7777H here", "c1 csi  here"),
        ("reset \x1bc here", "reset  here"),
        ("charset \x1b(0 here", "charset  here"),
        ("dcs \x1bP1$r\x1b\\ here", "dcs  here"),
        ("del\x7f bel\x07 bs\x08 vt\x0b ff\x0c nul\x00", "del bel bs vt ff nul"),
        ("nel\x85 c1\x80\x9f", "nel c1"),
        ("bidi \u202eexe.md\u202c \u2066iso\u2069", "bidi exe.md iso"),
        ("crlf\r\nlone\rcr", "crlf\nlone\ncr"),
        ("tab\tand\nnewline kept", "tab\tand\nnewline kept"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("[@click=app.quit]markup[/] kept", "[@click=app.quit]markup[/] kept"),
        ("“Unicode” — kept: é, 中文, \u00a0, \u200b", "“Unicode” — kept: é, 中文, \u00a0, \u200b"),
    ],
)
def test_sanitize(raw, clean):
    assert sanitize(raw) == clean


def test_unterminated_string_sequence_stops_at_the_end_of_the_line():
    # A stray U+009D (from a cp1252 file's undefined byte) must not eat the rest of the article.
    assert sanitize("first \x9d line\nsecond line\nthird") == "first \nsecond line\nthird"
    assert sanitize("osc \x1b]0;title\nrest") == "osc \nrest"


def test_sanitize_line_folds_whitespace():
    assert sanitize_line("  a\n b\t\tc \x1b[2J d  ") == "a b c d"


def test_is_clean():
    assert is_clean("plain\r\ntext")
    assert not is_clean("evil \x1b[2J")


def test_large_clean_text_is_fast():
    text = ("Plain article text, “quotes” and — dashes. " * 25 + "\n\n") * 40_000  # ~45 MB
    start = time.perf_counter()
    assert sanitize(text) is text
    assert time.perf_counter() - start < 1


def test_many_unterminated_introducers_are_linear():
    text = ("\x9d" + "x" * 50) * 100_000
    start = time.perf_counter()
    assert sanitize(text) == ""
    assert time.perf_counter() - start < 2


_NASTY = st.sampled_from(
    ["\x1b", "[", "]", "\\", "\x07", "\x9b", "\x9c", "\x9d", "\x90", "\r", "\n", "P", "0", ";",
     "m", "\u202e", "\ud800", "\x7f", "\x85", "a", " ", "(", "#", "c"]
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_NASTY, max_size=40).map("".join)))
def test_sanitize_is_idempotent_and_removes_every_control(text):
    once = sanitize(text)
    assert sanitize(once) == once
    assert not any(
        (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
        or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
        for c in once
    )
    line = sanitize_line(text)
    assert "\n" not in line and sanitize(line) == line
