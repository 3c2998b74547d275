from datetime import date
from pathlib import Path

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
    from tui.corpus.filters import describe_range

    assert describe_range(*parse_range("2022")) == "2022"
    assert describe_range(*parse_range("2021..2022")) == "2021–2022"
    assert describe_range(*parse_range("2022-01")) == "2022-01"
    assert describe_range(*parse_range("2022-01..2022-03")) == "2022-01–2022-03"
    assert describe_range(*parse_range("..2015")) == "…–2015"
    assert describe_range(*parse_range("2022-01-05..2022-01-09")) == "2022-01-05–2022-01-09"
    assert describe_range(date(2022, 1, 1), date(2022, 3, 9)) == "2022-01-01–2022-03-09"


def _random_corpus(seed: int):
    import random

    from tui.corpus.model import Corpus, DateSpan, Event, Mention, PartialDate

    rng = random.Random(seed)
    words = ["pipeline", "trade", "gas", "visit", "talks", "Élan", "deal", "PIPE", "oil"]
    people = ["Ann Smith", "Bob Jones", "Cy Young", "Di Lee"]
    topics = ["trade", "energy", "war"]
    sources = ["Daily", "Weekly", None]
    arts = {}
    for i in range(30):
        body = " ".join(rng.choice(words) for _ in range(40))
        arts[f"a{i}"] = article(f"a{i}", f"Title {rng.choice(words)}", body, source=rng.choice(sources))
    events = []
    for i in range(400):
        if rng.random() < 0.1:
            span = None
        else:
            y = rng.randint(2018, 2023)
            kind = rng.choice(["year", "month", "day", "week", "range"])
            if kind == "year":
                span = DateSpan(PartialDate(y))
            elif kind == "month":
                span = DateSpan(PartialDate(y, rng.randint(1, 12)))
            elif kind == "week":
                span = DateSpan(PartialDate(y, week=rng.randint(1, 52)))
            elif kind == "day":
                span = DateSpan(PartialDate(y, rng.randint(1, 12), rng.randint(1, 28)))
            else:
                span = DateSpan(PartialDate(y, rng.randint(1, 6)), PartialDate(y + rng.randint(0, 2), rng.randint(7, 12)))
        mentions = []
        for _ in range(rng.randint(1, 3)):
            a = arts[rng.choice(list(arts))]
            s = rng.randint(0, len(a.body) - 20)
            mentions.append(Mention(a.id, a.body[s : s + 20], s, s + 20))
        events.append(Event(f"e{i}", span, f"Event {rng.choice(words)}", mentions,
                            rng.sample(people, rng.randint(0, 2)), rng.sample(topics, rng.randint(0, 2))))
    events.sort(key=lambda e: (e.span is None, e.span.sort_key if e.span else ()))
    return Corpus(Path("."), "Random", arts, events, {}, [])


def test_indexed_filter_matches_brute_force():
    import random

    from tui.corpus.query import _facets_of, matches

    rng = random.Random(7)
    for seed in range(3):
        c = _random_corpus(seed)
        for _ in range(300):
            lo = date(rng.randint(2017, 2024), rng.randint(1, 12), 1) if rng.random() < 0.4 else None
            hi = date(rng.randint(2017, 2024), rng.randint(1, 12), 28) if rng.random() < 0.4 else None
            flt = Filter(
                people=frozenset(rng.sample(["Ann Smith", "Bob Jones", "Cy Young", "Di Lee", "Nobody"], rng.randint(0, 2))),
                topics=frozenset(rng.sample(["trade", "energy", "war"], rng.randint(0, 1))),
                sources=frozenset(rng.sample(["Daily", "Weekly", "Unknown source"], rng.randint(0, 1))),
                date_from=lo,
                date_to=hi,
                text=" ".join(rng.sample(["pipe", "élan", "TRADE", "event", "title gas", "zzz"], rng.randint(0, 2))),
                include_undated=rng.random() < 0.7,
            )
            expected = [e for e in c.events if matches(c, e, flt)] if not (flt.is_empty and flt.include_undated) else c.events
            got = filter_events(c, flt)
            assert got == expected, flt
            assert facets(c, got) == _facets_of(c, got)
        assert facets(c, c.events) == _facets_of(c, c.events)
        assert facets(c, c.events[::3]) == _facets_of(c, c.events[::3])


def test_index_follows_replaced_events(sample):
    flt = Filter(people=frozenset({"Bob Jones"}))
    before = filter_events(sample, flt)
    assert before
    sample.events = [e for e in sample.events if "Bob Jones" not in e.people]
    assert filter_events(sample, flt) == []


def test_prepare_builds_every_lookup_and_changes_no_answer():
    from tui.corpus.query import matches, prepare
    from tui.corpus.query_index import query_index

    c = _random_corpus(3)
    flts = [Filter(text="pipe"), Filter(people=frozenset({"Ann Smith"})), Filter(date_from=date(2020, 1, 1)), Filter(sources=frozenset({"Daily"}))]
    before = [filter_events(c, f) for f in flts]
    c.index = None
    prepare(c)
    idx = query_index(c)
    assert all(part is not None for part in (idx._people, idx._topics, idx._by_source, idx._days, idx._texts, idx._by_article, idx._full_facets))
    assert [filter_events(c, f) for f in flts] == before
    assert before[0] == [e for e in c.events if matches(c, e, flts[0])]


def test_event_texts_are_each_events_casefolded_title_and_sentences():
    from tui.corpus.model import Event, Mention
    from tui.corpus.query_index import EventTexts

    texts = [
        ("Straße talks", ["Die STRASSE ist lang.", "ǅ and ﬁ ligatures"]),
        ("", []),
        ("Émile 🎉", ["İstanbul said", "ΣΊΣΥΦΟΣ"]),
        ("plain", ["one", "two", ""]),
    ]
    events = [
        Event(f"e{i}", None, title, [Mention("a", s, 0, len(s)) for s in sentences])
        for i, (title, sentences) in enumerate(texts)
    ]
    built = EventTexts.build(events)
    assert len(built.starts) == len(events) + 1
    for i, (title, sentences) in enumerate(texts):
        want = "\n".join([title, *sentences]).casefold().encode("utf-8") + b"\0"
        assert built.blob[built.starts[i] : built.starts[i + 1]] == want
    assert built.having("strasse", list(range(len(events)))) == [0]
    assert EventTexts.build([]).blob == b"" and list(EventTexts.build([]).starts) == [0]
