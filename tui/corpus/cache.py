"""The index cache: what extraction found in each file, kept between runs in SQLite.

One database per corpus folder, in the user's cache directory (`platformdirs.user_cache_dir`,
or `$TIMELINE_CACHE_DIR`; `TIMELINE_NO_CACHE=1` turns the cache off). Nothing is ever written
into the articles folder.

- `files`: one row per article file, keyed by its path relative to the corpus root, with the
  size and modification time it had when read, the loaded article's fields and its extraction
  (JSON of plain data), and the sanitized body. A file whose size or mtime changed is read
  again; a row whose file is gone is dropped.
- `docs`: an FTS5 index over title and body (external content: the text is stored once), made
  by `tui.corpus.search_index` on the first full-text search.
- `snapshot`: the assembled corpus in a compact form (`tui.corpus.snapshot`), valid only for
  the exact set of (path, size, mtime) it was built from, so a warm start with nothing changed
  skips extraction *and* assembly. Article bodies are then read from `files` when asked for.
- `event_texts`: the searchable text of every event of the snapshot, read on the first search.
  (A snapshot article's quotes are read from its `files` row when the article is.)
- `meta`: what wrote the database. A database of another schema or engine version, for another
  manifest, or that is not ours, or corrupt, is deleted and rebuilt, never trusted.

`ENGINE_VERSION` is a hash of the source of `tui/corpus/`: any change to extraction changes it,
without anyone having to remember to bump a number.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.corpus import snapshot
from tui.corpus.cache_paths import cache_dir, cache_enabled, corpus_key, db_path  # noqa: F401 (public here too)
from tui.corpus.cache_rows import (  # noqa: F401 (public here too)
    BodyStore,
    EncodedArticle,
    LazyArticle,
    decode_lazy,
)
from tui.corpus.gc_pause import paused_gc
from tui.corpus.model import Article
from tui.corpus.query_index import EventTexts, StoredTexts

SCHEMA_VERSION = 5
APPLICATION_ID = 0x544C4E31  # "TLN1": marks the SQLite file as ours
_HERE = Path(__file__).resolve().parent


def _engine_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_HERE.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


ENGINE_VERSION = _engine_version()


# -- files on disk ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileStat:
    rel: str  # path relative to the corpus root, with "/" separators
    path: str  # absolute
    size: int
    mtime_ns: int


def fingerprint(stats: Iterable[FileStat], manifest_hash: str) -> str:
    # surrogateescape: the working directory in `manifest_hash` may have a non-UTF-8 name.
    digest = hashlib.sha256(f"{ENGINE_VERSION}\0{manifest_hash}\0".encode("utf-8", "surrogateescape"))
    for s in sorted(stats, key=lambda s: s.rel):
        digest.update(f"{s.rel}\0{s.size}\0{s.mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:32]
    except OSError:
        return "none"


# A file's row replaces the older one of the same path (`rel` is unique).
_PUT_ROW = (
    "INSERT OR REPLACE INTO files (rel, size, mtime_ns, article_id, title, body, data, heavy, drafts, quotes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

# -- the database -----------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    rel TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    article_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    heavy TEXT NOT NULL,
    drafts TEXT,
    quotes TEXT NOT NULL
);
CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE event_texts (
    id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL, blob BLOB NOT NULL, starts BLOB NOT NULL
);
"""
@dataclass(slots=True)
class Cached:
    """A hit: the stored article (body included) and its extraction."""

    row: int
    article: Article
    extraction: Any


class IndexCache:
    """The cache database of one corpus. Use `IndexCache.open(root, manifest_hash)`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._store: BodyStore | None = None

    # opening and validating

    @classmethod
    def open(cls, root: Path, manifest_hash: str) -> IndexCache | None:
        """The cache for `root`, created or rebuilt as needed; None when it cannot be had
        (cache turned off, cache folder not writable, ...): the caller then runs uncached."""
        if not cache_enabled():
            return None
        path = db_path(corpus_key(root))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        expected = {
            "schema": str(SCHEMA_VERSION),
            "engine": ENGINE_VERSION,
            "manifest": manifest_hash,
            "root": str(Path(root).resolve()),
        }
        for _attempt in range(2):
            conn = None
            try:
                conn = _connect(path)
                if cls._valid(conn, expected):
                    return cls(path, conn)
                conn.close()
                conn = None
                _discard(path)
                conn = _connect(path)
                _create(conn, expected)
                return cls(path, conn)
            except sqlite3.Error:
                if conn is not None:
                    conn.close()
                _discard(path)
            except OSError:
                return None
        return None

    @staticmethod
    def _valid(conn: sqlite3.Connection, expected: dict[str, str]) -> bool:
        """True only for a database we wrote, of this schema and engine, for this manifest."""
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if not {"meta", "files", "snapshot", "event_texts"} <= tables:
            return False
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        return all(meta.get(k) == v for k, v in expected.items())

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def discard(self) -> None:
        """Throw the database away (after an error reading it)."""
        self.close()
        _discard(self.path)

    # reading

    def is_empty(self) -> bool:
        """No file indexed yet (a first start on this folder)."""
        try:
            return self.conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return True

    def rows(self) -> dict[str, tuple[int, int, int, str]]:
        """rel -> (row id, size, mtime_ns, article id) for every stored file."""
        return {
            rel: (i, size, mt, aid)
            for i, rel, size, mt, aid in self.conn.execute("SELECT id, rel, size, mtime_ns, article_id FROM files")
        }

    def load(self, row_ids: list[int]) -> Iterator[Cached]:
        """The stored articles, in chunks (bounded memory per query): each a `LazyArticle`
        holding its body (see `decode_lazy`), with its extraction (date mentions left in the
        cache)."""
        store = self.store()
        for lo in range(0, len(row_ids), 500):
            chunk = row_ids[lo : lo + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, rel, data, body, drafts, quotes FROM files WHERE id IN ({marks})"
            for row, rel, data, body, drafts, quotes in self.conn.execute(query, chunk):
                article, extraction = decode_lazy(data, body, drafts, quotes, rel, store)
                yield Cached(row, article, extraction)

    # writing

    def drop(self, rels: Iterable[str]) -> None:
        with self.conn:
            self.conn.executemany("DELETE FROM files WHERE rel = ?", ((r,) for r in rels))

    def put(self, rows: Iterable[tuple[FileStat, EncodedArticle]]) -> set[str]:
        """Store encoded articles (replacing older rows of their files); the relative paths
        stored (a text SQLite cannot store, such as a lone surrogate, is not: read again next
        time)."""
        params = [
            (stat.rel, stat.size, stat.mtime_ns, enc.article_id, enc.title, enc.body, enc.data, enc.heavy, enc.drafts, enc.quotes)
            for stat, enc in rows
        ]
        try:
            with self.conn:  # all at once; one text SQLite cannot store rolls the batch back
                self.conn.executemany(_PUT_ROW, params)
            return {p[0] for p in params}
        except UnicodeEncodeError:
            pass
        out: set[str] = set()
        with self.conn:
            for row in params:
                try:
                    self.conn.execute(_PUT_ROW, row)
                except UnicodeEncodeError:
                    continue
                out.add(row[0])
        return out

    # the assembled corpus

    def store(self) -> BodyStore:
        if self._store is None:
            self._store = BodyStore(self.path)
        return self._store

    def get_snapshot(self, fp: str | None, root: Path) -> tuple[Any, dict[str, Any], str] | None:
        """The corpus stored for the fingerprint `fp` (any stored one when `fp` is None), the
        paths it was stored with (see `put_snapshot`) and its fingerprint; None when there is
        none, or another."""
        found = self.conn.execute("SELECT fingerprint, data FROM snapshot WHERE id = 1").fetchone()
        if found is None or (fp is not None and found[0] != fp):
            return None
        fp = found[0]
        # Only our own database, validated above (application id, schema and engine version),
        # ever reaches this unpickling. Loading creates ~100,000 objects per 20,000 articles:
        # without the cyclic GC walking them every few thousand (none is garbage) it is faster.
        with paused_gc():
            return (*self._unpack(pickle.loads(found[1]), fp, root), fp)

    def _unpack(self, data: Any, fp: str, root: Path) -> tuple[Any, dict[str, Any]]:
        corpus, paths = snapshot.decode(data, root, self.store(), self._quotes_reader())
        corpus.event_texts = StoredTexts(corpus.events, lambda: self._event_texts(fp))
        return corpus, paths

    def _quotes_reader(self) -> Callable[[str], str | None]:
        """Reads the quotes (JSON) of an article's file (its path relative to the root) from the
        `files` table, from any thread."""
        lock = threading.Lock()
        conn: list[sqlite3.Connection] = []

        def read(rel: str) -> str | None:
            with lock:
                try:
                    if not conn:
                        conn.append(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False))
                    found = conn[0].execute("SELECT quotes FROM files WHERE rel = ?", (rel,)).fetchone()
                except sqlite3.Error:
                    return None  # the cache vanished under us: no quotes beats a crash
            return found[0] if found else None

        return read

    def _event_texts(self, fp: str) -> EventTexts | None:
        # Called from whichever thread searches first: a connection of its own.
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                found = conn.execute("SELECT fingerprint, blob, starts FROM event_texts WHERE id = 1").fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            return None
        if found is None or found[0] != fp:
            return None
        starts = array("q")
        starts.frombytes(found[2])
        return EventTexts(found[1], starts)

    def put_snapshot(self, fp: str, corpus: Any, paths: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        """Store the assembled corpus; `paths` is plain data kept with it (how its files were
        shown, so that a start from another folder can show them again without re-reading).
        Returns the corpus and paths as `get_snapshot` will load them (from what was stored,
        without reading it back)."""
        data = snapshot.encode(corpus, paths)
        texts = EventTexts.build(corpus.events)
        blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        failed: list[BaseException] = []

        def write() -> None:
            try:
                with self.conn:
                    self.conn.execute("INSERT OR REPLACE INTO snapshot (id, fingerprint, data) VALUES (1, ?, ?)", (fp, blob))
                    self.conn.execute(
                        "INSERT OR REPLACE INTO event_texts (id, fingerprint, blob, starts) VALUES (1, ?, ?, ?)",
                        (fp, texts.blob, texts.starts.tobytes()),
                    )
            except BaseException as err:  # noqa: BLE001 - raised again in the caller's thread
                failed.append(err)

        # SQLite writes the ~60 MB (at 20,000 articles) without holding the interpreter: in a
        # thread, while this one decodes the corpus to hand over (on two cores, ~0.4 s sooner).
        writer = threading.Thread(target=write, name="timeline-snapshot-write")
        writer.start()
        try:
            with paused_gc():
                stored = self._unpack(data, fp, corpus.root)
        finally:
            writer.join()
        if failed:
            raise failed[0]
        return stored


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _create(conn: sqlite3.Connection, meta: dict[str, str]) -> None:
    # No full-text index yet: `search_index.ensure_fts` builds it on the first search. Indexing
    # every body as it is stored cost a cold build ~3 s of the process that also assembles.
    with conn:
        conn.executescript(_SCHEMA)
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _discard(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
        except OSError:
            pass
