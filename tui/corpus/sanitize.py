"""Make untrusted text safe to hand to a terminal.

Every widget passes control characters straight to the terminal, so an article carrying
`ESC ] 52 ; c ; ...` would write the user's clipboard. We strip, once, at load: whole escape
sequences (CSI, OSC, DCS, SOS/PM/APC and two-character ESC sequences, in their 7-bit and C1
forms), every C0 control except newline and tab, DEL, and every C1 control. Lone surrogates
(from broken UTF-16) become U+FFFD. Bidi embedding, override and isolate controls (U+202A-E,
U+2066-9) are dropped too: they can make a terminal show text in an order that misleads.
Every other character is kept.
"""

from __future__ import annotations

import re

# String sequences: OSC, DCS, SOS, PM, APC, terminated by BEL or ST (ESC \ or U+009C), or by
# the end of the line when a sequence is cut off. Stopping at a newline keeps a stray
# introducer (a lone 0x9D byte in a cp1252 file becomes U+009D) from eating the rest of an
# article; whatever payload follows the newline is plain text once the introducer is gone.
_STRING_SEQ = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
# CSI: ESC [ or U+009B, parameter bytes, intermediate bytes, one final byte.
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
# Other escapes: ESC, optional intermediates, one final byte (ESC c resets the terminal).
_ESC = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_SEQUENCES = re.compile(f"{_STRING_SEQ}|{_CSI}|{_ESC}")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Anything any of the passes above would touch: most texts carry none, and one scan for a
# character class is several times faster than the substitutions (it matters on a 50 MB file).
_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same characters in UTF-8: finding bytes is about twice as fast as the scan for a class.
_ASCII_SUSPECTS = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080-U+009F
_SURROGATES_UTF8 = re.compile(rb"\xed[\xa0-\xbf]")  # U+D800-U+DFFF (encoded with surrogatepass)
_BIDI_UTF8 = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")  # U+202A-E, U+2066-9


def _suspect(text: str) -> bool:
    """`_SUSPECT.search(text)` found something."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _ASCII_SUSPECTS)) != len(raw)
    raw = text.encode("utf-8", "surrogatepass")
    return (
        len(raw.translate(None, _ASCII_SUSPECTS)) != len(raw)
        or (b"\xc2" in raw and _C1_UTF8.search(raw) is not None)
        or (b"\xed" in raw and _SURROGATES_UTF8.search(raw) is not None)
        or _BIDI_UTF8.search(raw) is not None
    )


def sanitize(text: str) -> str:
    """Return `text` without escape sequences or control characters (newline and tab kept).

    Carriage returns are turned into newlines first so that CRLF and lone-CR files keep their
    line breaks.
    """
    if not text:
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _suspect(text):
        return text
    text = _SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def sanitize_line(text: str) -> str:
    """Sanitize and fold to one line: for titles, names and other single-line fields."""
    return " ".join(sanitize(text).split())


def is_clean(text: str) -> bool:
    """True when `text` carries nothing `sanitize` would remove."""
    return sanitize(text) == text.replace("\r\n", "\n").replace("\r", "\n")
