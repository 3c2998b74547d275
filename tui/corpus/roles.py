"""Role phrases: matching "the Russian president" to a person who holds "Russian President".

A role phrase and a role are compared by their head noun (the last word before "of"/"to"),
allowing synonyms ("chief" ~ "chairman"), generic "leader" for heads of state, and one-letter
typos ("pPresident"), and by nationality: a phrase naming a nationality never matches a role of
another nationality. Roles marked "former"/"previous"/"late" never match.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .people_lexicon import (
    HONORIFICS,
    TITLES,
    DEMONYMS,
    FEMALE_FIRST_NAMES,
    FEMALE_HONORIFICS,
    FEMALE_ROLE_WORDS,
    LEADER_NOUNS,
    MALE_HONORIFICS,
    NATIONALITIES,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
)
from .model import Person

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*")
_POSSESSIVE = re.compile(r"['’]s$")
_PAST = frozenset({"former", "previous", "late", "ex", "outgoing", "then"})
_DETERMINERS = frozenset({"the", "his", "her", "their", "its", "a", "an", "our", "this", "that"})
_HEAD_STOP = frozenset({"of", "to", "for", "in", "at", "on", "with"})


@lru_cache(maxsize=4096)
def near_word(word: str, vocabulary: frozenset[str]) -> str | None:
    """`word` itself when in `vocabulary`, else the vocabulary word one edit away (typos such
    as "ppresident" or "presdent"), for words of six letters or more; None otherwise."""
    if word in vocabulary:
        return word
    if len(word) < 6:
        return None
    for cand in vocabulary:
        if abs(len(cand) - len(word)) <= 1 and len(cand) >= 6 and _one_edit(word, cand):
            return cand
    return None


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) < len(b):
        a, b = b, a
    for i in range(len(b) + 1):
        if a[:i] + a[i + 1 :] == b:
            return True
    return False


@lru_cache(maxsize=8192)
def role_words(phrase: str) -> tuple[str, ...]:
    """Lower-case words of a role phrase, possessive countries turned into demonyms."""
    out = []
    for m in _WORD.finditer(phrase):
        w = m.group().lower()
        if _POSSESSIVE.search(w):
            base = w[:-2]
            w = DEMONYMS.get(base, base)
        out.append(w)
    return tuple(out)


def role_head(words: "list[str] | tuple[str, ...]") -> str | None:
    """The head noun of a role phrase: the last word before a preposition."""
    core = []
    for w in words:
        if w in _HEAD_STOP:
            break
        core.append(w)
    return core[-1] if core else None


def _synonyms(word: str) -> frozenset[str]:
    for group in ROLE_SYNONYMS:
        if word in group:
            return group
    return frozenset((word,))


@lru_cache(maxsize=8192)
def role_score(phrase: str, role: str) -> int:
    """How well a role phrase ("the Russian president") fits a role ("Russian President"):
    0 no, 1 compatible (the role says nothing against it), 2 same nationality and head."""
    pw = [w for w in role_words(phrase) if w not in _DETERMINERS]
    rw = role_words(role)
    if not pw or not rw or _PAST & set(rw):
        return 0
    head = role_head(pw)
    if head is None:
        return 0
    fixed = near_word(head, ROLE_NOUNS) or head
    pw = [fixed if w == head else w for w in pw]
    head = fixed
    rset = set(rw)
    rhead = role_head(rw)
    if head in rset or (rhead and rhead in _synonyms(head)):
        pass
    elif head == "leader" and rhead in LEADER_NOUNS:
        pass
    else:
        return 0
    p_nat = {w for w in pw if w in NATIONALITIES}
    r_nat = {w for w in rw if w in NATIONALITIES}
    if p_nat and r_nat:
        return 2 if p_nat <= r_nat else 0
    if p_nat and not r_nat:
        return 1
    # No nationality in the phrase: other words in the phrase ("vice", "foreign") must appear.
    extra = set(pw) - {head} - NATIONALITIES
    if extra - rset - {"also", "then"}:
        return 0
    return 2 if head in rset and len(pw) > 1 else 1


def person_role_score(phrase: str, person: Person) -> int:
    """The best `role_score` over a person's roles; 0 when the phrase names a nationality that
    only other roles of theirs contradict ("the Russian president" is not the man who holds
    both "President" and "Iranian President")."""
    scores = [role_score(phrase, r) for r in person.roles]
    best = max(scores, default=0)
    if best == 1:
        p_nat = {w for w in role_words(phrase) if w in NATIONALITIES}
        if p_nat:
            r_nat = {w for r in person.roles if not _PAST & set(role_words(r)) for w in role_words(r) if w in NATIONALITIES}
            if r_nat and not p_nat & r_nat:
                return 0
    return best


def is_role_phrase(phrase: str) -> bool:
    """True for "the Russian president", "The pPresident", "the Iranian government spokesman"."""
    words = role_words(phrase)
    if len(words) < 2 or words[0] not in _DETERMINERS or len(words) > 7:
        return False
    head = role_head(words[1:])
    return head is not None and near_word(head, ROLE_NOUNS) is not None


def gender(person: Person) -> str | None:
    """"f", "m" or None, from honorifics, role words and a short list of first names."""
    forms = [person.name, *person.aliases]
    for form in forms:
        words = form.lower().split()
        if not words:
            continue
        if words[0] in FEMALE_HONORIFICS:
            return "f"
        if words[0] in MALE_HONORIFICS:
            return "m"
    for role in person.roles:
        if set(role.lower().split()) & FEMALE_ROLE_WORDS:
            return "f"
    first = person.name.split()[0].lower() if person.name.split() else ""
    if len(person.name.split()) > 1 and first in FEMALE_FIRST_NAMES:
        return "f"
    return None


_LEADING = HONORIFICS | TITLES  # the words `strip_honorifics` takes off the front of a name


def strip_honorifics(name: str) -> str:
    """"Ayatollah Seyyed Ebrahim Raisi" -> "Ebrahim Raisi"; "Mr. Raisi" -> "Raisi"."""
    words = name.split()
    first = 0
    while len(words) - first > 1 and words[first].lower() in _LEADING:
        first += 1
    return " ".join(words[first:] if first else words)


def name_key(name: str) -> str:
    return key_of_stripped(strip_honorifics(name))


def key_of_stripped(stripped: str) -> str:
    """`name_key` of a name that `strip_honorifics` gave: its words are one space apart
    already, and lower-casing makes no spaces nor takes any away."""
    return stripped.replace("’", "'").lower()
