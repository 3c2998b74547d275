"""Where each date pattern can start: one pass over the lower-cased text.

Every pattern of `date_grammar` starts with a word from a small set (a month, a weekday, "last",
...) or a run of digits, right after a character that is no word character; a few start one or
three words before such a word ("the first half of", "the day before yesterday", "two weeks
ago"). `pattern_starts` finds those places in one pass over the lower-cased text (`word_starts`),
so each pattern runs only there instead of scanning the whole text: the same matches.
"""

from __future__ import annotations

import re

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

# A start word (the longest at that place), or a run of decimal digits; the engine tries few
# alternatives at each place (the scan is most of the cost): the digits' alternative begins with
# a class, which the engine tests before entering it. What a match is: `lastindex` (an empty
# group at the end of each kind, set only once it matched).
# 1. `_WORD`: a start word that no lower-case letter follows, as the patterns ask ("Mayor" is
#    no "May"; a shorter start word there is followed by a letter too).
# 2. `_BEFORE_LETTER`: a start word ending in "day" that a lower-case letter follows: a weekday
#    there still counts for "weekday" ("MONDAYS" holds "MONDAY": `WD` only refuses a lower-case
#    letter after it). No start word but a weekday itself begins with one.
# 3. `_DIGITS`: a run of decimal digits that `pattern_starts` does something with (one of
#    `_USEFUL_DIGITS`); other runs ("250", "5%", "3,", "12 people") are passed over. (Where a
#    digit beyond ASCII ends a run, what follows it can start no pattern: each refuses a word
#    character before it.)
assert not any(w != d and w.startswith(d) for w in _START_WORDS for d in WEEKDAYS)
assert all(d.endswith("day") for d in WEEKDAYS)
_WORD, _BEFORE_LETTER, _DIGITS = 1, 2, 3
# What a day can go on with in "dmy" after whitespace, lower-cased: a month (each begins with
# one of these), "of", a dash or to/through/till/until/and before a second day, more whitespace.
_AFTER_DAY_SPACE = "|".join(sorted({w[:3] for w in MONTHS})) + r"|of|to|th|ti|un|an|[-–—\s]"
# Tested right after the first digit of a run (the lookbehinds see that digit):
_USEFUL_DIGITS = (
    r"(?=(?<=[-/.][0-9])[0-9]?+[-/.]"  # after a separator: "iso"/"numeric" ("2022-01-19", "19.01.2022")
    r"|(?<![0-9])|[0-9]*+\d"  # a digit beyond ASCII
    rf"|(?<=[0-9])[0-9]?+(?:[-–—tuasnr]|\s(?:{_AFTER_DAY_SPACE}))"  # a day: "19 May", "19-20", "19th"
    r"|(?<=[12])[0-9]{3}+(?![0-9]))"  # a year
)
_SCANS: list = []


def _scanner():
    if not _SCANS:
        words = trie(_START_WORDS)
        _SCANS.append(token_scanner(f"(?:{words})(?:(?![a-z])()|(?<=day)())|\\d{_USEFUL_DIGITS}\\d*()", "a-z0-9_"))
    return _SCANS[0]


# The same scan on bytes, where it finds the same (a text with no digit beyond ASCII): a
# pattern beginning with a literal lets the engine skip ahead to it, far faster than testing a
# class at every character. Start words: every character outside [a-z0-9_] (lower-cased;
# beyond ASCII, "?") a space, found after a space. Digit runs: every digit "0", found at the
# "0" no word character comes before; the tests of `_USEFUL_DIGITS` on those bytes ("?" may be
# a dash or whitespace; a year's first digit is not told apart) let through more runs than
# they do: `_SHORT_RUN` decides on a run of one or two, and `pattern_starts` does nothing with
# four digits not starting with 1 or 2.
_AS_SPACE = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz0123456789_" else 32 for b in range(256))
_DIGITS_AS_ZERO = bytes(48 if 48 <= b <= 57 else b for b in range(256))
_SHORT_RUN = re.compile(rf"(?<=[-/.])[0-9]{{1,2}}+[-/.]|[0-9]{{1,2}}+(?:[-–—tuasnr]|\s(?:{_AFTER_DAY_SPACE}))")
_BYTE_SCANS: list = []


def _byte_scanners() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    if not _BYTE_SCANS:
        words = re.compile(f" (?:{trie(_START_WORDS)})(?:(?![a-z])()|(?<=day)())".encode())
        space = r"[\s\x1c-\x1f?]"  # (what `\s` is in a str, "?" for one beyond ASCII)
        after = "|".join(sorted({w[:3] for w in MONTHS})) + rf"|of|to|th|ti|un|an|[-?]|{space}"
        runs = rf"0(?<![a-z0-9_]0)(?=(?<=[-/.]0)0?+[-/.]|0?+(?:[-?tuasnr]|{space}(?:{after}))|0{{3}}+(?!0))0*"
        _BYTE_SCANS.append((words, re.compile(runs.encode())))
    return _BYTE_SCANS[0]


def _tokens(text: str, low: str):
    """The matches of the start words in `" " + low` (start: the token's offset in `low`; end:
    one more than its end; `lastindex`: `_WORD` or `_BEFORE_LETTER`), the (start, end) of the
    digit runs, and whether runs of one or two digits are still to be tested with `_SHORT_RUN`."""
    raw = (" " + low).encode("ascii", "replace")
    if not text.isascii():
        i = raw.find(b"?")
        while i >= 0:
            if low[i - 1].isdecimal():  # (a digit beyond ASCII: the scan of the folded text)
                found = list(_scanner().finditer(" " + low))
                runs = [(m.start(), m.end() - 1) for m in found if m.lastindex == _DIGITS]
                return [m for m in found if m.lastindex != _DIGITS], runs, False
            i = raw.find(b"?", i + 1)
    words, digits = _byte_scanners()
    runs = [(m.start() - 1, m.end() - 1) for m in digits.finditer(raw.translate(_DIGITS_AS_ZERO))]
    return list(words.finditer(raw.translate(_AS_SPACE))), runs, True


def _may_go_on_as_ago(low: str, end: int) -> bool:
    """After a unit ending at `end`, "ago" needs whitespace, then "ago", "earlier", "before",
    "later" or "from now" (or more whitespace)."""
    after = low[end : end + 2]
    return len(after) == 2 and after[0].isspace() and (after[1] in "aeblf" or after[1].isspace())


# After a year, what "year_range" needs: a dash, maybe after whitespace.
_DASH_AFTER = re.compile(r"\s*[-–]")


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
    year_ranges: list[int] = []
    dmy = out["dmy"]
    iso = out["iso"]
    weekday = out["weekday"]
    # (Offsets in `" " + low` are one more than in `text`: a match's start, the character before
    # the token, is the token's offset in `text`.)
    words, runs, short_runs_to_test = _tokens(text, low)
    for m in words:
        pos = m.start()
        token = low[pos : m.end() - 1]
        if m.lastindex == _WORD:
            by_class[_WORD_CLASS[token]].append(pos)
            back = _LOOK_BACK.get(token)
            if back == 1 and not _may_go_on_as_ago(low, pos + len(token)):
                continue
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
        if token in WEEKDAYS:  # (_BEFORE_LETTER)
            weekday.append(pos)
    for pos, end in runs:
        token = low[pos:end]
        first = token[0]
        ascii_run = token.isascii()
        if first <= "9":  # (else a digit beyond ASCII: only a separator before it counts)
            # The ASCII digits at the front, and what follows them: a digit beyond ASCII may go
            # on where they stop ("1٣"). "ago" is found from its unit instead: "12 years ago".
            if ascii_run:
                n = len(token)
                nxt = text[pos + n : pos + n + 1]
            else:
                n = 1
                while token[n] <= "9":
                    n += 1
                nxt = token[n]
            if n <= 2:
                if short_runs_to_test and not _SHORT_RUN.match(low, pos):
                    continue
                # A day goes on with a space, a dash, "to"/"until"/"and" or "st"/"nd"/"rd"/"th".
                if not ascii_run or nxt.isspace() or (nxt and nxt in "-–—tuasnr"):
                    # "the 19th of May": "the" needs whitespace and an "e" before the number.
                    if pos >= 4 and low[pos - 1].isspace() and (low[pos - 2] == "e" or low[pos - 2].isspace()):
                        k = _the_before(low, pos)
                        if k >= 0:
                            dmy.append(k)
                    dmy.append(pos)
            if "1" <= first <= "2" and (n == 4 or (n < 4 and not ascii_run)):  # a year has four digits
                years.append(pos)
                if not ascii_run or nxt in ("-", "–") or (nxt.isspace() and _DASH_AFTER.match(text, pos + n)):
                    year_ranges.append(pos)
        sep = text[pos - 1 : pos]
        if sep and sep in "-/.":
            # "iso" and "numeric" may follow a letter ("A2022-01-19"): found from the separator,
            # as the start of the digits before it. Both need the digits after it to be one or
            # two, then the same separator again ("2022-01-19", "19.01.2022").
            if ascii_run and (len(token) > 2 or text[pos + len(token) : pos + len(token) + 1] != sep):
                continue
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
    # (Already sorted and without repeats: years, and "iso" from the separators.)
    out["year_ctx"] = out["year_bare"] = years
    out["year_range"] = year_ranges
    out["numeric"] = iso
    for name in _MERGED:
        starts = out[name]
        if len(starts) > 1:
            out[name] = sorted(set(starts))
    return out


# The patterns whose offsets come from several kinds of token, or not in order.
_MERGED = tuple(n for n in PATTERNS if n not in ("year_ctx", "year_bare", "year_range", "numeric", "iso"))
