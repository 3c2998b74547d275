"""Full-text search over a corpus's index cache: ranked hits with highlighted snippets.

`search(corpus_key, query)` reads the cache database that `load_corpus` filled (key:
`tui.corpus.cache.corpus_key(root)`). With SQLite's FTS5 (checked at run time) words match by
token and prefix ("sanction" finds "sanctions"), results are ranked by BM25 with title matches
counting more than body matches. Without FTS5 the same call does a case-insensitive substring
search, ranked by number of hits. Either way nothing here parses markup: a snippet is plain
text plus the offsets of the matched words in it, for the app to style.

`search_articles(articles, query)` is the same in memory, for a corpus loaded without a cache;
`search_corpus(corpus, query)` picks one of the two for a loaded corpus, and `first_match` finds
where an article's body matches, to open it there.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.corpus.cache_paths import cache_enabled, corpus_key, db_path
from tui.corpus.model import Article, Corpus

_OPEN, _CLOSE = "\x02", "\x03"  # never in sanitized article text (C0 controls are dropped)
_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_TOKENS = 16
TITLE_WEIGHT = 5.0


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short excerpt of an article and where the query's words are in it."""

    text: str
    matches: tuple[tuple[int, int], ...]  # (start, end) offsets into `text`


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: str
    snippet: Snippet
    rank: float  # smaller is better (BM25 as SQLite reports it; substring: minus hit count)

    def __iter__(self):  # unpacks as (article_id, snippet, rank)
        return iter((self.article_id, self.snippet, self.rank))


def query_words(query: str) -> list[str]:
    return _WORD.findall(query)


def fts_query(query: str) -> str | None:
    """A safe FTS5 query: every word must appear, the last one as a prefix. User text never
    reaches FTS5 syntax (quotes, NEAR, column filters, ...) unescaped."""
    words = query_words(query)
    if not words:
        return None
    quoted = [f'"{w.replace(chr(34), chr(34) * 2)}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _parse_marked(marked: str) -> Snippet:
    out: list[str] = []
    matches: list[tuple[int, int]] = []
    pos = 0
    start = None
    for part in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if part == _OPEN:
            start = pos
        elif part == _CLOSE:
            if start is not None:
                matches.append((start, pos))
            start = None
        else:
            out.append(part)
            pos += len(part)
    return Snippet("".join(out), tuple(matches))


# -- the FTS5 index, made on the first search -------------------------------------------------

_FTS = """
CREATE VIRTUAL TABLE docs USING fts5(title, body, content='files', content_rowid='id');
CREATE TRIGGER files_ai AFTER INSERT ON files BEGIN
  INSERT INTO docs(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER files_ad AFTER DELETE ON files BEGIN
  INSERT INTO docs(docs, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER files_au AFTER UPDATE ON files BEGIN
  INSERT INTO docs(docs, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO docs(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
"""

_FTS5: bool | None = None


def fts5_available() -> bool:
    """Whether this Python's SQLite has FTS5 (checked once, at run time)."""
    global _FTS5
    if _FTS5 is None:
        try:
            sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
            _FTS5 = True
        except sqlite3.Error:
            _FTS5 = False
    return _FTS5


def _has_fts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'docs'").fetchone() is not None


def ensure_fts(path: Path) -> bool:
    """Give the cache database at `path` its FTS5 index of titles and bodies, built from the
    stored files the first time (then kept current by triggers). False when this SQLite has no
    FTS5 or the database cannot be written now: search then falls back to substrings."""
    if not fts5_available():
        return False
    try:
        conn = sqlite3.connect(path, timeout=2.0)
    except sqlite3.Error:
        return False
    try:
        if _has_fts(conn):
            return True
        with conn:
            conn.executescript("BEGIN IMMEDIATE;" + _FTS + "INSERT INTO docs(docs) VALUES ('rebuild');")
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.close()



def search(corpus_key: str, query: str, limit: int = 200) -> list[Hit]:
    """Articles of the corpus matching `query`, best first. [] when there is no index yet."""
    path = db_path(corpus_key)
    if not query_words(query) or not path.exists():
        return []
    ensure_fts(path)  # built on the first search
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        has_fts = _has_fts(conn)
        if has_fts:
            try:
                return _search_fts(conn, query, limit)
            except sqlite3.OperationalError:  # an SQLite without FTS5 reading an index made with it
                pass
        return _search_substring(
            ((aid, title, body) for aid, title, body in conn.execute("SELECT article_id, title, body FROM files")),
            query,
            limit,
        )
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def _search_fts(conn: sqlite3.Connection, query: str, limit: int) -> list[Hit]:
    match = fts_query(query)
    if match is None:
        return []
    rows = conn.execute(
        f"""
        SELECT files.article_id,
               snippet(docs, 1, char(2), char(3), '…', {SNIPPET_TOKENS}),
               bm25(docs, {TITLE_WEIGHT}, 1.0) AS score
        FROM docs JOIN files ON files.id = docs.rowid
        WHERE docs MATCH ?
        ORDER BY score
        LIMIT ?
        """,
        (match, limit),
    ).fetchall()
    return [Hit(aid, _parse_marked(snip), score) for aid, snip, score in rows]


def search_articles(articles: Iterable[Article], query: str, limit: int = 200) -> list[Hit]:
    """Substring search in memory (no cache, or no FTS5)."""
    return _search_substring(((a.id, a.title, a.body) for a in articles), query, limit)


def _search_substring(docs: Iterable[tuple[str, str, str]], query: str, limit: int) -> list[Hit]:
    words = [w.casefold() for w in query_words(query)]
    if not words:
        return []
    hits: list[Hit] = []
    for aid, title, body in docs:
        t, b = title.casefold(), body.casefold()
        if not all(w in t or w in b for w in words):
            continue
        count = sum(t.count(w) * TITLE_WEIGHT + b.count(w) for w in words)
        hits.append(Hit(aid, _substring_snippet(body, b, words), -float(count)))
    hits.sort(key=lambda h: h.rank)
    return hits[:limit]


def _substring_snippet(body: str, folded: str, words: list[str], width: int = 120) -> Snippet:
    # casefold can change lengths (ß -> ss); offsets are then approximate but stay in range.
    first = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    lo = max(0, min(first - width // 3, len(body)))
    hi = min(len(body), lo + width)
    text = body[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(body) else ""
    low = text.casefold()
    matches = []
    for w in words:
        start = low.find(w)
        while start >= 0 and start + len(w) <= len(text):
            matches.append((len(prefix) + start, len(prefix) + start + len(w)))
            start = low.find(w, start + len(w))
    return Snippet(prefix + text + suffix, tuple(sorted(matches)))


def search_corpus(corpus: Corpus, query: str, limit: int = 200) -> list[Hit]:
    """The articles of `corpus` matching `query`, best first: with the FTS5 index of its cache
    database when it has one (made on the first search: seconds at 20,000 articles, so call
    this from a worker), else in memory."""
    if not query_words(query):
        return []
    key = corpus_key(corpus.root)
    if cache_enabled() and db_path(key).exists():
        # (the database can hold rows of files the corpus does not show, such as unreadable ones)
        return [hit for hit in search(key, query, limit) if hit.article_id in corpus.articles]
    return search_articles(corpus.articles.values(), query, limit)


def first_match(text: str, query: str) -> tuple[int, int] | None:
    """Where the query's words first occur in `text`, as the search matches them (whole words
    whatever their case, the last one also as the start of a word): the span of the whole word
    found, or None."""
    words = query_words(query)
    if not words:
        return None
    alternatives = [re.escape(w) + r"\b" for w in words[:-1]] + [re.escape(words[-1]) + r"\w*"]
    found = re.search(r"\b(?:" + "|".join(alternatives) + ")", text, re.IGNORECASE)
    return found.span() if found else None
