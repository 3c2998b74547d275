"""Bytes to text: pick an encoding for one article file, or say why it is not text.

Order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins (unless a UTF-16 one stands before
UTF-8 text, with none of the NUL bytes UTF-16 text has); then binary signatures (PNG, gzip, PDF,
ZIP, ...); then UTF-16 without a BOM, recognised by NUL bytes at alternating positions; then
UTF-8; then, for text that is not UTF-8, cp1252 (latin-1 for the five bytes cp1252 leaves
undefined). The result is *not* sanitized: the caller does that once, on the whole text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

# Leading bytes of common binary formats, and the name used in the problem message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x00\x00\x01\x00", "icon file"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# (One `startswith` for all of them first: most files start with none.)
_BOM_STARTS = tuple(bom for bom, _, _ in _BOMS)
_MAGIC_STARTS = tuple(magic for magic, _ in _MAGIC)

_SAMPLE = 64 * 1024  # bytes looked at by the heuristics
# Bytes that do not occur in text: C0 controls except tab, newline, vertical tab, form feed,
# carriage return and ESC (an escape sequence is an attack to strip, not a sign of binary).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


@dataclass(slots=True)
class Decoded:
    """The text of a file, or the reason it has none (`fatal`), plus non-fatal notes."""

    text: str | None
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    fatal: str | None = None


def _cp1252_then_latin1(err: UnicodeError) -> tuple[str, int]:
    # Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as latin-1: they become
    # C1 controls, which sanitize() then drops.
    assert isinstance(err, UnicodeDecodeError)
    chunk = err.object[err.start : err.end]
    return bytes(chunk).decode("latin-1"), err.end


codecs.register_error("timeline-latin1", _cp1252_then_latin1)


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit at alternating positions, else None."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    # Mostly-Latin UTF-16: one byte of each pair is NUL. Require a clear majority on one side
    # and almost none on the other (binary data has NULs everywhere).
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, label: str, notes: list[str]) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        # Lone surrogates and a cut-off last code unit become U+FFFD.
        notes.append(f"invalid {label} sequences replaced with U+FFFD")
        return data.decode(codec, errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    """True when a file that fails strict UTF-8 is still UTF-8 with a few broken bytes.

    Counts valid multi-byte sequences against invalid bytes: real cp1252 text has almost no
    valid multi-byte UTF-8 sequences (a lead byte followed by continuation bytes is rare).
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    # (characters beyond ASCII but U+FFFD: the ASCII ones are what an ASCII encoding keeps)
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return good >= 3 and bad * 4 <= good


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of one article file."""
    if not data:
        return Decoded(None, fatal="empty file")
    for bom, codec, label in _BOMS if data.startswith(_BOM_STARTS) else ():
        if data.startswith(bom):
            notes: list[str] = []
            body = data[len(bom) :]
            if label == "UTF-8":
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    notes.append("invalid UTF-8 bytes replaced with U+FFFD")
                    text = body.decode("utf-8", errors="replace")
            elif label == "UTF-16" and b"\x00" not in body[:_SAMPLE] and _is_utf8(body):
                # UTF-16 text holds NUL bytes (in every newline and space, every Latin letter);
                # valid UTF-8 after the mark without one is UTF-8 behind two stray bytes, which
                # read as UTF-16 would show as a wall of CJK characters.
                return Decoded(body.decode("utf-8"), "utf-8", ["a UTF-16 byte order mark before UTF-8 text: ignored"])
            else:
                text = _decode_utf16(body, codec, label, notes)
            return Decoded(text, codec, notes)
    for magic, name in _MAGIC if data.startswith(_MAGIC_STARTS) else ():
        if data.startswith(magic):
            return Decoded(None, fatal=f"binary file ({name})")
    sample = data[:_SAMPLE]
    stray_nuls = False
    if b"\x00" in sample:
        codec = _utf16_without_bom(sample)
        if codec is not None:
            notes = [f"no byte order mark; read as {codec.upper()}"]
            return Decoded(_decode_utf16(data, codec, "UTF-16", notes), codec, notes)
        # A stray NUL or two in otherwise valid UTF-8 text is damage, not a binary file.
        if sample.count(0) > max(1, len(sample) // 1000) or not _is_utf8(data):
            return Decoded(None, fatal="binary file (contains NUL bytes)")
        stray_nuls = True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > 0.1 * len(sample):
        return Decoded(None, fatal="binary file (control bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoded(text, "utf-8", ["NUL bytes removed"] if stray_nuls else [])
    if _mostly_utf8(data[: 4 * _SAMPLE]):
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf-8", ["invalid UTF-8 bytes replaced with U+FFFD"])
    text = data.decode("cp1252", errors="timeline-latin1")
    return Decoded(text, "cp1252", ["not UTF-8; read as cp1252"])
