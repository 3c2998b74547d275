"""Publication dates written by a site or a person: date lines and metadata values.

Two jobs, both strict (a closed grammar, never fuzzy):

- `parse_date_line(line)`: a line of an article that is essentially only a date, with an
  optional label, weekday, time and zone: "January 19, 2022 - 22:0", "15 September 2022, 05:25
  GMT", "2022-06-29", "Wed 29 Jun 2022", "Published: June 29, 2022 10:34 am", "Updated 3 Jan
  2023". Returns a `DateLine` (the date, and whether the label said "updated") or None.
- `parse_date_value(value)`: a date from front matter or a manifest: an ISO partial date
  ("2022", "2022-06", "2022-06-29", with an optional time), a `date`/`datetime`, an int year,
  or a written date ("June 29, 2022", "June 2022"). Raises ValueError with a readable reason.

Date *mentions* inside sentences are another module's job (tui/corpus/dates.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .model import PartialDate

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

_MONTH = r"(?P<{g}>[A-Za-z]{{3,9}})\.?"
_DAY = r"(?P<{g}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>\d{{4}})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
_LABEL = (
    r"(?:(?P<label>published|posted|updated|last\s+updated|last\s+modified|modified|date|"
    r"first\s+published|publication\s+date|released?)(?:\s+on)?\s*[:\-–—|]?\s*)?"
)
_MDY = _MONTH.format(g="m1") + r"\s+" + _DAY.format(g="d1") + r",?\s+" + _YEAR.format(g="y1")
_DMY = _DAY.format(g="d2") + r"\s+(?:of\s+)?" + _MONTH.format(g="m2") + r",?\s+" + _YEAR.format(g="y2")
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_TIME = (
    r"(?:\s*(?:[-–—,|@/]|\bat\b)?\s*(?:T)?\d{1,2}(?:[:.]\d{1,2}){0,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:\(?(?-i:[A-Z]{2,5}|Z)\)?|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?))?)?"
)
DATE_LINE = re.compile(
    rf"{_LABEL}{_WEEKDAY}(?:{_MDY}|{_DMY}|{_ISO}){_TIME}\s*[.|]?",
    re.IGNORECASE,
)
MAX_DATE_LINE = 100  # characters; longer lines are prose
_ASCII_DIGIT = re.compile("[0-9]")
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


def _has_digit(text: str) -> bool:
    """`any(c.isdigit() for c in text)`, looking at the few characters beyond ASCII one by one."""
    return _ASCII_DIGIT.search(text) is not None or (
        not text.isascii() and any(c.isdigit() for c in _BEYOND_ASCII.findall(text))
    )


@dataclass(frozen=True, slots=True)
class DateLine:
    date: PartialDate
    updated: bool  # the label said "updated"/"modified"


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower())


def parse_date_line(line: str) -> DateLine | None:
    """The date of a line that holds only a date (see module doc), else None.

    A line that has the shape of a date but names an impossible day ("February 30, 2022")
    raises ValueError, so the caller can report it instead of silently keeping it as text.
    """
    text = line.strip()
    if not text or len(text) > MAX_DATE_LINE or not _has_digit(text):
        return None
    m = DATE_LINE.fullmatch(text)
    if not m:
        return None
    g = m.groupdict()
    if g["y1"]:
        month, day, year = _month(g["m1"]), g["d1"], g["y1"]
    elif g["y2"]:
        month, day, year = _month(g["m2"]), g["d2"], g["y2"]
    else:
        month, day, year = int(g["m3"]), g["d3"], g["y3"]
    if month is None:
        return None  # "Mayor 5, 2022": not a month name
    label = (g["label"] or "").lower()
    updated = "updated" in label or "modified" in label
    return DateLine(PartialDate(int(year), month, int(day)), updated)


_ISO_VALUE = re.compile(
    r"(?P<y>\d{1,4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?"
)


def parse_date_value(value: object) -> PartialDate:
    """A publication date from metadata (front matter, manifest). ValueError when not one."""
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, date):
        return PartialDate.from_date(value)
    if isinstance(value, int):
        return PartialDate(value)  # ValueError for 0 or 10000
    if not isinstance(value, str):
        raise ValueError(f"not a date: {type(value).__name__}")
    text = value.strip()
    if not text or len(text) > 100:
        raise ValueError(f"not a date: {text[:40]!r}")
    m = _ISO_VALUE.fullmatch(text)
    if m:
        if len(m["y"]) != 4:
            raise ValueError(f"year must have four digits: {text!r}")
        return PartialDate(
            int(m["y"]), int(m["m"]) if m["m"] else None, int(m["d"]) if m["d"] else None
        )
    found = parse_date_line(text)  # ValueError for "February 30, 2022"
    if found:
        return found.date
    return _parse_written(text)


def _parse_written(text: str) -> PartialDate:
    """ "June 29, 2022", "June 2022", "29 Jun 2022": dateutil, told nothing about today.

    Parsing twice with two different defaults shows which fields the text gave: a field that
    differs between the two results came from the default, so the text did not state it.
    """
    if not re.search(r"\b\d{4}\b", text):
        raise ValueError(f"not a date (no four-digit year): {text!r}")
    from dateutil import parser as du_parser  # here: ~20 ms of import a warm start never needs

    try:
        a = du_parser.parse(text, default=datetime(2000, 1, 1))
        b = du_parser.parse(text, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError, TypeError, du_parser.ParserError) as e:
        raise ValueError(f"not a date: {text!r}") from e
    if a.year != b.year:
        raise ValueError(f"not a date (no year): {text!r}")
    if a.month != b.month:
        if a.day != b.day:
            return PartialDate(a.year)
        raise ValueError(f"not a date (a day without a month): {text!r}")
    if a.day != b.day:
        return PartialDate(a.year, a.month)
    return PartialDate(a.year, a.month, a.day)
