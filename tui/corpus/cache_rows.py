"""What one cached file holds: its loaded article and extraction as plain JSON (never code), and
`LazyArticle`, whose body, paragraphs and date mentions are read back from the cache database
only when first asked for (`BodyStore`, thread-safe, keeps the last few)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from sys import intern
from typing import Any, NamedTuple

from tui.corpus.model import Article, DateMention, PartialDate, Person, Problem, Quote

# -- serialization: plain JSON data, never code ------------------------------------------------


_scan = json.JSONDecoder().scan_once


def loads(text: str) -> Any:
    """`json.loads` of a text the cache stores (`encode_row`'s): the decoder's scanner called
    directly, without `json.loads`' checks around it (~1 µs a call; 60,000 calls at 20,000
    articles), which decide only for a text that is not one whole JSON value (errors included)."""
    try:
        value, end = _scan(text, 0)
    except (StopIteration, TypeError):  # (not a value; not a str: json.loads says what)
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def _pd(d: PartialDate | None) -> str | None:
    return d.iso if d is not None else None


def _unpd(s: str | None) -> PartialDate | None:
    return PartialDate.parse(s) if s else None


def encode_row(article: Article, extraction: Any | None) -> tuple[str, str, str | None, str]:
    """The loaded article (except the body) and its extraction as four texts: `data` (what
    assembling the corpus needs: the article's fields, people, topics), `heavy` (what only the
    reader needs, for the article on screen: paragraphs and date mentions), the timeline drafts
    (JSON text already: `local_drafts`) and the quotes (their speakers as the article names
    them: a snapshot reads them from here, renamed), each stored in a column of its own."""
    a = [
        article.id, article.path, article.title, article.source, article.url, article.author,
        _pd(article.published), article.dateline, list(article.tags),
        [[p.path, p.message, p.line, p.fatal] for p in article.problems],
    ]  # fmt: skip
    x = None
    dates: list = []
    drafts = None
    quotes: list = []
    if extraction is not None:
        x = [[[p.name, sorted(p.aliases), sorted(p.roles)] for p in extraction.people], list(extraction.topics)]
        quotes = [[q.text, q.start, q.end, q.speaker, q.cue, q.fragment] for q in extraction.quotes]
        dates = [[m.start, m.end, m.text, m.value, m.precision, m.end_value, m.relative] for m in extraction.dates]
        drafts = getattr(extraction, "drafts", None)
    heavy = [[x for span in article.paragraphs for x in span], dates]
    dumps = json.dumps
    return (
        dumps([a, x], ensure_ascii=False, separators=(",", ":")),
        dumps(heavy, ensure_ascii=False, separators=(",", ":")),
        drafts,
        dumps(quotes, ensure_ascii=False, separators=(",", ":")),
    )


class EncodedArticle(NamedTuple):
    """A loaded and extracted article as the cache stores it: a few strings, which cost next to
    nothing to send from a worker process (the object graph cost the receiving process more
    to unpickle than the JSON costs to decode, and most of it stays in the cache anyway)."""

    article_id: str
    title: str
    body: str
    data: str
    heavy: str
    drafts: str | None
    quotes: str = "[]"


def encode_article(article: Article, extraction: Any | None) -> EncodedArticle:
    return EncodedArticle(article.id, article.title, article.body, *encode_row(article, extraction))


def decode_article(enc: EncodedArticle) -> tuple[Article, Any]:
    return decode_row(enc.data, enc.heavy, enc.body, enc.drafts, enc.quotes)


def _decode_heavy(heavy: str) -> tuple[list[tuple[int, int]], list[DateMention]]:
    paras, dates = json.loads(heavy)
    return list(zip(paras[0::2], paras[1::2], strict=True)), [DateMention(*m) for m in dates]


def _decode(data: str, body: str, drafts: str | None, quotes: str, article: Article) -> tuple[Article, Any]:
    """Fill `article` (a fresh, empty instance) from `data`; the extraction without its date
    mentions (None: the caller's to fill in, or to leave in the cache)."""
    from tui.corpus.extract import Extraction  # (not with this module: a stored corpus needs none of it)

    a, x = loads(data)
    (aid, path, title, source, url, author, published, dateline, tags, problems) = a
    article.id, article.path, article.title, article.body = aid, path, title, body
    article.source, article.url, article.author = source, url, author
    article.published, article.dateline, article.tags = _unpd(published), dateline, tags
    article.problems = [Problem(*p) for p in problems]
    article.quotes, article.people, article.topics = [], [], []
    extraction = None
    if x is not None:
        people, topics = x
        new = tuple.__new__  # a named tuple made without its __new__ (a Python function)
        extraction = Extraction(
            dates=None,  # type: ignore[arg-type]
            people=[Person(n, set(al), set(ro)) for n, al, ro in people],
            # One string object per speaker and cue word ("said", "told"): a few thousand words
            # repeated ~300,000 times at 20,000 articles, each decoded as a copy of its own.
            quotes=[
                new(Quote, (t, s, e, sp and intern(sp), cue and intern(cue), frag, aid))
                for t, s, e, sp, cue, frag in loads(quotes)
            ],
            topics=topics,
            drafts=drafts,
        )
    return article, extraction


def decode_row(data: str, heavy: str, body: str, drafts: str | None, quotes: str) -> tuple[Article, Any]:
    """The article and its extraction as `encode_row` stored them, everything in memory."""
    article, extraction = _decode(data, body, drafts, quotes, Article.__new__(Article))
    article.paragraphs, dates = _decode_heavy(heavy)
    article.dates = []  # a loaded article's own `dates` are empty until the corpus is assembled
    if extraction is not None:
        extraction.dates = dates
    return article, extraction


def decode_lazy(
    data: str, body: str, drafts: str | None, quotes: str, rel: str, store: BodyStore
) -> tuple[LazyArticle, Any]:
    """Like `decode_row`, but the article's paragraphs and date mentions stay in the cache (the
    extraction's `dates` is None): a `LazyArticle` of the row (`rel`, article id), holding its
    body until `LazyArticle.release_body` (assembling the corpus cuts event sentences from it)."""
    article, extraction = _decode(data, body, drafts, quotes, LazyArticle.__new__(LazyArticle))
    _set_paragraphs(article, None)
    _set_dates(article, None)
    article._row = (rel, article.id)
    article._store = store
    return article, extraction


# -- articles whose body stays in the cache ---------------------------------------------------

_SLOTS = {name: Article.__dict__[name] for name in ("body", "paragraphs", "dates")}  # slot descriptors
_HEAVY = tuple(_SLOTS)
_set_paragraphs, _set_dates = _SLOTS["paragraphs"].__set__, _SLOTS["dates"].__set__


def _lazy_field(name: str, index: int) -> property:
    slot = _SLOTS[name]

    def get(self: LazyArticle) -> Any:
        value = slot.__get__(self, Article)
        if value is not None:
            return value
        if index == 0:  # the body alone (event sentences are cut from it): no JSON to decode
            return self._store.body(self._row)
        return self._store.heavy(self._row)[index]

    def set_(self: LazyArticle, value: Any) -> None:
        slot.__set__(self, value)

    return property(get, set_, doc=f"{name}, read from the index cache when first asked for")


class LazyArticle(Article):
    """An `Article` whose body, paragraphs and date mentions stay in the index cache until asked
    for (the reader needs them for the article on screen only). Everything else is in memory.
    A small per-store cache keeps the last few articles read, so a 20,000-article corpus does
    not hold 150 MB of text and half a million date mentions."""

    __slots__ = ("_row", "_store")

    body = _lazy_field("body", 0)  # type: ignore[assignment]
    paragraphs = _lazy_field("paragraphs", 1)  # type: ignore[assignment]
    dates = _lazy_field("dates", 2)  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (_lazy, (self._row, *(getattr(self, f) for f in _LAZY_FIELDS)))

    def release_body(self) -> None:
        """Leave the body in the cache from now on (read back when asked for)."""
        _SLOTS["body"].__set__(self, None)


_LAZY_FIELDS = tuple(f for f in Article.__dataclass_fields__ if f not in _HEAVY)


def _lazy(row: tuple[str, str], *values: Any) -> LazyArticle:
    art = LazyArticle.__new__(LazyArticle)
    for name, value in zip(_LAZY_FIELDS, values, strict=True):
        setattr(art, name, value)
    for slot in _SLOTS.values():
        slot.__set__(art, None)
    art._row = row
    return art


class BodyStore:
    """Reads article bodies, paragraphs and dates by row id from a cache database,
    thread-safely, keeping the last few."""

    def __init__(self, path: Path, keep: int = 64) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._recent: OrderedDict[tuple[str, str], tuple[str, list, list]] = OrderedDict()
        self._bodies: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._keep = keep

    def heavy(self, row: tuple[str, str]) -> tuple[str, list, list]:
        """By (relative path, article id): row ids change when another run re-indexes a file."""
        with self._lock:
            value = self._recent.get(row)
            if value is not None:
                self._recent.move_to_end(row)
                return value
            found = None
            try:
                if self._conn is None:
                    self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                rel, article_id = row
                found = self._conn.execute(
                    "SELECT heavy, body FROM files WHERE rel = ? AND article_id = ?", (rel, article_id)
                ).fetchone()
                paragraphs, dates = _decode_heavy(found[0]) if found else (None, None)
            except (sqlite3.Error, ValueError, TypeError, KeyError):
                paragraphs = dates = None
            # The cache vanished or changed under us: an empty article beats a crash; the next
            # start rebuilds the index. A row whose JSON cannot be decoded still has its body
            # (a plain column), which event sentences are cut from.
            body = found[1] if found is not None and isinstance(found[1], str) else ""
            if paragraphs is not None and dates is not None:
                value = (body, paragraphs, dates)
            else:
                value = (body, [(0, len(body))] if body else [], [])
            self._recent[row] = value
            if len(self._recent) > self._keep:
                self._recent.popitem(last=False)
            return value

    def body(self, row: tuple[str, str]) -> str:
        """The body alone, by (relative path, article id): what event sentences are cut from
        (an export cuts ~300,000 of them at 20,000 articles, so it skips the JSON)."""
        with self._lock:
            value = self._recent.get(row)
            if value is not None:
                return value[0]
            body = self._bodies.get(row)
            if body is not None:
                self._bodies.move_to_end(row)
                return body
            try:
                if self._conn is None:
                    self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                found = self._conn.execute("SELECT body FROM files WHERE rel = ? AND article_id = ?", row).fetchone()
            except sqlite3.Error:
                found = None
            body = found[0] if found is not None and isinstance(found[0], str) else ""
            self._bodies[row] = body
            if len(self._bodies) > self._keep:
                self._bodies.popitem(last=False)
            return body
