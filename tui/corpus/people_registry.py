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
        for spec in known:
            p = Person(spec.name, {spec.name, *spec.aliases}, set(spec.roles))
            self.people[spec.name] = p
            self._fixed.add(spec.name)
            self._weight[spec.name] = 0
            for f in p.aliases:
                self._alias.setdefault(name_key(f), spec.name)

    def _lookup(self, person: Person) -> str | None:
        for form in [person.name, *sorted(person.aliases)]:
            hit = self._alias.get(name_key(form))
            if hit:
                return hit
        key = name_key(person.name)
        words = key.split()
        if len(words) == 1:
            holders = {c for c in self.people if c.lower().split()[-1] == key and " " in c}
            if len(holders) == 1:
                return holders.pop()
        else:
            # A fuller name for a single-word entry: "Ebrahim Raisi" after "Raisi".
            single = self._alias.get(words[-1])
            if single and " " not in single:
                others = {c for c in self.people if " " in c and c.lower().split()[-1] == words[-1]}
                if not others:
                    return single
            for k, canon in self._alias.items():
                if k.endswith(" " + key) or key.endswith(" " + k):
                    return canon
        return None

    def _rename(self, old: str, new: str) -> None:
        p = self.people.pop(old)
        p.name = new
        self.people[new] = p
        self._weight[new] = self._weight.pop(old, 0)
        for k, v in self._alias.items():
            if v == old:
                self._alias[k] = new

    def add(self, persons: list[Person]) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for person in persons:
            canon = self._lookup(person)
            if canon is None:
                canon = strip_honorifics(person.name)
                if canon in self.people:
                    canon = person.name
                self.people[canon] = Person(canon)
                self._weight[canon] = 0
            p = self.people[canon]
            p.aliases.update(person.aliases | {person.name})
            p.roles.update(person.roles)
            self._weight[canon] += 1
            fuller = strip_honorifics(person.name)
            if canon not in self._fixed and len(fuller.split()) > len(canon.split()) and fuller not in self.people:
                self._rename(canon, fuller)
                canon = fuller
            for f in p.aliases | {person.name}:
                self._alias.setdefault(name_key(f), canon)
            self._alias[name_key(person.name)] = canon
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
            holders = {c for c in self.people if " " in c and c.lower().split()[-1] == key}
            if len(holders) == 1:
                return holders.pop()
        return None
