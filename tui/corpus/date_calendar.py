"""Calendar arithmetic for resolving relative dates against a reference (publication) date.

Conventions (documented choices):
- A bare weekday, a month or a day/month without a year is resolved by tense: past -> the latest such day
  (or month) on or before the reference, future -> the earliest on or after it. The same day
  (month) counts both ways: "on Tuesday" written on a Tuesday is that Tuesday. Without a tense
  cue a weekday or a month is taken as past; a day and month ("Jan. 14") as the nearest such date,
  and tense moves a day and month to its side of the reference only within half a year.
- "last Friday" is strictly before the reference, "next Friday" strictly after.
- "this week" / "next week" / "last week" are ISO weeks. "the coming week" means the next seven
  days (reference .. reference+6); it is labelled with the ISO week holding most of them, i.e. the
  week of reference+3: written on a Monday it is that week, written on a Friday the next one.
"""

from __future__ import annotations

from datetime import date, timedelta

from .model import PartialDate


def week_of(d: date) -> PartialDate:
    y, w, _ = d.isocalendar()
    return PartialDate(y, week=w)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    i = year * 12 + (month - 1) + n
    return i // 12, i % 12 + 1


def weekday_near(ref: date, wd: int, mode: str) -> date:
    """mode: past (on/before), future (on/after), last (strictly before), next (strictly after)."""
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mode == "past":
        return ref - timedelta(days=back)
    if mode == "future":
        return ref + timedelta(days=fwd)
    if mode == "last":
        return ref - timedelta(days=back or 7)
    return ref + timedelta(days=fwd or 7)


def month_year(ref: date, month: int, tense: str) -> int:
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def day_years(ref: date, month: int, day: int) -> tuple[int, int, int]:
    """The years `day_year` gives with no tense, in the past and in the future (`year_for`
    picks one): each date looked at once (the three years around the reference; an impossible
    one is passed over)."""
    y = ref.year
    gaps: dict[int, int] = {}
    near, best = y, None
    for k in (y, y - 1, y + 1):  # (nearest: the first of equal gaps, in this order)
        try:
            gap = abs((date(k, month, day) - ref).days)
        except ValueError:
            continue
        gaps[k] = gap
        if best is None or gap < best:
            near, best = k, gap
    # Tense picks the side, but only within half a year.
    past = y if (month, day) <= (ref.month, ref.day) else y - 1
    future = y if (month, day) >= (ref.month, ref.day) else y + 1
    past_gap, future_gap = gaps.get(past), gaps.get(future)
    return (
        near,
        past if past_gap is not None and past_gap <= 183 else near,
        future if future_gap is not None and future_gap <= 183 else near,
    )


def year_for(years: tuple[int, int, int], tense: str | None) -> int:
    """The year of `day_years` for a tense."""
    return years[2] if tense == "future" else years[1] if tense == "past" else years[0]


def day_year(ref: date, month: int, day: int, tense: str | None) -> int:
    """Tense picks the side, but only within half a year: "payable Dec. 15" in a sentence whose
    nearest verb is past still means the coming Dec. 15 rather than one almost a year back."""
    return year_for(day_years(ref, month, day), tense)


def day_year_depends_on_tense(ref: date, month: int, day: int) -> bool:
    """Whether `day_year` answers differently for some tense (past, future, none). Seldom: each
    tense keeps the nearest year but for a day about half a year away, so the tense of the
    sentence around a day and month is looked up only when this says so."""
    near, past, future = day_years(ref, month, day)
    return past != near or future != near


def nearest_year(ref: date, month: int, day: int) -> int:
    """The year putting month/day nearest the reference (no tense to go by)."""
    best, gap = ref.year, None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        try:
            d = abs((date(y, month, day) - ref).days)
        except ValueError:
            continue
        if gap is None or d < gap:
            best, gap = y, d
    return best


def year_matching_weekday(ref: date, month: int, day: int, wd: int) -> int | None:
    """The year nearest the reference in which month/day falls on weekday `wd`, if any is near."""
    best = None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == wd and (best is None or abs(d - ref) < abs(date(best, month, day) - ref)):
            best = y
    return best


def shift(ref: date, unit: str, n: int) -> PartialDate:
    """The reference moved by n units, at that unit's precision."""
    if unit == "year":
        return PartialDate(ref.year + n)
    if unit == "month":
        y, m = add_months(ref.year, ref.month, n)
        return PartialDate(y, m)
    if unit == "week":
        return week_of(ref + timedelta(weeks=n))
    return PartialDate.from_date(ref + timedelta(days=n))


def coming(ref: date, unit: str) -> PartialDate:
    """'the coming week/month/year': the unit holding the middle of the next stretch."""
    half = {"week": 3, "month": 15, "year": 182}[unit]
    d = ref + timedelta(days=half)
    if unit == "week":
        return week_of(d)
    if unit == "month":
        return PartialDate(d.year, d.month)
    return PartialDate(d.year)
