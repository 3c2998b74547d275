"""Load a folder of articles: find the files, read each one, never crash, never write.

- `find_article_files(root)`: every `.txt`/`.md` file under `root`, recursively, in a fixed
  order (a folder's files before its subfolders, names sorted), skipping hidden files and
  folders; directory symlinks are followed once (a loop is a problem, not a hang), broken
  symlinks and non-regular files are problems.
- `load_article_bytes(data, path, article_id, override)`: one file's bytes to an `Article`
  (or None and a fatal `Problem` when the file cannot be read as an article).
- `load_articles(root, manifest)`: all of it, ids made unique, manifest overrides applied,
  overrides naming no article reported on the manifest.
- `load_corpus_files(root)`: `load_manifest` + `load_articles`.

Precedence for metadata: manifest override > front matter > what the text says.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .article_text import read_text
from .decode import decode_bytes
from .frontmatter import read_front_matter
from .manifest import MANIFEST_NAME, display_path, load_manifest
from .model import Article, Manifest, PartialDate, Problem
from .sanitize import sanitize, sanitize_line

ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
LARGE_FILE = 10 * 1024 * 1024  # a note above this size
MAX_FILE = 256 * 1024 * 1024  # refuse above this size: an article, not a dump
OVERRIDE_TEXT_KEYS = ("title", "source", "url", "author")


@dataclass(frozen=True, slots=True)
class ArticleFile:
    file: Path  # the path to open
    relative: str  # posix path relative to the corpus root
    shown: str  # the path shown to the user (Article.path, Problem.path)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def find_article_files(root: Path) -> tuple[list[ArticleFile], list[Problem]]:
    """The article files under `root`, in a deterministic order, and what was wrong on the way."""
    root = Path(root)
    problems: list[Problem] = []
    if root.is_file():
        return [ArticleFile(root, root.name, display_path(root))], problems
    if not root.is_dir():
        reason = "no such folder" if not root.exists() else "not a folder"
        return [], [Problem(display_path(root), reason, fatal=True)]
    found: list[ArticleFile] = []
    seen_files: dict[str, str] = {}  # real path -> shown path of the first file loaded
    visited: set[str] = {os.path.realpath(root)}

    def on_error(err: OSError) -> None:
        where = Path(err.filename) if err.filename else root
        problems.append(
            Problem(display_path(where), sanitize_line(f"cannot read folder: {err.strerror or err}"), fatal=True)
        )

    for folder, dirnames, filenames in os.walk(root, topdown=True, onerror=on_error, followlinks=True):
        here = Path(folder)
        # Only folders are resolved (once each): a file that is no symlink is the folder's real
        # path plus its name, so 20,000 files cost no 20,000 realpath calls.
        real_here = os.path.realpath(folder)
        keep: list[str] = []
        for name in sorted(dirnames):
            if _is_hidden(name):
                continue
            sub = here / name
            real = os.path.realpath(sub)
            if real in visited:
                problems.append(
                    Problem(
                        display_path(sub),
                        "symlink loop: this folder link points back into the corpus; skipped"
                        if sub.is_symlink()
                        else "folder already read; skipped",
                    )
                )
                continue
            visited.add(real)
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if _is_hidden(name):
                continue
            file = here / name
            relative = file.relative_to(root).as_posix()
            shown = display_path(file)
            link = file.is_symlink()
            if link and not file.exists():
                problems.append(Problem(shown, "broken symlink", fatal=True))
                continue
            if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            real = os.path.realpath(file) if link else os.path.join(real_here, name)
            if real in seen_files:
                problems.append(Problem(shown, f"same file as {seen_files[real]}; skipped"))
                continue
            seen_files[real] = shown
            found.append(ArticleFile(file, relative, shown))
    return found, problems


def _read_file(file: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    try:
        info = os.stat(file)
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(shown, "not a regular file", fatal=True)
        if info.st_size > MAX_FILE:
            mb = info.st_size // (1024 * 1024)
            return None, Problem(shown, f"file too large ({mb} MB)", fatal=True)
        with open(file, "rb") as handle:
            return handle.read(MAX_FILE + 1), None
    except PermissionError:
        return None, Problem(shown, "permission denied", fatal=True)
    except IsADirectoryError:
        return None, Problem(shown, "is a folder", fatal=True)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return None, Problem(shown, sanitize_line(f"cannot read: {reason}"), fatal=True)


def load_article_bytes(
    data: bytes, path: str, article_id: str, override: dict[str, str] | None
) -> tuple[Article | None, list[Problem]]:
    """Read one article from its bytes. Never raises; every string returned is sanitized."""
    path = sanitize_line(path)
    article_id = sanitize_line(article_id)
    problems: list[Problem] = []
    decoded = decode_bytes(data)
    if decoded.fatal is not None or decoded.text is None:
        return None, [Problem(path, decoded.fatal or "cannot decode", fatal=True)]
    problems += [Problem(path, note) for note in decoded.notes]
    if len(data) > LARGE_FILE:
        problems.append(Problem(path, f"very large file ({len(data) // (1024 * 1024)} MB)"))
    text = sanitize(decoded.text).lstrip("\ufeff")
    if not text.strip():
        return None, problems + [Problem(path, "empty file", fatal=True)]
    fm = read_front_matter(text, path)
    problems += fm.problems
    if fm.fatal is not None:
        return None, problems + [fm.fatal]
    if fm.present:
        parts = text.split("\n", fm.body_line)
        text = parts[fm.body_line] if len(parts) > fm.body_line else ""
    info = read_text(text, known_title=fm.title)
    problems += [
        Problem(path, sanitize_line(message), None if line is None else line + fm.body_line + 1)
        for message, line in info.notes
    ]
    override = override or {}
    fields: dict[str, str | None] = {}
    for key in OVERRIDE_TEXT_KEYS:
        value = override.get(key)
        fields[key] = sanitize_line(value) if isinstance(value, str) and value.strip() else None
    published = None
    if isinstance(override.get("date"), str):
        try:
            published = PartialDate.parse(override["date"])
        except ValueError:
            problems.append(Problem(path, sanitize_line(f"manifest date {override['date']!r} is not an ISO date; ignored")))
    if not info.body and not (fm.title or fm.date or fields["title"]):
        return None, problems + [Problem(path, "no article text (only site boilerplate or dates)", fatal=True)]
    if not info.body:
        problems.append(Problem(path, "no article text after the front matter"))
    title = (
        fields["title"] or fm.title or info.headline or info.title_from_text or article_id or "untitled"
    )
    article = Article(
        id=article_id,
        path=path,
        title=sanitize_line(title),
        body=info.body,
        source=fields["source"] or fm.source or info.source,
        url=fields["url"] or fm.url,
        author=fields["author"] or fm.author or info.author,
        published=published or fm.date or info.published,
        dateline=info.dateline,
        tags=list(fm.tags),
        paragraphs=info.paragraphs,
        problems=list(problems),
    )
    return article, problems


def _unique_id(entry: ArticleFile, taken: set[str]) -> str:
    stem = sanitize_line(Path(entry.relative).stem) or "article"
    candidates = [stem, sanitize_line(str(Path(entry.relative).with_suffix(""))), sanitize_line(entry.relative)]
    for candidate in candidates:
        if candidate and candidate not in taken:
            return candidate
    n = 2
    while f"{entry.relative}#{n}" in taken:
        n += 1
    return f"{entry.relative}#{n}"


@dataclass(frozen=True, slots=True)
class PlannedArticle:
    """A file to load, with its unique id and the problem of an id clash (if any)."""

    entry: ArticleFile
    article_id: str
    problems: tuple[Problem, ...] = ()


def assign_ids(files: list[ArticleFile]) -> list[PlannedArticle]:
    """Give each file its id: the file stem, or for a later file with the same stem its
    relative path without the suffix (then with it), with a problem saying so."""
    planned: list[PlannedArticle] = []
    first_with_id: dict[str, str] = {}
    taken: set[str] = set()
    for entry in files:
        article_id = _unique_id(entry, taken)
        stem = sanitize_line(Path(entry.relative).stem) or "article"
        taken.add(article_id)
        clash: tuple[Problem, ...] = ()
        if article_id != stem:
            clash = (
                Problem(
                    entry.shown,
                    f"another article already has the id '{stem}' ({first_with_id.get(stem, '?')}); "
                    f"this one is '{article_id}'",
                ),
            )
        else:
            first_with_id[stem] = entry.shown
        planned.append(PlannedArticle(entry, article_id, clash))
    return planned


def missing_overrides(root: Path, manifest: Manifest, ids: set[str]) -> list[Problem]:
    """Problems (on the manifest) for overrides that name no article file."""
    shown = display_path(Path(root) / MANIFEST_NAME)
    return [
        Problem(shown, f"the manifest has settings for article '{sanitize_line(i)}', but there is no such file")
        for i in manifest.overrides
        if i not in ids
    ]


def read_article_file(file: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of one article file, or a fatal problem (permission, not a regular file, ...)."""
    return _read_file(file, shown)


def load_planned(planned: PlannedArticle, manifest: Manifest) -> tuple[Article | None, list[Problem]]:
    """Read and load one planned file. Never raises."""
    entry = planned.entry
    problems = list(planned.problems)
    data, failure = _read_file(entry.file, entry.shown)
    if failure is not None or data is None:
        return None, problems + [failure or Problem(entry.shown, "cannot read", fatal=True)]
    try:
        article, found = load_article_bytes(
            data, entry.shown, planned.article_id, manifest.overrides.get(planned.article_id)
        )
    except Exception as err:  # noqa: BLE001 - a bug of ours must not take the whole corpus down
        article, found = None, [
            Problem(entry.shown, sanitize_line(f"internal error while loading: {type(err).__name__}: {err}"), fatal=True)
        ]
    if article is not None and planned.problems:
        article.problems[:0] = planned.problems
    return article, problems + found


def load_articles(root: Path, manifest: Manifest) -> tuple[list[Article], list[Problem]]:
    """Load every article under `root`. Never raises, never writes."""
    root = Path(root)
    files, problems = find_article_files(root)
    articles: list[Article] = []
    planned = assign_ids(files)
    for plan in planned:
        article, found = load_planned(plan, manifest)
        problems += found
        if article is not None:
            articles.append(article)
    problems += missing_overrides(root, manifest, {p.article_id for p in planned})
    return articles, problems


def load_corpus_files(root: Path) -> tuple[Manifest, list[Article], list[Problem]]:
    """The manifest and the articles of a corpus folder, with every problem found."""
    manifest, problems = load_manifest(Path(root)) if Path(root).is_dir() else (Manifest(), [])
    articles, more = load_articles(Path(root), manifest)
    return manifest, articles, problems + more
