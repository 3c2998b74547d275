"""Split article text into sentences, keeping character offsets.

News prose is full of periods that do not end sentences ("U.S.", "Mr. Raisi", "Jan. 19",
"No. 2", "3.5 percent") and of sentences that end inside a closing quote mark (`… high.”`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that end with a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    inc ltd corp co vs etc approx est dept univ ave blvd
    u.s u.k u.n e.u a.m p.m i.e e.g
    """.split()
)

# A sentence ends at . ! ? (possibly repeated, or an ellipsis), optionally followed by closing
# quotes or brackets, then whitespace and something that can start a sentence.
# (Group 3, in the lookahead, is the whitespace after the end: the next sentence starts after it.
# `[.!?…][.!?…]*` rather than `[.!?…]+`: a pattern that starts with a character set lets the
# regex engine skip to the next such character, twice as fast over a line.)
_END = re.compile(r"""([.!?…][.!?…]*)(["'”’)\]]*)(?=(\s+)["'“‘(\[]?[A-Z0-9\u00C0-\u024F])""")
# Abbreviations that only count before a number ("No. 2", "p. 14"): "no." also ends sentences.
_BEFORE_NUMBER = frozenset({"no", "nos", "vol", "p", "pp", "fig", "art"})
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# What can come right before the dot when `_WORD_BEFORE` finds a word: its last character, or
# a line break (`$` matches before one that ends the search).
_WORD_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.\n")
# `_is_abbreviation` takes seven letters before a dot for a word no abbreviation is.
assert max(map(len, _ABBREVIATIONS | _BEFORE_NUMBER)) < 7


def _is_abbreviation(text: str, dot: int) -> bool:
    if dot >= 7:
        tail = text[dot - 7 : dot]
        if tail.isalpha() and tail.isascii():
            return False  # a word of seven letters or more: longer than any abbreviation
    if dot == 0 or text[dot - 1] not in _WORD_END:
        return False  # ("4%.", "said.”"): no word ends at the dot
    # Mostly the word follows a space: then the pattern below would find just its letters.
    space = text.rfind(" ", dot - 12 if dot > 12 else 0, dot)
    word = text[space + 1 : dot]
    if space >= 0 and word.isalpha() and word.isascii():
        first = space + 1
    else:
        m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
        if not m:
            return False
        word, first = m.group(1), m.start()
    word = word.lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    if word in _BEFORE_NUMBER:
        following = text[dot + 1 : dot + 3].lstrip()
        return following[:1].isdigit()
    # Single capital letters: initials ("Shabbir H. Kazmi").
    return len(word) == 1 and text[first].isupper()


_PARA = re.compile(r"[^\n]+")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    # (from the line holding `start`: lines that end before it are skipped anyway)
    for para in _PARA.finditer(text, text.rfind("\n", 0, start) + 1 if start > 0 else 0, end):
        p_end = para.end()
        if p_end > start:
            yield from line_sentences(text, max(para.start(), start), p_end)


def line_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """`split_sentences(text, start, end)` when text[start:end] holds no line break: without
    looking for paragraphs (`local_drafts` splits a line per date it holds)."""
    cursor = first = start  # first: where the next sentence starts, once the whitespace before it is skipped
    while first < end and text[first].isspace():
        first += 1
    for m in _END.finditer(text, cursor, end):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
            continue
        # The end is punctuation (no whitespace to trim) and comes after `first` (text
        # between the two, if any, is not whitespace: a match starts at no space).
        yield (first, m.end())
        cursor = m.end()
        first = m.end(3)
    if cursor < end:
        span = _trimmed(text, first, end)
        if span is not None:
            yield span


def _trimmed(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence span containing `offset` (spans sorted), by binary search."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if offset < s:
            hi = mid
        elif offset >= e:
            lo = mid + 1
        else:
            return spans[mid]
    return None
