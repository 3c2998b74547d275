"""Words that could be names: capitalized tokens with their offsets, runs of them (particles like
"al-", "von", "bin" allowed inside), and the title-case lines (headlines, bylines) where
capitals say nothing."""

from __future__ import annotations

import re

from .people_lexicon import (
    ABBREVIATIONS,
    COMMON,
    HONORIFICS,
    MONTHS,
    NATIONALITIES,
    ORG_WORDS,
    PLACES,
    TITLES,
    US_STATES,
    WEEKDAYS,
)

# A word: letters, with inner apostrophes, hyphens and periods ("O'Brien", "al-Assad", "U.S").
_TOKEN = re.compile(
    r"(?<![\w'’-])(?:[A-Z\u00c0-\u00de\u0100-\u024f\u0400-\u042f]|(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|bint)-[A-Z]"
    r"|(?:al|el|bin|ibn|abu|bint|arap|de|del|della|der|den|di|da|dos|das|du|van|von|la|le|ter)\b)"
    r"(?:[^\W\d_]|['’\-](?=[^\W\d_]))*\.?"
)
_PARTICLES = frozenset("al el bin ibn abu bint arap de del della der den di da dos das du van von la le ter".split())
_HYPHEN_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|bint)-[A-Z]")
_LINE = re.compile(r"[^\n]+")


_STOP = COMMON | PLACES | ORG_WORDS | MONTHS | WEEKDAYS | NATIONALITIES | TITLES | HONORIFICS | US_STATES


class _Tok:
    """A capitalized word: `base` without a trailing period or "'s", `low` its lower case."""

    __slots__ = ("start", "end", "text", "base", "low", "possessive")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        t = text.rstrip(".")
        self.possessive = t[-2:] in ("'s", "’s")
        if self.possessive:
            t = t[:-2]
        self.base = t
        self.low = t.lower()


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}[A-Z]?")
# Dotted abbreviations of places and bodies, not a person's initials ("U.S. Embassy", "N.Y.").
_PLACE_ABBR = frozenset(
    "u.s u.k u.n e.u n.y n.j d.c l.a n.c s.c n.h n.m n.d s.d r.i w.va u.s.a u.a.e s.a n.v a.g l.p".split()
)


def _is_acronym(word: str) -> bool:
    if "." in word and _INITIALS.fullmatch(word + ".") and word.lower().rstrip(".") not in _PLACE_ABBR:
        return False  # "J.C." in "J.C. Matlock": initials
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name_capable(tok: _Tok) -> bool:
    """Could this capitalized word be part of a person's name?"""
    hit = _CAPABLE.get(tok.text)
    if hit is None:
        hit = _CAPABLE[tok.text] = _name_capable_uncached(tok)
        if len(_CAPABLE) > 50_000:
            _CAPABLE.clear()
    return hit


_CAPABLE: dict[str, bool] = {}


def _name_capable_uncached(tok: _Tok) -> bool:
    b = tok.base
    if _HYPHEN_PARTICLE.match(b):
        return True
    if not b[:1].isupper() or _is_acronym(b) or tok.low in _STOP:
        return False
    if "-" in b:
        parts = b.lower().split("-")
        if any(p in PLACES or p in NATIONALITIES or p in ORG_WORDS for p in parts):
            return False
    return len(b) > 1 or tok.text.endswith(".")  # an initial "H."


def _runs(text: str) -> list[list[_Tok]]:
    """Runs of capitalized words separated by single spaces (particles allowed inside)."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        end = m.end()
        if word.endswith(".") and not (
            len(word) == 2 or word[:-1].lower() in ABBREVIATIONS or word[:-1].lower() in HONORIFICS
        ):
            word, end = word[:-1], end - 1
        if cur and cur[-1].end == m.start() and cur[-1].text.endswith("."):
            # "U.S.", "N.Y.": one dotted abbreviation, never the start of a name.
            cur[-1] = _Tok(cur[-1].start, end, cur[-1].text + word)
            continue
        tok = _Tok(m.start(), end, word)
        cap = word[:1].isupper() or bool(_HYPHEN_PARTICLE.match(word))
        particle = word.lower() in _PARTICLES
        joined = bool(cur) and text[cur[-1].end : tok.start] in (" ", "\u00a0") and not cur[-1].possessive
        if cap and joined:
            cur.append(tok)
        elif particle and joined and (cur[-1].text[:1].isupper() or cur[-1].text.lower() in _PARTICLES):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = [tok] if cap else []
    if cur:
        runs.append(cur)
    # A particle cannot end a run.
    for run in runs:
        while run and run[-1].text.lower() in _PARTICLES:
            run.pop()
    return [r for r in runs if r]


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of title-case lines (headlines, bylines): most words capitalized."""
    spans = []
    for m in _LINE.finditer(text):
        words = m.group().split()
        if len(words) < 3:
            if words and all(w[:1].isupper() for w in words):
                spans.append(m.span())
            continue
        caps = sum(1 for w in words if w[:1].isupper())
        small = sum(1 for w in words if w.lower() in {"a", "an", "the", "of", "and", "in", "on", "to", "for", "with", "at", "by"})
        if caps >= 0.6 * (len(words) - small) and not m.group().rstrip().endswith((".", "”", '"')):
            spans.append(m.span())
    return spans


class _Found:
    """A match found by `Aliases` (the part of `re.Match` its callers use)."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


class Aliases:
    """Finds the forms of names in a text exactly as the regex
    `(?<![\\w'’-])(?:form|form|...)(?![\\w-]|['’](?![sS]\\b))` (longest form first) would, without
    compiling one: an article has a handful of forms, and compiling a regex for them costs far
    more than looking for each with `str.find`."""

    def __init__(self, forms: list[str]) -> None:
        self.forms = sorted(set(forms), key=len, reverse=True)

    def finditer(self, text: str) -> list[_Found]:
        best: dict[int, str] = {}  # start -> the longest form that may end there
        n = len(text)
        for form in self.forms:
            size = len(form)
            p = text.find(form)
            while p >= 0:
                if p not in best and self._fits(text, p, p + size, n):
                    best[p] = form
                p = text.find(form, p + 1)
        out: list[_Found] = []
        last = 0
        for p in sorted(best):
            if p >= last:
                form = best[p]
                last = p + len(form)
                out.append(_Found(p, last, form))
        return out

    @staticmethod
    def _fits(text: str, start: int, end: int, n: int) -> bool:
        if start > 0:
            c = text[start - 1]
            if _word_char(c) or c in "'’-":
                return False
        if end == n:
            return True
        c = text[end]
        if _word_char(c) or c == "-":
            return False
        if c in "'’":  # only a possessive "'s" may follow: "Raisi's", not "Raisi'x"
            return text[end + 1 : end + 2] in ("s", "S") and (end + 2 == n or not _word_char(text[end + 2]))
        return True
