"""Reading and extracting article files: one at a time in this process, or spread over worker
processes when there are many. What a worker read comes back encoded as the index cache stores
it (`cache_rows.EncodedArticle`): a few strings cost far less to send than the object graph."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.corpus.cache_rows import EncodedArticle, encode_article
from tui.corpus.file_plan import _SUFFIXES, _Entry, _Plan
from tui.corpus.model import Article, Manifest, Problem
from tui.corpus.sanitize import sanitize_line

if TYPE_CHECKING:
    from tui.corpus.extract import Extraction

PARALLEL_MIN_FILES = 300  # below this, worker processes cost more than they save
BATCH = 50  # files per progress step when extracting in this process


@dataclass(slots=True)
class FileRead:
    """One file read: the article (None when it could not be read), its extraction (None when
    extraction failed: the failure is then the last of `article.problems`), file problems."""

    article: Article | None
    extraction: Extraction | None
    cached: bool = False  # stored in the index cache (the article is then a `LazyArticle`)
    problems: list[Problem] | None = None  # only when article is None
    enc: EncodedArticle | None = None  # as read by a worker, before the main process decodes it


def read_one(entry: _Entry, manifest: Manifest) -> FileRead:
    from tui.corpus.extract import extract
    from tui.corpus.loader import load_article_bytes, read_article_file

    data, failure = read_article_file(entry.file, entry.shown)
    if failure is not None or data is None:
        return FileRead(None, None, problems=[failure or Problem(entry.shown, "cannot read", fatal=True)])
    try:
        article, found = load_article_bytes(data, entry.shown, entry.article_id, entry.override)
    except Exception as err:  # noqa: BLE001 - a bug of ours must not take the whole corpus down
        msg = sanitize_line(f"internal error while loading: {type(err).__name__}: {err}")
        return FileRead(None, None, problems=[Problem(entry.shown, msg, fatal=True)])
    if article is None:
        return FileRead(None, None, problems=found)
    try:
        return FileRead(article, extract(article, manifest))
    except Exception as exc:  # noqa: BLE001 - reported to the user as a problem
        # An extraction bug must cost one article its dates and quotes, never the whole corpus.
        article.problems.append(Problem(article.path, f"extraction failed: {type(exc).__name__}: {exc}"))
        return FileRead(article, None)


_WORKER_MANIFEST: Manifest | None = None


def _worker_init(manifest: Manifest) -> None:
    global _WORKER_MANIFEST
    _WORKER_MANIFEST = manifest


def _worker_chunk(chunk: list[tuple[int, _Entry]]) -> list[tuple[int, FileRead]]:
    assert _WORKER_MANIFEST is not None
    return [(i, read_encoded(entry, _WORKER_MANIFEST)) for i, entry in chunk]


def read_encoded(entry: _Entry, manifest: Manifest) -> FileRead:
    """`read_one`, its article and extraction encoded as the cache stores them."""
    done = read_one(entry, manifest)
    if done.article is not None:
        done.enc = encode_article(done.article, done.extraction)
        done.article = done.extraction = None
    return done


_PRELOAD = ["tui.corpus.read_files", "tui.corpus.extract"]


def start_workers_early(root: str) -> None:
    """A cold build of a big folder: start the worker processes' server now, in a thread, while
    this process walks the folder (~0.2 s at 20,000 files, with the other core idle) rather
    than after: the server imports the extraction modules first (~0.3 s). Nothing happens for a
    folder of fewer than `PARALLEL_MIN_FILES` articles (counted up to that) or on one core."""
    if (os.cpu_count() or 1) < 2 or not _has_at_least(root, PARALLEL_MIN_FILES):
        return
    import threading

    def start() -> None:
        try:
            import multiprocessing
            from multiprocessing import forkserver

            multiprocessing.get_context("forkserver").set_forkserver_preload(_PRELOAD)
            forkserver.ensure_running()
        except (OSError, ValueError, ImportError, RuntimeError):
            pass  # `read_all` tries again, and falls back to this process

    threading.Thread(target=start, name="timeline-pool-prestart", daemon=True).start()


def _has_at_least(root: str, n: int) -> bool:
    """Whether the folder holds at least `n` article files (not hidden), counting up to `n`."""
    stack, found = [root], 0
    while stack:
        try:
            with os.scandir(stack.pop()) as it:
                for e in it:
                    name = e.name
                    if name.startswith("."):
                        continue
                    if e.is_dir(follow_symlinks=False):  # (a linked folder may loop: not counted)
                        stack.append(e.path)
                    elif name[name.rfind(".") :].lower() in _SUFFIXES:  # (as the folder's plan has it)
                        found += 1
                        if found >= n:
                            return True
        except OSError:
            continue
    return False


def read_all(plan: _Plan, manifest: Manifest, todo: list[int]) -> Iterator[list[tuple[int, FileRead]]]:
    """Read and extract the files at `todo`, in batches, in worker processes when it pays."""
    if not todo:
        return
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < PARALLEL_MIN_FILES or workers < 2:
        for lo in range(0, len(todo), BATCH):
            yield [(i, read_encoded(plan.entries[i], manifest)) for i in todo[lo : lo + BATCH]]
        return
    # Small chunks first so the first articles show quickly, then bigger ones (less overhead).
    chunks: list[list[tuple[int, _Entry]]] = []
    pos, size = 0, 16
    while pos < len(todo):
        chunks.append([(i, plan.entries[i]) for i in todo[pos : pos + size]])
        pos += size
        size = min(size * 2, 128)
    if len(chunks) == 1:
        yield [(i, read_encoded(entry, manifest)) for i, entry in chunks[0]]
        return
    import multiprocessing
    import threading
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    unfinished = {id(c): c for c in chunks[1:]}
    queue = iter(chunks[1:])
    pending: dict[Future, list] = {}
    started: list[ProcessPoolExecutor] = []

    def start() -> None:
        # forkserver: the caller may be a thread of a running app; forking a threaded process
        # is unsafe, spawning re-imports everything. The server preloads the extraction
        # modules; the first submissions wait for it (~0.3 s).
        try:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init, initargs=(manifest,))
            started.append(pool)
            for chunk in queue:  # a few chunks in flight per worker, not all of them at once
                pending[pool.submit(_worker_chunk, chunk)] = chunk
                if len(pending) >= workers * 2:
                    break
        except (OSError, ValueError, ImportError, BrokenProcessPool, RuntimeError):
            pass  # finished in this process below

    # The pool starts in a thread while the first chunk is read here: its server's start
    # would otherwise hold up the first articles, and leave a core idle meanwhile.
    starter = threading.Thread(target=start, name="timeline-pool-start", daemon=True)
    starter.start()
    try:
        yield [(i, read_encoded(entry, manifest)) for i, entry in chunks[0]]
        starter.join()
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk = pending.pop(future)
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending[started[0].submit(_worker_chunk, nxt)] = nxt
                    result = future.result()
                    del unfinished[id(chunk)]
                    yield result
        except (BrokenProcessPool, OSError, RuntimeError):
            pass  # worker processes failed us (killed, no /dev/shm, ...): finish in this process
    finally:  # (also when the caller stops early: no worker is left running)
        starter.join()
        if started:
            started[0].shutdown(wait=False, cancel_futures=True)
    for chunk in list(unfinished.values()):
        yield [(i, read_encoded(entry, manifest)) for i, entry in chunk]
