"""Filtering the timeline: by people, topics, sources, a date range and free text.

Within one facet the choices are alternatives (Putin or Raisi); across facets they all apply
(Putin and trade and 2022). Date ranges match by overlap: an event dated "2022" matches a range
covering only June 2022, and a range "2022-06" matches an event on 29 June 2022.
"""

from __future__ import annotations

import operator
from collections import Counter
from datetime import date

from tui.corpus.filters import Filter
from tui.corpus.model import Corpus, DateSpan, Event, PartialDate, Quote
from tui.corpus.query_index import Facets, query_index


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
        return _copy(idx.full_facets())
    last = idx._last
    if last is not None and last[0] is events:
        return idx.facets_at(last[1])
    return _facets_of(corpus, events)




def prepare(corpus: Corpus) -> None:
    """Build every lookup structure filtering uses (postings, day ordinals, the events' text,
    the facets of all events) now, rather than on the first filter of each kind: the app runs
    this in a thread once a corpus is loaded, so no first use stalls a key press."""
    idx = query_index(corpus)
    idx.by_person, idx.by_topic, idx.by_source, idx.days  # noqa: B018 - built on first access
    idx.texts(corpus)
    idx.by_article()
    facets(corpus, corpus.events)


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
