"""Snapshot tests: each screen and state that matters, at 80x24 and at 160x48.

Built from the fixture corpus in tests/fixtures/basic, never from articles/, so they only change
when the UI (or the extraction of these few files) does. Regenerate on purpose with
`pytest tests/test_snapshots.py --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

import pytest
from textual.reactive import reactive
from textual.widgets import Input

from tests.ui_support import fixture_corpus, make_app, ready, search_articles, settle
from tui.widgets.event_list import EventList

SMALL = (80, 24)
LARGE = (160, 48)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """A blinking cursor makes snapshots flaky."""
    blink = reactive(False, init=False)
    blink.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", blink)


def select_event(index_of):
    """A run_before that waits for the corpus and moves the cursor to a chosen event."""

    async def run_before(pilot):
        await ready(pilot)
        if index_of is not None:
            pilot.app.screen.query_one(EventList).select_index(index_of(fixture_corpus()))
        await settle(pilot)

    return run_before


def multi_source(corpus):
    return next(i for i, e in enumerate(corpus.events) if len(e.article_ids) > 1)


def with_quotes(corpus):
    return next(i for i, e in enumerate(corpus.events) if len(corpus.articles[e.article_ids[0]].quotes) >= 2)


def markup_article(corpus):
    return next(i for i, e in enumerate(corpus.events)
                if any("[@click" in corpus.articles[a].body for a in e.article_ids))


async def settle_after(pilot):
    await settle(pilot)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_start(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=select_event(None))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_event_read(snap_compare, size):
    # At 80x24 Enter opens the article full width (the narrow layout); at 160x48 it focuses it.
    assert snap_compare(
        make_app(), terminal_size=size, run_before=select_event(with_quotes), press=["enter", "n"]
    )


def test_multi_source_event_second_source(snap_compare):
    assert snap_compare(
        make_app(), terminal_size=LARGE, run_before=select_event(multi_source),
        press=["enter", "right_square_bracket"],
    )


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_search_results(snap_compare, size):
    assert snap_compare(
        make_app(), terminal_size=size, run_before=select_event(None),
        press=["slash", *"trade", "enter"],
    )


def test_empty_result(snap_compare):
    assert snap_compare(
        make_app(), terminal_size=SMALL, run_before=select_event(None),
        press=["slash", *"zzzz", "enter"],
    )


def test_filter_panel(snap_compare):
    assert snap_compare(make_app(), terminal_size=LARGE, run_before=select_event(None), press=["f"])


def test_filter_panel_small(snap_compare):
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=select_event(None), press=["f", "space"])


@pytest.mark.parametrize(
    "keys",
    [
        ["space"],  # the first person
        ["tab", "space"],  # the first topic
        ["tab", "tab", "space"],  # the first source
        ["tab", "tab", "tab", "space"],  # the first year
    ],
    ids=["person", "topic", "source", "year"],
)
def test_each_filter(snap_compare, keys):
    assert snap_compare(
        make_app(), terminal_size=LARGE, run_before=select_event(None), press=["f", *keys, "escape"]
    )


def test_date_range_filter(snap_compare):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("f")
        await settle(pilot)
        pilot.app.screen.query_one("#range").focus()
        await pilot.press(*"2022-01..2022-03", "enter", "escape")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=run_before)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_quotes_view(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=select_event(None), press=["Q"])


def test_quotes_view_by_date(snap_compare):
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=select_event(None), press=["Q", "s"])


def searched(query):
    """A run_before that searches the articles for `query`."""

    async def run_before(pilot):
        await ready(pilot)
        await search_articles(pilot, query)

    return run_before


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])
def test_article_search(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=searched("trade"))


def test_article_search_nothing_found(snap_compare):
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=searched("zzzz"))


def test_article_search_opens_the_article_at_the_match(snap_compare):
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=searched("trade"), press=["j", "enter"])


def test_help(snap_compare):
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=select_event(None), press=["question_mark"])


def test_problems_screen(snap_compare):
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=select_event(None), press=["exclamation_mark"])


def test_markup_renders_literally(snap_compare):
    assert snap_compare(make_app(), terminal_size=LARGE, run_before=select_event(markup_article))


def test_no_color(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(), terminal_size=SMALL, run_before=select_event(with_quotes))
