"""The domain model: plain dataclasses shared by every part of the corpus layer and the app.

Dates are partial (a year, a month, an ISO week or a day) because news text is: "in 2021",
"in May", "next week", "on Wednesday". Filters compare them by overlap of the days they cover.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

Precision = Literal["year", "month", "week", "day"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, month, ISO week or day."""

    year: int
    month: int | None = None
    day: int | None = None
    week: int | None = None  # ISO week number; only when precision is "week"

    def __post_init__(self) -> None:
        # Validate eagerly so a bad date never travels further than where it was made.
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.week is not None:
            if self.month is not None or self.day is not None:
                raise ValueError("a week date has no month or day")
            date.fromisocalendar(self.year, self.week, 1)
        elif self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            date(self.year, self.month, self.day)
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")

    @property
    def precision(self) -> Precision:
        if self.week is not None:
            return "week"
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str:
        if self.week is not None:
            return f"{self.year:04d}-W{self.week:02d}"
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse an ISO string at its precision: 2021, 2021-09, 2021-09-17, 2022-W38."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not an ISO date: {text!r}")
        year, month, day, week = m.groups()
        return cls(
            int(year),
            int(month) if month else None,
            int(day) if day else None,
            int(week) if week else None,
        )

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @property
    def first_day(self) -> date:
        if self.week is not None:
            return date.fromisocalendar(self.year, self.week, 1)
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.week is not None:
            return date.fromisocalendar(self.year, self.week, 7)
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    @property
    def sort_key(self) -> tuple[date, int]:
        # Coarser dates sort before finer ones that start on the same day: "2022" before "Jan 1".
        order = {"year": 0, "month": 1, "week": 2, "day": 3}[self.precision]
        return (self.first_day, order)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or a range of dates ("September 16-17", "the first five months of 2022")."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def first_day(self) -> date:
        return self.start.first_day

    @property
    def last_day(self) -> date:
        return (self.end or self.start).last_day

    @property
    def precision(self) -> Precision:
        return self.start.precision

    def overlaps(self, lo: date | None, hi: date | None) -> bool:
        """True when any day of this span lies in [lo, hi] (either bound may be open)."""
        if lo is not None and self.last_day < lo:
            return False
        if hi is not None and self.first_day > hi:
            return False
        return True

    @property
    def sort_key(self) -> tuple[date, int, date]:
        first, order = self.start.sort_key
        return (first, order, self.last_day)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text.

    `value` is the ISO string at its precision, or None when the expression is relative and
    there was no reference date to resolve it against (left unresolved rather than guessed).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None
    end_value: str | None = None
    relative: bool = False

    @property
    def span(self) -> DateSpan | None:
        if self.value is None:
            return None
        return DateSpan(
            PartialDate.parse(self.value),
            PartialDate.parse(self.end_value) if self.end_value else None,
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one file. `fatal` means the file could not be loaded at all."""

    path: str
    message: str
    line: int | None = None
    fatal: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Person:
    """A person, by canonical name, with the other names and the roles the texts give them."""

    name: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


class Quote(NamedTuple):
    """A direct quote in an article body. `start`/`end` are offsets into the sanitized body,
    covering the quoted words (without the quote marks). (A named tuple, not a dataclass: a
    20,000-article corpus makes 300,000 of them, four times faster.)"""

    text: str
    start: int
    end: int
    speaker: str | None  # canonical person name
    cue: str | None  # "said", "according to", ...
    fragment: bool  # a few quoted words inside a sentence, not a full quote
    article_id: str = ""


@dataclass(slots=True)
class Article:
    """One article: metadata, the sanitized body, and what extraction found in it."""

    id: str
    path: str  # as given to the user: relative to the corpus root's parent when possible
    title: str
    body: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    dateline: str | None = None
    tags: list[str] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) in body
    quotes: list[Quote] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # canonical names, most mentioned first
    topics: list[str] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Mention(NamedTuple):
    """Where an event is reported: a sentence of an article. (A named tuple, as `Quote`.)"""

    article_id: str
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    id: str
    span: DateSpan | None  # None for an undated article: listed under "Undated", never dropped
    title: str
    mentions: list[Mention]
    people: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    kind: Literal["article", "sentence"] = "sentence"

    @property
    def article_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(m.article_id, None)
        return list(seen)


@dataclass(slots=True)
class PersonSpec:
    """A person declared in the manifest."""

    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Manifest:
    """The optional `timeline.toml` of a corpus folder."""

    title: str | None = None
    description: str | None = None
    default_range: tuple[date | None, date | None] | None = None
    overrides: dict[str, dict[str, str]] = field(default_factory=dict)
    people: list[PersonSpec] = field(default_factory=list)
    topics: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Corpus:
    root: Path
    title: str
    articles: dict[str, Article]
    events: list[Event]  # chronological; undated article events (span None) last
    people: dict[str, Person]  # canonical name -> person
    problems: list[Problem]
    description: str | None = None
    default_range: tuple[date | None, date | None] | None = None
    # Lookup structures for filtering (tui.corpus.query_index.QueryIndex), built on first use; never
    # pickled (the index reduces to None) and rebuilt when `events` or `articles` is replaced.
    index: object | None = field(default=None, repr=False, compare=False)
    # Kept by the index cache beside a loaded snapshot: quotes per speaker (so the quotes of
    # every article need not be read to rank speakers) and the events' searchable text
    # (`query_index.StoredTexts`). None for a corpus built in memory: computed when needed.
    speakers: Counter[str] | None = field(default=None, repr=False, compare=False)
    event_texts: object | None = field(default=None, repr=False, compare=False)
    # Set by assembly: the corpus name of each name as an extraction wrote it (quote speakers
    # among them); the snapshot renames the stored quotes' speakers with it.
    speaker_names: dict[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def undated_articles(self) -> list[Article]:
        return [a for a in self.articles.values() if a.published is None]
