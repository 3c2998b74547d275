"""From extracted articles to events on a timeline.

Every dated article yields one event (its headline), and every sentence that mentions a
resolvable date yields one, dated by its most precise date. Then mentions of the same happening
are merged: within an article, sentences on the same date are one happening; across articles,
two events on the same date merge when they share a person or enough content words.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from dataclasses import dataclass

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


def event_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:12]


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


def drafts_from_local(
    article: Article,
    local: str,
    names: list[str],
    speakers: list[str | None],
    spans: dict[tuple[str, str | None], DateSpan],
) -> list[_Draft]:
    """`article_drafts` from what extraction worked out for the article alone
    (`local_drafts.local_drafts`): `names` are the corpus names of the extraction's people,
    `speakers` those of its quotes' speakers (by index), `spans` a memo of dates by value."""
    aid = article.id
    body = article.body
    out: list[_Draft] = []
    for value, end_value, title, topics, words, at, members in json.loads(local)[2]:
        mentions = [Mention(aid, body[a:b], a, b) for a, b in zip(at[0::2], at[1::2])]
        people: list[str] | None = None
        for member in members:
            if member is None:  # the article's own draft
                found = list(article.people[:4])
            else:
                found = _unique([names[i] for i in member[0]]) if member[0] else []
                # The speaker of a quote in the sentence is in it too, even as "he said".
                if member[1]:
                    found += [sp for q in member[1] if (sp := speakers[q]) and sp not in found]
            if people is None:
                people = found
            elif found:
                have = set(people)
                people += [p for p in found if p not in have]
        if value is None:
            span = DateSpan(article.published) if article.published else None
            kind, title = "article", article.title
        else:
            span = spans.get((value, end_value))
            if span is None:
                span = spans[(value, end_value)] = DateMention(0, 0, "", value, None, end_value).span
            kind = "sentence"
        out.append(_Draft(span, kind, title, mentions, people or [], list(topics), set(words.split())))
    return out


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


class _Group:
    """The drafts of one date, with where each person and content word occurs among them as
    bit sets (bit j: the j-th draft), so the draft a new one merges into is found without
    comparing it with every draft of that date: the answer of `_same_happening` is a matter of
    counting shared words (at least 2, 3 or 5) and shared people, done on whole bit sets."""

    __slots__ = ("drafts", "by_person", "by_word", "by_article", "seen", "coarse")

    def __init__(self, span: DateSpan) -> None:
        self.drafts: list[_Draft] = []
        self.by_person: dict[str, int] = {}
        self.by_word: dict[str, int] = {}
        self.by_article: dict[str, int] = {}  # article of a draft's first mention -> drafts
        self.seen: set[str] = set()  # the articles of the drafts placed so far
        self.coarse = span.precision not in ("day", "week")

    def place(self, d: _Draft) -> None:
        """Absorb `d` into the first draft (in order) that reports the same happening, as
        scanning them all with `_same_happening` would; or add it."""
        by_person = self.by_person
        shares_person = 0
        people = d.people
        if people:
            for p in people:
                m = by_person.get(p)
                if m:
                    shares_person |= m
        by_word = self.by_word
        words = d.words
        common = words & by_word.keys()
        # atN: the drafts sharing at least N content words with d (counted bit-parallel).
        if self.coarse:
            at1 = at2 = at3 = at4 = at5 = 0
            for w in common:
                m = by_word[w]
                at5 |= at4 & m
                at4 |= at3 & m
                at3 |= at2 & m
                at2 |= at1 & m
                at1 |= m
            same = (shares_person & at2) | at5
        else:
            at1 = at2 = at3 = 0
            for w in common:
                m = by_word[w]
                at3 |= at2 & m
                at2 |= at1 & m
                at1 |= m
            same = shares_person | at3
        article_id = d.mentions[0].article_id
        if same:
            same &= ~self.by_article.get(article_id, 0)
        if same:
            j = (same & -same).bit_length() - 1
            existing = self.drafts[j]
            bit = 1 << j
            new_words = words - existing.words
            if article_id in self.seen:
                # Not from the usual drafts (one per article and date): the general way.
                new_people = [p for p in people if p not in existing.people]
                _absorb(existing, d)
            else:
                # `_absorb`, knowing that no mention of d's article is in `existing` yet, and
                # who is in it from `by_person` (bit j: in existing.people).
                existing.mentions += d.mentions
                if existing.known is not None:
                    existing.known.update((m.article_id, m.start) for m in d.mentions)
                new_people = [p for p in people if not by_person.get(p, 0) & bit] if people else people
                if new_people:
                    existing.people += new_people
                if d.topics:
                    have = existing.topics
                    have += [t for t in d.topics if t not in have]
                existing.words |= new_words
                if existing.kind != "article" and d.kind == "article":
                    existing.kind, existing.title = "article", d.title
            common &= new_words
            new_words -= common
        else:
            bit = 1 << len(self.drafts)
            self.drafts.append(d)
            by_article = self.by_article
            by_article[article_id] = by_article.get(article_id, 0) | bit
            new_people = people
            new_words = words - common
        self.seen.add(article_id)
        for w in common:
            by_word[w] |= bit
        if new_words:
            by_word.update(dict.fromkeys(new_words, bit))
        for p in new_people:
            by_person[p] = by_person.get(p, 0) | bit


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def build_events(drafts_by_article: Iterable[list[_Draft]]) -> list[Event]:
    """Merge drafts across articles and return events in chronological order."""
    groups: dict[DateSpan, _Group] = {}
    # Drafts of one date mostly share one DateSpan object: found by identity first (cheaper
    # than hashing a date), by value otherwise. Values hold the span, so its id stays its own.
    by_id: dict[int, tuple[DateSpan, _Group]] = {}
    undated: list[_Draft] = []
    for drafts in drafts_by_article:
        for d in drafts:
            span = d.span
            if span is None:
                undated.append(d)
                continue
            hit = by_id.get(id(span))
            if hit is not None and hit[0] is span:
                group = hit[1]
            else:
                group = groups.get(span)
                if group is None:
                    group = groups[span] = _Group(span)
                by_id[id(span)] = (span, group)
            group.place(d)
    # All drafts of a group share its date: its sort key is worked out once.
    keyed = [((key, d.title), d) for span, group in groups.items() for key in (span.sort_key,) for d in group.drafts]
    keyed.sort(key=_first)
    undated.sort(key=lambda d: d.title.casefold())
    return [_finish(d) for _, d in keyed] + [_finish(d) for d in undated]


def _first(pair: tuple) -> object:
    return pair[0]


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
