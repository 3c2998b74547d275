"""The values `find_dates` works with: plain tuples (year, month, day, week), none of them a
`PartialDate` until written out.

A date mention is found, resolved, maybe joined into a range, then written as the ISO text and
the precision of its `PartialDate`; most are made and dropped within one call. A tuple costs a
tenth of a frozen dataclass, so each value here is checked as `PartialDate.__post_init__`
checks it (the same ValueError where that raises one) and written out as its `iso` and
`precision` would be: the same mentions, cheaper.
"""

from __future__ import annotations

from datetime import date

Value = tuple[int, "int | None", "int | None", "int | None"]  # (year, month, day, week)


def year_value(year: int) -> Value:
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    return (year, None, None, None)


def month_value(year: int, month: int) -> Value:
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return (year, month, None, None)


def day_value(year: int, month: int, day: int) -> Value:
    date(year, month, day)  # (a year out of 1..9999 is refused as PartialDate refuses it)
    return (year, month, day, None)


def from_date(d: date) -> Value:
    return (d.year, d.month, d.day, None)


def week_value(year: int, week: int) -> Value:
    if not 1 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    date.fromisocalendar(year, week, 1)
    return (year, None, None, week)


def value_of(year: int, month: int | None = None, day: int | None = None) -> Value:
    """A year, a month or a day, as `PartialDate(year, month, day)`."""
    if day is not None:
        if month is None:
            raise ValueError("a day needs a month")
        return day_value(year, month, day)
    return year_value(year) if month is None else month_value(year, month)


def first_day(v: Value) -> date:
    """`PartialDate.first_day`."""
    year, month, day, week = v
    if week is not None:
        return date.fromisocalendar(year, week, 1)
    return date(year, month or 1, day or 1)


def iso_precision(v: Value) -> tuple[str, str]:
    """`PartialDate.iso` and `PartialDate.precision`."""
    year, month, day, week = v
    if week is not None:
        return f"{year:04d}-W{week:02d}", "week"
    if day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if month is not None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}", "year"
