"""The grammar's look-around tests (cues, identifiers, units), with a cheap word test in front.

`PREFIXES` (a cue before a month or year), `ID_BEFORE` (an identifier or amount before a
number) and `UNIT_AFTER` (a unit after it) are alternations of words that end right before a
number or start right after it. Searching a window backwards with `...$` makes the regex engine
try every alternative at every position of the window: ID_BEFORE costs ~20 µs a call, more than
the rest of a year's handling. Each alternative touches the number through a known word (its
last word before, its first word after), and the word the text has there is found with plain
string operations: when it is none of those words, the pattern cannot match and is not run.
Otherwise, and whenever that word is not ASCII (IGNORECASE also folds "ſ", "K" and "ı"), the
pattern decides as before: the answers are the same.
"""

from __future__ import annotations

import re

from .date_grammar import ID_BEFORE, ID_WORDS, PREFIX_LAST_WORDS, PREFIX_TAIL_WORDS, PREFIXES, UNIT_AFTER, UNIT_WORDS

_TOKEN = re.compile(r"\\s[+*]|\\b|\\[.$]|[A-Za-z0-9]")


def expand(fragment: str) -> set[str]:
    """Every text the regex `fragment` matches (up to letter case), one space standing for any
    whitespace. Only what the word lists use is understood: letters, digits, escaped
    punctuation, `\\s+`, `\\s*`, `\\b` and `?` after one of them; anything else is an error, so a
    new kind of alternative cannot slip past the word tests."""
    out = [""]
    i = 0
    while i < len(fragment):
        m = _TOKEN.match(fragment, i)
        if m is None:
            raise ValueError(f"unsupported regex fragment: {fragment!r}")
        tok = m.group()
        i = m.end()
        if tok in ("\\s+", "\\s*"):
            choices = [" ", ""] if tok == "\\s*" else [" "]
        elif tok == "\\b":
            choices = [""]
        else:
            choices = [tok[-1]]
        if i < len(fragment) and fragment[i] == "?":
            choices.append("")
            i += 1
        out = [o + c for o in out for c in choices]
    return set(out)


def _texts(fragments) -> list[str]:
    return [x.lower() for f in fragments for x in expand(f)]


_W = re.compile(r"\w+")
# The tests below rely on these shapes: cues end with a word, units start with one, identifiers
# end with neither whitespace nor ":" / "#".
assert all(re.search(r"\w$", x) for fs in PREFIX_LAST_WORDS.values() for x in _texts(fs))
assert all(re.match(r"\w", x) for x in _texts(UNIT_WORDS))
assert all(x[-1] not in " :#" for x in _texts(ID_WORDS))
_CUE_WORDS = {name: frozenset(_W.findall(x)[-1] for x in _texts(fs)) for name, fs in PREFIX_LAST_WORDS.items()}
# The cue words that end no cue of several words nor are an optional word after one ("in" for a
# year, "since", "earlier"): a match ending in one of them starts at that word, the one place the
# pattern need be tried at (before it, a cue would end with another word; after its start, the
# pattern refuses a word character before it).
_LONE_WORDS = {
    name: _CUE_WORDS[name]
    - {_W.findall(x)[-1] for x in _texts(fs) if len(_W.findall(x)) > 1}
    - set(_texts(PREFIX_TAIL_WORDS[name]))
    for name, fs in PREFIX_LAST_WORDS.items()
}
_UNIT_WORDS = frozenset(_W.match(x).group() for x in _texts(UNIT_WORDS))  # type: ignore[union-attr]
# An identifier may end a longer word ("paid 2020" ends with "id"): a suffix test.
_ID_ENDINGS = tuple(sorted({x.split()[-1] for x in _texts(ID_WORDS)}))
_ID_LONGEST = max(map(len, _ID_ENDINGS))
_WORD_AFTER = re.compile(r"\s*(?:-\s*)?(\w*)")


def cue_before(name: str, text: str, s: int) -> re.Match[str] | None:
    """`PREFIXES[name].search(text, max(0, s - 40), s)`."""
    w0 = max(0, s - 40)
    b = s
    # Every cue ends in whitespace or "-" after a word: that word is one of the cue words.
    while b > w0 and (text[b - 1].isspace() or text[b - 1] == "-"):
        b -= 1
    if b == s:
        return None
    # The word: most often all letters after a space (one search), else walked back to.
    a = max(w0, text.rfind(" ", w0, b) + 1)
    word = text[a:b]
    if not word.isalnum():
        a = b
        while a > w0 and ((c := text[a - 1]).isalnum() or c == "_"):  # (what `\w` matches)
            a -= 1
        word = text[a:b]
    if word.isascii():
        low = word.lower()
        if low not in _CUE_WORDS[name]:
            return None
        if low in _LONE_WORDS[name]:
            return PREFIXES[name].match(text, a, s)
    return PREFIXES[name].search(text, w0, s)


def id_before(text: str, s: int) -> bool:
    """`ID_BEFORE.search(text, max(0, s - 25), s)` found something."""
    w0 = max(0, s - 25)
    b = s
    while b > w0 and text[b - 1].isspace():
        b -= 1
    if b > w0 and text[b - 1] in ":#":
        b -= 1
        while b > w0 and text[b - 1].isspace():
            b -= 1
    tail = text[max(w0, b - _ID_LONGEST) : b]
    if tail.isascii() and not tail.lower().endswith(_ID_ENDINGS):
        return False
    return ID_BEFORE.search(text, w0, s) is not None


def unit_after(text: str, end: int) -> bool:
    """`UNIT_AFTER.match(text, end)` found something."""
    word = _WORD_AFTER.match(text, end).group(1)  # type: ignore[union-attr]
    if not word or (word.isascii() and word.lower() not in _UNIT_WORDS):
        return False
    return UNIT_AFTER.match(text, end) is not None
