"""The filtering index: what `query.filter_events` and `query.facets` need, computed once per
corpus (event positions by person, topic and source; day ordinals for date ranges; casefolded
event text on the first text search), so a filter change costs milliseconds at 100,000 events.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tui.corpus.model import Corpus, DateSpan, Event

if TYPE_CHECKING:
    from tui.corpus.query import Filter


@dataclass(slots=True)
class Facets:
    """How many of the given events carry each person, topic, source and year."""

    people: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    years: Counter[int] = field(default_factory=Counter)


def _none() -> None:
    return None


class QueryIndex:
    """What filtering needs, computed once per corpus: event positions by person, topic and
    source, day ordinals for date ranges, and (on the first text search) each event's
    searchable text, casefolded. Cached on `Corpus.index`; never pickled."""

    __slots__ = (
        "_by_article",
        "_by_source",
        "_days",
        "_full_facets",
        "_last",
        "_people",
        "_sources",
        "_texts",
        "_titles",
        "_topics",
        "articles",
        "events",
        "n",
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
        self._texts: EventTexts | None = None
        self._by_article: dict[str, list[int]] | None = None
        self._titles: list[tuple[str, str]] | None = None
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
                aids = e.article_ids
                if len(aids) < 2:
                    src = source_of.get(aids[0]) if aids else None
                    out.append(() if src is None else one.setdefault(src, (src,)))
                else:
                    out.append(tuple(sorted({source_of[a] for a in aids if a in source_of})))
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

    def texts(self, corpus: Corpus) -> EventTexts:
        if self._texts is None:
            stored = corpus.event_texts
            if isinstance(stored, StoredTexts) and stored.events is self.events:
                self._texts = stored.load()
            if self._texts is None:
                self._texts = EventTexts.build(self.events)
        return self._texts

    def by_article(self) -> dict[str, list[int]]:
        if self._by_article is None:
            self._by_article = _positions(e.article_ids for e in self.events)
        return self._by_article

    def with_word(self, corpus: Corpus, word: str, order: list[int]) -> list[int]:
        """The positions in `order` whose event text, or the title of one of whose articles,
        contains `word` (casefolded)."""
        keep = set(self.texts(corpus).having(word, order))
        if self._titles is None:
            self._titles = [(aid, art.title.casefold()) for aid, art in self.articles.items()]
        for aid, title in self._titles:
            if word in title:
                keep.update(self.by_article().get(aid, ()))
        return [i for i in order if i in keep]

    def full_facets(self) -> Facets:
        """Facets of every event, computed once: the lengths of the position lists."""
        if self._full_facets is None:
            years: Counter[int] = Counter()
            spans: Counter[DateSpan] = Counter(e.span for e in self.events if e.span is not None)
            for span, count in spans.items():
                for y in range(span.first_day.year, span.last_day.year + 1):
                    years[y] += count
            self._full_facets = Facets(
                Counter({k: len(v) for k, v in self.by_person.items()}),
                Counter({k: len(v) for k, v in self.by_topic.items()}),
                Counter({k: len(v) for k, v in self.by_source.items()}),
                years,
            )
        return self._full_facets

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

        for values, name in ((flt.people, "by_person"), (flt.topics, "by_topic"), (flt.sources, "by_source")):
            if values:
                table = getattr(self, name)  # built on first use: a text search needs none of them
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
        for w in words:
            order = self.with_word(corpus, w, list(order))
        return list(order)


class EventTexts:
    """The searchable text of every event (its title and the sentences that report it,
    casefolded) as one UTF-8 blob: event i is `blob[starts[i]:starts[i + 1] - 1]`, each followed
    by a NUL, which sanitized text never holds. One object instead of 100,000 strings, and a
    word is found by `bytes.find` jumping from event to event."""

    __slots__ = ("blob", "starts")

    def __init__(self, blob: bytes, starts: array) -> None:
        self.blob = blob
        self.starts = starts

    @classmethod
    def build(cls, events: Iterable[Event]) -> EventTexts:
        parts: list[bytes] = []
        starts = array("q", [0])
        pos = 0
        for e in events:
            text = "\n".join([e.title, *(m.sentence for m in e.mentions)]).casefold()
            data = text.encode("utf-8", "surrogatepass") + b"\0"
            parts.append(data)
            pos += len(data)
            starts.append(pos)
        return cls(b"".join(parts), starts)

    def having(self, word: str, order: list[int]) -> list[int]:
        """The positions in `order` whose text contains `word` (already casefolded)."""
        needle = word.encode("utf-8", "surrogatepass")
        if not needle or b"\0" in needle:
            return []
        blob, starts = self.blob, self.starts
        if len(order) * 16 < len(starts):  # few candidates: look inside each
            return [i for i in order if blob.find(needle, starts[i], starts[i + 1]) >= 0]
        hits: set[int] = set()
        pos = blob.find(needle)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            hits.add(i)
            pos = blob.find(needle, starts[i + 1])
        return [i for i in order if i in hits]


class StoredTexts:
    """Event texts kept in the index cache for one list of events: `load()` reads them (None
    when they cannot be read; the index then builds them from the events)."""

    __slots__ = ("events", "load")

    def __init__(self, events: list[Event], load: Callable[[], EventTexts | None]) -> None:
        self.events = events
        self.load = load


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

    __slots__ = ("dated", "first", "last", "max_len", "undated")

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
