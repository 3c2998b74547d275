"""The fast paths of dates, topics, sentences and loading give what the plain code gives.

Each shortcut (a word test in front of a look-around search, the sentence around one place
instead of all of them, keyword matches reused from the whole text, libyaml before PyYAML's
pure-Python parser, bytes instead of a character-class scan) is held here to the plain
definition on texts built from tricky pieces.
"""

import re
from datetime import date

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus import date_calendar, date_cues, date_grammar, dates, date_lines, frontmatter, sanitize, topics
from tui.corpus.article_text import _BOILERPLATE, _maybe_boilerplate
from tui.corpus.date_starts import pattern_starts
from tui.corpus.date_tense import SentenceFinder, sentence_bounds, sentence_of
from tui.corpus.sentences import split_sentences
from tui.corpus.timeline import content_words
from tui.corpus.word_starts import matches_at

_SEPS = ["", " ", " ", "  ", "\n", ",", "-", ".", "/", "_", "\u00a0", ": ", "#"]


def _texts(pieces: list[str], size: int = 14):
    piece = st.sampled_from(pieces)
    sep = st.sampled_from(_SEPS)
    return st.lists(st.tuples(piece, sep), max_size=size).map(lambda xs: "".join(a + b for a, b in xs))


_DATE_PIECES = [
    "Monday", "MONDAYS", "MondayX", "mondayx", "Tues", "tuesx", "monthly", "Mayor", "Septx", "sept_", "the", "day",
    "before", "yesterday", "last", "this", "week", "years", "ago", "12", "1", "123", "12345", "1990", "2022",
    "2021-22", "19th", "31", "March", "Mar.", "May", "٣", "-٣", "٣12", "1٣45", "A2022-01-19", "2022/01/19",
    "19.01.2022", "x1.5", "v1.2.3", "2022-٠1-05", "1٣/05/2020", "ı", "ſ", "K", "%", "in", "since", "early", "of",
    "to", "and", "until", "–", "OCT", "2019-2021", "2019 – 20", "1/19/2022", "3.5", "19.01.", "12/٣/2020", "Mondays",
    "todays", "DAYS",
]


@settings(max_examples=300, deadline=None)
@given(_texts(_DATE_PIECES))
def test_date_patterns_run_only_where_they_can_start(text):
    starts = pattern_starts(text)
    if starts is None:
        return
    for name, pattern in date_grammar.PATTERNS.items():
        assert [m.span() for m in matches_at(pattern, text, starts[name])] == [
            m.span() for m in pattern.finditer(text)
        ], name


_YEAR_PIECES = [
    "2022", "1990", "2019-2021", "2021 – 22", "2022/01/19", "1990/5/06", "2٠22", "1990's", "early", "EARLY", "Mid",
    "mid-", "late", "fiscal", "ﬁscal", "the year", "yearly", "in", "of", "about", "people", "May", "January 19,",
    "19 January", "Monday,", "this", "between", "from", "+98 21", "$",
]


@settings(max_examples=600, deadline=None)
@given(_texts(_YEAR_PIECES, 12), st.sampled_from([None, date(2022, 1, 19), date(2020, 2, 29)]))
def test_dates_found_where_patterns_start_are_those_of_full_scans(text, reference):
    """The start-word scan and the years looked at only while choosing (`_candidates`) give
    what running every pattern over the whole text and choosing among everything gives."""
    fast = dates.find_dates(text, reference)
    real = dates.pattern_starts
    try:
        dates.pattern_starts = lambda text: None
        assert fast == dates.find_dates(text, reference)
    finally:
        dates.pattern_starts = real


_CUE_PIECES = [
    "in", "In", "IN", "since", "the end of", "the  end\nof", "as of", "year", "the year", "fiscal", "early", "mid",
    "ſince", "iſ", "paid", "said", "No.", "no", "nos.", "p.", "pp.", "us$", "US$", "more than", "up  to", "at least",
    "about", "$", "#", ":", "tel.", "dollar", "percent", "per cent", "a.m.", "h", "hrs", "Kg", "km", "-",
    "people", "peopleX", "persons", "ton", "é", "2022", "May", "12", "x",
]


@settings(max_examples=300, deadline=None)
@given(_texts(_CUE_PIECES, 10))
def test_look_around_word_tests_agree_with_the_patterns(text):
    for s in range(len(text) + 1):
        for name, rx in date_grammar.PREFIXES.items():
            a, b = date_cues.cue_before(name, text, s), rx.search(text, max(0, s - 40), s)
            assert (a and a.span(), a and a.groupdict()) == (b and b.span(), b and b.groupdict()), (name, s)
        assert date_cues.id_before(text, s) == (date_grammar.ID_BEFORE.search(text, max(0, s - 25), s) is not None)
        assert date_cues.unit_after(text, s) == (date_grammar.UNIT_AFTER.match(text, s) is not None)


_SENTENCE_PIECES = ["Mr.", "U.S.", "A.", "Gen.", "word", "The", ".", "!", "?", '"', "”", ")", "...", "5", "x"]


@settings(max_examples=200, deadline=None)
@given(_texts(_SENTENCE_PIECES, 60), st.randoms())
def test_the_sentence_around_a_place_is_the_one_all_sentences_give(text, rnd):
    bounds = sentence_bounds(text)
    finder = SentenceFinder(text)
    places = list(range(len(text)))
    rnd.shuffle(places)
    for p in places:
        assert finder.sentence_of(p) == sentence_of(bounds, text, p)


def _plain_split(text: str):
    """split_sentences before the shortcuts: trimming every span, scanning from the start."""
    para_rx = re.compile(r"[^\n]+")
    from tui.corpus.sentences import _END, _is_abbreviation, _trimmed

    for para in para_rx.finditer(text):
        cursor = para.start()
        for m in _END.finditer(text, cursor, para.end()):
            if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
                continue
            span = _trimmed(text, cursor, m.end())
            if span is not None:
                yield span
            cursor = m.end()
        span = _trimmed(text, cursor, para.end())
        if span is not None:
            yield span


@settings(max_examples=300, deadline=None)
@given(_texts(_SENTENCE_PIECES + ["  ", " \n ", "Washington.", "approx.", "No. 5", "é."], 30))
def test_sentences_are_split_as_before(text):
    spans = list(split_sentences(text))
    assert spans == list(_plain_split(text))
    for k in range(len(text)):  # from a line's start, a line's sentences
        if k == 0 or text[k - 1] == "\n":
            end = text.find("\n", k)
            end = len(text) if end < 0 else end
            assert list(split_sentences(text, k, end)) == [s for s in spans if k <= s[0] and s[1] <= end]


_TOPIC_PIECES = [
    "oil", "Oil", "oils", "free", "free trade", "free trade\nzone", "trade", "gas-", "-gas", "SCO", "Sco", "é",
    "talks", "nuclear  deal", "Caspian", "Caspian Sea", ".", "The", "Syria", "Syrian", "K", "met", "mets",
    "Vienna talks", "Vienna", "foreign", "minister", "Ukraine", "éoil",
]


@settings(max_examples=200, deadline=None)
@given(_texts(_TOPIC_PIECES, 20), _texts(_TOPIC_PIECES, 4))
def test_sentence_topics_from_the_whole_text_scan(body, title):
    whole = f"{title}\n{body}"
    topics.assign_topics(whole)
    spans = [(len(title) + 1 + s, len(title) + 1 + e) for s, e in split_sentences(body)]
    assert topics.sentence_topics(whole, spans) == [topics.assign_topics(whole[s:e]) for s, e in spans]


@settings(max_examples=200, deadline=None)
@given(_texts(["Straße", "ΟΔΟΣ", "İstanbul", "don’t", "it's", "Al-Assad", "ab", "The", "é", "x"], 12))
def test_content_words_lower_all_words_at_once(text):
    words = re.findall(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]{2,}", text)
    assert content_words(text) == {w.lower().replace("’", "'") for w in words} - content_words.__globals__["_STOPWORDS"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a\u00e9\x85\x9f\x80\u202a\u202e\u2066\u2069\u201c\xa0\x7f\x01\x0b\t\n\ud800\udfff\u200d\U0001F600", max_size=12))
def test_sanitize_finds_what_the_character_class_finds(text):
    assert sanitize._suspect(text) == (sanitize._SUSPECT.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(_texts(["Leave a comment", "leave", "Share this", "ſhare this", "email", "[email protected]", "Advertisement",
               "News ID: 904", "ISSN 2330-717X", "Related", "Related posts:", "Click to print", "word", "x"], 4))
def test_boilerplate_word_test_rejects_only_what_the_pattern_rejects(text):
    line = text.strip()
    if not _maybe_boilerplate(line):
        assert _BOILERPLATE.fullmatch(line) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1²١٣①é “", max_size=8))
def test_digit_test(text):
    assert date_lines._has_digit(text) == any(c.isdigit() for c in text)


_YAML_PIECES = [
    "title: x", "date: 2022-02-30", "tags: [a, b]", "tags:\n  - a\n  - b", "a: 'q", 'a: "x\\ty"', "- a", "? k",
    "a: b: c", "&x a", "*x", "!!int 5", "!foo x", "%YAML 1.2", "a:\tb", "\ta: b", "a: |\n  x\n  y", "{a: 1", "[",
    "a: @x", "a: `x", "null", "~", "a: b # c", "k: v\n k2: v", "a: [1, {b: c}]", "a: >-\n x", "'k': v", "...", "---",
    "a:\u2028b", "a: x\x85y", "\ufeffa: b", "a: \u00e9", "a: 😀", "{a: b:c}", "[a, b,]", "a: b,c", "? [a]\n: b",
    "- - a", "a:\n- b", "a: !!str", "a: !!binary aGk=", "<<: {x: 1}", "a: 'it''s'", 'a: "\\u263a\\/"', "a: x\n  y",
    "a: 1:2", "a:b", "-a", "a: -", "a: [b]c", "a: |+\n\n", "a: \"\\x41\"", "k: v # c\n# d", ":", "a : b",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=6).map("\n".join))
def test_front_matter_libyaml_gives_what_the_pure_python_parser_gives(source):
    def outcome(load):
        try:
            return ("ok", load())
        except Exception as err:  # noqa: BLE001
            return ("error", type(err).__name__, str(err))

    loader = frontmatter._loader()
    assert outcome(lambda: frontmatter._load(source)) == outcome(lambda: yaml.load(source, Loader=loader))  # noqa: S506


def _plain_nearest_year(ref, month, day):
    best, gap = ref.year, None
    for y in (ref.year, ref.year - 1, ref.year + 1):
        try:
            d = abs((date(y, month, day) - ref).days)
        except ValueError:
            continue
        if gap is None or d < gap:
            best, gap = y, d
    return best


def _plain_day_year(ref, month, day, tense):
    """`date_calendar.day_year` as first written: each date built where it is asked about."""
    if tense == "future":
        y = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    elif tense == "past":
        y = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    else:
        return _plain_nearest_year(ref, month, day)
    try:
        if abs((date(y, month, day) - ref).days) <= 183:
            return y
    except ValueError:
        pass
    return _plain_nearest_year(ref, month, day)


@settings(max_examples=300, deadline=None)
@given(st.dates(date(1, 1, 1), date(9999, 12, 31)) | st.dates(date(2019, 1, 1), date(2024, 12, 31)),
       st.integers(1, 12), st.integers(0, 32))
def test_day_years_look_at_each_date_once_and_answer_as_before(ref, month, day):
    plain = [_plain_day_year(ref, month, day, t) for t in (None, "past", "future")]
    assert list(date_calendar.day_years(ref, month, day)) == plain
    assert date_calendar.day_year_depends_on_tense(ref, month, day) == (plain[1] != plain[0] or plain[2] != plain[0])
