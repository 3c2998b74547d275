"""Drafting split between extraction (per article, `local_drafts`) and assembly (corpus names,
merging across articles) gives the events that drafting everything at assembly gave."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.corpus.assemble import _rank_people, assemble
from tui.corpus.build import _plan
from tui.corpus.read_files import read_one
from tui.corpus.cache_rows import decode_article, encode_article
from tui.corpus.extract import Extraction
from tui.corpus.local_drafts import _people_in
from tui.corpus.manifest import load_manifest
from tui.corpus.people import PeopleRegistry
from tui.corpus.timeline import _absorb, _finish, _same_happening, article_drafts
from tui.corpus.topics import assign_topics

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "articles", ROOT / "tests" / "fixtures" / "hostile", ROOT / "tests" / "fixtures" / "basic"]


# -- the reference: everything at assembly, merging by scanning ---------------------------------


def _reference_finder(article, ex, canonical):
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
            found = list(dict.fromkeys(alias_to_name[m.group(0)] for m in pattern.finditer(article.body, start, end)))
        found += [s for a, b, s in speakers if a < end and b > start and s not in found]
        return found

    return people_in


def _reference_events(drafts_by_article):
    groups: dict = {}
    undated = []
    for drafts in drafts_by_article:
        for d in drafts:
            if d.span is None:
                undated.append(d)
                continue
            group = groups.setdefault(d.span, [])
            for existing in group:
                if existing.mentions[0].article_id != d.mentions[0].article_id and _same_happening(existing, d):
                    _absorb(existing, d)
                    break
            else:
                group.append(d)
    dated = [d for group in groups.values() for d in group]
    dated.sort(key=lambda d: (d.span.sort_key, d.title))
    undated.sort(key=lambda d: d.title.casefold())
    return [_finish(d) for d in dated + undated]


def _reference_assemble(manifest, articles, extractions):
    registry = PeopleRegistry(manifest.people)
    for ex in extractions:
        registry.add(ex.people)

    def canonical(name):
        return None if name is None else registry.canonical(name) or name

    drafts = []
    for article, ex in zip(articles, extractions, strict=True):
        article.dates = ex.dates
        article.topics = ex.topics
        article.quotes = [q._replace(speaker=canonical(q.speaker), article_id=article.id) for q in ex.quotes]
        article.people = _rank_people(article, [canonical(p.name) or p.name for p in ex.people])
        finder = _reference_finder(article, ex, canonical)
        drafts.append(article_drafts(article, finder, lambda s: assign_topics(s, manifest.topics or None)))
    return _reference_events(drafts), dict(registry.people)


def _load(root: Path):
    manifest, _ = load_manifest(root)
    plan = _plan(root, manifest)
    articles, extractions = [], []
    for entry in plan.entries:
        done = read_one(entry, manifest)
        if done.article is not None:
            articles.append(done.article)
            extractions.append(done.extraction or Extraction())
    return manifest, articles, extractions


def _events(events):
    return [
        (e.id, e.span, e.title, [(m.article_id, m.sentence, m.start, m.end) for m in e.mentions], e.people, e.topics, e.kind)
        for e in events
    ]


@pytest.mark.parametrize("root", CORPORA, ids=lambda p: p.name)
def test_assembly_gives_the_events_of_drafting_everything_at_assembly(root, monkeypatch):
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    manifest, articles, extractions = _load(root)
    assert all(ex.drafts is not None for ex in extractions if ex.dates)
    corpus = assemble(root, manifest, articles, extractions, [])
    manifest, articles, extractions = _load(root)
    events, people = _reference_assemble(manifest, articles, extractions)
    assert _events(corpus.events) == _events(events)
    assert {k: (p.aliases, p.roles) for k, p in corpus.people.items()} == {
        k: (p.aliases, p.roles) for k, p in people.items()
    }


def test_an_extraction_without_drafts_is_drafted_at_assembly():
    root = ROOT / "articles"
    manifest, articles, extractions = _load(root)
    with_drafts = _events(assemble(root, manifest, articles, extractions, []).events)
    manifest, articles, extractions = _load(root)
    for ex in extractions:
        ex.drafts = None
    assert _events(assemble(root, manifest, articles, extractions, []).events) == with_drafts


def test_the_cache_row_keeps_the_article_and_its_extraction_with_the_drafts():
    manifest, articles, extractions = _load(ROOT / "articles")
    for article, ex in zip(articles, extractions):
        back_article, back = decode_article(encode_article(article, ex))
        assert back.drafts == ex.drafts
        assert back == ex
        assert back_article == article


# -- names in sentences without a pattern per article -------------------------------------------


def _by_pattern(body, spans, aliases):
    alternatives = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\b")
    return [list(dict.fromkeys(aliases[m.group(0)] for m in pattern.finditer(body, s, e))) for s, e in spans]


@pytest.mark.parametrize(
    "body, aliases",
    [
        ("Raisi met Ebrahim Raisi. Then Raisi left.", {"Ebrahim Raisi": 0, "Raisi": 1}),
        ("Putin's aide and Putinism. Putin_x and Putin2, Putin.", {"Putin": 0}),
        ("Dr. Ali said. Mr. Ali (Dr. Ali) spoke.", {"Dr. Ali": 0, "Ali": 1, "Mr. Ali": 2}),
        ("Ivan Petrov Ivan met Ivan Petrovich.", {"Ivan Petrov": 0, "Ivan": 1, "Petrov Ivan": 2}),
        ("Çelik and Müller met; Müllers did not.", {"Müller": 0, "Çelik": 1}),
        ("-Abbas- said 'Abbas' ", {"-Abbas-": 0, "Abbas": 1, "'Abbas'": 2}),
        ("Raisi said.Raisi\nRaisi", {"Raisi": 0}),
    ],
)
def test_people_in_sentences_as_the_alias_pattern_finds_them(body, aliases):
    cuts = sorted({0, len(body), *(i for i, c in enumerate(body) if c in ".;\n" and i + 1 < len(body))})
    # Every way of cutting the text in sentences at those points, including mid-word ends.
    for width in (1, 2, 3):
        spans = [(cuts[i] + (1 if i else 0), cuts[min(i + width, len(cuts) - 1)]) for i in range(0, len(cuts) - 1, width)]
        spans = [(s, e) for s, e in spans if s < e]
        assert _people_in(body, spans, aliases) == _by_pattern(body, spans, aliases), spans
    for end in range(1, len(body) + 1):  # a sentence that ends anywhere, even inside a name
        assert _people_in(body, [(0, end)], aliases) == _by_pattern(body, [(0, end)], aliases), end
    for start in range(len(body)):  # and one that starts anywhere
        assert _people_in(body, [(start, len(body))], aliases) == _by_pattern(body, [(start, len(body))], aliases), start
