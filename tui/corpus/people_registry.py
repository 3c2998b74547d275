"""Corpus-wide canonical people: merging the people of many articles."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Person, PersonSpec
from .roles import key_of_stripped, name_key, person_role_score, role_words, strip_honorifics


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
        # name -> (its key, strip_honorifics(name), how many words that has)
        self._names: dict[str, tuple[str, str, int]] = {}
        self._keyed: set[str] = set()  # names of people added whose keys are all in _alias
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
            space = key.find(" ")
            while space >= 0:  # every ending of the key after a space
                self._suffix.setdefault(key[space + 1 :], []).append(key)
                space = key.find(" ", space + 1)
        elif old == canon or not replace:
            return
        else:
            self._keys_of[old].discard(key)
        self._alias[key] = canon
        keys_of = self._keys_of.get(canon)
        if keys_of is None:
            keys_of = self._keys_of[canon] = set()
        keys_of.add(key)

    def _holders(self, last_word: str) -> set[str]:
        """Multi-word canonical names whose last word (lower case) is `last_word`."""
        return set(self._last.get(last_word, ()))

    def _lookup(self, person: Person, key: str) -> str | None:
        """The corpus name of `person` (whose name's key is `key`), or None for a new person."""
        alias = self._alias
        hit = alias.get(key)
        if hit:
            return hit
        keys = self._keys
        for form in sorted(person.aliases):
            form_key = keys.get(form)
            hit = alias.get(self._key(form) if form_key is None else form_key)
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

    def _name(self, name: str) -> tuple[str, str, int]:
        found = self._names.get(name)
        if found is None:
            fuller = strip_honorifics(name)
            key = self._keys.get(name)
            if key is None:
                key = self._keys[name] = key_of_stripped(fuller)
            found = self._names[name] = (key, fuller, len(fuller.split()))
        return found

    def _new_person(self, name: str) -> str:
        canon = strip_honorifics(name)
        if canon in self.people:
            canon = name
        if canon in self.people:
            self.people[canon] = Person(canon)  # (as before: replaced in place)
        else:
            self._add_person(canon, Person(canon))
        self._weight[canon] = 0
        return canon

    def add(self, persons: list[Person]) -> dict[str, str]:
        mapping: dict[str, str] = {}
        alias = self._alias
        names = self._names
        keyed = self._keyed
        people = self.people
        weight = self._weight
        for person in persons:
            name = person.name
            key, fuller, fuller_words = names.get(name) or self._name(name)
            canon = alias.get(key) or self._lookup(person, key)
            if canon is None:
                canon = self._new_person(name)
            p = people[canon]
            # (The very set operations as ever: the order the sets list their items in follows.)
            p.aliases.update(person.aliases | {name})
            p.roles.update(person.roles)
            weight[canon] += 1
            if (
                fuller != canon
                and fuller_words > len(canon.split())
                and canon not in self._fixed
                and fuller not in people
            ):
                self._rename(canon, fuller)
                canon = fuller
            # Keys are never taken out of _alias: a person whose names all had theirs (most of
            # them, as the same people come back article after article) brings no new key.
            if name not in keyed or not person.aliases <= keyed:
                self._add_new_keys(person, p, key, canon)
                keyed.update(person.aliases)
                keyed.add(name)
            if alias.get(key) != canon:
                self._set_alias(key, canon)
            mapping[name] = canon
        return mapping

    def _add_new_keys(self, person: Person, p: Person, key: str, canon: str) -> None:
        """Make `canon` what the keys of `p`'s names (`person`'s now among them) not yet known
        stand for, in the order `p.aliases | {person.name}` lists them (the order keys were
        added decides between suffix matches in `_lookup`)."""
        alias = self._alias
        keys = self._keys
        # Every alias `p` had is a key already (added when it was): only `person`'s names can
        # be new. One new key (the usual case) needs no going over all of `p`'s names.
        new = None if key in alias else key
        for form in person.aliases:
            form_key = keys.get(form)
            if form_key is None:
                form_key = self._key(form)
            if form_key not in alias and form_key != new:
                if new is not None:
                    break  # two new keys or more: added in the order of `p`'s names
                new = form_key
        else:
            if new is not None:
                self._set_alias(new, canon, replace=False)
            return
        for form in p.aliases | {person.name}:
            form_key = keys.get(form)
            if form_key is None:
                form_key = self._key(form)
            if form_key not in alias:
                self._set_alias(form_key, canon, replace=False)

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
