"""Build a corpus from a folder: load, extract, unify people, lay out the timeline.

Per-file work (reading, extraction) is cached between runs (`tui.corpus.cache`) and, when many
files are new, spread over worker processes. `iter_corpus` reports progress and yields partial
corpora while a big folder is indexed; `load_corpus` returns the finished corpus.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tui.corpus import cache as cache_mod
from tui.corpus import read_files
from tui.corpus.cache import IndexCache
from tui.corpus.cache_rows import LazyArticle, decode_article, decode_lazy
from tui.corpus.file_plan import (  # noqa: F401 (tests use them here)
    _SUFFIXES,
    _Entry,
    _Plan,
    _plan,
    fast_article_files,
    move_article,
    relocate,
)
from tui.corpus.gc_pause import paused_gc
from tui.corpus.manifest import MANIFEST_NAME, load_manifest
from tui.corpus.model import Article, Corpus, Manifest, Problem
from tui.corpus.read_files import FileRead
from tui.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    from tui.corpus.extract import Extraction

# The loader, extraction, people, topics and event building are imported where used: a warm
# start that finds its snapshot in the cache needs none of them (~100 ms of imports).

Progress = Callable[[int, int], None]

FIRST_PARTIAL = 16  # articles in the first partial corpus of a cold build; later ones x4


def load_corpus(root: Path, progress: Progress | None = None) -> Corpus:
    """Read every article under `root` and compute the timeline. Never raises on bad files:
    each one becomes a `Problem` and the rest still loads."""
    corpus: Corpus | None = None
    for item in iter_corpus(root, partial=False):
        if isinstance(item, Corpus):
            corpus = item
        elif progress is not None:
            progress(*item)
    assert corpus is not None
    return corpus


def iter_corpus(root: Path, partial: bool = True) -> Iterator[Corpus | tuple[int, int]]:
    """Load `root` step by step. Yields `(done, total)` progress tuples (articles read so far,
    articles in the folder), and `Corpus` objects: with `partial`, a cold build of a big folder
    yields corpora of the articles indexed so far (a first look at its first few files before
    the folder is even walked, then after `FIRST_PARTIAL` articles and at x4 steps), and a warm
    start yields the stored corpus first, before checking the folder against it; the last item
    yielded is always the complete corpus."""
    root = Path(root)
    manifest, problems = load_manifest(root) if root.is_dir() else (Manifest(), [])
    cache = _open_cache(root, cache_mod.file_hash(root / MANIFEST_NAME))
    shown = None
    if partial and cache is not None:
        # Whatever the cache holds is shown at once, before the folder is walked and checked
        # (~0.5 s at 20,000 files): nearly always nothing changed, and then it is the corpus.
        # When a file did change, its new text may show in the old corpus until the new one
        # replaces it (bodies are read from the cache rows, which the check updates).
        try:
            shown = cache.get_snapshot(None, root)
        except Exception:  # noqa: BLE001 - a cache we cannot read is rebuilt, never trusted
            cache = _reset(cache, root)
        if shown is not None and shown[1].get("cwd") == os.getcwd():
            yield shown[0]
        else:
            shown = None
    if partial and shown is None and (cache is None or cache.is_empty()):
        # Nothing indexed yet: a first look at the first few files before walking the whole
        # folder. Built again properly below.
        preview = _preview(root, manifest)
        if preview is not None:
            yield preview
    if cache is None or cache.is_empty():
        read_files.start_workers_early(str(root))
    plan = _plan(root, manifest)
    problems += plan.problems
    total = len(plan.entries)
    yield (0, total)

    fp = cache_mod.fingerprint(plan.stats(), plan.fingerprint_extra) if cache else ""
    if cache is not None:
        if shown is not None and shown[2] == fp:
            yield (total, total)
            yield shown[0]
            return
        try:
            found = cache.get_snapshot(fp, root)
        except Exception:  # noqa: BLE001 - a cache we cannot read is rebuilt, never trusted
            found = None
            cache = _reset(cache, root)
        if found is not None and relocate(found[0], found[1], plan):
            yield (total, total)
            yield found[0]
            return

    slots: list[FileRead | None] = [None] * total
    misses: list[int] = []
    hits: dict[int, int] = {}
    if cache is not None:
        try:
            stored = cache.rows()
            for i, entry in enumerate(plan.entries):
                row = stored.get(entry.stat.rel)
                if row is not None and (row[1], row[2], row[3]) == (entry.stat.size, entry.stat.mtime_ns, entry.article_id):
                    hits[row[0]] = i
                else:
                    misses.append(i)
            gone = set(stored) - {e.stat.rel for e in plan.entries}
            if gone:
                cache.drop(gone)
            for got in cache.load(list(hits)):
                i = hits[got.row]
                if got.article.path != plan.entries[i].shown:  # run from another folder
                    move_article(got.article, plan.entries[i].shown)
                slots[i] = FileRead(got.article, got.extraction, cached=True)
                _parse_drafts(slots[i])
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            cache = _reset(cache, root)
            slots = [None] * total
            misses = []
    if cache is None:
        misses = list(range(total))
    misses.sort()
    done = total - len(misses)
    if done:
        yield (done, total)

    # Every object made from here on lives on in the corpus (millions at 20,000 articles): the
    # cycle collector would walk them again and again as they pile up, finding nothing to free
    # (~15% of a cold build's main process). Re-enabled when the build ends or is abandoned.
    with paused_gc():
        people = _PeopleSoFar(manifest)
        people.advance(slots)
        next_partial = FIRST_PARTIAL
        lost = lambda: cache is None  # read late: a failed write resets `cache`
        for batch in _extract_and_redo(plan, manifest, misses, slots, lost):
            # What was read arrives encoded (`EncodedArticle`): stored as it is, then decoded
            # with its paragraphs and date mentions left in the cache.
            encoded = [(i, r) for i, r in batch if r.enc is not None]
            stored: set[str] = set()
            if cache is not None and encoded:
                try:
                    stored = cache.put((plan.entries[i].stat, r.enc) for i, r in encoded)
                except (sqlite3.Error, OSError):
                    cache = _reset(cache, root)
            for i, res in encoded:
                enc, res.enc = res.enc, None
                rel = plan.entries[i].stat.rel
                if cache is not None and rel in stored:
                    res.article, res.extraction = decode_lazy(enc.data, enc.body, enc.drafts, enc.quotes, rel, cache.store())
                    res.cached = True
                else:  # not cached (no cache, or a text SQLite cannot store): all in memory
                    res.article, res.extraction = decode_article(enc)
                _parse_drafts(res)
            for i, res in batch:
                done += slots[i] is None  # (a file read again after losing the cache counted once)
                slots[i] = res
            people.advance(slots)
            yield (done, total)
            # Partial corpora while less than half is done: later ones would cost more than
            # they show, since assembling is corpus-wide.
            if partial and done >= next_partial and done * 2 < total:
                next_partial = done * 4
                yield _assemble_slots(root, manifest, plan, slots, problems)

        corpus = _assemble_slots(root, manifest, plan, slots, problems, people)
        if cache is not None:
            _release_bodies(corpus)
            # Before handing the corpus over, not after: an app quit right after it shows would
            # kill this (worker) thread, and every start would assemble again.
            try:
                # Handed over as stored, not as the objects it was made from (let go with
                # `slots`): what a warm start loads, in a fraction of the memory.
                stored = cache.put_snapshot(fp, corpus, plan.paths())
            except (sqlite3.Error, OSError, MemoryError, pickle.PicklingError, RecursionError, ValueError):
                pass
            else:
                if relocate(stored[0], stored[1], plan):
                    corpus = stored[0]
                    slots.clear()
    yield corpus


def _extract_and_redo(
    plan: _Plan, manifest: Manifest, todo: list[int], slots: list[FileRead | None], lost: Callable[[], bool]
) -> Iterator[list[tuple[int, FileRead]]]:
    """`read_files.read_all`, then, if the cache was lost on the way (`lost()`: a write failed, the
    database was thrown away), the files whose articles it held read again: their paragraphs
    and date mentions went with it."""
    yield from read_files.read_all(plan, manifest, todo)
    if lost():
        yield from read_files.read_all(plan, manifest, [i for i, s in enumerate(slots) if s is not None and s.cached])


def _preview(root: Path, manifest: Manifest) -> Corpus | None:
    """A corpus of the first `FIRST_PARTIAL` files (in the walk's order), ids from their names.
    None when there is nothing to show or the folder needs the careful walk (symlinks)."""
    from tui.corpus.assemble import assemble

    found = fast_article_files(root, limit=FIRST_PARTIAL)
    if not found or len(found) < FIRST_PARTIAL:
        return None  # a small folder: the real build is as quick
    articles, extractions = [], []
    for file, st in found:
        article_id = sanitize_line(os.path.splitext(os.path.basename(file.relative))[0]) or "article"
        stat = cache_mod.FileStat(file.relative, str(file.file), st.st_size, st.st_mtime_ns)
        done = read_files.read_one(_Entry(file.file, file.shown, article_id, manifest.overrides.get(article_id), stat, []), manifest)
        if done.article is not None and done.extraction is not None:
            articles.append(done.article)
            extractions.append(done.extraction)
    if not articles:
        return None
    return assemble(root, manifest, articles, extractions, [])


# -- the cache --------------------------------------------------------------------------------


def _open_cache(root: Path, manifest_hash: str) -> IndexCache | None:
    try:
        return IndexCache.open(root, manifest_hash)
    except Exception:  # noqa: BLE001 - without a cache we are only slower
        return None


def _reset(cache: IndexCache, root: Path) -> IndexCache | None:
    """The cache failed us mid-way: throw it away and carry on without it."""
    cache.discard()
    return None


def _parse_drafts(read: FileRead) -> None:
    """The article's timeline drafts parsed as soon as it is read, while its body is at hand
    (sentences are cut from it); a cached article's body then stays in the cache until asked
    for: 20,000 bodies held until assembling were ~150 MB."""
    from tui.corpus.event_merge import parse_drafts

    art, ex = read.article, read.extraction
    if art is None:
        return
    if ex is not None and isinstance(ex.drafts, str):
        ex.drafts = parse_drafts(ex.drafts, art.id, art.body)
    if isinstance(art, LazyArticle):
        art.release_body()


def _release_bodies(corpus: Corpus) -> None:
    """The corpus is assembled: the bodies of cached articles stay in the cache from now on."""
    for art in corpus.articles.values():
        if isinstance(art, LazyArticle):
            art.release_body()


# -- corpus-wide steps ------------------------------------------------------------------------


def _assemble_slots(
    root: Path,
    manifest: Manifest,
    plan: _Plan,
    slots: list[FileRead | None],
    problems: list[Problem],
    people: _PeopleSoFar | None = None,
) -> Corpus:
    """The corpus of the files read so far (`people`'s registry is taken when it holds them all)."""
    from tui.corpus.assemble import assemble

    registry = people.registry if people is not None and people.upto == len(slots) else None
    return assemble(root, manifest, *gather(plan, slots, problems), registry=registry)


class _PeopleSoFar:
    """The people of the files read so far, registered corpus-wide in file order as the files
    come in (registering is sequential, and done then it is not left until the last file is
    in). `upto`: the files registered, the first ones; `gather`'s articles in the same order."""

    def __init__(self, manifest: Manifest) -> None:
        from tui.corpus.people_registry import PeopleRegistry

        self.registry = PeopleRegistry(manifest.people)
        self.upto = 0

    def advance(self, slots: list[FileRead | None]) -> None:
        while self.upto < len(slots) and (slot := slots[self.upto]) is not None:
            if slot.article is not None and slot.extraction is not None:
                self.registry.add(slot.extraction.people)
            self.upto += 1


def gather(
    plan: _Plan, slots: list[FileRead | None], problems: list[Problem]
) -> tuple[list[Article], list[Extraction], list[Problem]]:
    """The articles read so far with their extractions, and every problem in the order the user
    sees them: the folder's, then each file's, then the manifest's late ones, then extraction
    failures."""
    from tui.corpus.extract import Extraction

    articles: list[Article] = []
    extractions: list[Extraction] = []
    all_problems = list(problems)
    failures: list[Problem] = []
    for entry, slot in zip(plan.entries, slots, strict=True):
        if slot is None:
            continue
        all_problems += entry.problems
        if slot.article is None:
            all_problems += slot.problems or []
            continue
        art = slot.article
        if slot.extraction is None and art.problems:
            all_problems += art.problems[:-1]
            failures.append(art.problems[-1])
        else:
            all_problems += art.problems
        articles.append(art)
        extractions.append(slot.extraction or Extraction())
    all_problems += plan.late
    all_problems += failures
    return articles, extractions, all_problems
