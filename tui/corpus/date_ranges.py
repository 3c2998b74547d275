"""Date candidates and how adjacent ones become one range.

A `Candidate` is what a pattern's handler in `dates.py` makes of a match: a span and a value,
or, for a relative expression, how to resolve it against a reference date. After resolving,
`merge_ranges` joins two adjacent candidates linked by "-", "from .. to" or "between .. and"
into one range ("from January to May 2022", "2019 - March 2020").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from .model import PartialDate

Resolver = Callable[[date, "str | None"], "tuple[PartialDate, PartialDate | None]"]


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    value: PartialDate | None = None
    end_value: PartialDate | None = None
    resolve: Resolver | None = None  # set for relative expressions
    yearless: tuple[int, int | None] | None = None  # (month, day) when the year was inferred
    uses_tense: bool = False
    # When set, whether the tense can change the value for a reference (else it is not looked up).
    tense_matters: Callable[[date], bool] | None = None


_RANGE_GAP = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<to>to|until|till|through|and))\s*(?:(?:the\s+)?end\s+of\s+)?", re.I)
_RANGE_OPEN = re.compile(r"(?i:\b(?P<w>from|between)\s+(?:the\s+)?(?:(?:beginning|start)\s+of\s+)?)$")


def _refit_year(a: Candidate, b: PartialDate) -> PartialDate | None:
    """A year-less start of a range takes the end's year ("from January to May 2022")."""
    assert a.yearless is not None
    month, day = a.yearless
    y = b.year if (month, day or 1) <= (b.month or 12, b.day or 31) else b.year - 1
    try:
        return PartialDate(y, month, day)
    except ValueError:
        return None


def merge_ranges(cands: list[Candidate], text: str) -> list[Candidate]:
    """`cands` (resolved, in order) with each range of two adjacent ones made one candidate."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.end_value is None and b.end_value is None:
            gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
            ok = gap is not None and gap["dash"] is not None
            if gap is not None and not ok:  # "from .. to", "between .. and": look for the opener
                opener = _RANGE_OPEN.search(text, max(0, a.start - 40), a.start)
                ok = opener is not None and (gap["to"].lower() == "and") == (opener["w"].lower() == "between")
            if ok:
                bv = b.value
                av = a.value
                if a.yearless is not None and bv is not None and b.yearless is None:
                    av = _refit_year(a, bv)
                if av is not None and bv is not None and av.first_day <= bv.first_day:
                    out.append(Candidate(a.start, b.end, av, bv, resolve=a.resolve or b.resolve))
                    i += 2
                    continue
                # (one side unresolved, or the end before the start: kept apart)
        out.append(a)
        i += 1
    return out
