"""The index cache: hits, misses, changed, deleted, corrupt, foreign and other-version caches,
never a write into the corpus folder, and full-text search with ranking and snippets."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from tests.cache_support import cache_home, count_reads  # noqa: F401 (fixtures)
from tui.corpus import build, cache, read_files, search_index
from tui.corpus.build import iter_corpus, load_corpus
from tui.corpus.cache import IndexCache, LazyArticle, corpus_key, db_path
from tui.corpus.export import to_json
from tui.corpus.model import Corpus
from tui.corpus.search_index import Snippet, first_match, fts_query, search, search_articles, search_corpus
from tui.corpus.snapshot import PackedEvent

BUNDLED = Path(__file__).resolve().parent.parent / "articles"


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    shutil.copytree(BUNDLED, root)
    for f in root.iterdir():
        f.chmod(0o644)
    return root


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def test_second_start_reads_nothing_and_gives_the_same_corpus(corpus_dir, count_reads, cache_home):
    first = load_corpus(corpus_dir)
    assert sorted(count_reads) == sorted(first.articles)
    assert db_path(corpus_key(corpus_dir)).exists()
    count_reads.clear()
    second = load_corpus(corpus_dir)
    assert count_reads == []
    assert to_json(second) == to_json(first)
    art = next(iter(second.articles.values()))
    assert isinstance(art, LazyArticle) and art.body == first.articles[art.id].body


def test_cache_is_invisible_except_for_speed(corpus_dir, monkeypatch):
    cached = to_json(load_corpus(corpus_dir))
    again = to_json(load_corpus(corpus_dir))
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    uncached = load_corpus(corpus_dir)
    assert cached == again == to_json(uncached)
    assert not any(isinstance(a, LazyArticle) for a in uncached.articles.values())


def test_no_cache_env_writes_nothing(corpus_dir, cache_home, monkeypatch):
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    load_corpus(corpus_dir)
    assert not cache_home.exists() or not any(cache_home.iterdir())


def test_changed_file_is_read_again(corpus_dir, count_reads):
    load_corpus(corpus_dir)
    count_reads.clear()
    victim = corpus_dir / "003_d48cbdffe83fbcbb.txt"
    victim.write_text("Caspian talks resume\n\nTEHRAN — Leaders met on March 3, 2023 to talk about fisheries.\n", encoding="utf-8")
    os.utime(victim, ns=(victim.stat().st_atime_ns, victim.stat().st_mtime_ns + 10_000_000))
    corpus = load_corpus(corpus_dir)
    assert count_reads == ["003_d48cbdffe83fbcbb"]
    assert corpus.articles["003_d48cbdffe83fbcbb"].title == "Caspian talks resume"
    assert "fisheries" in corpus.articles["003_d48cbdffe83fbcbb"].body


def test_deleted_file_is_dropped(corpus_dir, count_reads):
    load_corpus(corpus_dir)
    count_reads.clear()
    (corpus_dir / "001_9e12faf3902c8ba6.txt").unlink()
    corpus = load_corpus(corpus_dir)
    assert count_reads == []
    assert "001_9e12faf3902c8ba6" not in corpus.articles
    assert len(corpus.articles) == 4
    conn = sqlite3.connect(db_path(corpus_key(corpus_dir)))
    assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 4
    assert not any(h.article_id == "001_9e12faf3902c8ba6" for h in search(corpus_key(corpus_dir), "Russia"))


def test_manifest_change_rebuilds(corpus_dir, count_reads):
    load_corpus(corpus_dir)
    count_reads.clear()
    manifest = corpus_dir / "timeline.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("Iran–Russia relations", "Renamed"), encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    assert corpus.title.startswith("Renamed")
    assert len(count_reads) == 5


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"this is not a database at all" * 100), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:3000]), id="truncated"),
        pytest.param(lambda p: _foreign(p), id="foreign-sqlite"),
        pytest.param(lambda p: _meta(p, "engine", "0000000000000000"), id="other-engine-version"),
        pytest.param(lambda p: _meta(p, "schema", "999"), id="other-schema"),
        pytest.param(lambda p: _exec(p, "DELETE FROM meta"), id="no-meta"),
        pytest.param(lambda p: _exec(p, "UPDATE snapshot SET data = x'80059500'"), id="bad-snapshot"),
        pytest.param(lambda p: _exec(p, "UPDATE files SET data = '[1,2'"), id="bad-row"),
    ],
)
def test_damaged_or_foreign_cache_is_rebuilt_never_trusted(corpus_dir, damage):
    expected = to_json(load_corpus(corpus_dir))
    path = db_path(corpus_key(corpus_dir))
    _checkpoint(path)
    damage(path)
    assert to_json(load_corpus(corpus_dir)) == expected
    # ... and the next start has a good cache again
    assert to_json(load_corpus(corpus_dir)) == expected
    conn = sqlite3.connect(path)
    assert dict(conn.execute("SELECT key, value FROM meta"))["engine"] == cache.ENGINE_VERSION


def test_bad_snapshot_and_rows_fall_back_to_reading(corpus_dir, count_reads):
    load_corpus(corpus_dir)
    path = db_path(corpus_key(corpus_dir))
    _exec(path, "UPDATE snapshot SET fingerprint = 'x'")
    _exec(path, "UPDATE files SET data = 'not json'")
    count_reads.clear()
    corpus = load_corpus(corpus_dir)
    assert len(corpus.articles) == 5 and len(count_reads) == 5


def test_engine_version_is_a_hash_of_the_corpus_sources():
    assert len(cache.ENGINE_VERSION) == 16
    assert cache.ENGINE_VERSION == cache._engine_version()


def test_engine_version_change_discards_the_cache(corpus_dir, count_reads, monkeypatch):
    load_corpus(corpus_dir)
    count_reads.clear()
    monkeypatch.setattr(cache, "ENGINE_VERSION", "feedfacefeedface")
    load_corpus(corpus_dir)
    assert len(count_reads) == 5


def test_never_writes_into_the_corpus_folder(corpus_dir, monkeypatch):
    before = snapshot(corpus_dir)
    load_corpus(corpus_dir)
    load_corpus(corpus_dir)
    search(corpus_key(corpus_dir), "Putin")
    assert snapshot(corpus_dir) == before


def test_read_only_corpus_and_unwritable_cache_still_load(corpus_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(blocker / "cache"))
    corpus = load_corpus(corpus_dir)
    assert len(corpus.articles) == 5


def test_iter_corpus_reports_progress_and_ends_with_the_corpus(corpus_dir):
    items = list(iter_corpus(corpus_dir))
    assert isinstance(items[-1], Corpus)
    progress = [i for i in items if isinstance(i, tuple)]
    assert progress[0] == (0, 5) and progress[-1] == (5, 5)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_partial_corpora_on_a_big_cold_build(tmp_path, monkeypatch):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(12):
        (root / f"a{i:02d}.txt").write_text(f"Story {i}\n\nOfficials met on March {i + 1}, 2021 to talk.\n", encoding="utf-8")
    monkeypatch.setattr(build, "FIRST_PARTIAL", 2)
    monkeypatch.setattr(read_files, "BATCH", 2)
    corpora = [c for c in iter_corpus(root) if isinstance(c, Corpus)]
    assert len(corpora) >= 2
    assert len(corpora[0].articles) < 12 == len(corpora[-1].articles)


def test_a_cold_big_folder_shows_its_first_files_before_the_walk(tmp_path, monkeypatch):
    root = tmp_path / "many"
    for i in range(12):
        folder = root / f"{i // 5}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{i:02d}.txt").write_text(f"Story {i}\n\nOfficials met on March {i + 1}, 2021 to talk.\n", encoding="utf-8")
    monkeypatch.setattr(build, "FIRST_PARTIAL", 3)
    walked: list[int] = []
    original = build._plan
    monkeypatch.setattr(build, "_plan", lambda *a: walked.append(1) or original(*a))

    items = []
    for item in iter_corpus(root):
        items.append((item, len(walked)))
    first, walked_then = items[0]
    assert isinstance(first, Corpus) and walked_then == 0
    assert sorted(first.articles) == ["a00", "a01", "a02"]  # the walk's first files
    assert any(e.span is not None for e in first.events)
    final = items[-1][0]
    assert isinstance(final, Corpus) and len(final.articles) == 12
    # A second start (the folder is indexed) goes straight to the complete corpus.
    assert [i for i in iter_corpus(root) if isinstance(i, Corpus)][0].articles.keys() == final.articles.keys()
    # Small folders and load_corpus get no first look.
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "other-cache"))
    monkeypatch.setattr(build, "FIRST_PARTIAL", 50)
    assert not isinstance(next(iter(iter_corpus(root))), Corpus)


def test_a_warm_start_shows_the_stored_corpus_first_then_checks_the_folder(corpus_dir, count_reads):
    load_corpus(corpus_dir)
    count_reads.clear()
    items = list(iter_corpus(corpus_dir))
    corpora = [i for i in items if isinstance(i, Corpus)]
    assert isinstance(items[0], Corpus) and len(corpora) == 2 and corpora[0] is corpora[1]
    assert count_reads == []
    # A file changed since: the stored corpus shows first, then the corpus with the change.
    changed = corpus_dir / "001_9e12faf3902c8ba6.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Raisi", "Raeesi"), encoding="utf-8")
    items = list(iter_corpus(corpus_dir))
    corpora = [i for i in items if isinstance(i, Corpus)]
    assert isinstance(items[0], Corpus) and corpora[0] is not corpora[-1]
    assert count_reads == ["001_9e12faf3902c8ba6"]
    assert "Ebrahim Raeesi" not in corpora[0].people and "Ebrahim Raeesi" in corpora[-1].people
    assert any("Raeesi" in m.sentence for e in corpora[-1].events for m in e.mentions)
    # Without partial corpora (load_corpus) only the checked corpus is handed out.
    changed.write_text(changed.read_text(encoding="utf-8").replace("Raeesi", "Raisi"), encoding="utf-8")
    items = list(iter_corpus(corpus_dir, partial=False))
    assert [type(i) for i in items].count(Corpus) == 1 and isinstance(items[-1], Corpus)


def test_parallel_extraction_gives_the_same_corpus(tmp_path, monkeypatch):
    root = tmp_path / "par"
    shutil.copytree(BUNDLED, root)
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    serial = to_json(load_corpus(root))
    monkeypatch.setattr(read_files, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert to_json(load_corpus(root)) == serial
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    assert to_json(load_corpus(root)) == serial  # workers' articles stored, then read back lazily


def test_worker_processes_start_early_only_for_a_big_folder(tmp_path, monkeypatch):
    """The workers' server starts while the folder is walked only when there are enough
    articles to read in parallel (counted up to that, hidden files and linked folders aside)."""
    root = tmp_path / "big"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for i in range(3):
        (root / f"a{i}.txt").write_text("x")
        (root / "sub" / "deeper" / f"b{i}.md").write_text("x")
        (root / ".hidden" / f"c{i}.txt").write_text("x")
    (root / "notes.pdf").write_text("x")
    (root / "loop").symlink_to(root)  # a loop: never followed
    assert read_files._has_at_least(str(root), 6)
    assert not read_files._has_at_least(str(root), 7)
    assert not read_files._has_at_least(str(tmp_path / "missing"), 1)
    started: list[str] = []

    class NoThread:  # records the thread instead of starting a server
        def __init__(self, target, name, daemon):
            started.append(name)

        def start(self):
            pass

    monkeypatch.setattr(threading, "Thread", NoThread)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(read_files, "PARALLEL_MIN_FILES", 7)
    read_files.start_workers_early(str(root))
    assert started == []
    monkeypatch.setattr(read_files, "PARALLEL_MIN_FILES", 6)
    read_files.start_workers_early(str(root))
    assert started == ["timeline-pool-prestart"]
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    read_files.start_workers_early(str(root))
    assert started == ["timeline-pool-prestart"]


# -- search ------------------------------------------------------------------------------------


def test_search_ranks_and_highlights(corpus_dir):
    load_corpus(corpus_dir)
    hits = search(corpus_key(corpus_dir), "Caspian")
    assert hits, "Caspian appears in the bundled articles"
    assert hits[0].article_id == "003_d48cbdffe83fbcbb"  # the Caspian Summit article
    ranks = [h.rank for h in hits]
    assert ranks == sorted(ranks)
    for article_id, snip, _rank in hits:
        assert isinstance(snip, Snippet) and snip.matches
        for a, b in snip.matches:
            assert snip.text[a:b].casefold().startswith("caspian")
        assert "\x02" not in snip.text and "\x03" not in snip.text


def test_search_prefix_and_all_words(corpus_dir):
    load_corpus(corpus_dir)
    key = corpus_key(corpus_dir)
    assert {h.article_id for h in search(key, "sanction")} >= {"000_84e4d89afeb74d54"}
    assert search(key, "Caspian Kremlin zzzzunknown") == []


def test_search_query_syntax_is_never_interpreted(corpus_dir):
    load_corpus(corpus_dir)
    key = corpus_key(corpus_dir)
    for nasty in ('"', "NEAR(", "title:", "* OR", ")", "AND", "'; DROP TABLE files; --", "\x1b[2J"):
        search(key, nasty)  # no exception
    assert fts_query('a"b') == '"a" "b"*'
    assert search(key, "") == [] and search(key, "  ") == []


def test_search_without_fts5_falls_back_to_substrings(corpus_dir, monkeypatch):
    monkeypatch.setattr(search_index, "_FTS5", False)
    load_corpus(corpus_dir)
    hits = search(corpus_key(corpus_dir), "caspian")
    assert hits and hits[0].article_id == "003_d48cbdffe83fbcbb"
    assert all(h.snippet.matches for h in hits)


def test_search_in_memory(corpus_dir, monkeypatch):
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    corpus = load_corpus(corpus_dir)
    assert search(corpus_key(corpus_dir), "Caspian") == []  # no index: nothing, no error
    hits = search_articles(corpus.articles.values(), "Caspian summit")
    assert hits[0].article_id == "003_d48cbdffe83fbcbb"
    a, b = hits[0].snippet.matches[0]
    assert hits[0].snippet.text[a:b].casefold() in ("caspian", "summit")


def test_a_corpus_is_searched_with_its_cache_index_or_in_memory_alike(corpus_dir, monkeypatch):
    cached = load_corpus(corpus_dir)
    with_index = search_corpus(cached, "sanction")
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    uncached = load_corpus(corpus_dir)
    in_memory = search_corpus(uncached, "sanction")
    assert with_index and {h.article_id for h in with_index} == {h.article_id for h in in_memory}
    assert search_corpus(uncached, " ") == []
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    del cached.articles[with_index[0].article_id]  # a row the corpus does not show: never a hit
    assert with_index[0].article_id not in {h.article_id for h in search_corpus(cached, "sanction")}


def test_first_match_is_where_the_search_matches():
    text = "The Sanctions stay. Sanction relief, said Tehran's envoy."
    assert first_match(text, "sanction") == (4, 13)  # the last word: the start of a word
    assert first_match(text, "sanction relief") == (20, 28)  # other words: whole words only
    assert first_match(text, "TEHRAN") == (42, 48)
    assert first_match(text, "ction") is None and first_match(text, "  ") is None
    assert first_match(text, "(envoy") == (51, 56)  # punctuation is not a word


# -- helpers -----------------------------------------------------------------------------------


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _exec(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


def _meta(path: Path, key: str, value: str) -> None:
    _exec(path, f"UPDATE meta SET value = '{value}' WHERE key = '{key}'")


def _foreign(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE files (x)")
        conn.execute("CREATE TABLE meta (key, value)")
        conn.execute("INSERT INTO meta VALUES ('schema', '1')")
    conn.close()


def test_open_returns_none_when_disabled(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    assert IndexCache.open(tmp_path, "m") is None


def test_fast_walk_finds_what_the_loader_finds(tmp_path, monkeypatch):
    from tui.corpus.build import fast_article_files
    from tui.corpus.loader import find_article_files

    root = tmp_path / "tree"
    (root / "b" / "c").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for rel in ("z.txt", "a.MD", "notes.csv", ".x.txt", "b/k.txt", "b/c/a.txt", ".hidden/h.txt", "b/Z.md"):
        (root / rel).write_text("Title\n\nBody text on March 3, 2021.\n", encoding="utf-8")
    for cwd in (tmp_path, root / "b", Path("/")):
        monkeypatch.chdir(cwd)
        fast = fast_article_files(root)
        assert fast is not None
        assert [(str(f.file), f.relative, f.shown) for f, _ in fast] == [(str(f.file), f.relative, f.shown) for f in find_article_files(root)[0]]
    (root / "b" / "link.txt").symlink_to(root / "z.txt")
    assert fast_article_files(root) is None  # symlinks: the loader's walk decides


def test_build_knows_the_loaders_suffixes():
    from tui.corpus.build import _SUFFIXES
    from tui.corpus.loader import ARTICLE_SUFFIXES

    assert _SUFFIXES == ARTICLE_SUFFIXES


def test_an_older_corpus_still_reads_its_bodies_after_a_reindex(corpus_dir, monkeypatch):
    first = load_corpus(corpus_dir)
    monkeypatch.chdir(corpus_dir)  # shown paths change: every file is indexed again, new row ids
    second = load_corpus(corpus_dir)
    for aid, art in first.articles.items():
        assert art.body and art.body == second.articles[aid].body
        assert art.dates == second.articles[aid].dates


def test_lazy_fields_equal_the_uncached_ones(corpus_dir, monkeypatch):
    cold = load_corpus(corpus_dir)
    warm = load_corpus(corpus_dir)
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    plain = load_corpus(corpus_dir)
    for aid, art in plain.articles.items():
        assert art.dates  # the bundled articles all have dates
        for built in (cold, warm):
            lazy = built.articles[aid]
            assert isinstance(lazy, LazyArticle)
            assert (lazy.body, lazy.paragraphs, lazy.dates, lazy.quotes) == (art.body, art.paragraphs, art.dates, art.quotes)


def test_the_full_text_index_is_built_on_the_first_search_then_kept_current(corpus_dir):
    load_corpus(corpus_dir)
    path = db_path(corpus_key(corpus_dir))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'docs'").fetchone() is None  # not while indexing
    conn.close()
    assert search(corpus_key(corpus_dir), "Caspian")
    changed = corpus_dir / "001_9e12faf3902c8ba6.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA zanzibarian aside.\n", encoding="utf-8")
    load_corpus(corpus_dir)
    assert [h.article_id for h in search(corpus_key(corpus_dir), "zanzibarian")] == ["001_9e12faf3902c8ba6"]


def test_a_cache_lost_during_a_cold_build_still_gives_the_whole_corpus(corpus_dir, monkeypatch):
    """Articles stored before the failure keep their paragraphs and dates in the database that
    goes: they are read again."""
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    expected = to_json(load_corpus(corpus_dir))
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    monkeypatch.setattr(read_files, "BATCH", 2)
    calls = []
    original = IndexCache.put

    def failing_put(self, rows):
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return original(self, rows)

    monkeypatch.setattr(IndexCache, "put", failing_put)
    progress = []
    corpus = load_corpus(corpus_dir, progress=lambda done, total: progress.append((done, total)))
    assert to_json(corpus) == expected
    assert all(a.paragraphs and a.dates for a in corpus.articles.values())
    assert progress[-1] == (5, 5) and all(done <= total for done, total in progress)


def test_a_row_sqlite_cannot_store_is_left_out_and_the_rest_stored(tmp_path):
    """Rows are stored a batch at a time; a text SQLite cannot encode (a lone surrogate, as in
    the name of a file that is not UTF-8) costs only its own row: read again next start."""
    from tui.corpus.cache_rows import EncodedArticle

    store = IndexCache.open(tmp_path, "none")
    assert store is not None

    def row(rel: str, aid: str) -> tuple[cache.FileStat, EncodedArticle]:
        return cache.FileStat(rel, str(tmp_path / rel), 10, 20), EncodedArticle(aid, "t", "b", "[]", "[]", None)

    assert store.put([row("a.txt", "a"), row("b.txt", "b")]) == {"a.txt", "b.txt"}
    stored = store.put([row("c.txt", "c"), row("bad-\udce9.txt", "bad"), row("a.txt", "a2")])
    assert stored == {"c.txt", "a.txt"}
    rows = store.rows()
    assert sorted(rows) == ["a.txt", "b.txt", "c.txt"]
    assert rows["a.txt"][3] == "a2"  # the newer row of a file replaces the older one


def test_worker_processes_are_shut_down_when_the_caller_stops_early(tmp_path, monkeypatch):
    """The pool starts while the first files are read in this process; a caller that stops
    after them (an app quit at once) leaves no worker running."""
    from concurrent.futures import ProcessPoolExecutor

    from tui.corpus.file_plan import _plan
    from tui.corpus.manifest import load_manifest

    root = tmp_path / "many"
    for k in range(8):
        shutil.copytree(BUNDLED, root / f"copy{k}")
    monkeypatch.setattr(read_files, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    made: list[ProcessPoolExecutor] = []
    shut: list[ProcessPoolExecutor] = []
    init, shutdown = ProcessPoolExecutor.__init__, ProcessPoolExecutor.shutdown
    monkeypatch.setattr(ProcessPoolExecutor, "__init__", lambda self, *a, **kw: (made.append(self), init(self, *a, **kw))[1])
    monkeypatch.setattr(ProcessPoolExecutor, "shutdown", lambda self, *a, **kw: (shut.append(self), shutdown(self, *a, **kw))[1])
    manifest, _ = load_manifest(root)
    plan = _plan(root, manifest)
    assert len(plan.entries) == 40
    batches = read_files.read_all(plan, manifest, list(range(40)))
    assert len(next(batches)) == 16
    batches.close()
    assert shut == made  # every pool started is shut down
    # and read to the end, every file comes once
    seen = [i for batch in read_files.read_all(plan, manifest, list(range(40))) for i, _ in batch]
    assert sorted(seen) == list(range(40))


class _SnapshotWriteFails:
    """A cache connection whose write of the assembled corpus fails (a full disk)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args):
        if sql.startswith("INSERT OR REPLACE INTO snapshot"):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __enter__(self):
        return self._conn.__enter__()

    def __exit__(self, *exc):
        return self._conn.__exit__(*exc)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def test_a_snapshot_that_cannot_be_stored_still_gives_the_whole_corpus(corpus_dir, count_reads, monkeypatch):
    """The assembled corpus is written in a thread of its own: its failure reaches the build,
    which then hands over the corpus it made; the next start assembles again from the rows."""
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    expected = to_json(load_corpus(corpus_dir))
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    opened = build._open_cache

    def failing(root, manifest_hash):
        got = opened(root, manifest_hash)
        got.conn = _SnapshotWriteFails(got.conn)
        return got

    monkeypatch.setattr(build, "_open_cache", failing)
    made = load_corpus(corpus_dir)
    assert to_json(made) == expected
    assert not isinstance(made.events[0], PackedEvent)  # not the stored form: nothing was stored
    monkeypatch.setattr(build, "_open_cache", opened)
    count_reads.clear()
    assert to_json(load_corpus(corpus_dir)) == expected
    assert count_reads == []  # the rows were stored: only the snapshot was missing
