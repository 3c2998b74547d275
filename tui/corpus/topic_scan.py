"""The one-pass keyword scan of `topics`: its pattern (`scan_tables`) and where it runs
(`scan_items`).

The scan reads `" " + folded text` (see `word_starts`) with a pattern whose items are a
character outside [a-z0-9_-], then a keyword (or a word an exact-case keyword starts with). A
character class in front makes the regex engine test every character of the text against it;
a literal space in front lets it skip ahead to the next space far faster. So where it gives the
same items, the scan runs on bytes in which every character outside [a-z0-9_-] (lower-cased)
is a space, with a pattern that begins with one: in a text whose characters beyond ASCII are
no word characters (quotes, dashes, spaces), and whose keyword phrases are not split by
anything but whitespace. Otherwise it runs on the folded text as before.
"""

from __future__ import annotations

import re

from .word_starts import fold, trie


def alternation(keywords: list[str]) -> str:
    alt = "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in sorted(keywords, key=len, reverse=True))
    return rf"(?<![\w-])(?:{alt})(?:s|es)?(?![\w-])"


_ASCII_WORD = re.compile(r"[a-z0-9_-]+")


def _first_tokens(keyword: str) -> set[str]:
    """The lower-cased words a match of `keyword` can start with (its first word; a one-word
    keyword with its plural endings)."""
    words = keyword.lower().split()
    return {words[0], words[0] + "s", words[0] + "es"} if len(words) == 1 else {words[0]}


def _spaced_trie(keywords: list[str]) -> str:
    """`trie` of the keywords, a space matching any run of whitespace (as in `alternation`).
    (NUL stands for the space while the trie is built: no keyword word holds one.)"""
    return trie(k.replace(" ", "\0") for k in keywords).replace("\0", r"\s+")


_LEAD = r"[^a-z0-9_\-]"


def scan_tables(ci: list[str], cs: list[str], cs_index: int):
    """For `topics._hits`: the patterns of the scan (for the folded text, and for bytes, see
    above) whose items (a leading character, then the match) are, in one pass, every match of
    the case-insensitive keywords (as `finditer` of their pattern gives them, lower-cased) and
    every word an exact-case keyword starts with (a candidate, checked on the text itself); the
    words case-insensitive matches start with; per candidate word (as str and as bytes), the
    exact-case keywords starting with it as a pattern; and `cs_index`, the exact pattern's index
    in `rxs`. None when a keyword is not plain ASCII words, or when the two kinds could meet: a
    word both start with (one item at a position), or a candidate word inside a
    case-insensitive keyword (its match consumes it).

    The trie picks the keyword the longest-first alternation does: the keywords that can match
    at a position are prefixes of one another there, and the trie tries longer ones first. The
    leading character tells [a-z0-9_-] apart only: where it is a non-ASCII word character,
    `_key_names` says the scan is unsure, and the text is read with the whole patterns.
    """
    if not ci + cs or not all(k.isascii() and all(_ASCII_WORD.fullmatch(w) for w in k.lower().split()) for k in ci + cs):
        return None
    ci_first = set().union(*map(_first_tokens, ci))
    by_token: dict[str, list[str]] = {}
    for k in cs:
        for token in _first_tokens(k):
            by_token.setdefault(token, []).append(k)
    inner = {w + end for k in ci for w in k.split()[1:] for end in ("", "s", "es")}
    if not ci_first.isdisjoint(by_token) or not inner.isdisjoint(by_token):
        return None
    items = rf"(?:{_spaced_trie(ci + list(by_token))})(?:s|es)?(?![\w-])"
    # (on the bytes, whitespace is one or more spaces, and `\w` is [a-zA-Z0-9_]: what is left)
    patterns = (re.compile(_LEAD + items), re.compile((" " + items.replace(r"\s+", " +")).encode()))
    checks: dict = {token: re.compile(alternation(ks)) for token, ks in by_token.items()}
    checks.update({token.encode(): check for token, check in list(checks.items())})
    return patterns, ci_first, checks, cs_index


# Each byte as the scan of bytes reads it: [a-z0-9_-] (A-Z lower-cased), else a space.
_FOLDED_OR_SPACE = bytes(
    ord(chr(b).lower()) if chr(b).lower() in "abcdefghijklmnopqrstuvwxyz0123456789_-" else 32 for b in range(256)
)


def _scan_folded(text: str, as_str: re.Pattern[str]):
    low = fold(text)
    if low is None:
        return None
    found = list(as_str.finditer(" " + low))
    return found, [m.group() for m in found]


def scan_items(text: str, patterns):
    """The items of the scan of `text` (`patterns` from `scan_tables`) and their texts: str
    matches in `" " + fold(text)`, or bytes matches where the scan of bytes gives the same
    items; None when the text cannot be folded. An item starts one character before its
    match: at the match in `text`."""
    as_str, as_bytes = patterns
    raw = text.encode("ascii", "replace")  # (one "?" for each character beyond ASCII)
    if not text.isascii():
        i = raw.find(b"?")
        while i >= 0:
            c = text[i]
            if c.isalnum() or c == "_":  # (a word character beyond ASCII: "é", and "ſ" and the Kelvin sign)
                return _scan_folded(text, as_str)
            i = raw.find(b"?", i + 1)
    found = list(as_bytes.finditer((b" " + raw).translate(_FOLDED_OR_SPACE)))
    keys = [m.group() for m in found]
    if b"".join(keys).count(b" ") > len(keys):  # a keyword phrase: are its spaces whitespace in the text?
        for m, item in zip(found, keys):
            j = item.find(b" ", 1)
            while j >= 0:
                if not text[m.start() + j - 1].isspace():
                    return _scan_folded(text, as_str)
                j = item.find(b" ", j + 1)
    return found, keys
