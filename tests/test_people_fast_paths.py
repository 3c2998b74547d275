"""The fast paths of `find_people` find exactly what the plain definitions they replace find.

The group scan passes over lone stop words, group plans are worked out once per group text, the
role noun before a name is looked for in its last words only, patterns are matched at a name's
end instead of on a slice after it, and title-case lines are judged one at a time. These
properties hold each to the plain form on texts built from tricky pieces.
"""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.corpus import people
from tui.corpus.name_groups import group_plan, run_plan
from tui.corpus.name_tokens import (
    _STOP_CAPS,
    _group_runs,
    _groups,
    _headline_lines,
    _in_headline,
    _name_capable,
    _runs,
)
from tui.corpus.people_lexicon import CUE_ADVERBS, CUE_VERBS, ROLE_NOUNS

_SEPS = ["", " ", " ", "  ", "\n", ",", "-", ".", "\u00a0", "'s ", ", "]
_PIECES = [
    "The", "THE", "The.", "The's", "Iran", "Iran-based", "Iranian", "NATO", "NATOs", "I", "A", "A.", "Mr.",
    "Officials", "De", "de", "al-Assad", "al-", "van", "Ebrahim", "Raisi", "President", "U.S.", "Co.",
    "Inc", "Crane", "Jan", "Speaking", "said", "the", "spokesman", "minister", "vice president", "of",
    "in", "Ж", "É", "Ā", "x", "1", "’", "'", "ThE", "Theodore",
]


def _texts(pieces: list[str]):
    piece = st.sampled_from(pieces)
    sep = st.sampled_from(_SEPS)
    return st.lists(st.tuples(piece, sep), max_size=16).map(lambda xs: "".join(a + b for a, b in xs))


def test_every_skipped_stop_word_makes_no_run():
    for word in [*_STOP_CAPS, "I", "A", "NATO", "UN", "AL", "DE"]:
        assert group_plan(word) == (), word
        assert [r for r in _group_runs(word, 0, len(word)) if len(r) > 1 or _name_capable(r[0])] == [], word


@settings(max_examples=300, deadline=None)
@given(_texts(_PIECES))
def test_runs_with_stop_words_passed_over_are_those_of_reading_every_word(text):
    every = [r for r in _group_runs(text, 0, len(text)) if len(r) > 1 or _name_capable(r[0])]
    key = lambda runs: [[(t.start, t.end, t.text) for t in r] for r in runs]  # noqa: E731
    assert key(_runs(text)) == key(every)


def _shift(plan, by):
    return (plan[0] + by, plan[1] + by, *plan[2:7], plan[7] + by, plan[8] + by, *plan[9:])


@settings(max_examples=300, deadline=None)
@given(_texts(_PIECES))
def test_group_plans_are_the_plans_of_the_runs_in_the_whole_text(text):
    plans = [_shift(plan, g.start()) for g in _groups(text) for plan in group_plan(g.group())]
    direct = [run_plan(run, text) for run in _runs(text)]
    assert plans == [p for p in direct if p is not None]


_ROLE_ALT = "|".join(sorted(ROLE_NOUNS | {"vice president", "prime minister"}, key=len, reverse=True))
_PLAIN_ROLE_BEFORE = re.compile(rf"(?P<role>(?:[A-Z][\w'’-]*\s+){{0,4}}(?:[a-z-]+\s+)?(?:{_ROLE_ALT}))\s+$")
_ROLE_PIECES = [
    "Kazakh Foreign", "Iran's Supreme", "A B C D", "spokesman", "Spokesman", "vice", "president", "prime minister", "foreign", "Foreign", "Minister",
    "minister", "Iran's", "the", "ex-", "co-founder", "leader", "Kazakh", "X", "ambassador", "head", "1",
]


@settings(max_examples=500, deadline=None)
@given(
    _texts(_ROLE_PIECES),
    st.sampled_from(["", " ", "  ", "-", "\n"]),
    st.sampled_from(["spokesman", "vice president", "prime minister", "leader", "Leader", "mp"]),
    st.sampled_from([" ", "  ", "\n", " \n"]),
)
@example("said X Bb Cc Dd ex", " ", "vice president", " ")  # the longest match: 7 words
def test_role_noun_before_is_found_in_the_last_words_as_anywhere(text, sep, role, tail):
    before = text + sep + role + tail
    fast = people._role_noun_before(before)
    plain = _PLAIN_ROLE_BEFORE.search(before)
    assert (fast and fast.group("role")) == (plain and plain.group("role"))


_CUE_ALT = "|".join(sorted(set(CUE_VERBS), key=len, reverse=True))
_ADV_ALT = "|".join(sorted(CUE_ADVERBS, key=len, reverse=True))
_PLAIN_AFTER = {
    "_AFTER_CUE": re.compile(rf"^,?\s+(?:(?:{_ADV_ALT})\s+)*(?:{_CUE_ALT})\b"),
    "_AFTER_APPOSITIVE_CUE": re.compile(rf"^,\s[^,.;“”\"]{{3,140}},\s+(?:(?:{_ADV_ALT})\s+)*(?:{_CUE_ALT})\b"),
    "_ORG_AFTER": re.compile("^" + people._ORG_AFTER.pattern),
    "_APPOSITIVE_AFTER": re.compile("^" + people._APPOSITIVE_AFTER.pattern),
}
_AFTER_PIECES = [
    "said", "saidx", "says", "also", "has been", "continued", "then", "told", "Raisi", "the", "spokesman",
    "Iran's", "of", "its", "which", "based in", "'s shares", "’s", "a", "x" * 60, "said its",
]


@settings(max_examples=300, deadline=None)
@given(_texts(_AFTER_PIECES), st.integers(0, 30))
def test_patterns_after_a_name_match_at_its_end_as_on_a_slice(text, end):
    text = "Raisi" + text
    end = min(end, len(text))
    for name, plain in _PLAIN_AFTER.items():
        fast = getattr(people, name).match(text, end, end + 200)
        slow = plain.match(text[end : end + 200])
        assert (fast and fast.group()) == (slow and slow.group()), name


_LINE_PIECES = ["The", "Big", "Story", "of", "the", "day", "said.", "”", "A", "x", "By", "Jane", "Doe", "\n"]


@settings(max_examples=300, deadline=None)
@given(_texts(_LINE_PIECES))
def test_title_case_lines_are_judged_line_by_line_as_all_at_once(text):
    spans = _headline_lines(text)
    seen: dict[int, bool] = {}
    for at, ch in enumerate(text):
        if ch != "\n":
            assert _in_headline(text, at, seen) == any(a <= at < b for a, b in spans)
