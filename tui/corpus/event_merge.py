"""Merging drafts of events across articles, by date (the rule is `timeline._same_happening`).

Each date has a `_Group` of the events made so far on it. A draft is absorbed into the first
event (in order) of its date that reports the same happening and comes from another article, or
starts an event of its own. Events are built in place (`Event` objects from the start, with the
draft's content words beside them): a draft that is absorbed never becomes a `_Draft` or an
`Event` (at 20,000 articles, 250,000 drafts make 100,000 events).
"""

from __future__ import annotations

import hashlib
from sys import intern

from tui.corpus.cache_rows import loads
from tui.corpus.model import Article, DateMention, DateSpan, Event, Mention


def event_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:12]


class _Group:
    """The events of one date, with where each person and content word occurs among them as
    bit sets (bit j: the j-th event), so the event a new draft merges into is found without
    comparing it with every event of that date: the answer of `_same_happening` is a matter of
    counting shared words (at least 2, 3 or 5) and shared people, done on whole bit sets."""

    __slots__ = ("span", "pending", "events", "words", "known", "by_person", "by_word", "by_article", "seen", "coarse")

    def __init__(self, span: DateSpan) -> None:
        self.span = span
        # Drafts to place, (kind, title, mentions, people, topics, words) each: a group's drafts
        # are placed together (`place_all`), its indexes then staying in the processor's caches
        # (a third faster at 20,000 articles than placing each draft as it comes).
        self.pending: list[tuple] = []
        self.events: list[Event] = []
        self.words: list[set[str]] = []  # the content words of events[j]
        # (article id, start) of the mentions of events[j]: made when it first needs them.
        self.known: list[set[tuple[str, int]] | None] = []
        self.by_person: dict[str, int] = {}
        self.by_word: dict[str, int] = {}
        self.by_article: dict[str, int] = {}  # article of an event's first mention -> events
        self.seen: set[str] = set()  # the articles of the drafts placed so far
        self.coarse = span.precision not in ("day", "week")

    def place_all(self) -> None:
        """Place the drafts in `pending`, in order, and forget them."""
        pending, self.pending = self.pending, []
        events = self.events
        event_words = self.words
        event_known = self.known
        by_word = self.by_word
        by_person = self.by_person
        by_article = self.by_article
        seen = self.seen
        span = self.span
        coarse = self.coarse
        for kind, title, mentions, people, topics, words in pending:
            # Absorb the draft into the first event (in order) that reports the same
            # happening, as scanning them all with `_same_happening` would; or start an event.
            # The lists passed are the draft's own: an event started keeps them.
            article_id = mentions[0].article_id
            common = words & by_word.keys()
            same = 0
            if common or people:
                shares_person = 0
                for p in people:
                    m = by_person.get(p)
                    if m:
                        shares_person |= m
                # atN: the events sharing at least N content words with the draft (counted
                # bit-parallel).
                if coarse:
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
                if same:
                    same &= ~by_article.get(article_id, 0)
            if same:
                j = (same & -same).bit_length() - 1
                bit = 1 << j
                existing = events[j]
                have_words = event_words[j]
                new_words = words - have_words
                if article_id in seen:
                    # Not from the usual drafts (one per article and date): `_absorb`'s way.
                    new_people = [p for p in people if p not in existing.people]
                    known = event_known[j]
                    if known is None:
                        known = event_known[j] = {(m.article_id, m.start) for m in existing.mentions}
                    for m in mentions:
                        key = (m.article_id, m.start)
                        if key not in known:
                            known.add(key)
                            existing.mentions.append(m)
                    if people:
                        have = set(existing.people)
                        existing.people += [p for p in people if p not in have]
                else:
                    # No mention of the draft's article is in the event yet, and who is in it
                    # is told by `by_person` (bit j: in existing.people).
                    existing.mentions += mentions
                    known = event_known[j]
                    if known is not None:
                        known.update((m.article_id, m.start) for m in mentions)
                    new_people = [p for p in people if not by_person.get(p, 0) & bit] if people else people
                    if new_people:
                        existing.people += new_people
                if topics:
                    have_topics = existing.topics
                    have_topics += [t for t in topics if t not in have_topics]
                have_words |= new_words
                if kind == "article" and existing.kind != "article":
                    existing.kind, existing.title = "article", title
                common &= new_words
                new_words -= common
            else:
                j = len(events)
                bit = 1 << j
                first = mentions[0]
                # Copies: the event's lists and words grow as drafts are absorbed into it.
                events.append(Event(event_id(article_id, first.start, first.end), span, title, list(mentions), people, list(topics), kind))  # type: ignore[arg-type]
                event_words.append(set(words))
                event_known.append(None)
                by_article[article_id] = by_article.get(article_id, 0) | bit
                new_people = people
                new_words = words - common if common else words
            seen.add(article_id)
            for w in common:
                by_word[w] |= bit
            if new_words:
                by_word.update(dict.fromkeys(new_words, bit))
            for p in new_people:
                by_person[p] = by_person.get(p, 0) | bit


def parse_drafts(local: str, article_id: str, body: str) -> list[tuple]:
    """An article's drafts (`local_drafts`' JSON text) as `EventMerger.add_local` takes them:
    (value, end value, title, topics, content words, mentions, members) each, the sentences
    cut from `body`. Parsed as soon as the article is read, so that the body need not be kept
    in memory until the corpus is assembled (nor the work left until the last file is in)."""
    new = tuple.__new__  # a Mention made without its __new__ (a Python function)
    out = []
    for value, end_value, title, topics, words, at, members in loads(local)[2]:
        if len(at) == 2:  # one sentence (most drafts): no pairing up
            a, b = at
            mentions = [new(Mention, (article_id, body[a:b], a, b))]
        else:
            mentions = [new(Mention, (article_id, body[a:b], a, b)) for a, b in zip(at[0::2], at[1::2])]
        # Interned: a word or topic is one object across the build (2.2 million words at 20,000
        # articles, a few thousand distinct), so merging compares them by identity, and none is
        # freed.
        words_set = set(map(intern, words.split()))
        out.append((value, end_value, title, list(map(intern, topics)), words_set, mentions, members))
    return out


class EventMerger:
    """Drafts in (article order, then each article's order) in; events in chronological order
    out (`events`)."""

    def __init__(self) -> None:
        self.groups: dict[DateSpan, _Group] = {}
        self.undated: list[Event] = []
        # Drafts of one date mostly share one DateSpan object: found by identity first
        # (cheaper than hashing a date), by value otherwise. Values hold the span, so its id
        # stays its own.
        self._by_id: dict[int, tuple[DateSpan, _Group]] = {}
        # (value, end_value) of a sentence's date -> its group.
        self._by_value: dict[tuple[str, str | None], _Group] = {}

    def group(self, span: DateSpan) -> _Group:
        hit = self._by_id.get(id(span))
        if hit is not None and hit[0] is span:
            return hit[1]
        group = self.groups.get(span)
        if group is None:
            group = self.groups[span] = _Group(span)
        self._by_id[id(span)] = (span, group)
        return group

    def add(
        self,
        span: DateSpan | None,
        kind: str,
        title: str,
        mentions: list[Mention],
        people: list[str],
        topics: list[str],
        words: set[str],
    ) -> None:
        if span is None:
            first = mentions[0]
            event = Event(event_id(first.article_id, first.start, first.end), None, title, list(mentions), people, list(topics), kind)  # type: ignore[arg-type]
            self.undated.append(event)
        else:
            self.group(span).pending.append((kind, title, mentions, people, topics, words))

    def add_local(self, article: Article, drafts: list[tuple], names: list[str], speakers: list[str | None]) -> None:
        """The article's drafts (`parse_drafts`), as `timeline.article_drafts` would give them:
        `names` are the corpus names of the extraction's people, `speakers` those of its
        quotes' speakers (by index). The drafts are not changed: an event keeps copies."""
        by_value = self._by_value
        for value, end_value, title, topics, words, mentions, members in drafts:
            people: list[str] | None = None
            for member in members:
                if member is None:  # the article's own draft
                    found = article.people[:4]
                else:
                    found = list(dict.fromkeys([names[i] for i in member[0]])) if member[0] else []
                    # The speaker of a quote in the sentence is in it too, even as "he said".
                    if member[1]:
                        found += [sp for q in member[1] if (sp := speakers[q]) and sp not in found]
                if people is None:
                    people = found
                elif found:
                    have = set(people)
                    people += [p for p in found if p not in have]
            if value is None:
                if article.published:
                    self.group(DateSpan(article.published)).pending.append(
                        ("article", article.title, mentions, people or [], topics, words)
                    )
                else:
                    self.add(None, "article", article.title, mentions, people or [], topics, words)
                continue
            group = by_value.get((value, end_value))
            if group is None:
                span = DateMention(0, 0, "", value, None, end_value).span
                group = by_value[(value, end_value)] = self.group(span)  # type: ignore[arg-type]
            group.pending.append(("sentence", title, mentions, people or [], topics, words))

    def events(self) -> list[Event]:
        for g in self.groups.values():
            g.place_all()
        # In order of (date's sort key, title), as one stable sort of every event would give,
        # but sorting the dates, then each date's events by title (a few each): the events of a
        # group share its date, and groups whose dates sort alike are taken together in order.
        by_key: dict[tuple, list[_Group]] = {}
        for span, g in self.groups.items():
            by_key.setdefault(span.sort_key, []).append(g)
        out: list[Event] = []
        for key in sorted(by_key):
            groups = by_key[key]
            events = groups[0].events if len(groups) == 1 else [e for g in groups for e in g.events]
            out += sorted(events, key=_title)
        return out + sorted(self.undated, key=_casefold_title)


def _title(e: Event) -> str:
    return e.title


def _casefold_title(e: Event) -> str:
    return e.title.casefold()

