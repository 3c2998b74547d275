"""Tense of the clause around a date expression: is it talking about the past or the future?

HeidelTime-style and deliberately small: the verb cue nearest before the expression in its
sentence decides ("met on Friday" -> past, "will meet on Friday" -> future, "is expected to arrive
in May" -> future); when there is none before it, the nearest one after it; when the sentence has
no cue at all, past (news mostly reports what happened).
"""

from __future__ import annotations

import bisect
from typing import Literal

from .date_grammar import SENTENCE_END, WORD

Tense = Literal["past", "future"]

FUTURE = frozenset(
    "will 'll shall would won't wo plans plan planned planning scheduled due expected expects "
    "intends intend aims upcoming tomorrow next forthcoming slated hopes hope going".split()
)
# "is to", "are to", "set to", "to be" (as in "to be held")
_FUTURE_PAIRS = frozenset({("is", "to"), ("are", "to"), ("set", "to"), ("to", "be"), ("to", "visit"),
                           ("to", "meet"), ("to", "hold"), ("to", "attend"), ("to", "travel")})
PAST = frozenset(
    "said told was were had did met held made took gave went came saw left began won lost paid "
    "sent spoke wrote led sold bought brought thought found became fell rose grew knew ran "
    "struck hit kept felt stood sought fought caught taught spent built meant put read "
    "ago yesterday last earlier former previously recently since".split()
)
_NOT_PAST_ED = frozenset(
    "need speed seed feed hundred bed red shed united limited indeed proceed exceed succeed "
    "naked sacred wicked ahmed mohammed muhammad mahmoud hamed saeed reed creed greed breed "
    "embed exceed shred weed steed tweed wed freed agreed".split()
)
_PASSIVE_AUX = frozenset({"be", "been", "being"})


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences start (always begins with 0)."""
    return [0] + [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_of(bounds: list[int], text: str, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, pos) - 1
    start = bounds[i]
    end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
    return start, end


def _cue(tokens: list[str], i: int) -> Tense | None:
    t = tokens[i]
    if t in FUTURE:
        return "future"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if (t, nxt) in _FUTURE_PAIRS:
        return "future"
    if t in PAST or (len(t) > 4 and t.endswith("ed") and t not in _NOT_PAST_ED):
        # a participle after "will be"/"to be" is future ("will be held", "to be signed")
        before = tokens[max(0, i - 3):i]
        if any(b in _PASSIVE_AUX for b in before):
            if any(b in ("will", "'ll", "shall", "to", "would") for b in before):
                return "future"
            return None  # "has been held": let the auxiliary before decide
        if t in ("last", "since") and nxt in ("week", "month", "year"):
            return "past"
        return "past"
    if t in ("has", "have"):
        return "past"
    return None


def tense_at(text: str, bounds: list[int], start: int, end: int) -> Tense:
    s0, s1 = sentence_of(bounds, text, start)
    before = [w.group().lower() for w in WORD.finditer(text, s0, start)]
    for i in range(len(before) - 1, -1, -1):
        c = _cue(before, i)
        if c:
            return c
    after = [w.group().lower() for w in WORD.finditer(text, end, max(end, s1))]
    for i in range(len(after)):
        c = _cue(after, i)
        if c:
            return c
    return "past"

