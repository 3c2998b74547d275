"""Where each date pattern can start: one pass over the lower-cased text.

Every pattern of `date_grammar` starts with a word from a small set (a month, a weekday, "last",
...) or a run of digits, right after a character that is no word character; a few start one or
three words before such a word ("the first half of", "the day before yesterday", "two weeks
ago"). `pattern_starts` finds those places in one pass over the lower-cased text (`word_starts`),
so each pattern runs only there instead of scanning the whole text: the same matches.
"""

from __future__ import annotations

from .date_grammar import MONTH_ABBR, MONTHS, PATTERNS, SEASONS, WEEKDAY_ABBR, WEEKDAYS
from .word_starts import fold, token_scanner, trie

_START_WORDS: dict[str, tuple[str, ...]] = {}


def _starts(words, *names: str) -> None:
    for w in words:
        _START_WORDS[w] = _START_WORDS.get(w, ()) + names


_starts(list(MONTHS) + list(MONTH_ABBR), "mdy", "my", "m_relyear", "m_ctx")
_starts(list(WEEKDAYS) + list(WEEKDAY_ABBR), "mdy", "dmy", "weekday")
_starts(("last", "next", "this", "coming", "past", "previous"), "weekday")
_starts(("last", "this", "next", "coming", "current"), "rel_unit")
_starts(("today", "tonight", "yesterday", "tomorrow"), "deictic")
_starts(("first", "last", "final", "second", "third", "fourth"), "months_of")
_starts(SEASONS, "season")
_UNITS = frozenset(("year", "years", "month", "months", "week", "weeks", "day", "days"))  # "two weeks ago"
_starts(_UNITS)
# Words that "the" (or "the day before/after") may come before, for "months_of", "season", "deictic".
_THE_BEFORE_WORDS = frozenset(("first", "last", "final", "second", "third", "fourth", "yesterday", "tomorrow", *SEASONS))

# Words with the same patterns share one list of offsets while scanning (one append a word);
# `_CLASS_NAMES[k]` are the patterns of class k.
_CLASS_NAMES: list[tuple[str, ...]] = sorted(set(_START_WORDS.values()))
_WORD_CLASS = {w: _CLASS_NAMES.index(names) for w, names in _START_WORDS.items()}
# What else a word asks for: 1 "ago" before a unit, 2 "the" before it (for "months_of"/"season"),
# 3 "the day before/after" before it.
_LOOK_BACK = {w: 1 for w in _UNITS}
for _w in _THE_BEFORE_WORDS:
    _LOOK_BACK[_w] = 3 if _w in ("yesterday", "tomorrow") else 2
_THE_NAMES = {w: tuple(n for n in _START_WORDS[w] if n in ("months_of", "season")) for w in _THE_BEFORE_WORDS}

# One group: a start word (the longest at that place), or a run of decimal digits. The engine
# tries fewer alternatives at each place than with a group per kind (the scan is most of the
# cost); what the kinds were is told afterwards:
# - a start word is one only when no lower-case letter follows, as the patterns ask ("Mayor" is
#   no "May"); a weekday with a letter after it still counts ("MONDAYS" holds "MONDAY": `WD` only
#   refuses a lower-case letter after it). No start word but a weekday itself begins with one.
# - digits: the ASCII ones at the front; a digit's character before, when it is "-", "/" or
#   ".", is the separator "iso" and "numeric" are found from. (Where a digit beyond ASCII ends
#   a run, what follows it can start no pattern: each refuses a word character before it.)
assert not any(w != d and w.startswith(d) for w in _START_WORDS for d in WEEKDAYS)
_SCANS: list = []
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _scanner():
    if not _SCANS:
        _SCANS.append(token_scanner(f"((?:{trie(_START_WORDS)})|\\d+)", "a-z0-9_"))
    return _SCANS[0]


_YEAR_PATTERNS = ("year_range", "year_ctx", "year_bare")


def _word_before(low: str, pos: int) -> tuple[int, str]:
    """(start, word) of the word that ends where the whitespace before `pos` begins (at most ten
    characters of it), or (-1, "") when no whitespace comes right before `pos`."""
    j = pos
    while j > 0 and low[j - 1].isspace():
        j -= 1
    if j == pos:
        return -1, ""
    k = j
    while k > 0 and j - k < 10 and (low[k - 1].isalnum() or low[k - 1] == "_"):
        k -= 1
    return k, low[k:j]


def _the_before(low: str, pos: int) -> int:
    """Where "the" starts when `_word_before(low, pos)` is "the", else -1."""
    j = pos
    while j > 0 and low[j - 1].isspace():
        j -= 1
    if j == pos or j < 3 or low[j - 3 : j] != "the":
        return -1
    if j > 3 and (low[j - 4].isalnum() or low[j - 4] == "_"):
        return -1
    return j - 3


def pattern_starts(text: str) -> dict[str, list[int]] | None:
    """Sorted offsets where each pattern might match (a superset of where it does), or None when
    the text cannot be lower-cased safely (see `word_starts.fold`)."""
    low = fold(text)
    if low is None:
        return None
    out: dict[str, list[int]] = {name: [] for name in PATTERNS}
    by_class: list[list[int]] = [[] for _ in _CLASS_NAMES]
    years: list[int] = []
    dmy = out["dmy"]
    iso = out["iso"]
    padded = " " + low
    size = len(padded)
    for m in _scanner().finditer(padded):
        token = m.group(1)
        pos = m.start()  # (the token's offset in `text`: `padded` has one character more)
        first = token[0]
        if "a" <= first <= "z":
            end = m.end()
            if end < size and padded[end] in _LOWER:
                if token in WEEKDAYS:
                    out["weekday"].append(pos)
                continue
            by_class[_WORD_CLASS[token]].append(pos)
            back = _LOOK_BACK.get(token)
            if back is not None:
                k, before = _word_before(low, pos)
                if back == 1:
                    if before:
                        out["ago"].append(k)
                elif before == "the":
                    for name in _THE_NAMES[token]:
                        out[name].append(k)
                elif back == 3 and before in ("before", "after"):
                    k2, day = _word_before(low, k)
                    if day == "day":
                        k3, the = _word_before(low, k2)
                        if the == "the":
                            out["deictic"].append(k3)
            continue
        if first <= "9":  # (else a digit beyond ASCII: only a separator before it counts)
            # The ASCII digits at the front, and what follows them: a digit beyond ASCII may go
            # on where they stop ("1٣"). "ago" is found from its unit instead: "12 years ago".
            if token.isascii():
                n = len(token)
                nxt = text[pos + n : pos + n + 1]
                other = False  # (no digit follows the run)
            else:
                n = 1
                while token[n] <= "9":
                    n += 1
                nxt = token[n]
                other = True
            if n <= 2:
                # A day goes on with a space, a dash, "to"/"until"/"and" or "st"/"nd"/"rd"/"th".
                if nxt.isspace() or other or (nxt and nxt in "-–—tuasnr"):
                    dmy.append(pos)
                    k = _the_before(low, pos)
                    if k >= 0:
                        dmy.append(k)
            if first <= "2" and first >= "1" and (n == 4 or (n < 4 and other)):  # a year has four digits
                years.append(pos)
        if padded[pos] in "-/.":
            # "iso" and "numeric" may follow a letter ("A2022-01-19"): found from the separator,
            # as the start of the digits before it.
            s = pos - 1
            j = s
            while j > 0 and s - j < 5 and text[j - 1].isdecimal():
                j -= 1
            if j < s and "0" <= text[j] <= "9" and (j == 0 or not text[j - 1].isdecimal()):
                iso.append(j)
    for k, starts in enumerate(by_class):
        if starts:
            for name in _CLASS_NAMES[k]:
                out[name].extend(starts)
    for name in _YEAR_PATTERNS:
        out[name] = years
    out["numeric"] = iso
    for name, starts in out.items():
        out[name] = sorted(set(starts))
    return out
