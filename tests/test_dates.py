"""find_dates: the grammar, each false-positive class, tense, ranges, weeks, no reference."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.dates import find_dates
from tui.corpus.model import PartialDate

JAN19 = date(2022, 1, 19)  # a Wednesday
JAN17 = date(2022, 1, 17)  # a Monday
SEP15 = date(2022, 9, 15)  # a Thursday
ARTICLES = Path(__file__).resolve().parent.parent / "articles"


def values(text: str, ref: date | None = JAN19) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, ref)]


def one(text: str, ref: date | None = JAN19):
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


# --- absolute dates ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,precision", [
    ("It was signed on January 19, 2022.", "2022-01-19", "day"),
    ("15 September 2022, 05:25 GMT", "2022-09-15", "day"),
    ("on Sept. 27, 1989, it ended", "1989-09-27", "day"),
    ("He came in May 2018.", "2018-05", "month"),
    ("It joined in September 2021 as a member.", "2021-09", "month"),
    ("since the 1979 Islamic Revolution", "1979", "year"),
    ("the landmark 2015 nuclear deal", "2015", "year"),
    ("first established in 2001.", "2001", "year"),
    ("Published 2022-01-19 by the desk", "2022-01-19", "day"),
    ("the 19th of January 2022", "2022-01-19", "day"),
    ("in fiscal 1998", "1998", "year"),
])
def test_absolute(text, value, precision):
    m = one(text, None)
    assert (m.value, m.precision, m.relative) == (value, precision, False)
    assert text[m.start:m.end] == m.text


# --- false positives ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "They signed a $40 billion energy agreement.",
    "Trade grew by 81 percent and 37% of the gas.",
    "some 80 large Russian companies",
    "Russia, with 35 trillion cubic meters of gas",
    "the 6th Caspian Summit",
    "at 05:25 GMT and 22:49",
    "We have a strategic view. We and I personally congratulate you.",
    "This may increase the prospects. They may march on the capital.",
    "Sun and Wed are not dates here.",
    "Call +98 21 2215 1966 or 555-1987 now.",
    "ISSN 2330-717X",
    "News ID : 904",
    "The meeting lasted for 37 minutes; for more than forty years.",
    "A crowd of 2000 people and 1500 km of road.",
    "It cost $2015 and 1999 dollars.",
    "No. 1998 is the model number 2012.",
    "in the 1990s",
    "Teams march to the square. In today's world, tomorrow's leaders",
])
def test_no_false_dates(text):
    assert find_dates(text, JAN19) == []


def test_modal_may_versus_month_may():
    # lowercase "may" is the modal (and a future cue), capitalized "May" after "in" is the month
    assert values("Talks may resume in May.", JAN19) == [("May", "2022-05")]


# --- relative dates and tense ------------------------------------------------------------------
@pytest.mark.parametrize("text,ref,value", [
    ("Raisi and Putin held a meeting in the Kremlin on Wednesday.", JAN19, "2022-01-19"),  # same day
    ("Lavrov said in a news conference on Friday.", JAN17, "2022-01-14"),
    ("Khatibzadeh said on Monday that the two need to talk.", JAN17, "2022-01-17"),
    ("The king met Bush Tuesday.", JAN19, "2022-01-18"),
    ("The monarch will meet Bush on Thursday.", JAN19, "2022-01-20"),
    ("The summit is due to open on Monday.", JAN19, "2022-01-24"),
    ("The talks are to be held on Wednesday.", JAN19, "2022-01-19"),  # same day counts
    ("He is expected to arrive on Friday.", JAN19, "2022-01-21"),
    ("It happened last Wednesday.", JAN19, "2022-01-12"),
    ("It will happen next Wednesday.", JAN19, "2022-01-26"),
    ("Trade has been on the rise since last year.", JAN19, "2021"),
    ("Sales will rise early next year.", JAN19, "2023"),
    ("The Kremlin told reporters late last month that it was fake.", SEP15, "2022-08"),
    ("Prices rose earlier this month.", SEP15, "2022-09"),
    ("A delegation will travel to Iran next week.", SEP15, "2022-W38"),
    ("Officials traveled to Iran in May.", SEP15, "2022-05"),
    ("They signed a deal in July.", SEP15, "2022-07"),
    ("The visit will take place in March.", SEP15, "2023-03"),
    ("Officials visited in October.", SEP15, "2021-10"),  # past, no later than the reference
    ("He arrived yesterday.", JAN19, "2022-01-18"),
    ("He arrives today.", JAN19, "2022-01-19"),
    ("an interview on January 11", JAN17, "2022-01-11"),
    ("It must be signed by Jan. 24.", JAN17, "2022-01-24"),
    ("two years ago", JAN19, "2020"),
    ("It happened this week.", JAN19, "2022-W03"),
    ("It happened last week.", JAN19, "2022-W02"),
    ("Putin will receive Raisi in the coming week.", JAN17, "2022-W03"),
    ("Putin will receive Raisi in the coming week.", date(2022, 1, 21), "2022-W04"),
    ("in July last year", JAN19, "2021-07"),
])
def test_relative(text, ref, value):
    found = [m for m in find_dates(text, ref) if m.relative]
    assert len(found) == 1, found
    assert found[0].value == value
    assert PartialDate.parse(value).precision == found[0].precision


def test_tomorrow_with_weekday_in_brackets_is_one_mention():
    m = one("The talks resume tomorrow (Thursday).", JAN19)
    assert (m.text, m.value) == ("tomorrow (Thursday)", "2022-01-20")


def test_weekday_before_a_date_picks_the_year():
    m = one("The New York Times said in an editorial on Monday, Oct. 26:", date(1998, 10, 25))
    assert m.value == "1998-10-26"


def test_weekday_plural_and_time_of_day():
    assert find_dates("Shops close on Fridays.", JAN19) == []
    assert values("He spoke Tuesday morning.", JAN19) == [("Tuesday morning", "2022-01-18")]


# --- ranges ------------------------------------------------------------------------------------
def test_day_range():
    m = one("The summit was held on September 16-17.", SEP15)
    assert (m.value, m.end_value) == ("2021-09-16", "2021-09-17") or (m.value, m.end_value) == (
        "2022-09-16", "2022-09-17")
    m = one("The summit will be held on September 16-17.", SEP15)
    assert (m.value, m.end_value, m.precision) == ("2022-09-16", "2022-09-17", "day")


def test_first_months_of_a_year():
    m = one("up 30 percent over the first five months of 2022", SEP15)
    assert (m.value, m.end_value, m.precision, m.relative) == ("2022-01", "2022-05", "month", False)
    m = one("in the first half of this year", SEP15)
    assert (m.value, m.end_value) == ("2022-01", "2022-06")


def test_from_month_to_month_of_this_year():
    m = one("Trade grew from January to May of this year.", SEP15)
    assert (m.value, m.end_value) == ("2022-01", "2022-05")


def test_year_ranges():
    m = one("between 1985 and 1987", None)
    assert (m.value, m.end_value) == ("1985", "1987")
    m = one("the 2019-2021 period", None)
    assert (m.value, m.end_value) == ("2019", "2021")


# --- no reference ------------------------------------------------------------------------------
def test_reference_none_leaves_relative_unresolved():
    found = find_dates("On Wednesday, in May 2018 and next week, since last year, in July.", None)
    got = [(m.text, m.value, m.precision, m.relative) for m in found]
    assert got == [
        ("Wednesday", None, None, True),
        ("May 2018", "2018-05", "month", False),
        ("next week", None, None, True),
        ("last year", None, None, True),
        ("July", None, None, True),
    ]


def test_empty_text():
    assert find_dates("", JAN19) == []


# --- the bundled articles ----------------------------------------------------------------------
REFS = {"000": JAN19, "001": JAN17, "002": SEP15, "003": date(2022, 6, 29), "004": JAN19}
EXPECTED = {
    "000": {("Wednesday", "2022-01-19"), ("last year", "2021"), ("2013", "2013"),
            ("May 2018", "2018-05"), ("2015", "2015"), ("1979", "1979")},
    "001": {("Friday", "2022-01-14"), ("Monday", "2022-01-17"), ("January 11", "2022-01-11"),
            ("the coming week", "2022-W03")},
    "002": {("next week", "2022-W38"), ("May", "2022-05"), ("July", "2022-07"),
            ("August", "2022-08"), ("late last month", "2022-08"), ("2021", "2021"),
            ("the first five months of 2022", "2022-01")},
    "003": {("Wednesday", "2022-06-29"), ("2015", "2015")},
    "004": {("September 2021", "2021-09"), ("2001", "2001"), ("Wednesday morning", "2022-01-19")},
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_bundled_articles(key):
    path = next(ARTICLES.glob(f"{key}_*.txt"))
    text = path.read_text(encoding="utf-8")
    found = find_dates(text, REFS[key])
    got = {(m.text, m.value) for m in found}
    assert EXPECTED[key] <= got
    # nothing else than the expected mentions and the article's own date line
    extra = {g for g in got if g not in EXPECTED[key]}
    assert all(v and v.startswith("2022-0") and len(v) == 10 for _, v in extra), extra
    bad = {"37", "81", "35", "80", "40", "904", "2330", "6th"}
    assert not any(m.text.split()[0] in bad for m in found)


# --- properties --------------------------------------------------------------------------------
_WORDS = st.sampled_from([
    "in", "on", "May", "may", "March", "Wednesday", "We", "last", "next", "year", "week", "month",
    "2021", "1979", "$40", "81%", "the", "first", "five", "months", "of", "from", "to", "-", "16",
    "September", "Sept.", "today", "tomorrow", "(", ")", "early", "late", "since", "will", "said",
    ",", ".", "\n", "2022-01-19", "3/4/2022", "29", "February", "ago", "two", "coming", "between",
    "and", "1985", "87", "Feb.", "30", "31", "April",
])


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=25).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
)
def test_property_well_formed(text, ref):
    found = find_dates(text, ref)
    last = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        last = m.end
        if m.value is None:
            assert m.precision is None and m.relative and m.end_value is None
        else:
            assert PartialDate.parse(m.value).precision == m.precision
            if m.end_value is not None:
                assert PartialDate.parse(m.end_value).first_day >= PartialDate.parse(m.value).first_day
        if ref is not None and m.relative:
            assert m.value is not None or m.end_value is None


def test_curly_apostrophes_and_possessive_weekday():
    found = find_dates("Wednesday’s ruling, in today’s world, the 1990’s; they won’t meet on Friday.", JAN19)
    assert [(m.text, m.value) for m in found] == [("Wednesday’s", "2022-01-19"), ("Friday", "2022-01-21")]


def test_day_and_month_stay_within_half_a_year():
    # the nearest verb is past, but "Dec. 15" written on Nov 2 is the coming one, not last year's
    assert values("The board declared a dividend, payable Dec. 15.", date(1989, 11, 2)) == [
        ("Dec. 15", "1989-12-15")]
