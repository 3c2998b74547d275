"""Merging events while a cold build is still reading files, instead of after the last one.

Merging needs the corpus name of everyone in a draft, and a name is only final once every
article is in ("Raisi" becomes "Ebrahim Raisi" when a later article says so). But merging only
asks whether two drafts share a person, never what the person is called: so drafts are merged
with each person labelled by the registry's `Person` object that the name stands for when the
article comes in. A rename keeps the object; at the end, each label becomes the person's final
name, and the events are exactly those that merging with final names would have made, provided
every name still stands for the same object. That is checked at the end; if any name changed
hands (or could not be labelled this way), `events` returns None and the caller merges from
scratch, as it would have without this.

At 20,000 articles this takes ~2 s of merging off the end of the build, where one core works
alone, and does it while files come in, when the cores are shared with the extracting workers.
"""

from __future__ import annotations

from collections import Counter

from tui.corpus.event_merge import EventMerger
from tui.corpus.model import Article, Event, Person
from tui.corpus.people_registry import PeopleRegistry


class EventsAsRead:
    """Feed articles in file order (`add`, right after the registry has taken their people),
    `place` now and then, and take the events at the end (`events`)."""

    def __init__(self, registry: PeopleRegistry) -> None:
        self.registry = registry
        self.merger = EventMerger()
        self.failed = False
        # name -> id of the Person it stood for when first used; the objects are kept here so
        # that no id is ever reused by another object.
        self._label: dict[str, int] = {}
        self._persons: dict[int, Person] = {}

    def _labels(self, names: list[str | None]) -> list[int | None] | None:
        """The names' labels (None for no name), or None when one cannot be given one now."""
        reg = self.registry
        alias, people, key = reg._alias, reg.people, reg._key
        known, persons = self._label, self._persons
        out: list[int | None] = []
        for name in names:
            if not name:
                out.append(None)
                continue
            canon = alias.get(key(name))
            person = people.get(canon) if canon else None
            if person is None:
                return None  # (a name only a role or no one stands for: merged at the end)
            label = id(person)
            had = known.setdefault(name, label)
            if had != label:
                return None  # the name stands for someone else now
            persons.setdefault(label, person)
            out.append(label)
        return out

    def add(self, article: Article, people: list[Person], speakers: list[str | None], drafts: object) -> None:
        """One article, right after the registry has taken `people` (its extraction's people);
        `speakers` are its quotes' speakers, `drafts` its parsed drafts."""
        if self.failed:
            return
        if not isinstance(drafts, list):
            self.failed = True  # drafts to make from the body at the end (a failed extraction)
            return
        names = self._labels([p.name for p in people])
        quoted = self._labels(speakers) if names is not None else None
        if names is None or quoted is None:
            self.failed = True
            return
        # The article's own draft has its four leading people, ranked as `assemble` ranks them.
        score: Counter[int] = Counter()
        n = len(names)
        for rank, label in enumerate(names):
            score[label] += max(1, n - rank)  # type: ignore[index]
        for label in quoted:
            if label is not None:
                score[label] += 3
        lead = [label for label, _ in score.most_common()[:4]]
        self.merger.add_local(article, drafts, names, quoted, lead)  # type: ignore[arg-type]

    def place(self) -> None:
        """Merge the drafts added since the last call."""
        if not self.failed:
            for group in self.merger.groups.values():
                if group.pending:
                    group.place_all()

    def events(self) -> list[Event] | None:
        """The events, with people's final names; None when merging must start again from the
        final names (see the module's docstring)."""
        if self.failed:
            return None
        self.failed = True  # (once: the events' people become names below)
        reg = self.registry
        alias, people, key = reg._alias, reg.people, reg._key
        persons = self._persons
        for name, label in self._label.items():
            canon = alias.get(key(name))
            if canon is None or people.get(canon) is not persons[label]:
                return None
        final = {label: p.name for label, p in persons.items()}
        events = self.merger.events()
        for e in events:
            e.people = [final[label] for label in e.people]  # type: ignore[index]
        return events
