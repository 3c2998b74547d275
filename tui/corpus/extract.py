"""Per-article extraction: dates, people, quotes and topics of one loaded article.

This is the unit of work that runs in parallel and that the index cache stores: it depends only
on the article and the manifest, never on the rest of the corpus. Names are the article's own
canonical forms; the corpus build maps them to corpus-wide people afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.corpus.dates import find_dates
from tui.corpus.local_drafts import local_drafts
from tui.corpus.model import Article, DateMention, Manifest, Person, Quote
from tui.corpus.people import find_people
from tui.corpus.quotes import find_quotes
from tui.corpus.topics import assign_topics


@dataclass(slots=True)
class Extraction:
    dates: list[DateMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # The article's timeline drafts before corpus-wide names, as JSON text (`local_drafts`);
    # once read in the main process, parsed (`event_merge.parse_drafts`).
    drafts: str | list[tuple] | None = None


def extract(article: Article, manifest: Manifest) -> Extraction:
    published = article.published
    # Relative dates ("on Wednesday", "last month") need a day to count from; an article dated
    # only to the month or year leaves them unresolved rather than guessed.
    reference = published.first_day if published is not None and published.day else None
    people = find_people(article.body, manifest.people)
    ex = Extraction(
        dates=find_dates(article.body, reference),
        people=people,
        quotes=find_quotes(article.body, people, article.id),
        topics=assign_topics(f"{article.title}\n{article.body}", manifest.topics or None),
    )
    ex.drafts = local_drafts(article, ex.dates, ex.people, ex.quotes, ex.topics, manifest.topics)
    return ex
