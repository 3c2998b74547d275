from datetime import date

import pytest

from tests.corpus_factory import article, corpus
from tui.corpus.query import (
    Filter,
    article_count,
    facets,
    filter_events,
    parse_range,
    quotes_by_date,
    quotes_by_speaker,
)


@pytest.fixture
def sample():
    return corpus(
        article("a", "Trade talks", "Ann Smith spoke on trade. “We will grow trade fast,” Smith said.",
                published="2022-01-19", people=["Ann Smith"], topics=["trade"], source="Daily",
                quotes=[("We will grow trade fast,", "Ann Smith")]),
        article("b", "Gas deal", "Bob Jones signed a gas deal in 2021.", published="2022-06-29",
                dates=[("2021", "2021", "year")], people=["Bob Jones"], topics=["energy"], source="Weekly"),
        article("c", "No date", "Nothing dated.", people=[], topics=[]),
    )


def test_empty_filter_keeps_everything(sample):
    assert filter_events(sample, Filter()) == sample.events
    assert Filter().describe() == "none"


def test_facets_are_or_within_and_across(sample):
    assert {e.title for e in filter_events(sample, Filter(people=frozenset({"Ann Smith", "Bob Jones"})))} >= {"Trade talks", "Gas deal"}
    assert filter_events(sample, Filter(people=frozenset({"Ann Smith"}), topics=frozenset({"energy"}))) == []
    assert [e.title for e in filter_events(sample, Filter(sources=frozenset({"Weekly"})))][-1] == "Gas deal"


def test_date_range_matches_by_overlap(sample):
    lo, hi = parse_range("2022-06")
    assert (lo, hi) == (date(2022, 6, 1), date(2022, 6, 30))
    got = filter_events(sample, Filter(date_from=lo, date_to=hi))
    assert [e.title for e in got] == ["Gas deal"]
    # A year-precision event overlaps a range inside that year; undated events drop out.
    got = filter_events(sample, Filter().with_range(*parse_range("2021-03..2021-04")))
    assert [e.span.start.iso for e in got] == ["2021"]


def test_parse_range_forms():
    assert parse_range("2021..2022") == (date(2021, 1, 1), date(2022, 12, 31))
    assert parse_range("..2021") == (None, date(2021, 12, 31))
    with pytest.raises(ValueError):
        parse_range("2023..2021")
    with pytest.raises(ValueError):
        parse_range("soon")


def test_free_text_is_case_insensitive_and_all_words(sample):
    assert [e.title for e in filter_events(sample, Filter(text="GAS deal"))] == ["Gas deal"] or all(
        "gas" in e.title.lower() for e in filter_events(sample, Filter(text="GAS deal"))
    )
    assert filter_events(sample, Filter(text="gas trade")) == []


def test_counts_and_facets(sample):
    events = filter_events(sample, Filter())
    assert article_count(events) == 3
    f = facets(sample, events)
    assert f.topics["trade"] >= 1 and f.sources["Weekly"] >= 1 and 2021 in f.years


def test_toggle_and_describe():
    f = Filter().toggled("people", "Putin").toggled("topics", "trade")
    assert f.describe() == "Putin · trade"
    assert f.toggled("people", "Putin").describe() == "trade"
    assert Filter().with_range(date(2022, 1, 1), date(2022, 12, 31)).describe() == "2022"


def test_quotes_views(sample):
    assert [q.speaker for q in quotes_by_date(sample)] == ["Ann Smith"]
    assert quotes_by_speaker(sample)[0][0] == "Ann Smith"
    assert quotes_by_date(sample, Filter(people=frozenset({"Bob Jones"}))) == []


def test_ranges_are_described_at_their_coarsest():
    from tui.corpus.query import describe_range

    assert describe_range(*parse_range("2022")) == "2022"
    assert describe_range(*parse_range("2021..2022")) == "2021–2022"
    assert describe_range(*parse_range("2022-01")) == "2022-01"
    assert describe_range(*parse_range("2022-01..2022-03")) == "2022-01–2022-03"
    assert describe_range(*parse_range("..2015")) == "…–2015"
    assert describe_range(*parse_range("2022-01-05..2022-01-09")) == "2022-01-05–2022-01-09"
    assert describe_range(date(2022, 1, 1), date(2022, 3, 9)) == "2022-01-01–2022-03-09"
