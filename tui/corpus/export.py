"""Export the whole timeline: JSON (schema 1, stable: tools read it) and Markdown.

Exports contain every event, whatever the manifest's default date range.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tui.corpus.model import Article, Corpus, Event

SCHEMA = 1


def display_path(path: str | Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return Path(os.path.relpath(p.resolve(), Path.cwd())).as_posix() if p.is_absolute() else p.as_posix()
    except ValueError:  # another drive on Windows
        return p.as_posix()


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "published": article.published.iso if article.published else None,
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end, "fragment": q.fragment}
            for q in article.quotes
        ],
    }


def event_record(event: Event) -> dict[str, Any]:
    span = event.span
    return {
        "id": event.id,
        "date": span.start.iso if span else None,
        "end": span.end.iso if span and span.end else None,
        "precision": span.precision if span else None,
        "title": event.title,
        "sources": [
            {"article": m.article_id, "sentence": m.sentence, "start": m.start, "end": m.end}
            for m in event.mentions
        ],
        "people": list(event.people),
        "topics": list(event.topics),
    }


def to_dict(corpus: Corpus) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [article_record(a) for a in corpus.articles.values()],
        "events": [event_record(e) for e in corpus.events],
        "problems": [{"path": p.path, "message": p.message} for p in corpus.problems],
    }


def to_json(corpus: Corpus) -> str:
    return json.dumps(to_dict(corpus), ensure_ascii=False, indent=2)


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, keep the words."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def to_markdown(corpus: Corpus) -> str:
    lines = [f"# {_md(corpus.title)}", ""]
    if corpus.description:
        lines += [_md(corpus.description), ""]
    year = None
    for event in corpus.events:
        heading = str(event.span.first_day.year) if event.span else "Undated"
        if heading != year:
            year = heading
            lines += [f"## {heading}", ""]
        when = event.span.start.iso if event.span else "undated"
        if event.span and event.span.end:
            when += f" – {event.span.end.iso}"
        lines.append(f"- **{when}** {_md(event.title)}")
        for article_id in event.article_ids:
            art = corpus.articles.get(article_id)
            if art is not None:
                lines.append(f"  - {_md(art.title)} ({_md(art.source or 'unknown source')})")
    quotes = [q for a in corpus.articles.values() for q in a.quotes if not q.fragment]
    if quotes:
        lines += ["", "## Quotes", ""]
        for q in quotes:
            lines.append(f"- “{_md(q.text)}” — {_md(q.speaker or 'unattributed')} ({q.article_id})")
    if corpus.problems:
        lines += ["", "## Problems", ""]
        lines += [f"- `{p.path}`: {_md(p.message)}" for p in corpus.problems]
    return "\n".join(lines) + "\n"
