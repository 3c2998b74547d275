"""Filtering the timeline: by people, topics, sources, a date range and free text.

Within one facet the choices are alternatives (Putin or Raisi); across facets they all apply
(Putin and trade and 2022). Date ranges match by overlap: an event dated "2022" matches a range
covering only June 2022, and a range "2022-06" matches an event on 29 June 2022.
"""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from tui.corpus.model import Corpus, DateSpan, Event, PartialDate, Quote


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


def parse_range(text: str) -> tuple[date | None, date | None]:
    """Parse "2022", "2022-01", "2021..2022", "2022-01-01..2022-03", "..2021" into day bounds.

    Either side may be empty (open). Raises ValueError on anything else.
    """
    text = text.strip()
    for sep in ("..", "–", " to "):
        if sep in text:
            lo_s, hi_s = text.split(sep, 1)
            break
    else:
        lo_s = hi_s = text
    lo = PartialDate.parse(lo_s).first_day if lo_s.strip() else None
    hi = PartialDate.parse(hi_s).last_day if hi_s.strip() else None
    if lo is None and hi is None:
        raise ValueError("empty date range")
    if lo and hi and lo > hi:
        raise ValueError("the range ends before it starts")
    return lo, hi


def event_sources(corpus: Corpus, event: Event) -> set[str]:
    return {
        corpus.articles[a].source or "Unknown source"
        for a in event.article_ids
        if a in corpus.articles
    }


def _event_text(corpus: Corpus, event: Event) -> str:
    parts = [event.title]
    parts += [m.sentence for m in event.mentions]
    for a in event.article_ids:
        art = corpus.articles.get(a)
        if art is not None:
            parts.append(art.title)
    return "\n".join(parts).casefold()


def matches(corpus: Corpus, event: Event, flt: Filter) -> bool:
    """Does one event pass `flt`? (The reference semantics; `filter_events` uses an index.)"""
    if flt.people and not flt.people.intersection(event.people):
        return False
    if flt.topics and not flt.topics.intersection(event.topics):
        return False
    if flt.sources and not flt.sources.intersection(event_sources(corpus, event)):
        return False
    if flt.date_from or flt.date_to:
        if event.span is None or not event.span.overlaps(flt.date_from, flt.date_to):
            return False
    elif event.span is None and not flt.include_undated:
        return False
    needle = flt.text.strip().casefold()
    if needle and not all(word in _event_text(corpus, event) for word in needle.split()):
        return False
    return True


def _none() -> None:
    return None


class QueryIndex:
    """What filtering needs, computed once per corpus: event positions by person, topic and
    source, day ordinals for date ranges, and (on the first text search) each event's
    searchable text, casefolded. Cached on `Corpus.index`; never pickled."""

    __slots__ = (
        "events", "articles", "n", "_people", "_topics", "_sources", "_by_source", "_days",
        "_texts", "_full_facets", "_last",
    )

    def __init__(self, corpus: Corpus) -> None:
        self.events = corpus.events
        self.articles = corpus.articles
        self.n = len(self.events)
        # Each part is built on first use: a person filter needs neither days nor texts.
        self._people: dict[str, list[int]] | None = None
        self._topics: dict[str, list[int]] | None = None
        self._sources: list[tuple[str, ...]] | None = None
        self._by_source: dict[str, list[int]] | None = None
        self._days: _Days | None = None
        self._texts: list[str] | None = None
        self._full_facets: Facets | None = None
        self._last: tuple[list[Event], list[int]] | None = None

    @property
    def by_person(self) -> dict[str, list[int]]:
        if self._people is None:
            self._people = _positions(e.people for e in self.events)
        return self._people

    @property
    def by_topic(self) -> dict[str, list[int]]:
        if self._topics is None:
            self._topics = _positions(e.topics for e in self.events)
        return self._topics

    @property
    def sources(self) -> list[tuple[str, ...]]:
        """Each event's sources (sorted, "Unknown source" for an article without one)."""
        if self._sources is None:
            source_of = {aid: art.source or "Unknown source" for aid, art in self.articles.items()}
            one: dict[str, tuple[str, ...]] = {}
            out: list[tuple[str, ...]] = []
            for e in self.events:
                mentions = e.mentions
                aid = mentions[0].article_id if mentions else None
                if all(m.article_id == aid for m in mentions):
                    src = source_of.get(aid)  # type: ignore[arg-type]
                    out.append(() if src is None else one.setdefault(src, (src,)))
                else:
                    out.append(tuple(sorted({source_of[m.article_id] for m in mentions if m.article_id in source_of})))
            self._sources = out
        return self._sources

    @property
    def by_source(self) -> dict[str, list[int]]:
        if self._by_source is None:
            self._by_source = _positions(self.sources)
        return self._by_source

    @property
    def days(self) -> _Days:
        if self._days is None:
            self._days = _Days(self.events)
        return self._days

    def __reduce__(self) -> tuple:
        return (_none, ())

    def fresh_for(self, corpus: Corpus) -> bool:
        return self.events is corpus.events and self.articles is corpus.articles and self.n == len(corpus.events)

    def texts(self, corpus: Corpus) -> list[str]:
        if self._texts is None:
            # As `_event_text`, faster: casefolding commutes with joining, so article titles
            # are casefolded once each.
            titles = {aid: art.title.casefold() for aid, art in self.articles.items()}
            out = []
            for e in self.events:
                parts = [e.title.casefold()]
                parts += [m.sentence.casefold() for m in e.mentions]
                seen: dict[str, None] = {}
                for m in e.mentions:
                    seen.setdefault(m.article_id, None)
                parts += [titles[a] for a in seen if a in titles]
                out.append("\n".join(parts))
            self._texts = out
        return self._texts

    def full_facets(self) -> Facets:
        """Facets of every event: the lengths of the position lists."""
        years: Counter[int] = Counter()
        spans: Counter[DateSpan] = Counter(e.span for e in self.events if e.span is not None)
        for span, count in spans.items():
            for y in range(span.first_day.year, span.last_day.year + 1):
                years[y] += count
        return Facets(
            Counter({k: len(v) for k, v in self.by_person.items()}),
            Counter({k: len(v) for k, v in self.by_topic.items()}),
            Counter({k: len(v) for k, v in self.by_source.items()}),
            years,
        )

    def facets_at(self, positions: Iterable[int]) -> Facets:
        """Facets of the events at `positions` (each position once)."""
        events, sources = self.events, self.sources
        people: Counter[str] = Counter()
        topics: Counter[str] = Counter()
        srcs: Counter[str] = Counter()
        years: Counter[int] = Counter()
        spans: Counter[DateSpan] = Counter()
        for i in positions:
            e = events[i]
            p = e.people
            people.update(p if len(p) < 2 else set(p))
            t = e.topics
            topics.update(t if len(t) < 2 else set(t))
            srcs.update(sources[i])
            if e.span is not None:
                spans[e.span] += 1
        for span, count in spans.items():
            for y in range(span.first_day.year, span.last_day.year + 1):
                years[y] += count
        return Facets(people, topics, srcs, years)

    def positions(self, corpus: Corpus, flt: Filter) -> list[int]:
        chosen: set[int] | None = None

        def narrow(found: Iterable[int]) -> None:
            nonlocal chosen
            chosen = set(found) if chosen is None else chosen.intersection(found)

        for values, table in ((flt.people, self.by_person), (flt.topics, self.by_topic), (flt.sources, self.by_source)):
            if values:
                hits: set[int] = set()
                for v in values:
                    hits.update(table.get(v, ()))
                narrow(hits)
        if flt.date_from or flt.date_to:
            narrow(self.days.overlapping(flt.date_from, flt.date_to))
        elif not flt.include_undated and self.days.undated:
            undated = set(self.days.undated)
            if chosen is None:
                chosen = set(range(self.n)) - undated
            else:
                chosen -= undated
        order = range(self.n) if chosen is None else sorted(chosen)
        words = flt.text.strip().casefold().split()
        if words:
            texts = self.texts(corpus)
            for w in words:
                order = [i for i in order if w in texts[i]]
        return list(order)


def _positions(values: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """value -> the positions (ascending) of the items carrying it."""
    out: dict[str, list[int]] = {}
    for i, vs in enumerate(values):
        for v in vs:
            got = out.get(v)
            if got is None:
                out[v] = [i]
            elif got[-1] != i:  # a value listed twice in one item counts once
                got.append(i)
    return out


class _Days:
    """Day ordinals of the dated events, sorted by first day, for range queries by bisection."""

    __slots__ = ("undated", "dated", "first", "last", "max_len")

    def __init__(self, events: list[Event]) -> None:
        undated: list[int] = []
        dated: list[tuple[int, int, int]] = []
        ordinals: dict[DateSpan, tuple[int, int]] = {}
        for i, e in enumerate(events):
            span = e.span
            if span is None:
                undated.append(i)
                continue
            days = ordinals.get(span)
            if days is None:
                days = ordinals[span] = (span.first_day.toordinal(), span.last_day.toordinal())
            dated.append((days[0], i, days[1]))
        dated.sort()
        self.undated = undated
        self.first = [d[0] for d in dated]
        self.dated = [d[1] for d in dated]
        self.last = [d[2] for d in dated]
        self.max_len = max((d[2] - d[0] for d in dated), default=0)

    def overlapping(self, lo: date | None, hi: date | None) -> list[int]:
        """Positions of the dated events with a day in [lo, hi] (either bound open)."""
        a = 0 if lo is None else bisect_left(self.first, lo.toordinal() - self.max_len)
        b = len(self.first) if hi is None else bisect_right(self.first, hi.toordinal())
        if lo is None:
            return self.dated[a:b]
        lo_o, last, dated = lo.toordinal(), self.last, self.dated
        return [dated[k] for k in range(a, b) if last[k] >= lo_o]


def query_index(corpus: Corpus) -> QueryIndex:
    """The corpus's filtering index, built on first use (and again if its events were replaced)."""
    idx = corpus.index
    if not isinstance(idx, QueryIndex) or not idx.fresh_for(corpus):
        idx = QueryIndex(corpus)
        corpus.index = idx
    return idx


def filter_events(corpus: Corpus, flt: Filter) -> list[Event]:
    """The events that pass `flt`, in the corpus's chronological order."""
    if flt.is_empty and flt.include_undated:
        return list(corpus.events)
    idx = query_index(corpus)
    found = idx.positions(corpus, flt)
    events = idx.events
    out = [events[i] for i in found]
    idx._last = (out, found)
    return out


@dataclass(slots=True)
class Facets:
    """How many of the given events carry each person, topic, source and year."""

    people: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    years: Counter[int] = field(default_factory=Counter)


def _facets_of(corpus: Corpus, events: list[Event]) -> Facets:
    out = Facets()
    for event in events:
        out.people.update(set(event.people))
        out.topics.update(set(event.topics))
        out.sources.update(event_sources(corpus, event))
        if event.span is not None:
            out.years.update(range(event.span.first_day.year, event.span.last_day.year + 1))
    return out


def _copy(f: Facets) -> Facets:
    return Facets(Counter(f.people), Counter(f.topics), Counter(f.sources), Counter(f.years))


def facets(corpus: Corpus, events: list[Event]) -> Facets:
    idx = query_index(corpus)
    all_events = idx.events
    if events is all_events or (len(events) == idx.n and all(map(operator.is_, events, all_events))):
        if idx._full_facets is None:
            idx._full_facets = idx.facets_at(range(idx.n))
        return _copy(idx._full_facets)
    last = idx._last
    if last is not None and last[0] is events:
        return idx.facets_at(last[1])
    return _facets_of(corpus, events)




def article_count(events: list[Event]) -> int:
    """How many distinct articles report the given events."""
    return len({a for e in events for a in e.article_ids})


def quote_date(corpus: Corpus, quote: Quote) -> DateSpan | None:
    art = corpus.articles.get(quote.article_id)
    if art is None or art.published is None:
        return None
    return DateSpan(art.published)


def quotes_by_date(corpus: Corpus, flt: Filter | None = None) -> list[Quote]:
    """Every quote in the corpus, oldest article first, in text order within an article."""
    quotes = [q for q in all_quotes(corpus) if flt is None or quote_matches(corpus, q, flt)]

    def key(q: Quote) -> tuple:
        span = quote_date(corpus, q)
        return (span is None, span.sort_key if span else (date.min, 0, date.min), q.article_id, q.start)

    return sorted(quotes, key=key)


def quotes_by_speaker(corpus: Corpus, flt: Filter | None = None) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped by speaker (most quoted first; unattributed last), each group by date."""
    groups: dict[str, list[Quote]] = {}
    for q in quotes_by_date(corpus, flt):
        groups.setdefault(q.speaker or "", []).append(q)
    named = sorted((k for k in groups if k), key=lambda k: (-len(groups[k]), k))
    order = named + ([""] if "" in groups else [])
    return [(k or "Unattributed", groups[k]) for k in order]


def all_quotes(corpus: Corpus) -> list[Quote]:
    return [q for art in corpus.articles.values() for q in art.quotes]


def quote_matches(corpus: Corpus, quote: Quote, flt: Filter) -> bool:
    art = corpus.articles.get(quote.article_id)
    if art is None:
        return False
    if flt.people and quote.speaker not in flt.people:
        return False
    if flt.topics and not flt.topics.intersection(art.topics):
        return False
    if flt.sources and (art.source or "Unknown source") not in flt.sources:
        return False
    if flt.date_from or flt.date_to:
        span = quote_date(corpus, quote)
        if span is None or not span.overlaps(flt.date_from, flt.date_to):
            return False
    needle = flt.text.strip().casefold()
    if needle:
        hay = f"{quote.text}\n{quote.speaker or ''}".casefold()
        if not all(w in hay for w in needle.split()):
            return False
    return True
