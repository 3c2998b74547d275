"""What the reader shows: the filter (people, topics, sources, a date range, free text) as a value.

Kept apart from the matching (query.py) and free of the corpus model: the app holds a filter from
its first frame, and importing the model then would delay that frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Filter:
    people: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    include_undated: bool = True  # undated articles show unless a date range is set

    @property
    def is_empty(self) -> bool:
        return not (
            self.people
            or self.topics
            or self.sources
            or self.date_from
            or self.date_to
            or self.text.strip()
        )

    def describe(self) -> str:
        """A short human summary: "Putin · trade · 2022-01-01…2022-01-31 · “visit”", or "none"."""
        parts: list[str] = []
        parts += sorted(self.people)
        parts += sorted(self.topics)
        parts += sorted(self.sources)
        if self.date_from or self.date_to:
            parts.append(describe_range(self.date_from, self.date_to))
        if self.text.strip():
            parts.append(f"“{self.text.strip()}”")
        return " · ".join(parts) if parts else "none"

    def toggled(self, facet: str, value: str) -> Filter:
        """This filter with `value` added to or removed from `facet` (people/topics/sources)."""
        current: frozenset[str] = getattr(self, facet)
        new = current - {value} if value in current else current | {value}
        return replace(self, **{facet: new})

    def with_range(self, lo: date | None, hi: date | None) -> Filter:
        return replace(self, date_from=lo, date_to=hi)

    def with_text(self, text: str) -> Filter:
        return replace(self, text=text)


def describe_range(lo: date | None, hi: date | None) -> str:
    """The shortest honest name of a day range: "2022", "2021–2022", "2022-01", "2022-01–2022-03",
    "…–2015", "2022-01-05–2022-01-09"."""
    whole_years = (lo is None or (lo.month, lo.day) == (1, 1)) and (hi is None or (hi.month, hi.day) == (12, 31))
    whole_months = (lo is None or lo.day == 1) and (hi is None or (hi + timedelta(days=1)).day == 1)

    def name(d: date | None) -> str:
        if d is None:
            return "…"
        if whole_years:
            return str(d.year)
        return f"{d.year:04d}-{d.month:02d}" if whole_months else d.isoformat()

    a, b = name(lo), name(hi)
    return a if lo and hi and a == b else f"{a}–{b}"
