"""Command line: `timeline [DIR]`, `timeline check [DIR]`, `timeline export --format … [DIR]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui import __version__
from tui.corpus.paths import bundled_articles
from tui.corpus.sanitize import sanitize

ARTICLE_SUFFIXES = (".txt", ".md")


def _has_articles(root: Path) -> bool:
    """True as soon as one article file is found (stops early on big folders)."""
    for _dir, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith(".") for f in files):
            return True
    return False


def _folder_error(root: Path) -> str | None:
    if not root.exists():
        return f"timeline: {root}: no such folder"
    if not root.is_dir():
        return f"timeline: {root}: not a folder (give the folder that holds the articles)"
    if not os.access(root, os.R_OK | os.X_OK):
        return f"timeline: {root}: permission denied"
    if not _has_articles(root):
        return f"timeline: {root}: no articles here (looking for .txt and .md files, in subfolders too)"
    return None


def _stdout_safe() -> None:
    # Under LANG=C a non-UTF-8 stdout must not turn a title with “quotes” into a traceback.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]


def cmd_check(root: Path) -> int:
    from tui.corpus.build import load_corpus

    _stdout_safe()
    corpus = load_corpus(root)
    for problem in corpus.problems:
        print(problem)
    fatal = sum(p.fatal for p in corpus.problems)
    print(
        f"{len(corpus.articles)} articles loaded, {len(corpus.events)} events, "
        f"{len(corpus.problems)} problems ({fatal} files could not be read)"
    )
    return 1 if fatal else 0


def cmd_export(root: Path, fmt: str) -> int:
    from tui.corpus.build import load_corpus
    from tui.corpus.export import to_json, to_markdown

    _stdout_safe()
    corpus = load_corpus(root)
    sys.stdout.write(to_json(corpus) + "\n" if fmt == "json" else to_markdown(corpus))
    return 0


def _terminal_encoding_safe() -> None:
    # Textual draws on stderr. In a locale that is not UTF-8 (a latin-1 terminal) Python writes a
    # character the encoding lacks as "\u2026": six cells where Textual counted one, so every
    # line with a "…", "▶" or curly quote spills past the edge. "?" keeps one cell.
    stream = sys.__stderr__
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if stream is not None and hasattr(stream, "reconfigure") and encoding != "utf8":
        stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _prepare_first_build(root: Path) -> None:
    """A folder never indexed here is read and extracted from scratch: import the extraction
    modules (~0.3 s, mostly compiling their patterns) in a thread now, while Textual starts,
    rather than after, so its first articles show sooner. A warm start needs none of them."""
    from tui.corpus.cache_paths import cache_enabled, corpus_key, db_path

    try:
        if cache_enabled() and db_path(corpus_key(root)).exists():
            return
    except OSError:
        return
    import importlib
    import threading

    def load() -> None:
        for name in ("tui.corpus.build", "tui.corpus.extract", "tui.corpus.assemble"):
            importlib.import_module(name)

    threading.Thread(target=load, name="timeline-preload", daemon=True).start()


def cmd_read(root: Path) -> int:
    _prepare_first_build(root)
    from tui.app import run_app

    _terminal_encoding_safe()
    return run_app(root)


def _parser(command: str | None) -> argparse.ArgumentParser:
    if command == "check":
        p = argparse.ArgumentParser(prog="timeline check", description="List every problem in a corpus; exit 1 when a file could not be read.")
    elif command == "export":
        p = argparse.ArgumentParser(prog="timeline export", description="Print the whole timeline.")
        p.add_argument("--format", "-f", choices=("json", "markdown"), default="json")
    else:
        p = argparse.ArgumentParser(
            prog="timeline",
            description="Read a folder of news articles as a timeline of events.",
            epilog="Commands: 'timeline check [DIR]' lists problems; 'timeline export --format json|markdown [DIR]' prints the timeline.",
        )
        p.add_argument("--version", action="version", version=f"timeline {__version__}")
    p.add_argument("dir", nargs="?", type=Path, default=None, help="folder of .txt/.md articles (default: the bundled corpus)")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in ("check", "export") else None
    args = _parser(command).parse_args(argv[1:] if command else argv)
    root: Path = args.dir if args.dir is not None else bundled_articles()
    error = _folder_error(root)
    if error:
        # The folder's name is untrusted (an unpacked archive names it): no escape sequences.
        print(sanitize(error), file=sys.stderr)
        return 2
    try:
        if command == "check":
            return cmd_check(root)
        if command == "export":
            return cmd_export(root, args.format)
        return cmd_read(root)
    except KeyboardInterrupt:
        return 130
