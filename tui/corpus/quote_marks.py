"""Where the quotes are: pairing quote marks, and the sentence structure around them.

Marks: curly “ ” and straight " for double quotes; curly ‘ ’ and straight ' for single quotes
only where they cannot be apostrophes (an opener after a space and before a letter, a closer
after a non-space and not before a letter: "Iran’s", "don’t" and "'90s" never pair). Single
marks inside a double quote are part of it. Each paragraph (line) pairs its own marks; a
paragraph that opens a double quote and does not close it continues into the next paragraph
when that one opens with a quote mark (the newspaper convention), else the quote ends with its
paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .people_lexicon import ABBREVIATIONS

_MARK = re.compile("[“”\"‘’']")
_OPEN_CONTEXT = frozenset("([{—–-/:;,“\"‘")
_TRAILING_PUNCT = " \t\n,;:\u00a0"


@dataclass(frozen=True, slots=True)
class Span:
    """A quote: `open` is the opening mark, `close` the closing mark (None when the quote runs
    to the end of its paragraph), `start`/`end` the quoted words (trimmed)."""

    open: int
    close: int | None
    start: int
    end: int
    raw_end: int  # end of the quoted text before trimming (the close mark, or paragraph end)


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that are not blank."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line and not line.isspace():
            out.append((pos, end))
        pos = end + 1
    return out


_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    return start, end


def find_spans(text: str) -> list[Span]:
    """Every top-level quote in `text`, in order."""
    out: list[Span] = []
    pending: tuple[int, int] | None = None  # (open mark, paragraph end) of an unclosed quote

    def emit(open_: int, close: int | None, raw_end: int) -> None:
        s, e = _trim(text, open_ + 1, raw_end)
        if _ALNUM.search(text, s, e) is not None:
            out.append(Span(open_, close, s, e, raw_end))

    every = [m.start() for m in _MARK.finditer(text)]
    if not every:
        return out
    mi = 0  # the first mark not yet given to a line
    for ls, le in _lines(text):
        while mi < len(every) and every[mi] < ls:
            mi += 1
        mj = mi
        while mj < len(every) and every[mj] < le:
            mj += 1
        if mj == mi and pending is None:
            continue  # no mark and no quote running on: nothing happens in this line
        state: tuple[str, int] | None = None  # ("d" or "s", open position)
        marks = every[mi:mj]
        mi = mj
        k = 0
        if pending is not None:
            first = len(text[ls:le]) - len(text[ls:le].lstrip())
            if marks and marks[0] == ls + first and text[marks[0]] in "“\"":
                state = ("d", pending[0])
                k = 1
            else:
                emit(pending[0], None, pending[1])
            pending = None
        for p in marks[k:]:
            c = text[p]
            prev = text[p - 1] if p > ls else ""
            nxt = text[p + 1] if p + 1 < le else ""
            if state is None:
                after_space = prev == "" or prev.isspace() or prev in _OPEN_CONTEXT
                if c == "“" or (c == '"' and nxt and not nxt.isspace() and after_space):
                    state = ("d", p)
                elif c == "”" and after_space and nxt.isalnum():
                    state = ("d", p)  # a closing mark used as an opener
                elif c in "‘'" and after_space and nxt.isalpha():
                    # Only when a plausible closer follows in the paragraph: "'90s" and "'tis" stay.
                    if _single_closer(text, p + 1, le, c) is not None:
                        state = ("s", p)
            elif state[0] == "d":
                if c in "”\"":
                    emit(state[1], p, p)
                    state = None
            else:
                if c in "’'" and prev and not prev.isspace() and not nxt.isalnum():
                    emit(state[1], p, p)
                    state = None
        if state is not None and state[0] == "d":
            end = le
            while end > ls and text[end - 1].isspace():
                end -= 1
            pending = (state[1], end)
    if pending is not None:
        emit(pending[0], None, pending[1])
    return out


def _single_closer(text: str, start: int, end: int, opener: str) -> int | None:
    closers = "’" if opener == "‘" else "'"
    for i in range(start, min(end, start + 300)):
        ch = text[i]
        if ch in closers and i > start and not text[i - 1].isspace():
            nxt = text[i + 1] if i + 1 < end else ""
            if not nxt.isalnum():
                return i
        if ch in "“”\"":
            return None
    return None


def mask(text: str, spans: list[Span]) -> str:
    """`text` with each quote's words replaced by "x" (same length), so that names and verbs
    inside quotes are never read as attribution. A final . ! or ? is kept so sentences still
    end where the quote ends a sentence."""
    out: list[str] = []
    pos = 0  # spans come in order and never overlap: copy the text between them in slices
    for sp in spans:
        lo, hi = sp.open + 1, sp.raw_end
        if lo < pos:
            return _mask_by_char(text, spans)
        if hi <= lo:
            continue
        last = _kept_end(text, sp)
        out.append(text[pos:lo])
        if last is None:
            out.append("x" * (hi - lo))
        else:
            out += ("x" * (last - lo), text[last], "x" * (hi - last - 1))
        pos = hi
    out.append(text[pos:])
    return "".join(out)


def _kept_end(text: str, sp: Span) -> int | None:
    """The offset of a final . ! or ? of the quote (kept by `mask`), if any."""
    stripped_end = sp.raw_end
    while stripped_end > sp.open + 1 and text[stripped_end - 1].isspace():
        stripped_end -= 1
    if stripped_end > sp.open + 1 and text[stripped_end - 1] in ".!?":
        return stripped_end - 1
    return None


def _mask_by_char(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for sp in spans:
        last = _kept_end(text, sp)
        for i in range(sp.open + 1, sp.raw_end):
            if i != last:
                chars[i] = "x"
    return "".join(chars)


# One alternative per first character (". ! ? newline"), so the engine skips ahead to them.
_AFTER_END = r"[.!?]*[”\"’')\]]*(?=\s+[\"“‘'(\[A-Z0-9])"
_BOUNDARY = re.compile(rf"\.{_AFTER_END}|!{_AFTER_END}|\?{_AFTER_END}|\n\n*")
_NEWLINE = re.compile("\n")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*$")
_NO_ABBR = max(map(len, ABBREVIATIONS)) + 1


def _abbreviation_before(masked: str, s: int) -> bool:
    """Does the word before the period at `s` make it no sentence end ("Mr.", "U.S.", "H.")?"""
    j = s
    while j > 0 and s - j < _NO_ABBR and "a" <= masked[j - 1].lower() <= "z":
        j -= 1
    if j < s and (j == 0 or not (masked[j - 1].isalnum() or masked[j - 1] in "_.!?")):
        word = masked[j:s].lower()  # a plain word after a space: what _WORD_BEFORE would find
    else:
        w = _WORD_BEFORE.search(masked, max(0, s - 20), s + 1)
        word = w.group(1).lower().rstrip(".") if w else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


class Sentences:
    """Sentence spans of a masked text, with lookup by position."""

    def __init__(self, masked: str) -> None:
        spans = []
        start = 0
        for m in _BOUNDARY.finditer(masked):
            s, end = m.span()
            c = masked[s]
            if c == ".":
                # (after more letters than the longest abbreviation has, the word is none)
                if not (s >= _NO_ABBR and masked[s - _NO_ABBR : s].isalpha()) and _abbreviation_before(masked, s):
                    continue
                spans.append((start, end))
            # (a sentence that ends at . ! or ? holds that mark: only one ending at a newline
            # can be blank)
            elif c != "\n" or masked[start:end].strip():
                spans.append((start, end))
            start = end
        if masked[start:].strip():
            spans.append((start, len(masked)))
        # Drop leading whitespace of each sentence.
        self.spans = []
        for s, e in spans:
            while s < e and masked[s].isspace():
                s += 1
            self.spans.append((s, e))
        self._starts = [s for s, _ in self.spans]
        self._newlines = [m.start() for m in _NEWLINE.finditer(masked)]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self._newlines, pos)


def is_fragment(text: str, sp: Span, attributed_after: bool, cue_before: bool) -> bool:
    """A few quoted words inside a sentence ("will be “strategic” and") rather than a quote
    standing on its own ("…,” he said." / "He said, “…”" / "According to X, "…"")."""
    words = len(text[sp.start : sp.end].split())
    j = sp.open
    line_start = text.rfind("\n", 0, j) + 1
    while j > line_start and text[j - 1].isspace():
        j -= 1
    prev = text[j - 1] if j > line_start else ""
    ends_sentence = text[sp.start : sp.raw_end].rstrip().endswith((".", "!", "?", ".…", "…"))
    if prev == "" or prev in ".!?—–":
        return words < 4 and not attributed_after and not ends_sentence
    if prev in ":":
        return False
    if prev == ",":
        return words < 3 and not attributed_after
    if prev.isalnum() and cue_before and words >= 4 and text[sp.start : sp.start + 1].isupper():
        return False
    return True
