"""People named in article text (`find_people`); `PeopleRegistry` is re-exported from
`people_registry`.

`find_people` reads one article body. A name is a run of capitalized words; we strip a leading
role ("Iranian President", "Foreign Minister") and honorifics ("Ayatollah", "Seyyed", "Mr."),
and keep what is left when it looks like a name: no word of it is a place, nationality, month,
weekday, title, organization word or common sentence opener (see `people_lexicon`), and it is
either two to four words long or a single word with a signal (a title or honorific before it, a
speech verb after it, "according to" before it, or it is the surname of a fuller name in the
same text). Headline-like title-case lines only count names with such a signal.

Not people (generic rules, see `name_split._plausible` and `people_lexicon.NONPERSON_HEADS`): a
run whose last word heads an organization, place, event or thing ("Lehman Brothers", "Jones Beach",
"Disease Control"), or whose first word does ("Hurricane Hugo", "Fort Dix"); plural words
("Skeptics", "Americans"); a US state or a title before a party label is a role ("Indiana
Republican Dan Burton"). A name seen in the article as a firm ("Crane Co.", "Hewlett-Packard
Co.", "X said its", "X, which", "an analyst with X") is no person anywhere in it. A single word
alone needs a title or honorific, or a speech verb with the word also capitalized mid-sentence,
and is never a given name (`given_names`) or a word after "in" or inside "X of Y"; otherwise it
joins the full name whose last or first word it is ("Jiabao" or "Wen" -> "Wen Jiabao"), even a
full name seen only in a title-case line.

Roles come from the text: the title before a name ("Russian President Vladimir Putin"), a role
noun before it ("spokesman Saeed Khatibzadeh"), an appositive after it ("X, the Iranian
government spokesman,") or before it ("Iran's First Vice President, Mohammad Mokhber,").

`PeopleRegistry` merges the people of many articles into one canonical person each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .given_names import GIVEN_NAMES
from .model import Person, PersonSpec
from .name_context import (  # noqa: F401 (tests read the patterns from here)
    _ACCORDING_BEFORE,
    _AFTER_APPOSITIVE_CUE,
    _AFTER_CUE,
    _APPOSITIVE_AFTER,
    _APPOSITIVE_BEFORE,
    _AT_WITH,
    _CORP_AFTER,
    _COUNTERPART_BEFORE,
    _EMPLOYER_BEFORE,
    _IN_BEFORE,
    _OF_BEFORE,
    _OF_IN,
    _ORG_AFTER,
    _role_noun_before,
    _with_demonyms,
)
from .people_lexicon import ABBREVIATIONS, NATIONALITIES, ROLE_NOUNS
from .name_tokens import Aliases, _groups, _in_headline
from .name_tokens import _name_capable, _Tok  # noqa: F401 (quotes.py takes them from here)
from .name_groups import group_plan
from .name_split import _plausible
from .roles import name_key, strip_honorifics


@dataclass(slots=True)
class _Cand:
    """A name of several words, with what its context says."""

    name: str  # honorifics stripped
    forms: frozenset[str]  # as written, with honorifics and a title
    signal: bool
    roles: tuple[str, ...] = ()
    honor: bool = False  # an honorific ("Mr.", "Dr.", "Queen")
    weak: bool = False  # a title-case line only: no person by itself


# A single-word name, as a tuple (most candidates are one: a tuple is made fastest):
#   name, low (the name in lower case), forms, roles,
#   titled (a title, honorific or role appositive names it a person), honor (an honorific),
#   end, comma, before: where the name ends, a comma there?, the text before it (for `_said`,
#   read only for the words no fuller name claims)
Single = tuple


def plausible_name(name: str) -> bool:
    """Public check for a name found elsewhere (a quote's unknown speaker)."""
    lows = [w.lower().rstrip(",") for w in name.split()]
    return bool(lows) and _plausible(lows)


def _mid_sentence(text: str, word: str) -> bool:
    """Is `word` written capitalized somewhere other than at the start of a sentence?"""
    n = len(word)
    pos = text.find(word)
    while pos >= 0:
        k, after = pos - 1, text[pos + n : pos + n + 1]
        pos = text.find(word, pos + n)
        if (k >= 0 and (text[k].isalnum() or text[k] in "'’-")) or (after and (after.isalnum() or after == "-")):
            continue
        while k >= 0 and text[k] in " \t\"“‘'`(_-—–":
            k -= 1
        if k >= 0 and text[k] not in ".!?:\n":
            return True
        if k >= 0 and text[k] == ".":
            w = _WORD_BEFORE.search(text[max(0, k - 12) : k]).group()
            if w and w[0].isupper() and (len(w.replace(".", "")) <= 2 or w.lower() in ABBREVIATIONS):
                return True  # after "P.J." or "Mr.": not a sentence start
    return False


_WORD_BEFORE = re.compile(r"[\w.]*$")


def _candidates(text: str) -> tuple[list[_Cand], list[Single], set[str], set[str]]:
    """The names of several words and the single-word names (`Single`), each in order; the name
    keys seen as organizations; the single words (lower case) seen in a place's context."""
    lines: dict[int, bool] = {}  # line start -> a title-case line? (see `_in_headline`)
    multis: list[_Cand] = []
    singles: list[Single] = []
    orgs: set[str] = set()
    places: set[str] = set()
    for g in _groups(text):
        plan = group_plan(g.group())
        if not plan:
            continue
        gs = g.start()
        for (rs, corp_at, org_word, corp_orgs, plausible, odd_orgs, initial, start, end, forms, name, honor,
             titled, role, prefix, head, single, ing, key, low) in plan:
            if org_word or _CORP_AFTER.match(text, gs + corp_at) is not None:
                # "Hassan Rouhani Center", "Mehrabad Airport"; "Crane Co." (see `group_plan`).
                orgs.update(corp_orgs)
                continue
            if not plausible:
                orgs.update(odd_orgs)
                continue
            if initial:
                continue  # ends with an initial: not a full name
            r0, end = gs + rs, gs + end
            before = text[r0 - 120 if r0 > 120 else 0 : r0]
            comma = text.startswith(",", end)
            found = [role] if role else []
            last_word = before.rsplit(None, 1)
            m = _role_noun_before(before) if last_word and last_word[-1].lower() in ROLE_NOUNS else None
            if m and not prefix and m.group("role").split()[-1].islower():
                found.append(m.group("role").strip())
                titled = True
            m = _COUNTERPART_BEFORE.search(before) if before.find("ounterpart", -40) >= 0 else None
            if m and m.group("nat").lower() in NATIONALITIES:
                found.append(f"{m.group('nat')} {head}" if head is not None else f"{m.group('nat')} counterpart")
                titled = True
            m = _APPOSITIVE_BEFORE.search(before) if not prefix and before.endswith(", ") else None
            if m:
                found.append(m.group("role").strip())
                titled = True
            m = _APPOSITIVE_AFTER.match(text, end, end + 200) if comma else None
            if m and len(m.group("role").split()) <= 14:
                found.append(m.group("role").strip())
                titled = True
            roles = _with_demonyms(tuple(found)) if found else ()
            if not honor and (
                _ORG_AFTER.match(text, end, end + 200)
                or (not prefix and before.endswith(_AT_WITH) and _EMPLOYER_BEFORE.search(before))
            ):
                orgs.add(key)
            if ing:
                continue  # "Speaking", "Chanting": no name
            if single:
                # A single word after "in", inside "X of Y", or after a country or an acronym with
                # no title ("U.S. Embassy", "Saudi Arabia"): a place or a body.
                if (prefix and not titled) or (
                    not prefix and before.endswith(_OF_IN) and (_OF_BEFORE.search(before) or _IN_BEFORE.search(before))
                ):
                    places.add(low)
                singles.append((name, low, forms, roles, titled, honor, end, comma, before))
            else:
                signal = titled or _said(text, end, comma, before)
                # A full name in a title-case line only: a target for a surname mentioned elsewhere.
                in_headline = _in_headline(text, gs + start, lines)
                multis.append(_Cand(name, forms, signal or not in_headline, roles, honor, in_headline and not signal))
    return multis, singles, orgs, places


def _said(text: str, end: int, comma: bool, before: str) -> bool:
    """Is the name ending at `end` said to speak: a speech verb after it ("X said", "X, the
    ..., said") or "according to" before it (`before`, the text before it)?"""
    return bool(
        _AFTER_CUE.match(text, end, end + 200)
        or (comma and _AFTER_APPOSITIVE_CUE.match(text, end, end + 200))
        or ("ccording" in before and _ACCORDING_BEFORE.search(before))
    )


def _alias_regex(forms: Iterable[str]) -> Aliases | None:
    """A finder of the forms as whole words (see `Aliases`), or None when there are none."""
    forms = [f for f in forms if f]
    return Aliases(forms) if forms else None


def find_people(text: str, known: Iterable[PersonSpec] = ()) -> list[Person]:
    """People named in one article body, most mentioned first (see the module docstring)."""
    known = list(known)
    multis, singles, orgs, places = _candidates(text)
    org_prefixes = {" ".join(o.split()[:n]) for o in orgs for n in range(1, len(o.split()) + 1)}

    # Group by name (honorifics stripped). Multi-word names first, then single words.
    people: dict[str, Person] = {}
    accepted: dict[str, str] = {}  # name key -> canonical
    for spec in known:
        forms = [spec.name, *spec.aliases]
        rx = _alias_regex(forms)
        seen = sorted({form for _, form in rx.spans(text)}) if rx else []
        if not seen:
            continue
        people[spec.name] = Person(spec.name, set(seen), set(spec.roles))
        for f in forms:
            accepted[name_key(f)] = spec.name
    multi = sorted((c for c in multis if c.signal), key=lambda c: -len(c.name.split()))
    for c in multi:
        key = name_key(c.name)
        if key in org_prefixes and not c.honor and key not in accepted:
            continue  # "McCaw Cellular" where "McCaw Cellular Communications Inc." is a firm
        target = accepted.get(key)
        if target is None:
            # "Amir Abdollahian" inside "Hossein Amir Abdollahian": a suffix of a fuller name.
            for k, canon in accepted.items():
                if k.endswith(" " + key):
                    target = canon
                    break
        if target is None:
            target = c.name
            people[target] = Person(target)
            accepted[key] = target
        p = people[target]
        p.aliases.add(c.name)
        p.aliases.update(c.forms)
        p.roles.update(c.roles)
    by_surname: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for canon in people:
        if " " in canon:
            by_surname.setdefault(canon.split()[-1].lower(), set()).add(canon)
            by_first.setdefault(canon.split()[0].lower(), set()).add(canon)
    # Full names seen only in title-case lines: a surname mentioned elsewhere confirms them.
    weak: dict[str, _Cand | None] = {}
    for c in multis:
        if c.weak and name_key(c.name) not in accepted and name_key(c.name) not in org_prefixes:
            for w in (c.name.split()[-1].lower(), c.name.split()[0].lower()):
                # A word two of these names share confirms neither: None, for good.
                have = weak.setdefault(w, c)
                if have is not None and have.name != c.name:
                    weak[w] = None
    mid: dict[str, bool] = {}
    # A word's target once found stays: `accepted`, `by_surname` and `by_first` keep giving it.
    found: dict[str, str] = {}
    for name, key, forms, roles, titled, honor, end, comma, before in singles:
        target = found.get(key)
        if target is None:
            target = accepted.get(key)
            if target is None and len(by_surname.get(key, ())) == 1:
                target = next(iter(by_surname[key]))
            if target is None and key not in by_surname and len(by_first.get(key, ())) == 1:
                # "Wen" for "Wen Jiabao" (family name first), "Elian" for "Elian Gonzalez".
                target = next(iter(by_first[key]))
            if target is not None:
                found[key] = target
            elif key not in by_surname:
                # (Whether it is said to speak matters only to these two steps: read only for them.)
                wanted = weak.get(key) is not None or (key not in by_first and key not in orgs)
                signal = wanted and (titled or _said(text, end, comma, before))
                if signal and weak.get(key) is not None:
                    w = weak.pop(key)
                    target = w.name
                    people.setdefault(target, Person(target)).aliases.update({w.name, *w.forms})
                    accepted[name_key(w.name)] = target
                    found.pop(name_key(w.name), None)  # (what `accepted` gives now)
                if target is None and signal and key not in by_first and key not in orgs:
                    # A single word alone: a title or honorific before it, or a speech verb with
                    # the word capitalized mid-sentence somewhere; never a given name or a plural alone.
                    if titled:
                        ok = honor or key not in GIVEN_NAMES
                    else:
                        if key not in mid:
                            mid[key] = _mid_sentence(text, name)
                        ok = mid[key] and key not in GIVEN_NAMES and key not in places
                    if ok:
                        target = found[key] = name
                        people.setdefault(target, Person(target))
                        accepted[key] = target
                if target is None:
                    continue
            else:
                continue
        p = people[target]
        p.aliases.add(name)
        p.aliases.update(forms)
        p.roles.update(roles)
    # Count mentions: every alias, and the surname when it is unambiguous.
    owner: dict[str, str] = {}
    surname_count: dict[str, int] = {}
    for canon in people:
        sn = canon.split()[-1]
        surname_count[sn] = surname_count.get(sn, 0) + 1
    for canon, p in people.items():
        for a in p.aliases | {canon}:
            owner.setdefault(a, canon)
        sn = canon.split()[-1]
        if surname_count[sn] == 1:
            owner.setdefault(sn, canon)
    counts = {canon: 0 for canon in people}
    first = {canon: len(text) for canon in people}
    rx = _alias_regex(owner)
    if rx:
        for at, form in rx.spans(text):
            canon = owner[form]
            counts[canon] += 1
            first[canon] = min(first[canon], at)
            if form != canon and form not in people[canon].aliases and " " not in form:
                people[canon].aliases.add(form)
    for p in people.values():
        p.aliases.add(p.name) if p.name in text else None
    order = sorted(people, key=lambda c: (-counts[c], first[c]))
    return [people[c] for c in order if counts[c] > 0]


from .people_registry import PeopleRegistry  # noqa: E402  (re-exported: part of this API)
