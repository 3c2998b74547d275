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
from functools import lru_cache
from itertools import repeat

from .topic_scan import alternation as _alternation
from .topic_scan import scan_items, scan_tables

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


def _norm(match: str) -> str:
    return " ".join(match.split())


@lru_cache(maxsize=64)
def _compiled(items: tuple[tuple[str, tuple[str, ...]], ...]):
    """Two single-pass patterns (case-insensitive for lower-case keywords, exact otherwise),
    a map from a matched keyword to its topics, and the tables of `topic_scan.scan_tables`.
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
    return rxs, owners, scan_tables(ci, cs, 1 if ci else 0)


# What an item of the scan stands for (see `_key_names`), besides topics.
_CANDIDATE = "candidate"  # a word an exact-case keyword starts with
_UNSURE = "unsure"  # its leading character is a (non-ASCII) word character: the scan is not exact


def _key_names(key: str, owners, scan):
    """The topics of an item of the scan (a leading character, then lower-case text; str or
    ASCII bytes), or `_CANDIDATE` or `_UNSURE`."""
    if not isinstance(key, str):
        key = key.decode()  # (from the scan of bytes: see `topic_scan.scan_items`)
    lead, found = key[0], key[1:]
    if lead >= "\x80" and (lead.isalnum() or lead == "_"):
        return _UNSURE
    _, ci_first, checks, _ = scan
    if found in checks:
        return _CANDIDATE
    words = found.split()
    if words[0] not in ci_first:
        return ()  # (a candidate's first word with a plural ending no keyword has)
    word = " ".join(words)
    return tuple(
        owners.get((False, word)) or owners.get((False, word[:-1])) or owners.get((False, word[:-2])) or ()
    )


def _hits(text: str, prepared, remember: bool = True) -> dict[str, int]:
    """Keyword hits per topic: what `_count` gives for the matches of the whole patterns.
    `remember`: keep the scan for `sentence_topics`."""
    global _LAST_SCAN
    scan = prepared[3]
    items = scan_items(text, scan[0]) if scan is not None else None
    if items is not None:
        found, keys = items
        tally = _tally(keys, prepared)
        if tally is not None:
            hits, candidates = tally
            spans = _exact_spans(text, _candidates_at(candidates, keys, found), prepared) if candidates else []
            if spans:
                _add(hits, _exact_hits(text, spans, prepared))
            if remember:
                _LAST_SCAN = (text, prepared, found, keys, spans)
            return hits
    return _count(text, [[m.span() for m in rx.finditer(text)] for _, rx in prepared[0]], prepared)


_START = re.Match.start


def _tally(keys: list[str], prepared) -> tuple[dict[str, int], dict[str, int]] | None:
    """Hits per topic of the scan's items but the exact-case candidates, and how many of each
    candidate there are; None when the scan is unsure."""
    seen = prepared[4]
    hits: dict[str, int] = {}
    candidates: dict[str, int] = {}
    # (a few items, as a sentence has: each on its own, rather than counted first)
    for key, count in Counter(keys).items() if len(keys) > 8 else zip(keys, repeat(1)):
        names = seen.get(key)
        if names is None:
            names = _key_names(key, prepared[1], prepared[3])
            if len(seen) > 50_000:
                seen.clear()
            seen[key] = names
        if names is _CANDIDATE:
            candidates[key] = candidates.get(key, 0) + count
        elif names is _UNSURE:
            return None
        else:
            for name in names:
                hits[name] = hits.get(name, 0) + count
    return hits, candidates


def _add(hits: dict[str, int], more: dict[str, int]) -> None:
    for name, count in more.items():
        hits[name] = hits.get(name, 0) + count


def _candidates_at(candidates: dict[str, int], keys: list[str], found: list[re.Match[str]]) -> list[tuple[int, str]]:
    """(offset in the text, item) of each candidate, in order."""
    at = []
    for key, count in candidates.items():
        i = -1
        for _ in range(count):
            i = keys.index(key, i + 1)
            at.append((found[i].start(), key))
    at.sort()
    return at


def _exact_spans(text: str, candidates: list[tuple[int, str]], prepared) -> list[tuple[int, int]]:
    """The matches of the exact-case pattern, given the scan's candidates: each candidate's
    pattern runs where it was found, in order, resuming after the last match, as `finditer` of
    the whole pattern would."""
    checks = prepared[3][2]
    spans = []
    last = 0
    for pos, key in candidates:
        if pos >= last:
            m = checks[key[1:]].match(text, pos)
            if m is not None:
                spans.append(m.span())
                last = m.end()
    return spans


def _exact_hits(text: str, spans: list[tuple[int, int]], prepared) -> dict[str, int]:
    """`_count` of matches (`spans` of `text`) of the exact-case pattern."""
    found: list[list[tuple[int, int]]] = [[], []]
    found[prepared[3][3]] = spans
    return _count(text, found, prepared)


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
        rxs, owners, scan = _compiled(items)
        # (the last item: what each item the scan finds stands for, as `_key_names` gives it, and
        # the topics of each (exact, matched text), as `_count` finds them)
        _PREPARED[1] = (rxs, owners, {n: i for i, n in enumerate(vocab)}, scan, {})
        _PREPARED[0] = None if extra is None else {k: list(v) if isinstance(v, list) else v for k, v in extra.items()}
    return _PREPARED[1]


def topic_hits(text: str, extra: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Keyword hits per topic (topics without a hit are left out)."""
    return _hits(text, _prepared(extra))


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
    least = max(1, min_hits)
    ranked = sorted([(-c * _WEIGHT.get(n, 1.0), order[n], n) for n, c in hits.items() if c >= least])
    return [n for _, _, n in ranked]


# (text, prepared, the scan's matches, their texts, the exact-case matches) of the last text
# `assign_topics` read: extraction reads an article's title and body, then its dated sentences
# (`sentence_topics`).
_LAST_SCAN: tuple = (None, None, None, None, None)


def assign_topics(text: str, extra: dict[str, list[str]] | None = None, min_hits: int = 1) -> list[str]:
    """Topics of a text, most hits first (ties in vocabulary order)."""
    prepared = _prepared(extra)
    return _rank(_hits(text, prepared), prepared, min_hits)


def sentence_topics(whole: str, spans: list[tuple[int, int]], extra: dict[str, list[str]] | None = None) -> list[list[str]]:
    """`assign_topics(whole[s:e], extra)` for each (s, e) of `spans`: sentences of `whole`,
    sorted, each with whitespace (or nothing) on both sides. When `assign_topics` read `whole`
    last, the items its scan found in a sentence and the exact-case matches there are reused,
    unless one of them crosses an end of the sentence.

    Without such a match, reading the sentence alone finds the same: each look-around at its
    ends sees the same, and scanning (and the exact-case checks, which resume after their last
    match) enter it and leave it at the same places; a match crossing an end is the only way
    the two can differ.
    """
    prepared = _prepared(extra)
    last_text, last_prepared, found, keys, exact = _LAST_SCAN
    reuse = last_prepared is prepared and last_text == whole
    starts = list(map(_START, found)) if reuse else []
    exact_starts = [a for a, _ in exact] if reuse else []
    out = []
    for s, e in spans:
        hits = None
        if reuse:
            i = bisect_left(starts, s)
            j = bisect_left(starts, e, i)
            # (an item is its leading character and its match: the match ends at start + len - 1)
            if not ((i > 0 and starts[i - 1] + len(keys[i - 1]) - 1 > s) or (j > i and starts[j - 1] + len(keys[j - 1]) - 1 > e)):
                hits, candidates = _tally(keys[i:j], prepared)  # type: ignore[misc]
                if candidates:
                    i = bisect_left(exact_starts, s)
                    j = bisect_left(exact_starts, e, i)
                    if (i > 0 and exact[i - 1][1] > s) or (j > i and exact[j - 1][1] > e):
                        hits = None
                    elif j > i:
                        _add(hits, _exact_hits(whole, exact[i:j], prepared))
        if hits is None:
            hits = _hits(whole[s:e], prepared, remember=False)
        out.append(_rank(hits, prepared, 1))
    return out


def topics_for_sentence(sentence: str, extra: dict[str, list[str]] | None = None) -> list[str]:
    """Topics of one sentence: any keyword hit counts."""
    return assign_topics(sentence, extra, 1)
