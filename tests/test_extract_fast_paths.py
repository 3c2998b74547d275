"""The fast paths of extraction find exactly what the plain regex scans they replace would find.

Dates, topics, name forms, runs of capitalized words and sentence ends each skip work on the
way (a scan for where a pattern can start, str.find instead of a compiled alternation, ...);
these properties hold them to the plain definition on texts built from tricky pieces.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus import date_grammar, topics
from tui.corpus.date_tense import _ABBREV, sentence_bounds
from tui.corpus.date_grammar import SENTENCE_END
from tui.corpus.name_tokens import Aliases, _group_runs, _name_capable, _runs
from tui.corpus.quote_marks import _mask_by_char, find_spans, mask
from tui.corpus.word_starts import matches_at

_SEPS = ["", " ", " ", "  ", "\n", ",", "-", ".", "\u00a0"]


def _texts(pieces: list[str]):
    piece = st.sampled_from(pieces)
    sep = st.sampled_from(_SEPS)
    return st.lists(st.tuples(piece, sep), max_size=14).map(lambda xs: "".join(a + b for a, b in xs))


_DATE_PIECES = [
    "Monday", "MONDAYS", "Mondays", "MondayX", "Mon.", "Tues", "the", "The", "day", "before", "after",
    "yesterday", "tomorrow", "today's", "last", "Last", "this", "coming", "past", "next", "current",
    "week", "weeks", "year", "years", "month", "ago", "earlier", "from now", "a", "an", "two", "12",
    "3", "1990", "2022", "2021-22", "19th", "31", "March", "MARCH", "Mar.", "Sept.", "May", "may",
    "of", "first", "half", "quarter", "spring", "Fall", "summer of", "early", "in", "since",
    "A2022-01-19", "2022/01/19", "19.01.2022", "1/19/2022", "1٣/05/2020", "2٠22", "$", "€", "'s",
    "(", "İ", "ı", "ſ", "K", "%", "No.", "about", "fiscal", "between", "and", "to",
]


@settings(max_examples=200, deadline=None)
@given(_texts(_DATE_PIECES))
def test_date_patterns_run_only_where_they_can_start(text):
    starts = date_grammar.pattern_starts(text)
    if starts is None:
        return  # (a text lower-casing cannot line up with: the full scans run)
    for name, pattern in date_grammar.PATTERNS.items():
        assert [m.span() for m in matches_at(pattern, text, starts[name])] == [
            m.span() for m in pattern.finditer(text)
        ], name


_TOPIC_PIECES = [
    "oil", "Oil", "OIL", "oils", "gas-", "-gas", "anti-terrorist", "free  trade\u00a0zone", "Free Trade Zones",
    "LNGs", "LNG", "SCO", "sco", "Scone", "ıs", "ſanctions", "trade_", "2trade", "é", "tradeé",
    "Caspian Sea", "talks", "met", "mets", "swapes", "Syrian", "ISIS", "nuclear  deals", "Islamic State",
    "Vienna talks", "vienna", "Caspians", "éfree trade", "\u212a", "Kyiv", "Ukraine", "-", "\n",
]


@settings(max_examples=200, deadline=None)
@given(_texts(_TOPIC_PIECES))
def test_topic_keywords_match_as_the_whole_patterns_do(text):
    prepared = topics._prepared(None)
    whole = [[m.span() for m in rx.finditer(text)] for _, rx in prepared[0]]
    assert topics.topic_hits(text) == topics._count(text, whole, prepared)


_NAME_PIECES = ["Raisi", "Rai", "Raisi Ali", "Ali", "'s", "’s", "'S", "'x", "-", "_", "a", "1", "é", "Mr. Raisi", "Mr."]


@settings(max_examples=200, deadline=None)
@given(_texts(_NAME_PIECES), st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=5))
def test_name_forms_are_found_as_the_alias_regex_would(text, forms):
    alt = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    rx = re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w-]|['’](?![sS]\b))")
    assert [(m.start(), m.end()) for m in Aliases(forms).finditer(text)] == [m.span() for m in rx.finditer(text)]


_RUN_PIECES = [
    "al-Assad", "al-assad", "el", "bin", "de", "De", "van", "von", "der", "la", "O'Brien", "’", "U.", "S.",
    "U.S.", "N.Y.", "Mr.", "Jean-Pierre", "a", "1", "É", "Ж", "ash-Sham", "The", "In", "Raisi's", "Ā", "x",
]


@settings(max_examples=200, deadline=None)
@given(_texts(_RUN_PIECES))
def test_runs_are_those_of_reading_every_word(text):
    every = [r for r in _group_runs(text, 0, len(text)) if len(r) > 1 or _name_capable(r[0])]
    key = lambda runs: [[(t.start, t.end, t.text) for t in r] for r in runs]  # noqa: E731
    assert key(_runs(text)) == key(every)


_QUOTE_PIECES = ['"', "“", "”", "‘", "’", "'", "word", "Word", "x", ".", "!", "?", "(", "—", ":", "Iran’s", "don't"]


@settings(max_examples=200, deadline=None)
@given(_texts(_QUOTE_PIECES))
def test_masking_by_slices_is_masking_by_character(text):
    spans = find_spans(text)
    assert mask(text, spans) == _mask_by_char(text, spans)


_SENTENCE_PIECES = ["Mr.", "mr.", "Gen.", "U.S.", "A.", "a.", "Sept.", "Corp.", "word.", "longer.", "é.", "The", "1.", "."]


@settings(max_examples=200, deadline=None)
@given(_texts(_SENTENCE_PIECES))
def test_sentence_ends_skip_only_what_the_abbreviation_pattern_skips(text):
    plain = [0] + [
        m.end()
        for m in SENTENCE_END.finditer(text)
        if not (text[m.start()] == "." and _ABBREV.search(text, max(0, m.start() - 6), m.start()))
    ]
    assert sentence_bounds(text) == plain


@settings(max_examples=100, deadline=None)
@given(_texts(_TOPIC_PIECES + ["Arctic", "ice  shelf", "syria", "café", "Trade Organization"]))
def test_topic_keywords_of_a_manifest_match_as_the_whole_patterns_do(text):
    # (the scan, then where the two kinds of keywords meet or a keyword is not ASCII: the patterns)
    for extra in ({"Arctic": ["Arctic", "ice shelf"]}, {"x": ["syria"]}, {"x": ["Trade Organization"]}, {"x": ["café"]}):
        prepared = topics._prepared(extra)
        whole = [[m.span() for m in rx.finditer(text)] for _, rx in prepared[0]]
        assert topics.topic_hits(text, extra) == topics._count(text, whole, prepared), extra
