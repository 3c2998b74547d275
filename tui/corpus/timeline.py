"""From extracted articles to events on a timeline.

Every dated article yields one event (its headline), and every sentence that mentions a
resolvable date yields one, dated by its most precise date. Then mentions of the same happening
are merged: within an article, sentences on the same date are one happening; across articles,
two events on the same date merge when they share a person or enough content words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tui.corpus.event_merge import EventMerger, event_id
from tui.corpus.model import Article, DateMention, DateSpan, Event, Mention
from tui.corpus.sentences import split_sentences

TITLE_WIDTH = 90
_PRECISION_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]{2,}")
# Words too common in news to say two sentences report the same happening.
_STOPWORDS = frozenset(
    """
    the and for with that this from have has had was were are will would said says also about
    after before their there they them than then which while when where what who whom whose
    into over under between both more most other some such only very its his her our your
    been being not but can could may might must shall should two three one new last next
    week month year years today wednesday monday tuesday thursday friday saturday sunday
    january february march april june july august september october november december
    president minister country countries government official officials according meeting
    """.split()
)


@dataclass(slots=True)
class _Draft:
    """An event being built: its date, its mentions, and what it is about."""

    span: DateSpan | None
    kind: str
    title: str
    mentions: list[Mention]
    people: list[str]
    topics: list[str]
    words: set[str]
    # (article id, start) of its mentions: made when it first absorbs another draft.
    known: set[tuple[str, int]] | None = None


def content_words(text: str) -> set[str]:
    if text.isascii():
        # Lower-casing ASCII maps letters to letters one for one: the same words, lower-cased.
        return set(_WORD.findall(text.lower())) - _STOPWORDS
    words = _WORD.findall(text)
    if not words:
        return set()
    # Lower-cased all at once: no word holds a space, and lower-casing depends on the
    # neighbours only for a final sigma, which no word holds.
    return set(" ".join(words).lower().replace("’", "'").split(" ")) - _STOPWORDS


def best_date(mentions: Iterable[DateMention]) -> DateMention | None:
    """The most precise resolved mention (the first one on a tie)."""
    best: DateMention | None = None
    for m in mentions:
        if m.value is None or m.precision is None:
            continue
        if best is None or _PRECISION_RANK[m.precision] > _PRECISION_RANK[best.precision or "year"]:
            best = m
    return best


_DATELINE_START = re.compile(r"^[A-Z][A-Z .,'()-]{1,40}\s[—–-]+\s")


def short_title(sentence: str, dateline: str | None = None, width: int = TITLE_WIDTH) -> str:
    text = " ".join(sentence.split())
    # Drop a leading dateline ("TEHRAN — ") so titles start with what happened.
    text = _DATELINE_START.sub("", text)
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    return text[: cut if cut > width // 2 else width - 1].rstrip(" ,;:") + "…"


def article_drafts(
    article: Article,
    people_in: Callable[[int, int], list[str]],
    topics_in: Callable[[str], list[str]],
) -> list[_Draft]:
    """The article's own event and one per dated sentence, already merged by date."""
    drafts: list[_Draft] = []
    sentences = list(split_sentences(article.body))
    lead = sentences[0] if sentences else (0, 0)
    lead_text = article.body[lead[0] : lead[1]]
    drafts.append(
        _Draft(
            span=DateSpan(article.published) if article.published else None,
            kind="article",
            title=article.title,
            mentions=[Mention(article.id, lead_text, lead[0], lead[1])],
            people=list(article.people[:4]),
            topics=list(article.topics),
            words=content_words(article.title + " " + lead_text),
        )
    )
    dates = sorted(article.dates, key=lambda m: m.start)
    i = 0
    for s, e in sentences:
        in_sentence = []
        while i < len(dates) and dates[i].start < e:
            if dates[i].start >= s:
                in_sentence.append(dates[i])
            i += 1
        chosen = best_date(in_sentence)
        if chosen is None:
            continue
        text = article.body[s:e]
        drafts.append(
            _Draft(
                span=chosen.span,
                kind="sentence",
                title=short_title(text),
                mentions=[Mention(article.id, text, s, e)],
                people=people_in(s, e),
                topics=topics_in(text),
                words=content_words(text),
            )
        )
    # Within one article, sentences on the same date tell of the same happening.
    by_span: dict[DateSpan | None, _Draft] = {}
    merged: list[_Draft] = []
    for d in drafts:
        if d.span is not None and d.span in by_span:
            _absorb(by_span[d.span], d)
        else:
            by_span[d.span] = d
            merged.append(d)
    return merged


def _absorb(into: _Draft, other: _Draft) -> None:
    known = into.known
    if known is None:
        known = into.known = {(m.article_id, m.start) for m in into.mentions}
    for m in other.mentions:
        key = (m.article_id, m.start)
        if key not in known:
            known.add(key)
            into.mentions.append(m)
    # Membership as of before the merge (as the list comprehensions over the lists did).
    if other.people:
        have = set(into.people)
        into.people += [p for p in other.people if p not in have]
    if other.topics:
        have = set(into.topics)
        into.topics += [t for t in other.topics if t not in have]
    into.words |= other.words
    if into.kind != "article" and other.kind == "article":
        into.kind, into.title = "article", other.title


def _same_happening(a: _Draft, b: _Draft) -> bool:
    shared_people = bool(set(a.people) & set(b.people))
    shared_words = len(a.words & b.words)
    if a.span is not None and a.span.precision in ("day", "week"):
        return shared_people or shared_words >= 3
    # A whole month or year holds many happenings: ask for more before calling two one.
    return (shared_people and shared_words >= 2) or shared_words >= 5


def build_events(drafts_by_article: Iterable[list[_Draft]]) -> list[Event]:
    """Merge drafts across articles and return events in chronological order."""
    merger = EventMerger()
    for drafts in drafts_by_article:
        for d in drafts:
            merger.add(d.span, d.kind, d.title, d.mentions, d.people, d.topics, d.words)
    return merger.events()


def _finish(d: _Draft) -> Event:
    first = d.mentions[0]
    return Event(
        id=event_id(first.article_id, first.start, first.end),
        span=d.span,
        title=d.title,
        mentions=d.mentions,
        people=d.people,
        topics=d.topics,
        kind=d.kind,  # type: ignore[arg-type]
    )
