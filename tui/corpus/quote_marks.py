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
import itertools
import re
from typing import NamedTuple

from .people_lexicon import ABBREVIATIONS

_MARKS = "“”\"‘’'"
_OPEN_CONTEXT = frozenset("([{—–-/:;,“\"‘")
_TRAILING_PUNCT = " \t\n,;:\u00a0"


class Span(NamedTuple):
    """A quote: `open` is the opening mark, `close` the closing mark (None when the quote runs
    to the end of its paragraph), `start`/`end` the quoted words (trimmed). (A named tuple: made
    several times faster than a frozen dataclass, and as read-only.)"""

    open: int
    close: int | None
    start: int
    end: int
    raw_end: int  # end of the quoted text before trimming (the close mark, or paragraph end)


_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts


def find_spans(text: str) -> list[Span]:
    """Every top-level quote in `text`, in order."""
    out: list[Span] = []
    every = _mark_positions(text)
    if not every:
        return out
    # Only the lines holding marks are read: a line without one changes nothing, except that a
    # quote left open at the end of a paragraph ends when the next paragraph opens with no mark.
    pending: tuple[int, int, int] | None = None  # (open mark, paragraph end, line end)
    n, count = len(text), len(every)
    mi = 0
    while mi < count:
        ls = text.rfind("\n", 0, every[mi]) + 1
        le = text.find("\n", every[mi])
        if le < 0:
            le = n
        mj = bisect.bisect_left(every, le, mi + 1, count)
        marks = every[mi:mj]
        mi = mj
        kind: str | None = None  # None, "d" or "s": the quote open in this line
        opened = 0  # where it opened
        k = 0
        if pending is not None:
            # (this line follows the paragraph when only blank lines come between them)
            first = marks[0]
            if text[pending[2] : ls].isspace() and text[first] in "“\"" and (first == ls or text[ls:first].isspace()):
                kind, opened = "d", pending[0]
                k = 1
            else:
                _emit(text, out, pending[0], None, pending[1])
            pending = None
        for p in marks[k:] if k else marks:
            c = text[p]
            if kind is None:
                if c == "’":
                    continue  # (an apostrophe: it opens nothing)
                if c == "“":
                    kind, opened = "d", p
                    continue
                prev = text[p - 1] if p > ls else ""
                if not (prev == "" or prev.isspace() or prev in _OPEN_CONTEXT):
                    continue  # (the other openers follow a space or an opening context)
                nxt = text[p + 1] if p + 1 < le else ""
                if c == '"':
                    if nxt and not nxt.isspace():
                        kind, opened = "d", p
                elif c == "”":
                    if nxt.isalnum():
                        kind, opened = "d", p  # a closing mark used as an opener
                elif nxt.isalpha():  # ‘ or '
                    # Only when a plausible closer follows in the paragraph: "'90s" and "'tis" stay.
                    if _single_closer(text, p + 1, le, c) is not None:
                        kind, opened = "s", p
            elif kind == "d":
                if c == "”" or c == '"':
                    _emit(text, out, opened, p, p)
                    kind = None
            elif c == "’" or c == "'":
                prev = text[p - 1] if p > ls else ""
                nxt = text[p + 1] if p + 1 < le else ""
                if prev and not prev.isspace() and not nxt.isalnum():
                    _emit(text, out, opened, p, p)
                    kind = None
        if kind == "d":
            end = le
            while end > ls and text[end - 1].isspace():
                end -= 1
            pending = (opened, end, le)
    if pending is not None:
        _emit(text, out, pending[0], None, pending[1])
    return out


def _mark_positions(text: str) -> list[int]:
    """Where the quote marks are, in order (one `str.find` scan per mark beats one regex scan for all)."""
    out: list[int] = []
    find = text.find
    for mark in _MARKS:
        p = find(mark)
        while p >= 0:
            out.append(p)
            p = find(mark, p + 1)
    out.sort()
    return out


def _emit(text: str, out: list[Span], open_: int, close: int | None, raw_end: int) -> None:
    s, e = open_ + 1, raw_end  # (the quoted words, trimmed)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in _TRAILING_PUNCT:
        e -= 1
    if _ALNUM.search(text, s, e) is not None:
        out.append(_new_tuple(Span, (open_, close, s, e, raw_end)))  # (made without its `__new__` in Python)


_new_tuple = tuple.__new__


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
        out.append(text[pos:lo])
        # (`_kept_end`, inline)
        k = hi
        while k > lo and text[k - 1].isspace():
            k -= 1
        if k > lo and text[k - 1] in ".!?":
            out += ("x" * (k - 1 - lo), text[k - 1], "x" * (hi - k))
        else:
            out.append("x" * (hi - lo))
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


_AFTER_END = r"[.!?]*[”\"’')\]]*(?=\s+[\"“‘'(\[A-Z0-9])"
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*$")
_NO_ABBR = max(map(len, ABBREVIATIONS)) + 1


# The letters the word scan below takes: those whose lower case lies in "a".."z" (ASCII, "İ" and
# the Kelvin sign), at most _NO_ABBR of them right before the period.
_LETTER_RUN = re.compile(f"[A-Za-z\u0130\u212a]{{1,{_NO_ABBR}}}\\Z")


# The last three characters of the abbreviations, in every mix of cases.
_ABBR_ENDS = frozenset(
    "".join(cs) for a in ABBREVIATIONS for cs in itertools.product(*({ch, ch.upper()} for ch in a[-3:]))
)


def _three_letter_ends() -> str:
    """The three-letter ends of abbreviations in any mix of cases (those `_ABBR_ENDS` holds), as a
    pattern factored by their first two letters."""
    tree: dict[str, dict[str, set[str]]] = {}
    for a in ABBREVIATIONS:
        if len(a) >= 3 and a[-3:].isalpha():
            tree.setdefault(a[-3], {}).setdefault(a[-2], set()).add(a[-1])

    def any_case(chars) -> str:
        return "[" + "".join(sorted({c for ch in chars for c in (ch, ch.upper())})) + "]"

    return "|".join(
        any_case(first) + "(?:" + "|".join(any_case(second) + any_case(thirds) for second, thirds in sorted(seconds.items())) + ")"
        for first, seconds in sorted(tree.items())
    )


# A period surely ends a sentence (no test in Python) after a character that is no letter of a
# word (not \w, nor . ! ?: the word before is none) or after an ASCII digit (a word that ends in
# one is no abbreviation), or after _NO_ABBR ASCII letters or three that end no abbreviation (the
# tests of `Sentences` for "the word is none", on ASCII letters only). Other periods go to the
# tests in Python, their group 1 taking no part.
_SURE_PERIOD = (
    rf"(?<=[^\w.!?]\.)|(?<=[0-9]\.)|(?<=[A-Za-z]{{{_NO_ABBR}}}\.)"
    rf"|(?<=[A-Za-z]{{3}}\.)(?<!(?:{_three_letter_ends()})\.)"
)
# Sentence ends: a period, ! ? or newlines, each ending a sentence surely with the whitespace after
# it (groups 1, 3, 4, 5); or a period for the tests in Python (empty group 2), alone (if no end, a
# newline after it still is). Every alternative starts with one of ". ! ? newline", so the engine
# skips ahead to them.
_SENTENCE_END = re.compile(
    rf"\.(?:(?:{_SURE_PERIOD}){_AFTER_END}(\s*)|{_AFTER_END}())|!{_AFTER_END}(\s*)|\?{_AFTER_END}(\s*)|\n\n*(\s*)"
)
_CHECK = 2  # the group of a period to check


def _ascii_word_end(last3: str) -> bool:
    """Are these three letters before a period surely no abbreviation's end?"""
    return last3.isascii() and last3.isalpha() and last3 not in _ABBR_ENDS


def _abbreviation_before(masked: str, s: int) -> bool:
    """Does the word before the period at `s` (masked[s] is ".") make it no sentence end ("Mr.",
    "U.S.", "H.")?"""
    r = _LETTER_RUN.search(masked, max(0, s - _NO_ABBR), s)
    j = s if r is None else r.start()
    if j < s and (j == 0 or not (masked[j - 1].isalnum() or masked[j - 1] in "_.!?")):
        word = masked[j:s].lower()  # a plain word after a space: what _WORD_BEFORE would find
    elif j == s and (s == 0 or not (masked[s - 1].isalnum() or masked[s - 1] in "_.!?")):
        word = ""  # ("”." or ")."): _WORD_BEFORE finds the period alone
    else:
        w = _WORD_BEFORE.search(masked, max(0, s - 20), s + 1)
        word = w.group(1).lower().rstrip(".") if w else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


class Sentences:
    """Sentence spans of a masked text, with lookup by position."""

    def __init__(self, masked: str) -> None:
        # One pass: each boundary ends a sentence; `_SENTENCE_END` also takes the whitespace after
        # a sure end, so its last group spans from the sentence's end to the next one's start.
        spans: list[tuple[int, int]] = []
        n = len(masked)
        start = 0
        while start < n and masked[start].isspace():
            start += 1
        for m in _SENTENCE_END.finditer(masked):
            group = m.lastindex
            if group == _CHECK:  # a period that may follow an abbreviation
                s, end = m.span()
                # (after more letters than the longest abbreviation has, the word is none)
                # (nor after three ASCII letters that end no abbreviation: the word ends in them)
                if (
                    (s < _NO_ABBR or not masked[s - _NO_ABBR : s].isalpha())
                    and (s < 3 or not _ascii_word_end(masked[s - 3 : s]))
                    and _abbreviation_before(masked, s)
                ):
                    continue
                next_start = end
                while next_start < n and masked[next_start].isspace():
                    next_start += 1
            else:
                end, next_start = m.span(group)
            # (only a blank stretch before a newline ends no sentence: it only moves the start)
            if start < end:
                spans.append((start, end))
            start = next_start
        if start < n:
            spans.append((start, n))
        self.spans = spans
        self._starts = [s for s, _ in spans]
        self._masked = masked

    def index(self, pos: int) -> int:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i if i > 0 else 0

    def paragraph(self, pos: int) -> int:
        """How many newlines come before `pos` (or at it)."""
        return self._masked.count("\n", 0, max(0, pos + 1))


def is_fragment(text: str, sp: Span, attributed_after: bool, cue_before: bool) -> bool:
    """A few quoted words inside a sentence ("will be “strategic” and") rather than a quote
    standing on its own ("…,” he said." / "He said, “…”" / "According to X, "…"")."""
    j = sp.open
    line_start = text.rfind("\n", 0, j) + 1
    while j > line_start and text[j - 1].isspace():
        j -= 1
    prev = text[j - 1] if j > line_start else ""
    if prev == "" or prev in ".!?—–":
        if attributed_after or _words(text, sp) >= 4:
            return False
        return not text[sp.start : sp.raw_end].rstrip().endswith((".", "!", "?", ".…", "…"))
    if prev in ":":
        return False
    if prev == ",":
        return not attributed_after and _words(text, sp) < 3
    if prev.isalnum() and cue_before and text[sp.start : sp.start + 1].isupper() and _words(text, sp) >= 4:
        return False
    return True


def _words(text: str, sp: Span) -> int:
    """How many words the quote has, up to five (all `is_fragment` asks)."""
    return len(text[sp.start : sp.end].split(None, 4))
