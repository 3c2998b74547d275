"""What the text around a name says about it: a role before or after it, a speech verb after
it, a firm's or a place's context. The patterns `people._candidates` reads at a name's start
(on `before`, the 120 characters before its run) and at its end (moved out of people.py)."""

from __future__ import annotations

import re

from .people_lexicon import CUE_ADVERBS, CUE_VERBS, DEMONYMS, ROLE_NOUNS
from .word_starts import trie

# The patterns of what follows a name are matched at its end (`match(text, end, end + 200)`,
# as on the 200 characters after it), so they need no "^". Cue verbs and adverbs are single words
# and a boundary or a space follows them: one alternative at most matches at a place.
_CUE_ALT = trie(set(CUE_VERBS))
_ADV_ALT = trie(CUE_ADVERBS)
_AFTER_CUE = re.compile(rf",?\s+(?:(?:{_ADV_ALT})\s+)*(?:{_CUE_ALT})\b")
_AFTER_APPOSITIVE_CUE = re.compile(
    rf",\s[^,.;“”\"]{{3,140}},\s+(?:(?:{_ADV_ALT})\s+)*(?:{_CUE_ALT})\b"
)
# The role nouns as a trie: where several match at a place, it tries the longest first, as the
# list of them longest first would, and far faster (one alternative per letter, not per word).
_ROLE_NOUN_TRIE = trie(ROLE_NOUNS | {"vice president", "prime minister"})
# ", the Iranian government spokesman," / ", Chairman of the ... group," after a name: the role
# noun ends the appositive or is followed by a preposition, so a list of names never matches.
_APPOSITIVE_AFTER = re.compile(
    rf",\s+(?P<role>(?:(?:the|an?|[A-Z][\w-]*['’]s)\s+)?(?:[\w-]+\s+){{0,5}}?"
    rf"(?i:{_ROLE_NOUN_TRIE})(?:\s+(?:of|to|for|in|at|on)\s+[^,.;:“”\"\n]{{1,80}}?)?)\s*[,.;]"
)
# "Iran's First Vice President, Mohammad Mokhber" / "the Leader of the Islamic Revolution, X".
_APPOSITIVE_BEFORE = re.compile(
    rf"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+|(?<![\w'’-])(?=[A-Z][\w-]*['’]s\s))"
    rf"(?P<role>(?:[A-Z][\w-]*['’]s\s+)?(?:[\w-]+\s+){{0,4}}?(?i:{_ROLE_NOUN_TRIE})(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+)?),\s+$"
)


# "spokesman Saeed Khatibzadeh", "Russian leader Vladimir Putin": a role noun right before. The
# role noun ends the text, so one alternative at most can match at a place (their order does not
# matter), and no word can give back letters (possessive): the match is the plain pattern's.
_ROLE_NOUN_BEFORE = re.compile(
    rf"(?P<role>(?:[A-Z][\w'’-]*+\s++){{0,4}}(?:[a-z-]++\s++)?{trie(ROLE_NOUNS | {'vice president', 'prime minister'})})\s+$"
)


def _role_noun_before(before: str) -> re.Match[str] | None:
    """`_ROLE_NOUN_BEFORE.search(before)`, looking only where a match can start: it spans 7 words
    at most (4 capitalized, one more, "vice president"), so the leftmost start is among those."""
    words = before.rsplit(None, 7)
    return _ROLE_NOUN_BEFORE.search(before, len(words[0]) if len(words) == 8 else 0)


_COUNTERPART_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?P<nat>[A-Z][a-z]+)\s+[Cc]ounterpart,?\s+$")
# Patterns searched for in `before` start with a character set where they can: the engine then
# skips to those characters instead of trying every position. "(?<!\w.)" after a first letter
# is the "\b" before it.
_ACCORDING_BEFORE = re.compile(r"[Aa](?<!\w.)ccording\s+to\s+$")
# What an organization does after its name: "X said its", "X, which", "X's shares".
_ORG_AFTER = re.compile(
    r"(?:['’]s\s+(?:shares|stock|board|subsidiary|subsidiaries|unit|units|stake|parent|"
    r"headquarters|net\s+income|earnings|profit|revenue|sales)\b"
    r"|,\s+which\b|,?\s+(?:based|headquartered)\s+in\b"
    r"|,?\s+(?:said|says|reported|reports|announced|announces|posted|agreed|expects|plans)\s+its\b)"
)
_CORP_AFTER = re.compile(r",?\s+(?:&|and|amp)?\s*(?:Co|Cos|Corp|Inc|Ltd|PLC|LLC|AG|S\.A|N\.V)\b")


def _demonym_role(role: str) -> str | None:
    """"Iran's President" -> "Iranian President"."""
    m = _POSSESSIVE_ROLE.match(role)
    if not m or m.group(1).lower() not in DEMONYMS:
        return None
    return f"{DEMONYMS[m.group(1).lower()].capitalize()} {m.group(2)}"


_POSSESSIVE_ROLE = re.compile(r"^([A-Z][\w-]*)['’]s\s+(.+)$")


def _with_demonyms(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The roles and their demonym forms, but no mere "counterpart". The same roles come back in
    every article: remembered."""
    hit = _ROLE_FORMS.get(roles)
    if hit is None:
        if len(_ROLE_FORMS) > 50_000:
            _ROLE_FORMS.clear()
        out = list(roles)
        for r in roles:
            d = _demonym_role(r)
            if d:
                out.append(d)
        hit = _ROLE_FORMS[roles] = tuple(r for r in out if not r.lower().endswith("counterpart"))
    return hit


_ROLE_FORMS: dict[tuple[str, ...], tuple[str, ...]] = {}

_AT_WITH = (" at ", " with ", " at the ", " with the ")
_OF_IN = (" of ", " of the ", "in ", "In ", "near ", "Near ")
# "an analyst with X", "head of trading at X": X employs people, it is no person.
_EMPLOYER_BEFORE = re.compile(
    r"\b(?:analyst|economist|strategist|trader|dealer|broker|banker|executive|manager|partner|"
    r"director|officer|spokesman|spokeswoman|spokesperson|head\s+of\s+[\w\s-]{1,40}?)\s+(?:at|with)\s+(?:the\s+)?$"
)
# "the Organization of African Unity", "in Buffalo": a single word there names no person.
_OF_BEFORE = re.compile(r"[A-Z][\w-]*\s+of\s+(?:the\s+)?$")
_IN_BEFORE = re.compile(r"[IiNn](?<!\w.)(?:(?<=[Ii])n|(?<=[Nn])ear)\s+$")  # "in", "near"
