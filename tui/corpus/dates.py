"""Date mentions in news text: `find_dates(text, reference)`.

Spans come from our own closed grammar (`date_grammar`), never from an off-the-shelf finder:
those read "We" as Wednesday, "$40" as 1940 and "81%" as 1981. Each pattern has a handler that
turns a match into a candidate; overlapping candidates are settled leftmost-longest; relative ones
are resolved against the reference (publication) date using the tense of their sentence
(`date_tense`) and the conventions in `date_calendar`; adjacent dates joined by "-", "from .. to",
"between .. and" become one range. With no reference, relative mentions are kept unresolved
(value None) rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from operator import attrgetter
from typing import Callable

from . import date_calendar as cal
from .date_cues import cue_before
from .date_grammar import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PATTERNS,
    PREFIXES,
    SEASONS,
    month_number,
    weekday_number,
)
from .date_ranges import Candidate, merge_ranges
from .date_starts import pattern_starts
from .date_tense import SentenceFinder, tense_at
from .date_years import split_years, year_at, year_bare, year_ctx, year_ok, year_range
from .model import DateMention, PartialDate
from .word_starts import matches_at

__all__ = ["find_dates"]


def _num(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS[w]


def _day(d: str) -> int:
    return int(d) if d.isdigit() else int(d[:-2])  # "19", "19th" (`DAY`: ASCII digits)


# --- handlers: match -> candidate (or None) --------------------------------------------------
def _iso(m: re.Match[str], text: str) -> Candidate | None:
    return Candidate(m.start(), m.end(), PartialDate(int(m["y"]), int(m["m"]), int(m["d"])))


def _numeric(m: re.Match[str], text: str) -> Candidate | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if m["s"] == "." or a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    else:
        return None  # 03/04/2022: day-first or month-first? do not guess
    return Candidate(m.start(), m.end(), PartialDate(y, month, day))


def _month_day(m: re.Match[str], text: str) -> Candidate | None:
    month = month_number(m["mon"])
    d1 = _day(m["d1"])
    d2 = _day(m["d2"]) if m["d2"] else None
    if d2 is not None and d2 <= d1:
        return None
    wd = weekday_number(m["wd"]) if m["wd"] else None
    if m["y"]:
        if not year_ok(text, m.end()):
            return None
        y = int(m["y"])
        return Candidate(m.start(), m.end(), PartialDate(y, month, d1),
                         PartialDate(y, month, d2) if d2 else None)

    # (`cal.day_years` for the reference found once: whether the tense matters, then the year)
    years: dict[date, tuple[int, int, int]] = {}

    def day_years(ref: date) -> tuple[int, int, int]:
        ys = years.get(ref)
        if ys is None:
            ys = years[ref] = cal.day_years(ref, month, d1)
        return ys

    def resolve(ref: date, tense: str) -> tuple[PartialDate, PartialDate | None]:
        y = cal.year_matching_weekday(ref, month, d1, wd) if wd is not None else None
        if y is None:
            y = cal.year_for(day_years(ref), tense)
        return PartialDate(y, month, d1), (PartialDate(y, month, d2) if d2 else None)

    def tense_matters(ref: date) -> bool:  # (`cal.day_year_depends_on_tense`)
        near, past, future = day_years(ref)
        return past != near or future != near

    return Candidate(m.start(), m.end(), resolve=resolve, yearless=(month, d1), uses_tense=wd is None,
                     tense_matters=tense_matters)


def _month_year(m: re.Match[str], text: str, pre: re.Match[str] | None = None) -> Candidate | None:
    if not year_ok(text, m.end()):
        return None
    start = pre.start() if pre else m.start()  # "early May 2018"
    return Candidate(start, m.end(), PartialDate(int(m["y"]), month_number(m["mon"])))


def _month_relyear(m: re.Match[str], text: str) -> Candidate | None:
    month = month_number(m["mon"])
    n = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return Candidate(m.start(), m.end(), resolve=lambda ref, t: (PartialDate(ref.year + n, month), None))


_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}")
_KEEP_PRE = re.compile(r"(?i:last|next|this|coming|early|late|mid|past|this\s+past)$")


def _month_ctx(m: re.Match[str], text: str, cue: re.Match[str] | None = None) -> Candidate | None:
    if cue is None:
        return None  # a bare month name needs a cue: "in May", "last March", "the June agreement"
    month = month_number(m["mon"])
    pre = " ".join(cue["pre"].lower().split())
    if pre in ("the", "a", "an") and not _NOUN_AFTER.match(text, m.end()):
        return None  # "the March accession" yes; "the May" alone no
    start = cue.start() if _KEEP_PRE.match(pre) else m.start("mon")
    rel = pre.split()[-1] if pre in ("last", "next", "this", "coming", "past", "this past") else None

    def resolve(ref: date, tense: str) -> tuple[PartialDate, PartialDate | None]:
        if rel in ("last", "past"):  # "last May": the latest May strictly before this month
            y = ref.year if month < ref.month else ref.year - 1
        elif rel in ("next", "coming"):
            y = ref.year if month > ref.month else ref.year + 1
        elif rel == "this":
            y = ref.year
        else:
            y = cal.month_year(ref, month, tense or "past")
        return PartialDate(y, month), None

    # (The tense matters but in the reference's own month, which both sides give.)
    return Candidate(start, m.end(), resolve=resolve, yearless=(month, None), uses_tense=rel is None,
                     tense_matters=lambda ref: ref.month != month)


_WEEKDAY_MODE = {"last": "last", "past": "last", "previous": "last", "next": "next", "coming": "future"}


def _weekday(m: re.Match[str], text: str) -> Candidate | None:
    wd = weekday_number(m["wd"])
    rel = (m["rel"] or "").lower().split()
    mode = _WEEKDAY_MODE.get(rel[-1]) if rel else None

    def resolve(ref: date, tense: str) -> tuple[PartialDate, PartialDate | None]:
        return PartialDate.from_date(cal.weekday_near(ref, wd, mode or tense or "past")), None

    if mode is None and m.group()[-2:] in ("'s", "’s"):
        mode = "past"  # "Wednesday's ruling": news names past events this way
    # (The tense matters but on the reference's own weekday, which both sides give.)
    return Candidate(m.start(), m.end(), resolve=resolve, uses_tense=mode is None,
                     tense_matters=lambda ref: ref.weekday() != wd)


_GENERIC_TODAY = re.compile(
    r"(?<=['’]s)\s+(?:[a-z]+\s+)?(?:world|society|standards?|generation|youth|children|kids|economy|"
    r"age|era|environment|technology|computers|market|markets|culture|politics|life|lives|leaders|"
    r"generations|people|youngsters|students|workers|problems|challenges|needs)\b"
)
_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _deictic(m: re.Match[str], text: str) -> Candidate | None:
    w = " ".join(m["w"].lower().split())
    if _GENERIC_TODAY.match(text, m.end()):
        return None  # "today's world": nowadays, not a date
    n = _DEICTIC.get(w, -2 if "before" in w else 2)
    return Candidate(m.start(), m.end(),
                 resolve=lambda ref, t: (PartialDate.from_date(ref + timedelta(days=n)), None))


def _rel_unit(m: re.Match[str], text: str, pre: re.Match[str] | None = None) -> Candidate | None:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    the = pre is not None and pre.group().rstrip().lower().endswith("the")
    if the and rel in ("next", "last"):
        return None  # "over the last year", "in the next week": durations, not dates
    start = pre.start() if pre else m.start()  # "early next year", "the coming week"
    if rel == "coming":
        return Candidate(start, m.end(), resolve=lambda ref, t: (cal.coming(ref, unit), None))
    n = {"last": -1, "next": 1}.get(rel, 0)
    return Candidate(start, m.end(), resolve=lambda ref, t: (cal.shift(ref, unit, n), None))


def _ago(m: re.Match[str], text: str) -> Candidate | None:
    direction = m["dir"].lower()
    if direction in ("earlier", "before", "later"):
        return None  # "a day earlier", "three days later": anchored to the story, not to the reference
    n = _num(m["n"])
    unit = m["unit"].lower()
    sign = 1 if direction.startswith("from") else -1
    return Candidate(m.start(), m.end(), resolve=lambda ref, t: (cal.shift(ref, unit, sign * n), None))


def _months_range(year: int, which: str, n: int, unit: str) -> tuple[PartialDate, PartialDate | None]:
    size = {"months": 1, "month": 1, "quarter": 3, "half": 6}[unit] * n
    k = ORDINAL_WORDS[which]
    if unit in ("quarter", "half") and k > 0:
        first = (k - 1) * size + 1
    elif k > 0:
        first = 1
    else:
        first = 13 - size
    if not 1 <= first <= 12 or first + size - 1 > 12:
        raise ValueError("not within a year")
    last = first + size - 1
    return PartialDate(year, first), (PartialDate(year, last) if last != first else None)


def _months_of(m: re.Match[str], text: str) -> Candidate | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    n = _num(m["n"]) if m["n"] else 1
    if m["y"]:
        if not year_ok(text, m.end()):
            return None
        try:
            v, ev = _months_range(int(m["y"]), which, n, unit)
        except ValueError:
            return None
        return Candidate(m.start(), m.end(), v, ev)
    off = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return Candidate(m.start(), m.end(), resolve=lambda ref, t: _months_range(ref.year + off, which, n, unit))


def _season(m: re.Match[str], text: str) -> Candidate | None:
    if not year_ok(text, m.end()):
        return None
    y = int(m["y"])
    a, b = SEASONS[m["season"].lower()]
    return Candidate(m.start(), m.end(), PartialDate(y, a), PartialDate(y, b))


_HANDLERS: list[tuple[str, Callable[..., Candidate | None]]] = [
    ("iso", _iso),
    ("numeric", _numeric),
    ("mdy", _month_day),
    ("dmy", _month_day),
    ("my", _month_year),
    ("m_relyear", _month_relyear),
    ("m_ctx", _month_ctx),
    ("weekday", _weekday),
    ("deictic", _deictic),
    ("rel_unit", _rel_unit),
    ("ago", _ago),
    ("months_of", _months_of),
    ("season", _season),
    ("year_range", year_range),
    ("year_ctx", year_ctx),
    ("year_bare", year_bare),
]
_RULES = [(name, PATTERNS[name], PREFIXES.get(name), handler) for name, handler in _HANDLERS]


_START, _END = attrgetter("start"), attrgetter("end")
def _candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    starts = pattern_starts(text)
    cued_years: set[tuple[int, int]] = set()  # the spans of "year_ctx" candidates
    # Most years lie inside a longer date ("May 2022", "January 19, 2022") and are never chosen:
    # those whose candidates surely start at the year ("late" ones) are looked at only while
    # choosing, and only where nothing chosen covers them. (Both year rules run at the same
    # places; a year is four digits and two places lie further apart, so skipping one place
    # never changes where a rule resumes.)
    late: list[int] = []
    if starts is not None and starts["year_bare"] is starts["year_ctx"]:
        early, late = split_years(text, starts["year_ctx"])
        if late:
            starts = {**starts, "year_ctx": early, "year_bare": early}
    for name, pattern, prefix, handler in _RULES:
        if starts is None:
            matches = pattern.finditer(text)
        elif starts[name]:
            matches = matches_at(pattern, text, starts[name])
        else:
            continue
        # A bare year with the span of a year with a cue is the same candidate found later: of
        # equal spans, leftmost-longest keeps the first, so it would never be chosen.
        skip = cued_years if name == "year_bare" else None
        for m in matches:
            if skip and m.span() in skip:
                continue
            try:
                if prefix is None:
                    c = handler(m, text)
                else:  # a cue right before the core ("in May", "early next year")
                    # Every cue pattern ends in a space or "-": without one there is no cue.
                    s = m.start()
                    near = s > 0 and (text[s - 1].isspace() or text[s - 1] == "-")
                    c = handler(m, text, cue_before(name, text, s) if near else None)
            except ValueError:
                continue  # "29 February 1000", "April 31": not a calendar date
            if c is not None and c.end > c.start:
                found.append(c)
                if name == "year_ctx":
                    cued_years.add((c.start, c.end))
    # By start, longest first, equal spans in the rules' order (two stable sorts on attributes:
    # cheaper than a tuple key per candidate).
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    chosen: list[Candidate] = []
    last_end = -1
    if not late:
        for c in found:
            if c.start >= last_end:
                chosen.append(c)
                last_end = c.end
        return chosen
    # The same, with the late years in their places: (p, p + 4), after equal spans (the year
    # rules come last).
    k = 0
    p = late[0]
    stop = len(text) + 1
    for c in found:
        s = c.start
        while p < s or (p == s and p + 4 > c.end):
            if p >= last_end and (y := year_at(text, p)) is not None:
                chosen.append(y)
                last_end = y.end
            k += 1
            p = late[k] if k < len(late) else stop
        if s >= last_end:
            chosen.append(c)
            last_end = c.end
    for p in late[k:]:
        if p >= last_end and (y := year_at(text, p)) is not None:
            chosen.append(y)
            last_end = y.end
    return chosen


def _resolve(cands: list[Candidate], text: str, reference: date | None) -> None:
    bounds: SentenceFinder | None = None
    for c in cands:
        if c.resolve is None or reference is None:
            continue
        tense = None
        if c.uses_tense and (c.tense_matters is None or c.tense_matters(reference)):
            if bounds is None:
                bounds = SentenceFinder(text)
            tense = tense_at(text, bounds, c.start, c.end)
        try:
            c.value, c.end_value = c.resolve(reference, tense)
        except ValueError:
            c.value = c.end_value = None  # e.g. February 29 in a common year


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """Every date mention in `text`, in order. Relative ones are resolved against `reference`."""
    if not text:
        return []
    cands = _candidates(text)
    _resolve(cands, text, reference)
    cands = merge_ranges(cands, text)
    out = []
    for c in cands:
        v = c.value
        if v is None and c.resolve is None:
            continue
        ev = c.end_value if c.end_value is not None and c.end_value != v else None
        out.append(DateMention(  # (positional: start, end, text, value, precision, end_value, relative)
            c.start, c.end, text[c.start:c.end],
            v.iso if v else None, v.precision if v else None,
            ev.iso if (ev and v) else None, c.resolve is not None,
        ))
    return out
