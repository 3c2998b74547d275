"""Build a corpus from a folder: load, extract, unify people, lay out the timeline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from tui.corpus.extract import Extraction, extract
from tui.corpus.loader import load_articles
from tui.corpus.manifest import load_manifest
from tui.corpus.model import Article, Corpus, Manifest, Problem
from tui.corpus.people import PeopleRegistry
from tui.corpus.timeline import article_drafts, build_events
from tui.corpus.topics import assign_topics

Progress = Callable[[int, int], None]


def load_corpus(root: Path, progress: Progress | None = None) -> Corpus:
    """Read every article under `root` and compute the timeline. Never raises on bad files:
    each one becomes a `Problem` and the rest still loads."""
    root = Path(root)
    manifest, problems = load_manifest(root)
    articles, load_problems = load_articles(root, manifest)
    problems += load_problems
    extractions: list[Extraction] = []
    for done, article in enumerate(articles, 1):
        extractions.append(_safe_extract(article, manifest, problems))
        if progress is not None:
            progress(done, len(articles))
    return assemble(root, manifest, articles, extractions, problems)


def _safe_extract(article: Article, manifest: Manifest, problems: list[Problem]) -> Extraction:
    # An extraction bug must cost one article its dates and quotes, never the whole corpus.
    try:
        return extract(article, manifest)
    except Exception as exc:  # noqa: BLE001 - reported to the user as a problem
        problem = Problem(article.path, f"extraction failed: {type(exc).__name__}: {exc}")
        article.problems.append(problem)
        problems.append(problem)
        return Extraction()


def assemble(
    root: Path,
    manifest: Manifest,
    articles: list[Article],
    extractions: list[Extraction],
    problems: list[Problem],
) -> Corpus:
    """Corpus-wide steps: one name per person across articles, then events."""
    registry = PeopleRegistry(manifest.people)
    for ex in extractions:
        registry.add(ex.people)

    def canonical(name: str | None) -> str | None:
        if name is None:
            return None
        return registry.canonical(name) or name

    drafts = []
    for article, ex in zip(articles, extractions, strict=True):
        article.dates = ex.dates
        article.topics = ex.topics
        article.quotes = [replace(q, speaker=canonical(q.speaker), article_id=article.id) for q in ex.quotes]
        article.people = _rank_people(article, ex, canonical)
        finder = _people_finder(article, ex, canonical)
        drafts.append(article_drafts(article, finder, lambda s: assign_topics(s, manifest.topics or None)))
    return Corpus(
        root=root,
        title=manifest.title or root.resolve().name or str(root),
        description=manifest.description,
        articles={a.id: a for a in articles},
        events=build_events(drafts),
        people=dict(registry.people),
        problems=problems,
        default_range=manifest.default_range,
    )


def _rank_people(article: Article, ex: Extraction, canonical: Callable[[str | None], str | None]) -> list[str]:
    """Canonical names, most quoted then most mentioned first."""
    score: Counter[str] = Counter()
    for rank, person in enumerate(ex.people):
        score[canonical(person.name) or person.name] += max(1, len(ex.people) - rank)
    for q in article.quotes:
        if q.speaker:
            score[q.speaker] += 3
    return [name for name, _ in score.most_common()]


def _people_finder(
    article: Article, ex: Extraction, canonical: Callable[[str | None], str | None]
) -> Callable[[int, int], list[str]]:
    """A function naming the people body[start:end] mentions, by any alias or as a speaker."""
    alias_to_name: dict[str, str] = {}
    for person in ex.people:
        name = canonical(person.name) or person.name
        for alias in {person.name, *person.aliases}:
            if len(alias) > 2:
                alias_to_name.setdefault(alias, name)
    alternatives = "|".join(re.escape(a) for a in sorted(alias_to_name, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\b") if alternatives else None
    speakers = [(q.start, q.end, q.speaker) for q in article.quotes if q.speaker]

    def people_in(start: int, end: int) -> list[str]:
        found = []
        if pattern is not None:
            found = _unique(alias_to_name[m.group(0)] for m in pattern.finditer(article.body, start, end))
        # The speaker of a quote in the sentence is in it too, even as "he said".
        found += [s for a, b, s in speakers if a < end and b > start and s not in found]
        return found

    return people_in


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
