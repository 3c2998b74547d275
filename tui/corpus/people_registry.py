"""Corpus-wide canonical people: merging the people of many articles."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Person, PersonSpec
from .roles import name_key, person_role_score, role_words, strip_honorifics


class PeopleRegistry:
    """Corpus-wide canonical people.

    `add(persons)` returns, for one article's people, a map from their article-local canonical
    names to corpus canonical names. A later article can make a name fuller ("Raisi" first,
    "Ebrahim Raisi" later): the earlier name then follows the merge, so call `canonical(name)`
    when the whole corpus is in to get the final name.
    """

    def __init__(self, known: Iterable[PersonSpec] = ()) -> None:
        self.people: dict[str, Person] = {}
        self._alias: dict[str, str] = {}  # name key -> canonical
        self._fixed: set[str] = set()  # manifest names: never renamed
        self._weight: dict[str, int] = {}
        # Indexes that keep `add` from slowing down as names pile up (results as scanning):
        self._rank: dict[str, int] = {}  # name key -> when it entered _alias (its dict order)
        self._suffix: dict[str, list[str]] = {}  # "raisi" -> keys ending in " raisi", in order
        self._keys_of: dict[str, set[str]] = {}  # canonical -> its name keys
        self._last: dict[str, set[str]] = {}  # last word, lower case -> multi-word canonicals
        self._keys: dict[str, str] = {}  # name -> name_key(name): the same names come again and again
        self._stripped: dict[str, str] = {}  # name -> strip_honorifics(name)
        for spec in known:
            p = Person(spec.name, {spec.name, *spec.aliases}, set(spec.roles))
            self._add_person(spec.name, p)
            self._fixed.add(spec.name)
            self._weight[spec.name] = 0
            for f in p.aliases:
                self._set_alias(self._key(f), spec.name, replace=False)

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = name_key(name)
        return key

    def _add_person(self, canon: str, person: Person) -> None:
        self.people[canon] = person
        if " " in canon:
            self._last.setdefault(canon.lower().split()[-1], set()).add(canon)

    def _drop_person(self, canon: str) -> Person:
        if " " in canon:
            self._last[canon.lower().split()[-1]].discard(canon)
        return self.people.pop(canon)

    def _set_alias(self, key: str, canon: str, replace: bool = True) -> None:
        old = self._alias.get(key)
        if old is None:
            self._rank[key] = len(self._rank)
            words = key.split(" ")
            for i in range(1, len(words)):
                self._suffix.setdefault(" ".join(words[i:]), []).append(key)
        elif old == canon or not replace:
            return
        else:
            self._keys_of[old].discard(key)
        self._alias[key] = canon
        self._keys_of.setdefault(canon, set()).add(key)

    def _holders(self, last_word: str) -> set[str]:
        """Multi-word canonical names whose last word (lower case) is `last_word`."""
        return set(self._last.get(last_word, ()))

    def _lookup(self, person: Person) -> str | None:
        key = self._key(person.name)
        hit = self._alias.get(key)
        if hit:
            return hit
        for form in sorted(person.aliases):
            hit = self._alias.get(self._key(form))
            if hit:
                return hit
        words = key.split()
        if len(words) == 1:
            holders = self._holders(key)
            if len(holders) == 1:
                return holders.pop()
        else:
            # A fuller name for a single-word entry: "Ebrahim Raisi" after "Raisi".
            single = self._alias.get(words[-1])
            if single and " " not in single:
                if not self._holders(words[-1]):
                    return single
            # The first key (in the order keys were added) that ends with " " + key, or that
            # key ends with " " + it.
            hits = list(self._suffix.get(key, ())[:1])
            parts = key.split(" ")
            hits += [k for k in (" ".join(parts[i:]) for i in range(1, len(parts))) if k in self._alias]
            if hits:
                return self._alias[min(hits, key=self._rank.__getitem__)]
        return None

    def _rename(self, old: str, new: str) -> None:
        p = self._drop_person(old)
        p.name = new
        self._add_person(new, p)
        self._weight[new] = self._weight.pop(old, 0)
        keys = self._keys_of.pop(old, set())
        for k in keys:
            self._alias[k] = new
        self._keys_of.setdefault(new, set()).update(keys)

    def add(self, persons: list[Person]) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for person in persons:
            canon = self._lookup(person)
            if canon is None:
                canon = strip_honorifics(person.name)
                if canon in self.people:
                    canon = person.name
                if canon in self.people:
                    self.people[canon] = Person(canon)  # (as before: replaced in place)
                else:
                    self._add_person(canon, Person(canon))
                self._weight[canon] = 0
            p = self.people[canon]
            p.aliases.update(person.aliases | {person.name})
            p.roles.update(person.roles)
            self._weight[canon] += 1
            fuller = self._stripped.get(person.name)
            if fuller is None:
                fuller = self._stripped[person.name] = strip_honorifics(person.name)
            if canon not in self._fixed and len(fuller.split()) > len(canon.split()) and fuller not in self.people:
                self._rename(canon, fuller)
                canon = fuller
            # Every alias the person had is a key already (added when it was): only this
            # article's names can be new, and then the keys are added in the same order as
            # when going over all of them.
            if any(self._key(f) not in self._alias for f in person.aliases) or self._key(person.name) not in self._alias:
                for f in p.aliases | {person.name}:
                    self._set_alias(self._key(f), canon, replace=False)
            self._set_alias(self._key(person.name), canon)
            mapping[person.name] = canon
        return mapping

    def canonical(self, name: str) -> str | None:
        """The corpus name for a name, an alias, or a role phrase ("the Iranian president")."""
        if not name or not name.strip():
            return None
        hit = self._alias.get(name_key(name))
        if hit:
            return hit
        if len(role_words(name)) > 1:
            # A role phrase: the best-fitting holder; among equals, the one seen in most articles.
            scored = [(person_role_score(name, p), self._weight.get(c, 0), c) for c, p in self.people.items()]
            best = max((s[0] for s in scored), default=0)
            top = sorted((s for s in scored if s[0] == best and best > 0), reverse=True)
            if len(top) == 1 or (len(top) > 1 and top[0][1] > top[1][1]):
                return top[0][2]
        key = name_key(name)
        if " " not in key:
            holders = self._holders(key)
            if len(holders) == 1:
                return holders.pop()
        return None
