"""How a run of capitalized words splits into a prefix (sentence openers, nationalities,
titles, honorifics) and a name, and whether the name could be a person's (`_plausible`).

Both depend only on the words, never on the text around them, and the same runs come back in
every article: `_split` and `_plausible` remember their answers. `people._candidates` adds what
the context says (roles, signals, organizations).
"""

from __future__ import annotations

from .given_names import GIVEN_NAMES
from .name_tokens import _PARTICLES, _is_acronym, _name_capable, _Tok
from .people_lexicon import (
    COMMON,
    CUE_PARTICIPLES,
    CUE_VERBS,
    HONORIFICS,
    MONTHS,
    NATIONALITIES,
    NONPERSON_FIRST,
    NONPERSON_HEADS,
    PLACES,
    TITLES,
    US_STATES,
)

_ALIAS_TITLES = frozenset(
    "president senator sen. governor gov. mayor chancellor premier general gen. judge minister".split()
)
# Heads that are also surnames ("Jerry Hall", "Doris Day"): not a person only without a known
# given name before them.
_WEAK_HEADS = frozenset("park hall lane church banks temple law cross day post bay bill street time order".split())
_CUE_WORDS = frozenset(CUE_VERBS) | frozenset(CUE_PARTICIPLES)
_ROLE_HEADS = TITLES - {
    "foreign", "interior", "defense", "defence", "oil", "petroleum", "economy", "economic",
    "finance", "trade", "energy", "health", "education", "culture", "agriculture", "industry",
    "labor", "labour", "transport", "roads", "intelligence", "affairs", "environment",
    "commerce", "treasury", "state", "home", "security", "national", "acting", "former", "late",
    "executive", "managing", "assistant", "special", "senior", "top", "first", "second",
    "vice", "deputy", "supreme", "ministerial", "presidential", "parliamentary", "counterpart",
    "justice", "general", "prime", "chief",
} | {"chief", "general"}


def _role_from_prefix(prefix: list[_Tok]) -> str | None:
    words = [t for t in prefix if t.low not in HONORIFICS and t.low not in COMMON]
    # Drop leading words before a nationality/possessive country/title.
    while words and not (
        words[0].low in NATIONALITIES or words[0].low in TITLES or words[0].possessive or _is_acronym(words[0].base)
    ):
        words.pop(0)
    if not words or words[-1].low not in _ROLE_HEADS:
        return None
    if len(words) == 1 and words[0].low in {"counterpart"}:
        return None
    return " ".join(t.text.rstrip(".") if not t.text.endswith(".") or len(t.text) > 3 else t.text for t in words)


def _opener(tok: _Tok) -> bool:
    """A sentence's first word that is no name: "Says", "Chanting", "I'm"."""
    low = tok.low
    return low in _CUE_WORDS or (low.endswith("ing") and len(low) > 5 and low not in GIVEN_NAMES) or low.startswith(("i'", "i’"))


def _plural(low: str) -> bool:
    """A plural common noun or demonym ("Skeptics", "Americans", "Dealers")?"""
    if not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return False
    return low[:-1] in NATIONALITIES or low.endswith(
        ("ers", "ors", "ists", "ics", "ants", "ents", "ians", "ites", "ees", "ives", "ions", "ings")
    )


def _plausible(lows: list[str]) -> bool:
    """Could these lower-case words be a person's name (not an organization, place or event)?"""
    key = tuple(lows)
    hit = _PLAUSIBLE.get(key)
    if hit is None:
        if len(_PLAUSIBLE) > 50_000:
            _PLAUSIBLE.clear()
        hit = _PLAUSIBLE[key] = _plausible_uncached(lows)
    return hit


_PLAUSIBLE: dict[tuple[str, ...], bool] = {}  # the same names come back in every article


def _plausible_uncached(lows: list[str]) -> bool:
    last = lows[-1].rstrip(".")
    if last in NONPERSON_HEADS:
        return False
    if last in _WEAK_HEADS and (len(lows) == 1 or lows[0] not in GIVEN_NAMES):
        return False
    if len(lows) > 1 and lows[0].rstrip(".") in NONPERSON_FIRST:
        return False
    if any(w[:-1] in NATIONALITIES and w.endswith("s") for w in lows):
        return False  # "Twelve Americans", "Ethnic Albanians"
    # A plural last word: "Skeptics", "Ulster Unionists", "Orkem Coatings"; a surname that looks
    # plural ("Sanders") needs a given name before it.
    return not (_plural(last) and (len(lows) == 1 or lows[0] not in GIVEN_NAMES))


def _split(run: list[_Tok]) -> tuple:
    """Where a run's prefix (openers, titles, honorifics) ends and its name starts and ends, with
    what follows from the words alone: (prefix end, name start, name end, plausible, name,
    honorific, titled, start of the form with titles, start of the form without, role). It
    depends only on the words, and the same runs come back in every article: remembered."""
    key = run[0].text if len(run) == 1 else tuple([t.text for t in run])
    hit = _SPLITS.get(key)
    if hit is None:
        if len(_SPLITS) > 50_000:
            _SPLITS.clear()
        hit = _SPLITS[key] = _split_uncached(run)
    return hit


_SPLITS: dict[str | tuple[str, ...], tuple] = {}  # (a run of one word: the word itself)


def _split_uncached(run: list[_Tok]) -> tuple:
    # Split off the prefix: sentence openers, nationalities, titles, honorifics.
    i = 0
    while i < len(run) - 1 and (
        (i == 0 and (run[i].low in COMMON or _opener(run[i])))
        or run[i].low in TITLES
        or run[i].low in HONORIFICS
        or run[i].low in NATIONALITIES
        or _is_acronym(run[i].base)
        or run[i].low.endswith("-based")
        or (run[i].possessive and (run[i].low in PLACES or run[i].low in US_STATES))
    ):
        i += 1
    # A title further in ("Puerto Rico Police Superintendent Pedro Toledo", "Indiana
    # Republican Dan Burton"): what comes before it is part of the role, not the name.
    for k in range(len(run) - 2, i - 1, -1):
        if run[k].low in TITLES or run[k].low in HONORIFICS:
            if not any(t.possessive for t in run[i:k]) and all(_name_capable(t) for t in run[k + 1 :]):
                i = k + 1
            break
    prefix = run[:i]
    j = i
    while j < len(run) and not (j > i and run[j - 1].possessive):
        if _name_capable(run[j]) or (
            j == i and j + 1 < len(run) and run[j].low in GIVEN_NAMES and run[j].low in MONTHS
            and not run[j].text.endswith(".") and _name_capable(run[j + 1])
        ):  # "Jan Kavan"
            j += 1
        elif j > i and run[j].text.lower() in _PARTICLES and j + 1 < len(run):
            j += 1  # "von der Leyen": the run cannot end on a particle
        else:
            break
    while j > i and run[j - 1].text.lower() in _PARTICLES:
        j -= 1
    name_toks = run[i:j]
    if len(name_toks) >= 3 and name_toks[0].low not in GIVEN_NAMES and len(name_toks[0].base.replace(".", "")) > 2:
        # "Exchequer Nigel Lawson", "Staff John Sununu": a name starts at its given name.
        for k in range(1, len(name_toks) - 1):
            if name_toks[k].low in GIVEN_NAMES:
                i += k
                name_toks = name_toks[k:]
                break
    p = len(prefix)
    if not name_toks or len(name_toks) > 4:
        return p, i, j, False, "", False, False, p, p, None
    name = " ".join(t.base if t is name_toks[-1] else t.text for t in name_toks)
    honor = any(t.low in HONORIFICS for t in prefix)
    titled = any(t.low in _ROLE_HEADS or t.low in HONORIFICS for t in prefix)
    k1 = p
    while k1 > 0 and (prefix[k1 - 1].low in HONORIFICS or prefix[k1 - 1].low in _ALIAS_TITLES):
        k1 -= 1
    k2 = k1
    while k2 < p and prefix[k2].low not in HONORIFICS:
        k2 += 1
    plausible = _plausible([t.low for t in name_toks])
    return p, i, j, plausible, name, honor, titled, k1, k2, _role_from_prefix(prefix)
