"""Where the words of a small vocabulary start in a text: one regex pass over a lower-cased copy.

The date grammar and the topic keywords are long alternations with a lookbehind in front; the
regex engine cannot skip ahead on those and tries every alternative at every position, once per
pattern. Finding the few places where a vocabulary word starts (one pass, the words merged into
a trie) and running the exact patterns only there gives the same matches many times faster.

`fold(text)` is the lower-cased copy, offsets unchanged. It is None for the rare text where
lower-casing would not line up with `re.IGNORECASE` on ASCII words: "İ" lowers to two
characters, and "ı" and "ſ" match "i" and "s" case-insensitively though they lower to
themselves (the only such characters in Unicode besides the Kelvin sign, which lowers to "k").
Callers then fall back to scanning with the full patterns. Beyond ASCII it may keep a letter's
case: what the scans ask of such a character (a word character? whitespace? a digit?) does not
depend on it, and only the Kelvin sign lowers to an ASCII letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_UNSAFE = ("\u0130", "\u0131", "\u017f")


def fold(text: str) -> str | None:
    """`text` with its ASCII letters lower-cased (see above) when it lines up with `text` and
    with IGNORECASE on ASCII words, else None."""
    if text.isascii():
        return text.lower()
    if any(c in text for c in _UNSAFE):
        return None
    if "\u212a" in text:
        return text.lower()
    # (UTF-8 bytes lower-case ASCII letters only: several times faster than the full mapping)
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def trie(words: Iterable[str], key: Callable[[str], str] = str, leaf: Callable[[list[str]], str] = lambda ws: "") -> str:
    """A regex alternation of `words` with common prefixes merged ("jan(?:uary)?"), so the engine
    compares each character once instead of once per word. `key` gives the characters of a word
    to merge on; `leaf`, what follows where words end (a lookbehind, say). The order it tries
    the words in is not theirs: for patterns where one word at most can match at a place, or
    only whether one does counts."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in key(w):
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(w)

    def alt(node: dict) -> str:
        branches = [re.escape(ch) + alt(sub) for ch, sub in sorted(node.items()) if ch]
        end = leaf(node[""]) if "" in node else None
        if not branches:
            return end or ""
        if end is None:
            return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{'|'.join(branches)})?" if end == "" else f"(?:{'|'.join(branches)}|{end})"

    return alt(tree)


def token_scanner(alternatives: str, word_chars: str) -> re.Pattern[str]:
    """A pattern for `" " + folded text`: a character outside `word_chars` (a class body such as
    "a-z0-9_"), then `alternatives` (with groups). The leading character class lets the engine
    skip every character inside a word; the padding space lets a word at offset 0 be found.
    Offsets of the groups are one more than in the text."""
    return re.compile(f"[^{word_chars}](?:{alternatives})")


def matches_at(pattern: re.Pattern[str], text: str, positions: list[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given (sorted) every offset where it might match and
    that it never matches the empty string: it resumes after each match, as finditer does. (A
    list, built in a plain loop: cheaper than a generator for the few matches there are.)"""
    found = []
    match = pattern.match
    last = 0
    for pos in positions:
        if pos >= last:
            m = match(text, pos)
            if m is not None:
                found.append(m)
                last = m.end()
    return found
