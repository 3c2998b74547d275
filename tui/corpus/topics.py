"""Topics: a small vocabulary for news on international relations, matched by keyword.

Each topic has a keyword list. A keyword matches as a whole word or phrase (word boundaries,
a trailing plural "s" allowed); lower-case keywords match case-insensitively, keywords with
capitals ("SCO", "EU") match exactly as written, so "SCO" is not "scone" and "gas" is not
"Vegas". The manifest's `[topics]` table adds keywords to a built-in topic or defines a new
one. Relevance is the number of keyword hits (generic "diplomacy" hits count half); ties
keep the vocabulary order.

    trade                   trade, exports, tariffs, economic cooperation, free trade zone, ...
    energy                  oil, gas, petroleum, swaps, pipelines, nuclear power, ...
    sanctions               sanctions, embargo, SWIFT, dedollarization, ...
    nuclear deal            JCPOA, nuclear deal/talks/programme, Vienna talks, IAEA, enrichment
    security and Syria      terrorism, Daesh, ISIS, military, Syria, drones, missiles, ...
    SCO and regional bodies Shanghai Cooperation Organization, SCO, EAEU, BRICS, ASEAN, ...
    Caspian                 Caspian Sea, Caspian Summit, littoral states
    diplomacy               visit, summit, talks, meeting, counterpart, ambassador, ...
    Ukraine                 Ukraine, Kyiv, Donbas, Crimea, special military operation
    Afghanistan             Afghanistan, Taliban, Kabul
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from .word_starts import fold, token_scanner, trie

TOPICS: dict[str, tuple[str, ...]] = {
    "trade": (
        "trade", "trading", "export", "exports", "exporting", "import", "imports", "importing",
        "tariff", "commerce", "commercial", "economic cooperation", "economic ties",
        "economic relations", "free trade", "free trade zone", "investment", "investor",
        "transit", "transport corridor", "agricultural goods", "banking", "payment system",
    ),
    "energy": (
        "energy", "oil", "gas", "petroleum", "swap", "swaps", "pipeline", "LNG", "crude",
        "refinery", "OPEC", "nuclear power", "power plant", "electricity", "gas reserves",
        "Gazprom", "Rosneft", "barrels",
    ),
    "sanctions": (
        "sanction", "sanctions", "embargo", "extraterritorial", "blacklist", "SWIFT",
        "dedollarize", "dedollarization", "unilateralism", "asset freeze",
    ),
    "nuclear deal": (
        "JCPOA", "nuclear deal", "nuclear talks", "nuclear accord", "nuclear agreement",
        "nuclear program", "nuclear programme", "Vienna talks", "IAEA", "enrichment",
        "uranium", "negotiating table",
    ),
    "security and Syria": (
        "security", "terrorism", "terrorist", "terrorists", "anti-terrorist", "Daesh", "ISIS",
        "ISIL", "Islamic State", "military", "armed forces", "Syria", "Syrian", "Assad",
        "drone", "drones", "UAV", "missile", "missiles", "defense", "defence", "weapons",
        "army", "troops",
    ),
    "SCO and regional bodies": (
        "Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO",
        "Eurasian Economic Union", "Eurasian Union", "EAEU", "EEU", "BRICS", "ASEAN", "CSTO",
        "CIS", "Shanghai Summit", "regional organizations", "regional organisations",
    ),
    "Caspian": ("Caspian", "Caspian Sea", "Caspian Summit", "littoral states", "littoral"),
    "diplomacy": (
        "visit", "visits", "visited", "summit", "talks", "meeting", "met", "counterpart",
        "ambassador", "diplomat", "diplomatic", "diplomacy", "foreign minister",
        "foreign ministry", "delegation", "phone call", "agreement", "treaty", "communique",
        "bilateral", "strategic partnership",
    ),
    "Ukraine": (
        "Ukraine", "Ukrainian", "Kyiv", "Kiev", "Donbas", "Donbass", "Crimea",
        "special military operation",
    ),
    "Afghanistan": ("Afghanistan", "Afghan", "Taliban", "Kabul"),
}


# "diplomacy" words are in nearly every article on international relations: they count half.
_WEIGHT = {"diplomacy": 0.5}


def _alternation(keywords: list[str]) -> str:
    alt = "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in sorted(keywords, key=len, reverse=True))
    return rf"(?<![\w-])(?:{alt})(?:s|es)?(?![\w-])"


def _norm(match: str) -> str:
    return " ".join(match.split())


@lru_cache(maxsize=64)
def _compiled(items: tuple[tuple[str, tuple[str, ...]], ...]):
    """Two single-pass patterns (case-insensitive for lower-case keywords, exact otherwise),
    a map from a matched keyword to its topics, and the word-start tables of `_fast_tables`.
    The longest keyword wins at a position."""
    owners: dict[tuple[bool, str], set[str]] = {}
    for name, keywords in items:
        for k in keywords:
            k = _norm(k)
            if k:
                exact = not k.islower()
                owners.setdefault((exact, k if exact else k.lower()), set()).add(name)
    ci = [k for exact, k in owners if not exact]
    cs = [k for exact, k in owners if exact]
    rxs = []
    if ci:
        rxs.append((False, re.compile(_alternation(ci), re.IGNORECASE)))
    if cs:
        rxs.append((True, re.compile(_alternation(cs))))
    groups = [(exact, ci if not exact else cs) for exact, _ in rxs]
    return rxs, owners, _fast_tables(groups)


_ASCII_WORD = re.compile(r"[a-z0-9_-]+")


def _first_tokens(keyword: str) -> set[str]:
    """The lower-cased words a match of `keyword` can start with (its first word; a one-word
    keyword with its plural endings)."""
    words = keyword.lower().split()
    return {words[0], words[0] + "s", words[0] + "es"} if len(words) == 1 else {words[0]}


def _fast_tables(groups: list[tuple[bool, list[str]]]):
    """For `_found`: a scanner for the words a keyword can start with, and for each such word
    the patterns that have a keyword starting with it, as (index of the pattern, a small
    pattern holding only those keywords, in the same order, so at a given position it matches
    exactly what the whole pattern would, and whether the word is "simple" (see below)). None when a keyword is not plain ASCII words (then
    the whole patterns scan the text)."""
    keys: set[str] = set()
    tables = []
    by_keys: list[dict[str, list[str]]] = []
    for exact, keywords in groups:
        if not all(k.isascii() and all(_ASCII_WORD.fullmatch(w) for w in k.lower().split()) for k in keywords):
            return None
        by_key: dict[str, list[str]] = {}
        for k in keywords:
            for key in _first_tokens(k):
                by_key.setdefault(key, []).append(k)
        by_keys.append(by_key)
        flags = 0 if exact else re.IGNORECASE
        tables.append({key: re.compile(_alternation(ks), flags) for key, ks in by_key.items()})
        keys |= set(by_key)
    if not keys:
        return None
    # A word only one-word keywords start with, in the case-insensitive pattern: where the scan
    # finds it, that pattern matches it exactly when the characters on both sides are no word
    # characters (the scan tells for ASCII ones; its own boundaries are [a-z0-9_-]).
    combined = {
        key: tuple(
            (i, t[key], not groups[i][0] and all(len(k.split()) == 1 for k in by_keys[i][key]))
            for i, t in enumerate(tables)
            if key in t
        )
        for key in keys
    }
    return token_scanner(f"({trie(keys)})(?![a-z0-9_-])", r"a-z0-9_\-"), combined


def _outside_word(c: str) -> bool:
    """A neighbour the scan passed (its lower case is not in [a-z0-9_-]) is no word character."""
    return c < "\x80" or not (c.isalnum() or c == "_")


def _found(text: str, rxs, fast) -> list[list[tuple[int, int]]]:
    """Per pattern, the spans of the keyword hits `finditer` gives.

    A keyword match starts where a word the keyword starts with starts; the lower-cased text
    shows where those are (one scan for all patterns). Each pattern then runs only there,
    resuming after its last match.
    """
    low = fold(text) if fast is not None else None
    if low is None:
        return [[m.span() for m in rx.finditer(text)] for _, rx in rxs]
    scanner, table = fast
    found: list[list[tuple[int, int]]] = [[] for _ in rxs]
    last = [0] * len(rxs)
    size = len(text)
    plain = text.isascii()
    # (in " " + low, a match starts at the character before the word: at the word's offset in text)
    for s in scanner.finditer(" " + low):
        pos = s.start()
        for i, rx, simple in table[s.group(1)]:
            if pos >= last[i]:
                if simple:
                    end = s.end() - 1
                    if plain or (
                        (pos == 0 or _outside_word(text[pos - 1])) and (end == size or _outside_word(text[end]))
                    ):
                        found[i].append((pos, end))
                        last[i] = end
                        continue
                m = rx.match(text, pos)
                if m is not None:
                    found[i].append(m.span())
                    last[i] = m.end()
    return found


class _Span(tuple):
    def span(self) -> tuple[int, int]:
        return (self[0], self[1])


def _matches(text: str, rxs, fast):
    """(exact, match span) of every keyword hit, as `finditer` of each pattern in turn gives them."""
    return [(exact, _Span(m)) for (exact, _), ms in zip(rxs, _found(text, rxs, fast)) for m in ms]


def vocabulary(extra: dict[str, list[str]] | None = None) -> dict[str, tuple[str, ...]]:
    """The built-in topics with the manifest's extra keywords merged in."""
    merged = {name: tuple(kws) for name, kws in TOPICS.items()}
    for name, kws in (extra or {}).items():
        if isinstance(kws, str):
            kws = [kws]
        merged[name] = merged.get(name, ()) + tuple(str(k) for k in kws)
    return merged


_PREPARED: list = [object(), None]  # [the `extra` it was made for (a copy), what _prepared returns]


def _prepared(extra: dict[str, list[str]] | None):
    """The compiled patterns, keyword owners and topic order for `extra`, remembered for the
    last `extra` seen (the same manifest's topics for every sentence of a corpus)."""
    if _PREPARED[0] != extra:
        vocab = vocabulary(extra)
        items = tuple((n, tuple(k)) for n, k in vocab.items())
        rxs, owners, fast = _compiled(items)
        # (the last item: the topics of each keyword as written, as `topic_hits` finds them)
        _PREPARED[1] = (rxs, owners, {n: i for i, n in enumerate(vocab)}, fast, {})
        _PREPARED[0] = None if extra is None else {k: list(v) if isinstance(v, list) else v for k, v in extra.items()}
    return _PREPARED[1]


def topic_hits(text: str, extra: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Keyword hits per topic (topics without a hit are left out)."""
    prepared = _prepared(extra)
    return _count(text, _found(text, prepared[0], prepared[3]), prepared)


def _count(text: str, found: list[list[tuple[int, int]]], prepared) -> dict[str, int]:
    """Hits per topic of the keyword matches (spans of `text`) of each pattern."""
    rxs, owners, _, _, seen = prepared
    hits: dict[str, int] = {}
    for (exact, _), ms in zip(rxs, found):
        if not ms:
            continue
        # Each matched text once, with its count (a name first counts where its first match is).
        counts = Counter([text[a:b] for a, b in ms]) if len(ms) > 8 else None
        if counts is None:
            counts = {}
            for a, b in ms:
                w = text[a:b]
                counts[w] = counts.get(w, 0) + 1
        for matched, count in counts.items():
            names = seen.get((exact, matched))
            if names is None:
                word = _norm(matched) if exact else _norm(matched).lower()
                names = owners.get((exact, word))
                if names is None:
                    names = owners.get((exact, word[:-1])) or owners.get((exact, word[:-2])) or ()
                if len(seen) > 50_000:
                    seen.clear()
                seen[(exact, matched)] = names
            for name in names:
                hits[name] = hits.get(name, 0) + count
    return hits


def _rank(hits: dict[str, int], prepared, min_hits: int) -> list[str]:
    if not hits:
        return []
    if len(hits) == 1:
        [(name, count)] = hits.items()
        return [name] if count >= max(1, min_hits) else []
    order = prepared[2]
    ranked = sorted(
        (n for n, c in hits.items() if c >= max(1, min_hits)),
        key=lambda n: (-hits[n] * _WEIGHT.get(n, 1.0), order[n]),
    )
    return ranked


# (text, prepared, matches) of the last text `assign_topics` read: extraction reads an
# article's title and body, then each of its dated sentences (`topic_assigner`), whose matches
# are mostly among those already found.
_LAST_SCAN: tuple = (None, None, None)


def assign_topics(text: str, extra: dict[str, list[str]] | None = None, min_hits: int = 1) -> list[str]:
    """Topics of a text, most hits first (ties in vocabulary order)."""
    global _LAST_SCAN
    prepared = _prepared(extra)
    found = _found(text, prepared[0], prepared[3])
    _LAST_SCAN = (text, prepared, found)
    return _rank(_count(text, found, prepared), prepared, min_hits)


def topic_assigner(extra: dict[str, list[str]] | None = None, whole: str | None = None) -> Callable[[str, int], list[str]]:
    """`assign(text, start)`: `assign_topics(text, extra)` for many texts and the same `extra`
    (prepared once). When `whole` is the text `assign_topics` read last, with `text` at `start`
    in it, the matches found there are reused, unless one of them crosses an end of `text`.

    Without such a match, a pattern's matches in `text` are those found in `whole` between its
    ends: `text` is a sentence, which has whitespace (or nothing) on both sides in `whole`, so
    each look-around at its ends sees the same, and scanning enters it and leaves it at the same
    places; a match crossing an end is the only way the two can differ.
    """
    prepared = _prepared(extra)
    last_text, last_prepared, last_found = _LAST_SCAN
    cached = None
    if whole is not None and last_prepared is prepared and last_text == whole:
        cached = [(ms, [a for a, _ in ms]) for ms in last_found]

    def assign(text: str, start: int = 0) -> list[str]:
        if cached is not None:
            end = start + len(text)
            parts = []
            for ms, starts in cached:
                i = bisect_left(starts, start)
                j = bisect_left(starts, end, i)
                if (i > 0 and ms[i - 1][1] > start) or (j > i and ms[j - 1][1] > end):
                    break  # a match crosses an end: scan the text itself
                parts.append(ms[i:j])
            else:
                return _rank(_count(whole, parts, prepared), prepared, 1)  # type: ignore[arg-type]
        return _rank(_count(text, _found(text, prepared[0], prepared[3]), prepared), prepared, 1)

    return assign


def topics_for_sentence(sentence: str, extra: dict[str, list[str]] | None = None) -> list[str]:
    """Topics of one sentence: any keyword hit counts."""
    return assign_topics(sentence, extra, 1)
