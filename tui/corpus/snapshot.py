"""The assembled corpus as the index cache keeps it: a compact form that loads in a fraction of
the time the object graph took (at 20,000 articles, unpickling ~700,000 objects held the
interpreter for over a second and kept ~400 MB alive).

What stays out of memory until it is asked for:
- an article's quotes: read from its file's row in the cache database (as extraction found
  them) and decoded when the article is, their speakers renamed to corpus names with the
  snapshot's map (a small shared cache keeps the last few); the corpus-wide count of quotes per
  speaker is in the snapshot;
- an event's mentions: (article, start, end) triples in one array; the sentence is read from
  the article's body (itself in the cache) when a mention is asked for;
- the searchable text of every event: built here, stored beside the snapshot and read on the
  first text search (`query_index.EventTexts`).

Only our own validated database (see `cache.IndexCache`) is ever unpickled; what it holds is
plain data (tuples, lists, strings, numbers, arrays, dates), never our classes.
"""

from __future__ import annotations

import json
import threading
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import Any

from tui.corpus.cache_rows import BodyStore, LazyArticle
from tui.corpus.model import (
    Article,
    Corpus,
    DateSpan,
    Event,
    Mention,
    PartialDate,
    Person,
    Problem,
    Quote,
)

FORMAT = 3

_EVENT_MENTIONS = Event.__dict__["mentions"]  # the slot descriptor under PackedEvent's property
_ARTICLE_QUOTES = Article.__dict__["quotes"]


class _Shared:
    """What the packed events and articles of one loaded snapshot share."""

    __slots__ = ("article_ids", "articles", "lock", "mentions", "quotes", "read_quotes", "speaker_names")

    def __init__(
        self,
        articles: dict[str, Article],
        article_ids: list[str],
        mentions: array,
        read_quotes: Callable[[str], str | None],
        speaker_names: dict[str, str],
    ) -> None:
        self.read_quotes = read_quotes  # an article's file (relative path) -> its quotes as JSON
        self.speaker_names = speaker_names  # a speaker's name as extracted -> its corpus name
        self.articles = articles
        self.article_ids = article_ids  # article number -> id
        self.mentions = mentions  # (article number, start, end) per mention, flat
        self.quotes: OrderedDict[str, list[Quote]] = OrderedDict()  # the last few decoded
        self.lock = threading.Lock()


class PackedEvent(Event):
    """An `Event` whose mentions are three integers each until asked for; the sentence of a
    mention is then cut from its article's body."""

    __slots__ = ("_aids", "_hi", "_lo", "_shared")

    @property  # type: ignore[override]
    def mentions(self) -> list[Mention]:
        own = _EVENT_MENTIONS.__get__(self, Event)
        if own is not None:
            return own
        sh: _Shared = self._shared
        m, ids, out = sh.mentions, sh.article_ids, []
        for k in range(self._lo, self._hi, 3):
            aid, start, end = ids[m[k]], m[k + 1], m[k + 2]
            art = sh.articles.get(aid)
            out.append(Mention(aid, art.body[start:end] if art is not None else "", start, end))
        return out

    @mentions.setter
    def mentions(self, value: list[Mention]) -> None:
        _EVENT_MENTIONS.__set__(self, value)

    @property
    def article_ids(self) -> list[str]:
        if _EVENT_MENTIONS.__get__(self, Event) is not None:
            return Event.article_ids.fget(self)  # type: ignore[attr-defined]
        return list(self._aids)

    def __repr__(self) -> str:
        # Not the dataclass's: it would read every mention's article body from the cache.
        return f"PackedEvent(id={self.id!r}, span={self.span!r}, title={self.title!r}, articles={self._aids!r})"

    def __reduce__(self) -> tuple:
        # Pickled (or deep-copied) on its own, it becomes a plain event.
        return (Event, (self.id, self.span, self.title, self.mentions, list(self.people), list(self.topics), self.kind))


class SnapshotArticle(LazyArticle):
    """A `LazyArticle` whose quotes stay JSON text until the article is read."""

    __slots__ = ("_shared",)

    @property  # type: ignore[override]
    def quotes(self) -> list[Quote]:
        own = _ARTICLE_QUOTES.__get__(self, Article)
        if own is not None:
            return own
        sh: _Shared = self._shared
        with sh.lock:
            got = sh.quotes.get(self.id)
            if got is not None:
                sh.quotes.move_to_end(self.id)
                return got
        aid = self.id
        text = sh.read_quotes(self._row[0])
        names = sh.speaker_names
        got = [
            Quote(t, s, e, names.get(sp, sp) if sp else sp, cue, frag, aid) for t, s, e, sp, cue, frag in json.loads(text)
        ] if text else []  # fmt: skip
        with sh.lock:
            sh.quotes[aid] = got
            if len(sh.quotes) > 256:
                sh.quotes.popitem(last=False)
        return got

    @quotes.setter
    def quotes(self, value: list[Quote]) -> None:
        _ARTICLE_QUOTES.__set__(self, value)

    def __reduce__(self) -> tuple:
        # Pickled on its own (a test, a deep copy), a snapshot article becomes a plain one.
        return (Article, tuple(getattr(self, f) for f in Article.__dataclass_fields__))


# -- writing ----------------------------------------------------------------------------------


def encode(corpus: Corpus, paths: dict[str, Any]) -> dict[str, Any]:
    """The corpus (its root aside) as plain data (the cache pickles it), with `paths` (how its
    files were shown: see `file_plan.relocate`). Articles that are `LazyArticle`s keep their
    body and quotes in the cache (the quotes with the speakers' names as extracted: the corpus
    names they map to, `Corpus.speaker_names`, are stored here); any other article is stored
    whole."""
    order = list(corpus.articles)
    article_ids = list(order)  # numbers for mentions: the articles, then any unknown id
    number = {aid: i for i, aid in enumerate(article_ids)}
    # Equal strings (names, topics) made one object each: pickled once, loaded once.
    one = {aid: aid for aid in article_ids}.setdefault
    speakers: Counter[str] = Counter()
    lazy_rows, plain = [], []
    for art in corpus.articles.values():
        speakers.update([sp for q in art.quotes if (sp := q.speaker)])
        if not isinstance(art, LazyArticle):
            plain.append(art)
            continue
        lazy_rows.append((
            art._row, art.id, art.path, art.title, art.source, art.url, art.author,
            art.published.iso if art.published else None, art.dateline, list(art.tags),
            [one(p, p) for p in art.people], [one(t, t) for t in art.topics],
            [(p.path, p.message, p.line, p.fatal) for p in art.problems],
        ))  # fmt: skip
    spans: dict[DateSpan | None, int] = {None: -1}
    span_rows: list[tuple[str, str | None]] = []
    mentions = array("i")
    ids, titles, kinds, people, topics, aids = [], [], bytearray(), [], [], []
    span_of, bounds = array("i"), array("i", [0])
    last_span, k = None, -1  # a date's events come together and mostly share one span object
    for e in corpus.events:
        span = e.span
        if span is not last_span:
            k = spans.get(span)  # type: ignore[assignment]
            if k is None:
                k = spans[span] = len(span_rows)
                span_rows.append((span.start.iso, span.end.iso if span.end else None))  # type: ignore[union-attr]
            last_span = span
        span_of.append(k)
        ids.append(e.id)
        titles.append(e.title)
        kinds.append(e.kind == "article")
        people.append([one(p, p) for p in e.people])
        topics.append([one(t, t) for t in e.topics])
        event_aids: dict[str, None] = {}
        for m in e.mentions:
            aid = m.article_id
            n = number.get(aid)
            if n is None:
                n = number[aid] = len(article_ids)
                article_ids.append(one(aid, aid))
            event_aids[aid] = None
            mentions.extend((n, m.start, m.end))
        aids.append(tuple([one(a, a) for a in event_aids]))
        bounds.append(len(mentions))
    data = {
        "format": FORMAT,
        "title": corpus.title,
        "description": corpus.description,
        "default_range": corpus.default_range,
        "order": order,
        "article_ids": article_ids,
        "lazy": lazy_rows,
        "plain": plain,
        "spans": span_rows,
        "events": (ids, span_of.tobytes(), titles, bytes(kinds), people, topics, aids, bounds.tobytes(), mentions.tobytes()),
        "people": [(p.name, sorted(p.aliases), sorted(p.roles)) for p in corpus.people.values()],
        "problems": [(p.path, p.message, p.line, p.fatal) for p in corpus.problems],
        "speakers": dict(speakers),
        "speaker_names": {n: c for n, c in (corpus.speaker_names or {}).items() if c != n},
        "paths": paths,
    }
    return data


# -- reading ----------------------------------------------------------------------------------


def decode(
    data: Any, root: Any, store: BodyStore, read_quotes: Callable[[str], str | None]
) -> tuple[Corpus, dict[str, Any]]:
    """The corpus packed by `encode` (as it returned it, or unpickled from the cache) and its
    `paths`; article bodies are read from `store` and quotes with `read_quotes` when asked
    for. Raises ValueError on another format."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("snapshot of another format")
    articles: dict[str, Article] = {}
    article_ids: list[str] = data["article_ids"]
    ids, span_of_b, titles, kinds, people, topics, aids, bounds_b, mentions_b = data["events"]
    mentions = array("i")
    mentions.frombytes(mentions_b)
    shared = _Shared(articles, article_ids, mentions, read_quotes, data["speaker_names"])
    dates: dict[str, PartialDate] = {}

    def pd(iso: str) -> PartialDate:
        got = dates.get(iso)
        if got is None:
            got = dates[iso] = PartialDate.parse(iso)
        return got

    lazy = {row[1]: row for row in data["lazy"]}
    plain = {a.id: a for a in data["plain"]}
    new_article = SnapshotArticle.__new__
    for aid in data["order"]:
        if aid in plain:
            articles[aid] = plain[aid]
            continue
        (row, _id, path, title, source, url, author, published, dateline, tags, a_people, a_topics, problems) = lazy[aid]
        art = new_article(SnapshotArticle)
        art.id, art.path, art.title, art.source, art.url, art.author = aid, path, title, source, url, author
        art.published = pd(published) if published else None
        art.dateline, art.tags, art.people, art.topics = dateline, tags, a_people, a_topics
        art.problems = [Problem(*p) for p in problems]
        art.quotes = None  # type: ignore[assignment]  # read with shared.read_quotes when asked for
        art.body = art.paragraphs = art.dates = None  # type: ignore[assignment]  # from the cache
        art._row, art._store, art._shared = row, store, shared
        articles[aid] = art
    span_table = [DateSpan(pd(s), pd(e) if e else None) for s, e in data["spans"]]
    span_of, bounds = array("i"), array("i")
    span_of.frombytes(span_of_b)
    bounds.frombytes(bounds_b)
    events: list[Event] = []
    append, new_event = events.append, PackedEvent.__new__
    for i, eid in enumerate(ids):
        e = new_event(PackedEvent)
        k = span_of[i]
        e.id, e.span, e.title, e.people, e.topics = eid, span_table[k] if k >= 0 else None, titles[i], people[i], topics[i]
        e.kind = "article" if kinds[i] else "sentence"
        e.mentions = None  # type: ignore[assignment]  # packed: see PackedEvent
        e._lo, e._hi, e._aids, e._shared = bounds[i], bounds[i + 1], aids[i], shared
        append(e)
    corpus = Corpus(
        root=root,
        title=data["title"],
        articles=articles,
        events=events,
        people={n: Person(n, set(al), set(ro)) for n, al, ro in data["people"]},
        problems=[Problem(*p) for p in data["problems"]],
        description=data["description"],
        default_range=data["default_range"],
    )
    corpus.speakers = Counter(data["speakers"])
    return corpus, data["paths"]

