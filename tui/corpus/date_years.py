"""The rules for a four-digit year on its own ("in 2013", "2019-2021", "1998"), and where their
candidates start: `year_at` gives what both rules for a lone year find at one place, so that
`dates._candidates` can look at a year only where nothing chosen covers it.
"""

from __future__ import annotations

import re

from .date_cues import cue_before, id_before, unit_after
from .date_grammar import PATTERNS
from .date_ranges import Candidate
from .model import PartialDate


def year_ok(text: str, end: int) -> bool:
    """A number ending at `end` is not a year when a unit or a count noun follows it."""
    return not unit_after(text, end)


def year_range(m: re.Match[str], text: str) -> Candidate | None:
    y1 = int(m["y1"])
    y2s = m["y2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 50 or not year_ok(text, m.end()) or id_before(text, m.start()):
        return None
    return Candidate(m.start(), m.end(), PartialDate(y1), PartialDate(y2))


# The cues a "year_ctx" candidate starts with ("early 2022"); after others it starts at the year.
_KEEP_CUE = ("early", "late", "mid", "fiscal")


def year_ctx(m: re.Match[str], text: str, cue: re.Match[str] | None = None) -> Candidate | None:
    if cue is None or not year_ok(text, m.end()) or _DECADE_S.match(text, m.end() - 1):
        return None  # (a year without a cue is left to year_bare, which checks more)
    pre = cue["pre"].lower()
    start = cue.start() if pre in _KEEP_CUE else m.start("y")
    return Candidate(start, m.end(), PartialDate(int(m["y"])))


_DECADE_S = re.compile(r"0['’]s\b")  # "the 1990's"
_DIGIT_GROUP_BEFORE = re.compile(r"\d[ \t]+$")
_DIGIT_GROUP_AFTER = re.compile(r"[ \t]+\d")


def year_bare(m: re.Match[str], text: str) -> Candidate | None:
    if not year_ok(text, m.end()) or _DECADE_S.match(text, m.end() - 1):
        return None
    if id_before(text, m.start()):
        return None
    if _DIGIT_GROUP_BEFORE.search(text, max(0, m.start() - 4), m.start()) or _DIGIT_GROUP_AFTER.match(text, m.end()):
        return None  # a group of digits in a phone or account number: "+98 21 2215 1966"
    return Candidate(m.start(), m.end(), PartialDate(int(m["y"])))


_YEAR_CTX, _YEAR_BARE = PATTERNS["year_ctx"], PATTERNS["year_bare"]
# The last words of the cues that put a "year_ctx" candidate's start before its year: those
# kept, and "year" (that of "early the year 2022").
_START_BEFORE_YEAR = (*_KEEP_CUE, "year")
# Their last letters in either case (none is a "k", which the Kelvin sign lower-cases to).
_LAST_LETTERS = frozenset(c for w in _START_BEFORE_YEAR for c in (w[-1], w[-1].upper()))
assert "k" not in _LAST_LETTERS


def split_years(text: str, years: list[int]) -> tuple[list[int], list[int]]:
    """`years` (where a year may start) split in two: those whose "year_ctx" candidate may start
    before the year (a superset: the last word of its cue, right before whitespace or "-", is
    one of `_START_BEFORE_YEAR`, whatever the case; `pattern_starts` answered, so no "ſ" or "ı"
    stands for an ASCII letter), and the others."""
    early: list[int] = []
    late: list[int] = []
    for p in years:
        j = p
        while j > 0 and ((c := text[j - 1]).isspace() or c == "-"):
            j -= 1
        # (Each of those words ends in one of these letters: most words are passed at once.)
        if 0 < j < p and text[j - 1] in _LAST_LETTERS and text[max(0, j - 6) : j].lower().endswith(_START_BEFORE_YEAR):
            early.append(p)
        else:
            late.append(p)
    return early, late


def year_at(text: str, p: int) -> Candidate | None:
    """What the rules "year_ctx", then "year_bare", make of the year at `p` (whose "year_ctx"
    candidate, if any, starts at `p`): the first one, as the same span is kept once."""
    try:
        m = _YEAR_CTX.match(text, p)
        if m is not None:
            near = p > 0 and (text[p - 1].isspace() or text[p - 1] == "-")
            c = year_ctx(m, text, cue_before("year_ctx", text, p) if near else None)
            if c is not None:
                return c
        m = _YEAR_BARE.match(text, p)
        return None if m is None else year_bare(m, text)
    except ValueError:
        return None
