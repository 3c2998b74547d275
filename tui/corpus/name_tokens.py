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
from .word_starts import trie

# A word's letters, with inner apostrophes and hyphens. Possessive (no backtracking into it): what
# follows a word in these patterns always matches, so the greedy word is the one taken anyway.
_LETTERS = r"(?:[^\W\d_]++|['’\-](?=[^\W\d_]))*+"
# A word: letters, with inner apostrophes, hyphens and periods ("O'Brien", "al-Assad", "U.S").
_CAPS = "A-Z\u00c0-\u00de\u0100-\u024f\u0400-\u042f"
_HYPHEN_PARTICLE_WORDS = "al el ad as ash an ar at az bin ibn abu bint".split()
_PARTICLE_WORDS = "al el bin ibn abu bint arap de del della der den di da dos das du van von la le ter".split()
_TOKEN = re.compile(
    rf"(?<![\w'’-])(?:[{_CAPS}]|(?:{'|'.join(_HYPHEN_PARTICLE_WORDS)})-[A-Z]|(?:{'|'.join(_PARTICLE_WORDS)})\b)"
    rf"{_LETTERS}\.?"
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


# Capitalized words that alone make no run ("The", "Officials", "Iran", "NATO", "I"): a word of
# `_STOP`, or capitals only. The group pattern passes over such a word when it stands alone (a
# word ends there, and no word touches it), so the commonest groups never reach Python; they
# would make no run anyway (`tests/test_people_fast_paths.py` checks each). It reads the letters
# after the capital; where a word can end, a look back checks the whole word.
_STOP_CAPS = sorted(w.capitalize() for w in _STOP if w.isalpha() and w.capitalize().lower() == w)
_LONE_STOP = trie(_STOP_CAPS, lambda w: w[1:], lambda ws: f"(?<={'|'.join(map(re.escape, ws))})")
_WORD_END = r"(?![^\W\d_]|['’\-][^\W\d_]|\.)"
# A word that touches the one before it starts after a space: the start of `_TOKEN` there.
_NEXT_WORD = (
    rf"[ \u00a0](?:[{_CAPS}]|{trie(_HYPHEN_PARTICLE_WORDS)}-[A-Z]|{trie(_PARTICLE_WORDS)}\b)"
)
_SKIP_LONE_STOP = rf"(?!(?:{_LONE_STOP}|(?<=[A-Z])[A-Z]*+){_WORD_END}(?!{_NEXT_WORD}))"


# Words that touch (no gap, or one space between them): only such words can make a run
# together. Most capitalized words stand alone, and those are read quickly (`_lone`).
_GROUP = re.compile(rf"(?P<first>{_TOKEN.pattern})(?:[ \u00a0]?{_TOKEN.pattern})*+")
# The groups that start with a capital, found fast: the pattern starts with the capital itself
# (its lookbehind checked after it), so the engine skips to capitals. A group can only start
# with a capital or a particle; one starting with a word particle ("de Gaulle") makes the same
# runs as the rest of it, and one starting with "al-" and the like is found from its hyphen.
_CAP_GROUP = re.compile(
    rf"(?P<first>[A-Z\u00c0-\u00de\u0100-\u024f\u0400-\u042f](?<![\w'’-].){_SKIP_LONE_STOP}{_LETTERS}\.?)"
    rf"(?:[ \u00a0]?{_TOKEN.pattern})*+"
)
_HYPHEN_CAP = re.compile(r"-[A-Z]")
_HYPHEN_PARTICLES = frozenset("al el ad as ash an ar at az bin ibn abu bint".split())


def _groups(text: str) -> list[re.Match[str]]:
    """The runs of touching words that start with a capital or a hyphenated particle, in order,
    but for lone stop words (`_SKIP_LONE_STOP`), which make no run."""
    groups = list(_CAP_GROUP.finditer(text))
    starts = []
    for m in _HYPHEN_CAP.finditer(text):
        h = m.start()
        for k in (2, 3, 4):
            p = h - k
            if p >= 0 and text[p:h] in _HYPHEN_PARTICLES and (p == 0 or not (_word_char(text[p - 1]) or text[p - 1] in "'’-")):
                starts.append(p)
                break
    if not starts:
        return groups
    out: list[re.Match[str]] = []
    last = 0
    for start, cap in sorted([(g.start(), g) for g in groups] + [(p, None) for p in starts], key=lambda x: x[0]):
        if start >= last:
            g = cap if cap is not None else _GROUP.match(text, start)
            if g is not None:
                out.append(g)
                last = g.end()
    return out


def _runs(text: str) -> list[list[_Tok]]:
    """Runs of capitalized words separated by single spaces (particles allowed inside). A run of
    one word that can be no part of a name ("The", "In") is left out."""
    runs: list[list[_Tok]] = []
    lone = _LONE
    for g in _groups(text):
        end = g.end()
        if g.end("first") == end:
            raw = g.group()
            hit = lone.get(raw, 0)
            if hit == 0:
                if len(lone) > 50_000:
                    lone.clear()
                hit = lone[raw] = _lone(raw)
            if hit is not None:
                runs.append([_Tok(g.start(), end - hit[1], hit[0])])
        else:
            runs += [run for run in _group_runs(text, g.start(), end) if len(run) > 1 or _name_capable(run[0])]
    return runs


def _lone(word: str) -> tuple[str, int] | None:
    """What `_group_runs` makes of a word that touches no other: (the word, 1 when its period
    was cut off, else 0), or None when it is no run or cannot be part of a name. Depends only on
    the word: remembered in `_LONE`."""
    cut = 0
    if word.endswith(".") and not (
        len(word) == 2 or word[:-1].lower() in ABBREVIATIONS or word[:-1].lower() in HONORIFICS
    ):
        word, cut = word[:-1], 1
    if not (word[:1].isupper() or _HYPHEN_PARTICLE.match(word)) or word.lower() in _PARTICLES:
        return None  # no run, or a particle alone (a run cannot end on one)
    return (word, cut) if _name_capable(_Tok(0, len(word), word)) else None


_LONE: dict[str, tuple[str, int] | None] = {}


def _group_runs(text: str, start: int, end: int) -> list[list[_Tok]]:
    """The runs of the words in text[start:end]."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for m in _TOKEN.finditer(text, start, end):
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


_PROSE_END = (".", "”", '"')


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of title-case lines (headlines, bylines): most words capitalized."""
    return [m.span() for m in _LINE.finditer(text) if _is_headline(m.group())]


def _in_headline(text: str, at: int, seen: dict[int, bool]) -> bool:
    """Is the character at `at` (no line break) in a title-case line? `seen` remembers lines."""
    start = text.rfind("\n", 0, at) + 1
    hit = seen.get(start)
    if hit is None:
        end = text.find("\n", at)
        hit = seen[start] = _is_headline(text[start : end if end >= 0 else len(text)])
    return hit


_SMALL = frozenset(("a", "an", "the", "of", "and", "in", "on", "to", "for", "with", "at", "by"))


def _is_headline(line: str) -> bool:
    """Is this line (no line break) title-case: most words capitalized?"""
    prose = line.rstrip().endswith(_PROSE_END)
    words = line.split(None, 2) if prose else line.split()  # (prose: its first words suffice)
    if len(words) < 3:
        return bool(words) and all(w[:1].isupper() for w in words)
    if prose:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    small = sum(1 for w in words if w.lower() in _SMALL)
    return caps >= 0.6 * (len(words) - small)


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
        self._anchors: dict[str, tuple[str, int]] | None = None  # see `_anchors`, made when first needed

    def finditer(self, text: str) -> list[_Found]:
        return [_Found(p, p + len(form), form) for p, form in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, str]]:
        """(start, form) of each match, in order: `finditer` without match objects."""
        if len(text) < _LONG_TEXT:
            return form_spans(text, self.forms)
        if self._anchors is None:
            self._anchors = _anchors(self.forms)
        return form_spans(text, self.forms, anchors=self._anchors)


# A text this long is scanned once per root form only (see `_anchors`); in a shorter one a scan
# costs less than what finding the roots costs.
_LONG_TEXT = 1000


def _anchors(forms: list[str]) -> dict[str, tuple[str, int]]:
    """form -> (root, offset) for each form that holds a shorter form: a root (a form that holds
    no other), first found at that offset. Wherever the form is written, its root is written at
    that offset from it: the form is looked for only there. (The shortest form a form holds is
    a root: only roots need to be tried.)"""
    out: dict[str, tuple[str, int]] = {}
    roots: list[str] = []
    for form in sorted(forms, key=len):
        for root in roots:
            at = form.find(root)
            if at >= 0:
                out[form] = (root, at)
                break
        else:
            roots.append(form)
    return out


def form_spans(
    text: str, forms: list[str], lo: int = 0, hi: int | None = None, anchors: dict[str, tuple[str, int]] | None = None
) -> list[tuple[int, str]]:
    """(start, form) of the matches of `forms` (longest first) in `text`, as `Aliases` finds
    them; with `lo` and `hi`, those starting in text[lo:hi], which are the same provided no
    match can run across `lo`. With `anchors` (`_anchors` of the forms; whole text only), each
    root is scanned for once and the forms holding it are checked where it is."""
    best: dict[int, str] = {}  # start -> the longest form that may end there
    n = len(text)
    find = text.find
    where: dict[str, list[int]] = {}  # root -> every place it is written (with `anchors`)
    for form in forms:
        size = len(form)
        if anchors is not None:
            root, at = anchors.get(form, (form, 0))
            places = where.get(root)
            if places is None:
                places = where[root] = _places(find, root)
            if at or root is not form:
                places = [q - at for q in places if q >= at and text.startswith(form, q - at)]
        else:
            end = n if hi is None else hi - 1 + size  # (a form starting before hi)
            places = []
            p = find(form, lo, end)
            while p >= 0:
                places.append(p)
                p = find(form, p + 1, end)
        for p in places:
            if p not in best:
                # The regex's lookbehind and lookahead: a whole word, perhaps with "'s".
                c = text[p - 1] if p else " "
                if not (c.isalnum() or c in "_'’-"):
                    e = p + size
                    c = text[e] if e < n else " "
                    if not (c.isalnum() or c in "_-"):
                        if c not in "'’" or (
                            text[e + 1 : e + 2] in ("s", "S") and (e + 2 == n or not _word_char(text[e + 2]))
                        ):
                            best[p] = form
    out: list[tuple[int, str]] = []
    last = 0
    for p in sorted(best):
        if p >= last:
            form = best[p]
            last = p + len(form)
            out.append((p, form))
    return out


def _places(find, word: str) -> list[int]:
    """Every place `word` is written (`find`: the text's `str.find`), overlapping ones too."""
    places = []
    p = find(word)
    while p >= 0:
        places.append(p)
        p = find(word, p + 1)
    return places
