"""Build small corpora by hand for tests of the timeline, query and export layers."""

from __future__ import annotations

from pathlib import Path

from tui.corpus.model import Article, Corpus, DateMention, PartialDate, Quote
from tui.corpus.timeline import article_drafts, build_events


def mention(body: str, phrase: str, value: str, precision: str, end_value: str | None = None) -> DateMention:
    start = body.index(phrase)
    return DateMention(start, start + len(phrase), phrase, value, precision, end_value)  # type: ignore[arg-type]


def article(
    id: str,
    title: str,
    body: str,
    published: str | None = None,
    dates: list[tuple[str, str, str]] = (),
    people: list[str] = (),
    topics: list[str] = (),
    source: str | None = None,
    quotes: list[tuple[str, str | None]] = (),
) -> Article:
    art = Article(id=id, path=f"{id}.txt", title=title, body=body, source=source)
    art.published = PartialDate.parse(published) if published else None
    art.dates = [mention(body, p, v, pr) for p, v, pr in dates]
    art.people = list(people)
    art.topics = list(topics)
    for text, speaker in quotes:
        start = body.index(text)
        art.quotes.append(Quote(text, start, start + len(text), speaker, "said", False, id))
    return art


def corpus(*articles: Article, title: str = "Test corpus") -> Corpus:
    def people_in_for(art: Article):
        def people_in(start: int, end: int) -> list[str]:
            return [p for p in art.people if p.split()[-1] in art.body[start:end]]

        return people_in

    drafts = [article_drafts(a, people_in_for(a), lambda s: []) for a in articles]
    return Corpus(
        root=Path("."),
        title=title,
        articles={a.id: a for a in articles},
        events=build_events(drafts),
        people={},
        problems=[],
    )
