"""The bundled corpus end to end: what an analyst opening `timeline` must see."""

from pathlib import Path

import pytest

from tui.corpus.build import load_corpus
from tui.corpus.query import Filter, filter_events, parse_range

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ARTICLES)


def test_the_kremlin_meeting_is_one_event_from_several_articles(corpus):
    jan19 = [e for e in corpus.events if e.span and e.span.start.iso == "2022-01-19"]
    assert len(jan19) == 1
    assert len(jan19[0].article_ids) >= 2
    assert {"Ebrahim Raisi", "Vladimir Putin"} <= set(jan19[0].people)


def test_one_name_per_person_across_the_corpus(corpus):
    names = set(corpus.people)
    assert "Ebrahim Raisi" in names and "Vladimir Putin" in names
    assert not names & {"Raisi", "Putin", "Seyyed Ebrahim Raisi", "Ayatollah Raisi"}
    speakers = {q.speaker for a in corpus.articles.values() for q in a.quotes if q.speaker}
    assert speakers <= names


def test_events_are_chronological_and_every_article_is_listed(corpus):
    dated = [e for e in corpus.events if e.span]
    assert [e.span.sort_key for e in dated] == sorted(e.span.sort_key for e in dated)
    assert {a for e in corpus.events for a in e.article_ids} == set(corpus.articles)


def test_manifest_facts_fill_what_the_texts_leave_out(corpus):
    arts = corpus.articles
    assert arts["000_84e4d89afeb74d54"].source == "Tehran Times"
    assert arts["003_d48cbdffe83fbcbb"].published.iso == "2022-06-29"
    assert arts["004_dee47f1f755f5355"].source == "Eurasia Review"
    assert corpus.title == "Iran–Russia relations, 2021–2022"
    assert corpus.default_range == parse_range("2021..2022")


def test_who_said_what_about_trade_in_january_2022(corpus):
    flt = Filter(topics=frozenset({"trade"})).with_range(*parse_range("2022-01"))
    events = filter_events(corpus, flt)
    assert events and all(e.span.overlaps(*parse_range("2022-01")) for e in events)
    quoted = {q.speaker for e in events for a in e.article_ids for q in corpus.articles[a].quotes}
    assert "Ebrahim Raisi" in quoted


def test_the_bundled_articles_are_the_seeds_byte_for_byte():
    seeds = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the shared seeds are not beside this checkout")
    for seed in sorted(seeds.glob("*.txt")):
        assert (ARTICLES / seed.name).read_bytes() == seed.read_bytes()
