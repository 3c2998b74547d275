"""The plan of a build: every article file under a folder, with the id, shown path, manifest
override and file stat the loader and the index cache need. A fast scandir walk serves trees
without symlinks; the loader's own walk (symlink loops, broken links) serves the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tui.corpus import cache as cache_mod
from tui.corpus.cache import FileStat
from tui.corpus.manifest import MANIFEST_NAME, display_path
from tui.corpus.model import Article, Corpus, Manifest, Problem
from tui.corpus.sanitize import sanitize_line


@dataclass(slots=True)
class _Entry:
    file: Path | str
    shown: str
    article_id: str
    override: dict[str, str] | None
    stat: FileStat
    problems: list[Problem]  # found before reading (id clashes)


@dataclass(slots=True)
class _Plan:
    entries: list[_Entry]
    problems: list[Problem]  # walking the folder; overrides naming no file
    fingerprint_extra: str  # the manifest's content
    late: list[Problem]  # overrides naming no file: reported after the files' problems
    manifest_shown: str = ""  # how the manifest's path is shown (from this working directory)

    def stats(self) -> Iterable[FileStat]:
        # Not the shown paths: they depend on the working directory, and a start from another
        # folder shows the same snapshot with its paths moved (relocate).
        for e in self.entries:
            yield FileStat(f"{e.stat.rel}\0{e.article_id}", e.stat.path, e.stat.size, e.stat.mtime_ns)

    def paths(self) -> dict[str, object]:
        """How this plan shows its files: kept with a snapshot for `relocate`."""
        return {"cwd": os.getcwd(), "manifest": self.manifest_shown, "files": {e.stat.rel: e.shown for e in self.entries}}


def _cache_rel(relative: str) -> str:
    """`relative` as the index cache keys it. SQLite text must be valid UTF-8 and a file name
    need not be (it reaches us with surrogate escapes): such a path is keyed by its bytes, in
    hex, after a leading "/" that no relative path has, so it cannot collide with another."""
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return "/" + os.fsencode(relative).hex()
    return relative


_SUFFIXES = frozenset({".txt", ".md"})  # loader.ARTICLE_SUFFIXES (a test checks they agree)


@dataclass(frozen=True, slots=True)
class _File:
    """What `loader.ArticleFile` holds, without importing the loader."""

    file: Path | str
    relative: str
    shown: str


def fast_article_files(root: Path, limit: int | None = None) -> list[tuple[_File, os.stat_result]] | None:
    """`loader.find_article_files` for the common case, about ten times faster: a folder tree
    without symlinks (then no file is reached twice and there is no loop to detect), all of it
    readable. None otherwise, and the caller uses the loader's walk. With `limit`, only the
    first `limit` files (a first look at a big folder before the whole walk)."""
    if not root.is_dir() or root.is_symlink():
        return None
    cwd = os.getcwd()
    prefix = cwd.rstrip("/") + "/"
    root_abs = os.path.abspath(root)
    root_str = str(root)
    out: list[tuple[_File, os.stat_result]] = []

    def visit(folder: str, rel: str) -> bool:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return False
        subdirs = []
        for e in entries:
            if e.is_symlink():
                return False
            name = e.name
            if name.startswith("."):
                continue
            if e.is_dir(follow_symlinks=False):
                subdirs.append(e)
                continue
            dot = name.rfind(".")
            if dot < 0 or name[dot:].lower() not in _SUFFIXES:
                continue
            relative = rel + name
            absolute = f"{root_abs}/{relative}"
            path = f"{root_str}/{relative}"  # a str: 20,000 Path objects cost ~0.2 s
            shown = absolute[len(prefix) :] if absolute.startswith(prefix) else path
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                return False
            out.append((_File(path, relative, sanitize_line(shown)), st))
            if limit is not None and len(out) >= limit:
                return True
        return all(visit(e.path, f"{rel}{e.name}/") for e in subdirs if limit is None or len(out) < limit)

    return out if visit(str(root), "") else None


def _plan(root: Path, manifest: Manifest) -> _Plan:
    """The files to load with their ids, as `loader.load_articles` assigns them."""
    fast = fast_article_files(root)
    stats: dict[str, os.stat_result] = {}
    if fast is not None:
        files, problems = [f for f, _ in fast], []
        stats = {f.relative: st for f, st in fast}
    else:
        from tui.corpus.loader import find_article_files

        files, problems = find_article_files(root)
    entries: list[_Entry] = []
    # Ids as `loader.assign_ids` gives them; the loader is imported only when two files share
    # a stem (then the id is not simply the stem), so a warm start does not pay for it.
    stems = [sanitize_line(os.path.splitext(os.path.basename(entry.relative))[0]) or "article" for entry in files]
    if len(set(stems)) == len(stems):
        ids = [(stem, ()) for stem in stems]
    else:
        from tui.corpus.loader import assign_ids

        ids = [(p.article_id, p.problems) for p in assign_ids(files)]  # type: ignore[arg-type]
    taken = {article_id for article_id, _ in ids}
    for entry, (article_id, clash) in zip(files, ids, strict=True):
        try:
            st = stats.get(entry.relative) or os.stat(entry.file)
            stat = FileStat(_cache_rel(entry.relative), str(entry.file), st.st_size, st.st_mtime_ns)
        except OSError:
            stat = FileStat(_cache_rel(entry.relative), str(entry.file), -1, -1)
        entries.append(_Entry(entry.file, entry.shown, article_id, manifest.overrides.get(article_id), stat, list(clash)))
    late: list[Problem] = []
    manifest_shown = display_path(root / MANIFEST_NAME)
    missing = [i for i in manifest.overrides if i not in taken]
    if missing:
        shown = manifest_shown
        for article_id in missing:
            late.append(
                Problem(shown, f"the manifest has settings for article '{sanitize_line(article_id)}', but there is no such file")
            )
    return _Plan(entries, problems, cache_mod.file_hash(root / MANIFEST_NAME), late, manifest_shown)


# -- per-file work ----------------------------------------------------------------------------


# -- a start from another working directory ------------------------------------------------


def relocate(corpus: Corpus, stored: dict, plan: _Plan) -> bool:
    """Show a snapshot's paths as this run shows them: paths are shown relative to the working
    directory, and a start from another folder must not re-read 20,000 files for that. False
    when a path cannot be placed (the caller then builds from the cached rows instead)."""
    if stored.get("cwd") == os.getcwd():
        return True
    old_shown = stored.get("files", {})
    moves = {old_shown[e.stat.rel]: e.shown for e in plan.entries if e.stat.rel in old_shown}
    moves[stored.get("manifest", "")] = plan.manifest_shown
    for art in corpus.articles.values():
        if art.path not in moves:
            return False
    if any(p.path not in moves for p in corpus.problems):
        return False
    for art in corpus.articles.values():
        move_article(art, moves[art.path])
    corpus.problems = [replace(p, path=moves[p.path]) for p in corpus.problems]
    return True


def move_article(article: Article, shown: str) -> None:
    old = article.path
    article.path = shown
    article.problems = [replace(p, path=shown) if p.path == old else p for p in article.problems]
