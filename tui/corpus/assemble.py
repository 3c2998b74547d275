"""Corpus-wide steps after per-article extraction: one name per person across articles, the
people of each article ranked, then the events of the timeline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from tui.corpus.extract import Extraction
from tui.corpus.model import Article, Corpus, Manifest, Problem
from tui.corpus.sanitize import sanitize_line


def assemble(
    root: Path,
    manifest: Manifest,
    articles: list[Article],
    extractions: list[Extraction],
    problems: list[Problem],
) -> Corpus:
    """Corpus-wide steps: one name per person across articles, then events."""
    from tui.corpus.people import PeopleRegistry
    from tui.corpus.timeline import article_drafts, build_events
    from tui.corpus.topics import assign_topics

    registry = PeopleRegistry(manifest.people)
    for ex in extractions:
        registry.add(ex.people)

    def canonical(name: str | None) -> str | None:
        if name is None:
            return None
        return registry.canonical(name) or name

    drafts = []
    cues: dict[str, str] = {}
    for article, ex in zip(articles, extractions, strict=True):
        article.dates = ex.dates
        article.topics = ex.topics
        # Cue words ("said", "told") are a few strings repeated ~300,000 times at 20,000
        # articles: one object each (the snapshot keeps them shared).
        article.quotes = [
            replace(q, speaker=canonical(q.speaker), article_id=article.id, cue=q.cue and cues.setdefault(q.cue, q.cue))
            for q in ex.quotes
        ]
        article.people = _rank_people(article, ex, canonical)
        finder = _people_finder(article, ex, canonical)
        drafts.append(article_drafts(article, finder, lambda s: assign_topics(s, manifest.topics or None)))
    return Corpus(
        root=root,
        # The folder's name is untrusted text too (an unpacked archive names it).
        title=manifest.title or sanitize_line(root.resolve().name) or sanitize_line(str(root)) or "Articles",
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
