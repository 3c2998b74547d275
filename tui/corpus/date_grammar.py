"""The closed grammar of date expressions: vocabularies and the compiled patterns built from them.

Nothing here resolves anything; `dates.py` turns matches into values. Every pattern is compiled
once at import. Month and weekday names are matched case-sensitively (Capitalized or ALL CAPS),
so the modal "may", the verb "march" and "sun" never look like dates; relative words ("last",
"next", "today") are matched in any case.
"""

from __future__ import annotations

import re

from .word_starts import trie

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
WEEKDAY_ABBR = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _forms(numbers: dict[str, int]) -> dict[str, int]:
    """The number of each word as the patterns find it: Capitalized or ALL CAPS, with a dot or not."""
    return {f + dot: n for w, n in numbers.items() for f in (w.capitalize(), w.upper()) for dot in ("", ".")}


_MONTH_FORMS = _forms(MONTHS) | _forms(MONTH_ABBR)
_WEEKDAY_FORMS = _forms(WEEKDAYS) | _forms(WEEKDAY_ABBR)


def month_number(word: str) -> int:
    n = _MONTH_FORMS.get(word)  # (a dictionary look-up: what the patterns found, most of the time)
    if n is not None:
        return n
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR[w]


def weekday_number(word: str) -> int:
    n = _WEEKDAY_FORMS.get(word)
    if n is not None:
        return n
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w, WEEKDAY_ABBR.get(w, -1))


def _cased(words) -> str:
    """Alternation of each word Capitalized and in ALL CAPS, merged into a trie ("Sep(?:t)?"):
    the engine compares each character once instead of trying every word. Where one form is a
    prefix of another the longer is tried first, as in a longest-first alternation."""
    forms = []
    for w in words:
        forms += [w.capitalize(), w.upper()]
    return "(?:" + trie(forms) + ")"


# --- building blocks -----------------------------------------------------------------------
_MONTH_FULL = _cased(MONTHS)
# An abbreviation needs its dot ("Jan.") unless a day or year follows (checked by the pattern).
_MONTH_ABBR = _cased(MONTH_ABBR)
MON = rf"(?:{_MONTH_FULL}(?![a-z])|{_MONTH_ABBR}\.?(?![a-zA-Z]))"
MON_NAMED = rf"(?:{_MONTH_FULL}(?![a-z])|{_MONTH_ABBR}\.)"  # safe without a number
WD = rf"(?:{_cased(WEEKDAYS)}(?![a-z]))"
WD_ANY = rf"(?:{_cased(WEEKDAYS)}|{_cased(WEEKDAY_ABBR)}\.?)(?![a-zA-Z])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])(?![.,:]\d)"
YEAR = r"(?:1\d{3}|20\d\d|21\d\d)(?![\d%])(?!\.\d)(?!,\d)"
_NUM = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_DASH = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
# (Word lists as regex fragments: `date_cues` reads their first or last words.)
_PART_WORDS = (
    "early", "earlier", "late", "later", "mid", r"the\s+end\s+of", "end", r"the\s+beginning\s+of",
    r"the\s+start\s+of", r"the\s+middle\s+of", r"the\s+turn\s+of",
)
_PART = "(?:" + "|".join(_PART_WORDS) + ")"
_REL = r"(?:last|this|next|the\s+coming|coming|the\s+current|current|the\s+next|the\s+last)"

_F = re.UNICODE
# A cheap first-character gate lets the regex engine skip most positions quickly.
_GATE_MON = r"(?<![\w$])(?=[JFMASOND])"


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, _F | flags)


# --- patterns (name -> compiled regex); dates.py maps each name to a handler -----------------
PATTERNS: dict[str, re.Pattern[str]] = {
    # 2022-01-19, 2022/01/19
    "iso": _c(rf"(?<![\d\-/.])(?P<y>{YEAR})(?P<s>[-/])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d\-/])"),
    # 19.01.2022, 19/01/2022, 1/19/2022 (only when unambiguous or dotted: day first)
    "numeric": _c(rf"(?<![\d\-/.])(?P<a>\d{{1,2}})(?P<s>[./])(?P<b>\d{{1,2}})(?P=s)(?P<y>{YEAR})(?![\d\-/])"),
    # [Wednesday,] January 19[-20][, 2022]
    "mdy": _c(
        rf"(?<![\w$])(?:(?P<wd>{WD_ANY}),?\s+)?(?P<mon>{MON})\s+(?:the\s+)?(?P<d1>{DAY})"
        rf"(?:{_DASH}(?P<d2>{DAY}))?(?:(?:,\s*|\s+)(?P<y>{YEAR}))?(?![\w%])"
    ),
    # [Wednesday,] 19[-20] January[ 2022], the 19th of January
    "dmy": _c(
        rf"(?<![\w$\-/.:,])(?:(?P<wd>{WD_ANY}),?\s+)?(?:the\s+)?(?P<d1>{DAY})(?:{_DASH}(?P<d2>{DAY}))?"
        rf"\s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<y>{YEAR}))?(?![\w])"
    ),
    # [early] January[,] [of] 2022
    # January[,] [of] 2022 (an "early"/"late" before it is found by PREFIXES["my"])
    "my": _c(rf"{_GATE_MON}(?P<mon>{MON}),?\s+(?:of\s+)?(?P<y>{YEAR})(?![\w%])"),
    # January last year / June this year / May of next year
    "m_relyear": _c(
        rf"(?<![\w$])(?P<mon>{MON_NAMED})\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+(?i:year)\b"
    ),
    # in May, since March, last November, early September (a month needs a cue to be a date)
    "m_ctx": _c(rf"{_GATE_MON}(?P<mon>{MON_NAMED})(?!\s*\d)(?![\w-])"),
    # Friday, last Friday, next Monday, Wednesday morning (not "Fridays")
    "weekday": _c(
        rf"(?<![\w$])(?:(?P<rel>(?i:last|next|this|this\s+coming|coming|past|previous|this\s+past))\s+)?"
        rf"(?P<wd>{WD})(?!s\b)(?:['’]s)?(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)))?"
    ),
    # today, yesterday, tomorrow, tonight, tomorrow (Wednesday)
    "deictic": _c(
        r"(?<![\w$])(?P<w>(?i:today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow))(?!\w)(?:['’]s)?"
        rf"(?:\s*\(\s*(?P<wd>{WD})\s*\))?"
    ),
    # last year, early next year, later this month, the coming week, since last year
    "rel_unit": _c(
        r"(?<![\w$])(?=[lLtTnNcC])(?P<rel>(?i:last|this|next|coming|current))\s+(?P<unit>(?i:week|month|year))(?!s)\b(?:['’]s)?"
    ),
    # a year ago, two weeks ago, three months earlier
    "ago": _c(
        rf"(?<![\w$])(?i:(?P<n>{_NUM})\s+(?P<unit>year|month|week|day)s?\s+(?P<dir>ago|earlier|before|later|from\s+now))(?!\w)"
    ),
    # the first five months of 2022 / of this year, the first half of 2021, the third quarter of 2020
    "months_of": _c(
        rf"(?<![\w$])(?i:(?:the\s+)?(?P<which>first|last|final|second|third|fourth)\s+(?:(?P<n>{_NUM})\s+)?"
        rf"(?P<unit>months|month|quarter|half)\s+of\s+(?:the\s+)?)"
        rf"(?:(?P<y>{YEAR})|(?P<rel>(?i:last|this|next|the\s+current|current))\s+(?i:year))(?![\w%])"
    ),
    # the summer of 2021, spring 2022 (a month range)
    "season": _c(
        rf"(?<![\w$])(?i:(?:the\s+)?(?P<season>spring|summer|autumn|fall))\s+(?:of\s+)?(?P<y>{YEAR})(?![\w%])"
    ),
    # 2019-2021, 2021-22
    "year_range": _c(
        rf"(?<![\w$€£#\-/.:,])(?P<y1>{YEAR})\s*[-–]\s*(?P<y2>\d{{4}}|\d\d)(?![\w\-/%])"
    ),
    # a four-digit year with a cue before it: in 2013, since 1979, fiscal 1998, mid-2022
    "year_ctx": _c(rf"(?<![\w$])(?P<y>{YEAR})(?![\w%])(?!\s*(?:-|–)\s*\d)"),
    # a bare year; dates.py checks its neighbourhood (units, money, identifiers)
    "year_bare": _c(r"(?<![\w$€£#\-/.:,+])(?P<y>(?:19|20)\d\d)(?![\w%])(?![.,:/\-]\d)"),
}

# First characters each pattern can start with: a lookahead gate in front of the pattern lets the
# engine reject most positions at once (several times faster on prose).
_GATES = {
    "iso": "12", "numeric": "0-9", "mdy": "JFMASONDTW", "dmy": "MTWFSt0-9",
    "m_relyear": "JFMASOND", "weekday": "lLnNtTcCpPMWFS", "deictic": "tTyY",
    "ago": "aAoOtTfFsSeEnN0-9", "months_of": "tTfFlLsS", "season": "tTsSaAfF",
    "year_range": "12", "year_bare": "12", "year_ctx": "12",
}
for _name, _chars in _GATES.items():
    PATTERNS[_name] = _c(f"(?=[{_chars}])" + PATTERNS[_name].pattern)

# Cues that must come right before a core match (searched backwards from the match start).
_M_CTX_CUES = (
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "through", "of",
    "last", "next", "this", "coming", "early", "late", "mid", r"the\s+end\s+of", r"the\s+beginning\s+of",
    r"the\s+middle\s+of", r"the\s+start\s+of", "between", "and", "or", "to", "for", "past",
    r"this\s+past", "on", "the", "a", "an",
)
_YEAR_CUES = (
    "in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "through", "year",
    "fiscal", "around", "circa", "between", "early", "late", "mid", "end", r"the\s+end\s+of",
    r"the\s+beginning\s+of", r"the\s+middle\s+of", r"the\s+start\s+of", "spring", "summer", "autumn",
    "fall", "winter", r"as\s+of",
)
PREFIXES: dict[str, re.Pattern[str]] = {
    "my": _c(rf"(?<![\w$])(?P<part>(?i:{_PART}))[\s-]+$"),
    "m_ctx": _c(r"(?<![\w$])(?P<pre>(?i:" + "|".join(_M_CTX_CUES) + r"))[\s-]+$"),
    "rel_unit": _c(rf"(?<![\w$])(?P<part>(?i:{_PART}))[\s-]+(?i:in\s+)?(?:(?i:the)\s+)?$|(?<![\w$])(?i:the)\s+$"),
    "year_ctx": _c(r"(?<![\w$])(?P<pre>(?i:" + "|".join(_YEAR_CUES) + r"))(?:\s+the\s+year)?[\s-]+$"),
}
# The words a match of each cue pattern can end with (right before its final whitespace or "-"),
# as regex fragments: the last word of each alternative, and the optional words after them
# (`PREFIX_TAIL_WORDS`, which may follow a cue of several words).
PREFIX_TAIL_WORDS: dict[str, tuple[str, ...]] = {"my": (), "m_ctx": (), "rel_unit": ("in", "the"), "year_ctx": ("year",)}
PREFIX_LAST_WORDS: dict[str, tuple[str, ...]] = {
    "my": _PART_WORDS,
    "m_ctx": _M_CTX_CUES,
    "rel_unit": _PART_WORDS + PREFIX_TAIL_WORDS["rel_unit"],
    "year_ctx": _YEAR_CUES + PREFIX_TAIL_WORDS["year_ctx"],
}

# Words after a number that make it a count or a measure, never a year.
UNIT_WORDS = tuple(
    r"""people persons? men women children soldiers troops workers employees jobs residents members
    students cases deaths votes seats units shares barrels tons? tonnes km kilometers? kilometres?
    miles? meters? metres? feet ft kg kilograms? pounds lbs? dollars euros rubles roubles rials yuan
    yen rupees usd eur mw gw kw mwh hours hrs minutes mins seconds days weeks months years calories
    points percent per\s*cent pct bpd cc mm cm gb mb acres hectares square cubic copies vehicles cars
    planes aircraft ships items pages words rooms beds homes houses families refugees prisoners
    hostages billion million trillion thousand hundred times calls visitors tourists pilgrims
    companies firms projects GMT UTC hrs h\b am\b pm\b a\.m\. p\.m\.""".split()
)
UNIT_AFTER = _c(r"\s*(?:-\s*)?(?i:" + "|".join(UNIT_WORDS) + r")(?!\w)")
# Words before a number that make it an identifier or an amount.
ID_WORDS = tuple(
    r"""issn isbn id no\.? nos\.? number nr\.? tel\.? phone fax room flight route code model page
    pp?\. vol\.? volume chapter article section resolution lot box suite unit highway interstate
    us\$ usd eur rs\.? dollars? cents about some nearly almost over under approximately roughly
    more\s+than less\s+than fewer\s+than up\s+to at\s+least""".split()
)
ID_BEFORE = _c(r"(?i:" + "|".join(ID_WORDS) + r")\s*[:#]?\s*$")

# Each alternative starts with one literal character, so the engine can skip to the next
# candidate character instead of trying the pattern at every position.
_END_TAIL = r"[.!?]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
SENTENCE_END = _c(rf"\.{_END_TAIL}|!{_END_TAIL}|\?{_END_TAIL}|\n\s*")
WORD = _c(r"[A-Za-z]+(?:['’][a-z]+)?")


# --- where each pattern can start: `date_starts` --------------------------------------------
def pattern_starts(text: str) -> dict[str, list[int]] | None:
    from .date_starts import pattern_starts as starts

    return starts(text)
