"""Corpus-wide steps after per-article extraction: one name per person across articles, the
people of each article ranked, then the events of the timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tui.corpus.extract import Extraction
from tui.corpus.gc_pause import paused_gc
from tui.corpus.model import Article, Corpus, Manifest, Problem, Quote
from tui.corpus.people_registry import PeopleRegistry
from tui.corpus.sanitize import sanitize_line


# About a million objects that all live on are made here (a third of the time went to
# collections finding nothing at 20,000 articles): the collector runs again afterwards.
@paused_gc()
def assemble(
    root: Path,
    manifest: Manifest,
    articles: list[Article],
    extractions: list[Extraction],
    problems: list[Problem],
    registry: PeopleRegistry | None = None,
) -> Corpus:
    """Corpus-wide steps: one name per person across articles, then events. `registry`: the
    people of `extractions` already registered, in order (a build does it as files come in)."""
    from tui.corpus.event_merge import EventMerger, parse_drafts
    from tui.corpus.local_drafts import local_drafts

    if registry is None:
        registry = PeopleRegistry(manifest.people)
        for ex in extractions:
            registry.add(ex.people)

    # The registry is complete: each name's corpus name is worked out once.
    names: dict[str, str] = {}

    def canonical(name: str | None) -> str | None:
        if name is None:
            return None
        got = names.get(name)
        if got is None:
            got = names[name] = registry.canonical(name) or name
        return got

    merger = EventMerger()
    for article, ex in zip(articles, extractions, strict=True):
        if ex.dates is not None:  # None: the article's date mentions stay in the cache
            article.dates = ex.dates
        article.topics = ex.topics
        article.quotes = _quotes(ex.quotes, article.id, canonical)
        local_names = [canonical(p.name) or p.name for p in ex.people]
        article.people = _rank_people(article, local_names)
        local = getattr(ex, "drafts", None)
        if local is None:  # an extraction made without them (a failed one is empty)
            dates = ex.dates if ex.dates is not None else article.dates
            local = local_drafts(article, dates, ex.people, ex.quotes, ex.topics, manifest.topics)
        if isinstance(local, str):  # (the build parses them as each article is read)
            local = parse_drafts(local, article.id, article.body)
        speakers = [q.speaker for q in article.quotes]
        merger.add_local(article, local, local_names, speakers)
    corpus = Corpus(
        root=root,
        # The folder's name is untrusted text too (an unpacked archive names it).
        title=manifest.title or sanitize_line(root.resolve().name) or sanitize_line(str(root)) or "Articles",
        description=manifest.description,
        articles={a.id: a for a in articles},
        events=merger.events(),
        people=dict(registry.people),
        problems=problems,
        default_range=manifest.default_range,
    )
    corpus.speaker_names = names
    return corpus


def _quotes(quotes: list[Quote], article_id: str, canonical: Callable[[str | None], str | None]) -> list[Quote]:
    """The article's quotes with corpus names for speakers: a quote whose speaker keeps the
    name is kept as it is (most are: making 300,000 new ones at 20,000 articles was ~0.4 s)."""
    out = []
    for q in quotes:
        name = canonical(q.speaker)
        if name != q.speaker or q.article_id != article_id:
            q = Quote(q.text, q.start, q.end, name, q.cue, q.fragment, article_id)
        out.append(q)
    return out


def _rank_people(article: Article, local_names: list[str]) -> list[str]:
    """Canonical names, most quoted then most mentioned first. `local_names`: the corpus names
    of the extraction's people, in its order."""
    score: Counter[str] = Counter()
    n = len(local_names)
    for rank, name in enumerate(local_names):
        score[name] += max(1, n - rank)
    for q in article.quotes:
        if q.speaker:
            score[q.speaker] += 3
    return [name for name, _ in score.most_common()]
