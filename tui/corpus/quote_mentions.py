"""Who is mentioned where in an article with its quotes masked: name forms, role phrases ("the
Russian president", resolved to the person holding the role) and the speakers found so far.

Pronouns and sentence subjects read the mentions of a few sentences only, so `between` finds
the mentions of a stretch of text without scanning the whole article; the whole list is built
(`_build`) only for what needs everything before a position: a role phrase that fits several
people equally goes to the latest of them mentioned.

Both ways give the same answer: a stretch is read from a cut, a character that no name form and
no role phrase can hold (a comma, a quote mark, ...), so every match after the cut is what the
scan of the whole text finds there.
"""

from __future__ import annotations

import bisect
import re

from .model import Person
from .name_tokens import form_spans
from .people_lexicon import ROLE_NOUNS
from .roles import is_role_phrase, near_word, person_role_score

# `\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)` as one character set of first letters (the engine
# skips ahead to those letters), the word boundary checked after it, then the rest of the word.
_DETERMINER = r"[HIThit](?<!\w.)(?:(?<=[Tt])he(?:ir)?|(?<=[Hh])(?:is|er)|(?<=[Ii])ts)"
_ROLE_CAND = re.compile(rf"{_DETERMINER}(?:\s+[^\W\d_][\w'’-]*){{1,6}}")
# Characters a role candidate cannot hold (none of \s, \w, ' ’ -): cuts, unless a form has one.
_CUTS = ".,“”;:!?()"
_NEAR = 400  # how far back a cut is looked for before looking further
_BACK = 1000  # the stretch `latest` reads at a time
_UNSEEN = object()
_ALIAS, _ROLE, _SPEAKER = 0, 1, 2  # at one position, a name form sorts first, a speaker last


class Mentions:
    def __init__(self, masked: str, people: dict[str, Person], order: list[str], owner: dict[str, str], alias_rx) -> None:
        self.masked = masked
        self.people = people
        self.order = order
        self.owner = owner
        self.alias_rx = alias_rx
        self.forms = alias_rx.forms if alias_rx else []  # (every name form of `owner`, longest first)
        held = set("".join(self.forms))
        self.cuts = [c for c in _CUTS if c not in held]
        self._role_top: dict[str, object] = {}
        self._all: list[tuple[int, int, str]] | None = None  # every mention, once built
        self._speakers: list[tuple[int, str]] = []
        self._n = 0

    def add_speaker(self, pos: int, person: str) -> None:
        if self._all is None:
            self._speakers.append((pos, person))
        else:
            self._insert(pos, person)

    def role(self, phrase: str, pos: int) -> str | None:
        """The person a role phrase at `pos` names: the one who fits best, or of several who
        fit equally the latest mentioned (else the first of the article)."""
        top = self._top(phrase)
        if top is None or isinstance(top, str):
            return top
        return self.latest(pos, top) or next(n for n in self.order if n in top)

    def _top(self, phrase: str):
        top = self._role_top.get(phrase, _UNSEEN)
        if top is _UNSEEN:
            # (a person without roles fits no phrase)
            scored = [(person_role_score(phrase, p), name) for name, p in self.people.items() if p.roles]
            best = max((s for s, _ in scored), default=0)
            if best == 0:
                top = None
            else:
                names = {name for s, name in scored if s == best}
                top = next(iter(names)) if len(names) == 1 else names
            self._role_top[phrase] = top
        return top

    def latest(self, before: int, allowed: set[str]) -> str | None:
        """The latest of `allowed` mentioned before `before`."""
        hi = before
        while self._all is None and hi > 0:  # stretch by stretch, back from `before`
            lo = max(0, hi - _BACK)
            found = self._stretch(lo, hi)
            if found is None:
                self._build()
                break
            for m in reversed(found):
                if m[2] in allowed:
                    return m[2]
            hi = lo
        if self._all is None:
            return None
        ms = self._all
        i = bisect.bisect_left(ms, (before, -1, ""))  # type: ignore[arg-type]
        while i > 0:
            i -= 1
            if ms[i][2] in allowed:  # type: ignore[index]
                return ms[i][2]  # type: ignore[index]
        return None

    def between(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The mentions (position, order, person) in masked[lo:hi], in order."""
        if self._all is None:
            found = self._stretch(lo, hi)
            if found is not None:
                return found
            self._build()
        ms = self._all
        return ms[bisect.bisect_left(ms, (lo, -1, "")) : bisect.bisect_left(ms, (hi, -1, ""))]  # type: ignore[arg-type,index]

    # The whole list: name forms, then role phrases in order (each may read the ones before
    # it), then the speakers; one counter orders mentions at the same position.

    def _build(self) -> None:
        masked, owner = self.masked, self.owner
        self._all = []
        if self.alias_rx:  # (in order, apart: as `_insert` would place them one by one)
            self._all = [(p, n, owner[form]) for n, (p, form) in enumerate(self.alias_rx.spans(masked), 1)]
            self._n = len(self._all)
        for m in _ROLE_CAND.finditer(masked):
            phrase = _role_phrase(m.group())
            if phrase is not None:
                who = self.role(phrase, m.start())
                if who:
                    self._insert(m.start(), who)
        for pos, person in self._speakers:
            self._insert(pos, person)

    def _insert(self, pos: int, person: str) -> None:
        self._n += 1
        bisect.insort(self._all, (pos, self._n, person))  # type: ignore[arg-type]

    # A stretch: the same mentions, read from a cut before it.

    def _stretch(self, lo: int, hi: int) -> list[tuple[int, int, str]] | None:
        """The mentions in masked[lo:hi] sorted as `_build` sorts them, or None when a role
        phrase there fits several people equally (the latest mentioned: needs everything)."""
        if hi <= lo:
            return []
        masked = self.masked
        cut = self._cut(lo)
        out: list[tuple[int, int, str]] = []
        if self.forms:
            out += [(p, _ALIAS, self.owner[form]) for p, form in form_spans(masked, self.forms, cut, hi) if p >= lo]
        for m in _ROLE_CAND.finditer(masked, cut):
            start = m.start()
            if start >= hi:
                break
            if start < lo:
                continue
            phrase = _role_phrase(m.group())
            if phrase is not None:
                top = self._top(phrase)
                if top is None:
                    continue
                if not isinstance(top, str):
                    return None
                out.append((start, _ROLE, top))
        out += [(p, _SPEAKER, person) for p, person in self._speakers if lo <= p < hi]
        out.sort()
        return out

    def _cut(self, lo: int) -> int:
        """A position at or before `lo` right after a cut character (or 0): any will do, a near
        one saves reading (a stretch starts at a sentence, so the period before it is near)."""
        masked = self.masked
        near = max(0, lo - _NEAR)
        for c in self.cuts:
            at = masked.rfind(c, near, lo)
            if at >= 0:
                return at + 1
        return max([masked.rfind(c, 0, near) for c in self.cuts], default=-1) + 1


def _role_phrase(candidate: str) -> str | None:
    """The role phrase a candidate ("the Russian president said") starts with, if any. Depends
    only on the candidate, and the same ones come back stretch after stretch: remembered."""
    hit = _ROLE_PHRASES.get(candidate, _UNSEEN)
    if hit is _UNSEEN:
        if len(_ROLE_PHRASES) > 50_000:
            _ROLE_PHRASES.clear()
        hit = _ROLE_PHRASES[candidate] = _role_phrase_uncached(candidate)
    return hit  # type: ignore[return-value]


_ROLE_PHRASES: dict[str, str | None] = {}


def _role_phrase_uncached(candidate: str) -> str | None:
    words = candidate.split()
    if _NOT_ROLE.issuperset(words[1:]) or not any(map(_role_word, words[1:])):
        return None
    for k in range(2, len(words) + 1):
        phrase = " ".join(words[:k])
        if is_role_phrase(phrase):
            return phrase
    return None




def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


_NOT_ROLE: set[str] = set()  # words of phrases known to be no role noun (a set: one C-level test)


def _role_word(word: str) -> bool:
    """Is this word of a phrase ("president", "pPresident's") a role noun? Words that are not
    are remembered in `_NOT_ROLE`."""
    if word in _NOT_ROLE:
        return False
    if near_word(word.lower().rstrip("’'s"), ROLE_NOUNS) is not None:
        return True
    if len(_NOT_ROLE) > 100_000:
        _NOT_ROLE.clear()
    _NOT_ROLE.add(word)
    return False
