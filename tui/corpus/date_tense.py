"""Tense of the clause around a date expression: is it talking about the past or the future?

HeidelTime-style and deliberately small: the verb cue nearest before the expression in its
sentence decides ("met on Friday" -> past, "will meet on Friday" -> future, "is expected to arrive
in May" -> future); when there is none before it, the nearest one after it. When the sentence has
no cue at all `tense_at` says None and the caller decides (weekdays and months: past, since news
mostly reports what happened; a day and month: the nearest such date).
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

from .date_grammar import SENTENCE_END, WORD

Tense = Literal["past", "future"]

FUTURE = frozenset(
    "will 'll shall would won't wo should must might may can plans plan planning scheduled "
    "due expects intends intend aims upcoming tomorrow next forthcoming slated hopes hope going "
    "soon".split()
)
# "is to", "set to", "expected to", "planned to", "to be" (as in "to be held")
_FUTURE_PAIRS = frozenset({("is", "to"), ("are", "to"), ("set", "to"), ("to", "be"), ("expected", "to"),
                           ("planned", "to"), ("planned", "for"), ("due", "to"), ("to", "visit"),
                           ("to", "meet"), ("to", "hold"), ("to", "attend"), ("to", "travel")})
PAST = frozenset(
    "said told was were had did met held made took gave went came saw left began won lost paid "
    "sent spoke wrote led sold bought brought thought found became fell rose grew knew ran "
    "struck hit kept felt stood sought fought caught taught spent built meant put read set "
    "tore shot broke fled drove flew rode wore threw hid shook swore chose stole woke sank "
    "rang drank beat cut let shut spread cost hurt burst fed dealt dug hung laid lent lit "
    "slept slid swept swung wept wound could "
    "ago yesterday last earlier former previously recently since".split()
)
_NOT_PAST_ED = frozenset(
    "need speed seed feed hundred bed red shed united limited indeed proceed exceed succeed "
    "naked sacred wicked ahmed mohammed muhammad mahmoud hamed saeed reed creed greed breed "
    "embed exceed shred weed steed tweed wed freed agreed".split()
)
_PASSIVE_AUX = frozenset({"be", "been", "being"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "to", "would"})


_ABBREV = re.compile(
    r"(?:\b[A-Za-z]\.|\b(?i:mr|mrs|ms|dr|gen|sen|rep|gov|lt|col|sgt|st|mt|jan|feb|mar|apr|jun|jul|aug|"
    r"sep|sept|oct|nov|dec|inc|corp|co|ltd|jr|sr|vs|no|prof|rev|ft|est|edt|pst|gmt|u\.s|u\.n))$"
)


def _ends(text: str, pos: int = 0):
    """The sentence starts after `pos` (a place no sentence end spans, see `_clear_before`), in
    order. "a.m.", "U.S.", "Gen." do not end a sentence."""
    for m in SENTENCE_END.finditer(text, pos):
        s = m.start()
        # (after five letters no abbreviation can end here: the longest has four)
        if text[s] == "." and not (s >= 5 and text[s - 5 : s].isalpha()) and _ABBREV.search(text, max(0, s - 6), s):
            continue
        yield m.end()


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences start (always begins with 0)."""
    return [0, *_ends(text)]


# What a sentence end (a match of SENTENCE_END) is made of, besides whitespace.
_END_CHARS = frozenset(".!?\"'”’)]")


def _clear_before(text: str, pos: int) -> int:
    """The nearest offset at or before `pos` that no sentence end spans: one after a character
    no sentence end holds. Scanning for sentence ends from there finds what scanning from the
    start finds after it."""
    while pos > 0 and (text[pos - 1] in _END_CHARS or text[pos - 1].isspace()):
        pos -= 1
    return pos


class SentenceFinder:
    """`sentence_of(sentence_bounds(text), text, pos)` without finding every sentence of the
    text: the ends around `pos` are found by scanning from a little before it."""

    __slots__ = ("text", "_last")

    def __init__(self, text: str) -> None:
        self.text = text
        self._last = (0, -1)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        last = self._last
        if last[0] <= pos < last[1]:
            return last  # (dates come in order, often several in a sentence)
        text = self.text
        back = 100  # (half the dates lie within 46 characters of their sentence's start)
        while True:
            scan_from = _clear_before(text, max(0, pos - back))
            start = 0 if scan_from == 0 else -1  # (-1: no start found yet)
            end = len(text)
            for bound in _ends(text, scan_from):
                if bound <= pos:
                    start = bound
                else:
                    end = bound
                    break
            if start >= 0:
                self._last = (start, end)
                return start, end
            back *= 4


def sentence_of(bounds: list[int], text: str, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, pos) - 1
    start = bounds[i]
    end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
    return start, end


def _cue(tokens: list[str], i: int) -> Tense | None:
    t = tokens[i]
    if t in FUTURE:
        return "future"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if (t, nxt) in _FUTURE_PAIRS:
        return "future"
    if t in PAST or (len(t) > 4 and t.endswith("ed") and t not in _NOT_PAST_ED):
        # a participle after "will be"/"to be" is future ("will be held", "to be signed")
        before = tokens[max(0, i - 3):i]
        if not _PASSIVE_AUX.isdisjoint(before):
            if not _FUTURE_AUX.isdisjoint(before):
                return "future"
            return None  # "has been held": let the auxiliary before decide
        return "past"
    if t in ("has", "have"):
        return "past"
    return None


# The words `_cue` can say something of (besides a long word in "-ed"): most words are passed
# over without calling it.
_CUE_WORDS = FUTURE | PAST | {"has", "have"} | {a for a, _ in _FUTURE_PAIRS}


def _words(text: str, start: int, end: int) -> list[str]:
    found = WORD.findall(text, start, end)
    # (ASCII words without spaces: lower-cased at once, the same as one by one)
    return " ".join(found).lower().replace("’", "'").split(" ") if found else found


def tense_at(text: str, bounds: list[int] | SentenceFinder, start: int, end: int) -> Tense | None:
    """The tense cue nearest the span in its sentence (before it first), or None if none."""
    s0, s1 = bounds.sentence_of(start) if isinstance(bounds, SentenceFinder) else sentence_of(bounds, text, start)
    before = _words(text, s0, start)
    if before and before[-1] == "by":  # "by Jan. 14", "by May": a deadline
        return "future"
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t in _CUE_WORDS or (len(t) > 4 and t.endswith("ed")):
            c = _cue(before, i)
            if c:
                return c
    after = _words(text, end, max(end, s1))
    for i in range(len(after)):
        t = after[i]
        if t in _CUE_WORDS or (len(t) > 4 and t.endswith("ed")):
            c = _cue(after, i)
            if c:
                return c
    return None

