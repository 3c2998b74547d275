"""What a group of touching capitalized words says about the names in it, from its words alone.

An article's capitalized words come in groups (`name_tokens._groups`): "Iranian President
Ebrahim Raisi", "The", "Tehran". A group's runs (`name_tokens._group_runs`), how each splits into
a prefix and a name (`name_split._split`), the forms as written and the organization keys a run
implies depend only on the group's text, never on the article around it, and the same groups come
back in every article: `group_plan` works them out once per distinct group text. What the context
says (roles, signals, organizations) is `people._candidates`' part.
"""

from __future__ import annotations

from .name_split import _ROLE_HEADS, _split
from .name_tokens import _group_runs, _name_capable, _Tok
from .people_lexicon import CORP_SUFFIXES, NONPERSON_FIRST, ORG_WORDS
from .roles import name_key

# One run of a group that can hold a name, as a tuple (offsets relative to the group's start):
#   0 rs         the run's start
#   1 corp_at    the end of the name's last word (where "Co.", ", Inc." would follow)
#   2 org_word   an organization word follows the name in the run ("Rouhani Center")
#   3 corp_orgs  the organization keys the run gives when it names a firm
#   4 plausible  the name could be a person's (`name_split._plausible`)
#   5 odd_orgs   the organization keys an implausible name gives ("Philip Morris Cos")
#   6 initial    the name ends with an initial: no full name
#   7 start, 8 end   the name's span
#   9 forms      the forms as written (with titles and honorifics, and without titles)
#  10 name, 11 honor, 12 titled, 13 role   as `name_split._split` says
#  14 prefix     a prefix (opener, title, honorific) comes before the name in the run
#  15 head       the prefix's last word when it heads a role ("President"), else None
#  16 single     the name is one word
#  17 ing        a one-word name ending in "-ing" with nothing before it ("Speaking"): no person
#  18 key        `roles.name_key` of the name
#  19 low        the name in lower case
Plan = tuple


def group_plan(raw: str) -> tuple[Plan, ...]:
    """The runs of the group `raw` that can hold a name (see `Plan`), in order; remembered."""
    hit = _PLANS.get(raw)
    if hit is None:
        if len(_PLANS) > 50_000:
            _PLANS.clear()
        hit = _PLANS[raw] = _plan_uncached(raw)
    return hit


_PLANS: dict[str, tuple[Plan, ...]] = {}


def _plan_uncached(raw: str) -> tuple[Plan, ...]:
    runs = (run_plan(run, raw) for run in _group_runs(raw, 0, len(raw)) if len(run) > 1 or _name_capable(run[0]))
    return tuple(r for r in runs if r is not None)


def run_plan(run: list[_Tok], text: str) -> Plan | None:
    """The `Plan` of one run of `text` (offsets those of its words), or None when it holds no name."""
    p, i, j, plausible, name, honor, titled, k1, k2, role = _split(run)
    prefix = run[:p]
    name_toks = run[i:j]
    if not name_toks or len(name_toks) > 4:
        return None
    corp_orgs: list[str] = []
    if any(t.low in CORP_SUFFIXES for t in run[j : j + 3]) or j == len(run):
        # "Crane Co." makes "Crane" a firm in the article, and "Hewlett-Packard Co." makes
        # "Hewlett" one; "Institut X S.A." makes "X" one too.
        corp_orgs.append(name_key(" ".join(t.base for t in name_toks)))
        if len(name_toks) > 1 and name_toks[0].low in NONPERSON_FIRST:
            corp_orgs.append(name_key(" ".join(t.base for t in name_toks[1:])))
        for part in name_toks[0].base.split("-") if len(name_toks) == 1 else ():
            corp_orgs.append(part.lower())
    odd_orgs: tuple[str, ...] = ()
    if len(name_toks) > 1 and name_toks[-1].low in CORP_SUFFIXES:
        odd_orgs = (name_key(" ".join(t.base for t in name_toks[:-1])),)
    start, end = name_toks[0].start, name_toks[-1].start + len(name_toks[-1].base)
    forms = frozenset((text[prefix[k1].start if k1 < p else start : end], text[prefix[k2].start if k2 < p else start : end]))
    single = len(name_toks) == 1
    return (
        run[0].start, name_toks[-1].end, j < len(run) and run[j].low in ORG_WORDS, tuple(corp_orgs),
        plausible, odd_orgs, name_toks[-1].text.endswith(".") and len(name_toks[-1].base) == 1,
        start, end, forms, name, bool(honor), titled, role, bool(prefix),
        prefix[-1].base if prefix and prefix[-1].low in _ROLE_HEADS else None,
        single, single and i == 0 and name_toks[0].low.endswith("ing"), name_key(name), name.lower(),
    )
