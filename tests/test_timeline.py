from tests.corpus_factory import article, corpus
from tui.corpus.sentences import sentence_at, split_sentences
from tui.corpus.timeline import short_title


def test_every_dated_article_and_dated_sentence_is_an_event():
    c = corpus(
        article(
            "a",
            "Leaders meet",
            "The leaders met on Monday. Trade grew in 2021. Nothing dated here.",
            published="2022-01-19",
            dates=[("Monday", "2022-01-17", "day"), ("2021", "2021", "year")],
            people=["Ann Smith"],
        )
    )
    assert [(e.span.start.iso, e.kind) for e in c.events] == [
        ("2021", "sentence"),
        ("2022-01-17", "sentence"),
        ("2022-01-19", "article"),
    ]
    assert c.events[2].title == "Leaders meet"
    assert c.events[0].mentions[0].sentence == "Trade grew in 2021."


def test_the_most_precise_date_of_a_sentence_dates_its_event():
    c = corpus(
        article(
            "a",
            "T",
            "Since it left the 2015 deal in May 2018, sanctions grew.",
            dates=[("2015", "2015", "year"), ("May 2018", "2018-05", "month")],
        )
    )
    dated = [e for e in c.events if e.span]
    assert [e.span.start.iso for e in dated] == ["2018-05"]


def test_same_happening_in_two_articles_is_one_event_with_two_sources():
    a = article(
        "a", "Raisi meets Putin", "Raisi and Putin met in the Kremlin on Wednesday.",
        published="2022-01-19", dates=[("Wednesday", "2022-01-19", "day")], people=["Ebrahim Raisi", "Vladimir Putin"],
    )
    b = article(
        "b", "A visit", "Raisi arrived in Moscow on Wednesday morning.",
        published="2022-01-20", dates=[("Wednesday", "2022-01-19", "day")], people=["Ebrahim Raisi"],
    )
    c = corpus(a, b)
    jan19 = [e for e in c.events if e.span and e.span.start.iso == "2022-01-19"]
    assert len(jan19) == 1
    assert jan19[0].article_ids == ["a", "b"]
    assert jan19[0].title == "Raisi meets Putin"


def test_unrelated_happenings_on_one_day_stay_apart():
    a = article("a", "Floods in Spain", "Rivers rose in Valencia on Monday.", dates=[("Monday", "2022-03-07", "day")])
    b = article("b", "Chess final", "A grandmaster won the title on Monday.", dates=[("Monday", "2022-03-07", "day")])
    c = corpus(a, b)
    assert len([e for e in c.events if e.span]) == 2


def test_undated_articles_are_listed_last_never_dropped():
    c = corpus(
        article("u", "Undated piece", "No date in here at all."),
        article("d", "Dated", "Text.", published="2020-05-01"),
    )
    assert [e.title for e in c.events] == ["Dated", "Undated piece"]
    assert c.events[-1].span is None


def test_ranges_keep_their_end():
    c = corpus(
        article("a", "T", "Trade rose over the first five months of 2022.",
                dates=[("the first five months of 2022", "2022-01", "month")])
    )
    assert c.events[0].span.start.iso == "2022-01"


def test_sentences_respect_abbreviations_and_closing_quotes():
    text = "The U.S. said no. Mr. Smith left. “It is over.” He went home.\nNew paragraph"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["The U.S. said no.", "Mr. Smith left.", "“It is over.”", "He went home.", "New paragraph"]
    spans = list(split_sentences(text))
    assert text[slice(*sentence_at(spans, text.index("Smith")))] == "Mr. Smith left."


def test_short_titles_drop_datelines_and_cut_at_words():
    assert short_title("TEHRAN — Leaders met.") == "Leaders met."
    long = "word " * 40
    t = short_title(long, width=30)
    assert t.endswith("…") and len(t) <= 30


def test_a_shared_name_alone_does_not_merge_two_things_in_the_same_year():
    a = article("a", "T1", "Smith bought a farm in 2010.", dates=[("2010", "2010", "year")], people=["Ann Smith"])
    b = article("b", "T2", "Smith won a race in 2010.", dates=[("2010", "2010", "year")], people=["Ann Smith"])
    assert len(corpus(a, b).events) == 4  # two article events (undated) + two 2010 sentences
