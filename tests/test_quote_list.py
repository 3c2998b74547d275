"""The quotes view: the virtual QuoteList and the QuotesScreen's worker, driven with the pilot."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.reactive import reactive

from tests.ui_support import counts, fixture_corpus, make_app, ready, settle
from tui.corpus import quote_rows as quote_rows_module
from tui.corpus.model import Article, Corpus, PartialDate, Quote
from tui.corpus.query import Filter, quotes_by_date, quotes_by_speaker
from tui.corpus.quote_rows import quote_rows
from tui.screens.article import ArticleScreen
from tui.screens.help import HelpScreen
from tui.screens.quotes import LOADING, QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.quote_list import QuoteList

SIZE = (80, 24)
PUTIN = "Vladimir Putin"


def synthetic(articles: int, per_article: int, speakers: int = 7) -> Corpus:
    """`articles` articles (dated, some undated, in no date order) of `per_article` quotes."""
    arts = {}
    for n in range(articles):
        aid = f"a{n:06d}"
        art = Article(id=aid, path=f"{aid}.txt", title=f"Article {n}", body="", source=f"Source {n % 3}")
        day = f"{2000 + (n * 7) % 20}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        art.published = None if n % 11 == 0 else PartialDate.parse(day)
        art.topics = ["trade"] if n % 2 else []
        art.quotes = [
            Quote(f"Quote {k} of article {n}, [b]not markup[/b]", 100 - k, 110 - k,
                  None if (n + k) % 5 == 0 else f"Speaker {(n * 3 + k) % speakers}", "said", k % 4 == 0, aid)
            for k in range(per_article)
        ]  # fmt: skip
        arts[aid] = art
    return Corpus(root=Path("."), title="Synthetic", articles=arts, events=[], people={}, problems=[])


def listed(rows) -> list[Quote]:
    return [rows.quote(e) for e in range(len(rows))]


def line(widget: QuoteList, y: int) -> str:
    return widget.render_line(y).text.rstrip()


# -- the rows: the same order and groups as the query layer -----------------------------------


@pytest.mark.parametrize("flt", [
    Filter(),
    Filter(people=frozenset({"Speaker 2", "Speaker 5"})),
    Filter(topics=frozenset({"trade"}), text="quote 3"),
    Filter().with_range(PartialDate.parse("2005").first_day, PartialDate.parse("2009").last_day),
], ids=["none", "people", "topic-text", "range"])  # fmt: skip
def test_rows_follow_the_query_order(flt):
    corpus = synthetic(300, 6)
    by_date = quote_rows(corpus, flt, by_speaker=False)
    assert listed(by_date) == quotes_by_date(corpus, flt)
    assert not by_date.headings and by_date.rows == 2 * len(by_date)
    by_speaker = quote_rows(corpus, flt, by_speaker=True)
    groups = quotes_by_speaker(corpus, flt)
    assert listed(by_speaker) == [q for _s, qs in groups for q in qs]
    assert by_speaker.labels == [f"{s} ({len(qs)})" for s, qs in groups]
    assert by_speaker.rows == len(groups) + 2 * len(by_speaker)


def test_rows_of_the_fixture_corpus():
    corpus = fixture_corpus()
    rows = quote_rows(corpus, Filter(), by_speaker=True)
    assert listed(rows) == [q for _s, qs in quotes_by_speaker(corpus) for q in qs]
    # Rows to entries and back: a heading, then two rows per quote.
    assert rows.at(0) == (0, -1, 0)
    assert rows.at(1) == (0, 0, 0) and rows.at(2) == (0, 0, 1)
    for entry in range(len(rows)):
        group, at, part = rows.at(rows.row_of(entry))
        assert (at, part) == (entry, 0) and rows.at(rows.row_of(entry) + 1)[1:] == (entry, 1)
        assert rows.top_of(entry) == rows.row_of(entry) - (entry == rows.group_entry[group])


# -- the widget alone --------------------------------------------------------------------------


class ListApp(App):
    def compose(self):
        yield QuoteList()


async def test_cursor_moves_and_scrolls():
    corpus = synthetic(50, 4)
    rows = quote_rows(corpus, Filter(), by_speaker=True)
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(QuoteList)
        widget.set_rows(rows)
        await pilot.pause()
        assert widget.cursor == 0 and widget.has_focus
        assert line(widget, 0) == rows.labels[0]
        assert line(widget, 1).startswith("“Quote ") and line(widget, 2).startswith("    — Source ")
        await pilot.press("j", "down")
        assert widget.cursor == 2 and widget.highlighted is rows.quote(2)
        await pilot.press("k")
        assert widget.cursor == 1
        await pilot.press("up", "up", "k")  # stays on the first quote, its heading in view
        assert widget.cursor == 0 and widget.scroll_offset.y == 0
        await pilot.press("pagedown")
        page = (widget.scrollable_content_region.height - 1) // 2
        assert widget.cursor == page
        await pilot.press("pageup")
        assert widget.cursor == 0
        await pilot.press("G")
        assert widget.cursor == len(rows) - 1
        await pilot.pause()
        bottom = widget.scroll_offset.y + widget.scrollable_content_region.height
        assert bottom == rows.rows  # both rows of the last quote on screen
        await pilot.press("home")
        assert widget.cursor == 0 and widget.scroll_offset.y == 0
        # Moving down through a group's end lands on the next group's first quote, with its
        # heading on screen.
        first_of_second = rows.group_entry[1]
        widget.set_cursor(first_of_second)
        await pilot.pause()
        heading = rows.group_row[1]
        assert widget.scroll_offset.y <= heading
        assert line(widget, heading - widget.scroll_offset.y) == rows.labels[1]


async def test_enter_and_click_choose_the_quote():
    corpus = synthetic(20, 3)
    rows = quote_rows(corpus, Filter(), by_speaker=False)
    chosen = []

    class Catch(ListApp):
        def on_quote_list_selected(self, message: QuoteList.Selected) -> None:
            chosen.append(message.article.quotes[message.quote_index])

    app = Catch()
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(QuoteList)
        widget.set_rows(rows)
        await pilot.pause()
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert chosen == [rows.quote(2)]
        await pilot.click(QuoteList, offset=(5, 9))  # row 9: the second row of quote 4
        await pilot.pause()
        assert widget.cursor == 4 and chosen[-1] is rows.quote(4)


async def test_text_is_never_markup_and_fragments_are_italic():
    corpus = synthetic(3, 5)
    rows = quote_rows(corpus, Filter(), by_speaker=False)
    app = ListApp()
    async with app.run_test(size=(120, 24)) as pilot:
        widget = app.query_one(QuoteList)
        widget.set_rows(rows)
        await pilot.pause()
        for entry in range(3):
            strip = widget.render_line(2 * entry)
            assert "[b]not markup[/b]" in strip.text
            assert all(bool(seg.style.italic) == rows.quote(entry).fragment for seg in strip if seg.text.strip())


async def test_100k_quotes_mount_at_once_without_measuring_rows(monkeypatch):
    corpus = synthetic(10_000, 10)
    rows = quote_rows(corpus, Filter(), by_speaker=True)
    assert len(rows) == 100_000
    drawn = []
    render = QuoteList._render_entry
    monkeypatch.setattr(QuoteList, "_render_entry", lambda self, e, *a: drawn.append(e) or render(self, e, *a))
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        widget = app.query_one(QuoteList)
        started = time.perf_counter()
        widget.set_rows(rows)
        await pilot.pause()
        assert widget.virtual_size.height == rows.rows > 200_000
        assert not list(widget.children)  # no widget per row
        assert len(set(drawn)) <= SIZE[1] // 2 + 1  # only the quotes on screen were drawn
        drawn.clear()
        await pilot.press("G")
        assert widget.cursor == len(rows) - 1
        await pilot.press("k", "pageup", "g")
        await pilot.pause()
        assert time.perf_counter() - started < 3.0  # generous: the machine may be busy
        assert len(set(drawn)) <= 3 * (SIZE[1] // 2 + 2)  # three screens' worth, not the list
        # A resize draws what is on screen again, nothing more.
        drawn.clear()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert 0 < len(set(drawn)) <= 30 // 2 + 1


# -- the screen --------------------------------------------------------------------------------


def quotes_screen(app) -> QuotesScreen:
    assert isinstance(app.screen, QuotesScreen)
    return app.screen


async def test_screen_lists_by_speaker_then_by_date_and_opens_the_quote():
    corpus = fixture_corpus()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("Q")
        await settle(pilot)
        widget = quotes_screen(app).query_one(QuoteList)
        groups = quotes_by_speaker(corpus, app.filter)
        assert line(widget, 0) == f"{groups[0][0]} ({len(groups[0][1])})"
        assert listed(widget.rows) == [q for _s, qs in groups for q in qs]
        total = len(widget.rows)
        assert counts(app) == f"{total} quotes · by speaker · filter: none"
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        shown = app.screen.query_one(ArticleView).showing
        assert shown.article.quotes[shown.quote] == groups[0][1][1]
        await pilot.press("escape", "s")
        await settle(pilot)
        assert not quotes_screen(app).by_speaker
        assert listed(widget.rows) == quotes_by_date(corpus, app.filter)
        assert counts(app) == f"{total} quotes · by date · filter: none"
        assert " · " in line(widget, 1) and line(widget, 1).startswith("    — ")  # speaker · source · date
        await pilot.press("G", "enter")
        await settle(pilot)
        shown = app.screen.query_one(ArticleView).showing
        assert shown.article.quotes[shown.quote] == quotes_by_date(corpus, app.filter)[-1]


async def test_screen_follows_the_filter_and_shows_the_empty_state():
    corpus = fixture_corpus()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("Q")
        await settle(pilot)
        screen = quotes_screen(app)
        app.filter = Filter(people=frozenset({PUTIN}))
        await settle(pilot)
        want = quotes_by_date(corpus, app.filter)
        assert want and listed(screen.query_one(QuoteList).rows) == want
        assert counts(app).startswith(f"{len(want)} quote")
        app.filter = Filter(text="no such words anywhere")
        await settle(pilot)
        assert screen.has_class("-empty") and not screen.query_one(QuoteList).display
        assert "No quotes match the filter" in str(screen.query_one("#empty").render())
        await pilot.press("c")
        await settle(pilot)
        assert not screen.has_class("-empty") and screen.query_one(QuoteList).has_focus


async def test_help_lists_the_quote_keys():
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("Q")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = {desc for _t, rows in app.screen.sections for _k, desc in rows}
        for description in ("Next quote", "Previous quote", "Open the article at the quote", "By date/speaker", "Back"):
            assert description in text


# -- the worker --------------------------------------------------------------------------------


class FilterApp(App):
    """The two things QuotesScreen needs of the app: a `filter` and the styles."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "tui" / "app.tcss")
    filter: reactive[Filter] = reactive(Filter)


class Gate:
    """Holds `quote_base` in the worker until opened, to see the loading state."""

    def __init__(self, monkeypatch) -> None:
        self.open = threading.Event()
        self.calls = 0
        real = quote_rows_module.quote_base

        def gated(*args, **kwargs):
            self.calls += 1
            assert self.open.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr("tui.screens.quotes.quote_base", gated)


def quote_workers(app):
    return [w for w in app.workers if w.group == "quotes"]


async def test_big_corpus_loads_in_a_worker(monkeypatch):
    monkeypatch.setattr(QuotesScreen, "SYNC_ARTICLES", 0)
    monkeypatch.setattr(QuotesScreen, "SYNC_QUOTES", 0)
    gate = Gate(monkeypatch)
    corpus = synthetic(400, 5)
    app = FilterApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = QuotesScreen(corpus)
        await app.push_screen(screen)
        await pilot.pause()
        widget = screen.query_one(QuoteList)
        assert screen.loading_quotes and len(widget.rows) == 0
        assert line(widget, 0) == LOADING
        assert counts(app).startswith("loading quotes…")
        gate.open.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.loading_quotes
        assert listed(widget.rows) == [q for _s, qs in quotes_by_speaker(corpus) for q in qs]
        assert counts(app).startswith(f"{len(widget.rows)} quotes · by speaker")
        # `s` regroups the quotes already read: no second pass over the articles.
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gate.calls == 1
        assert listed(widget.rows) == quotes_by_date(corpus)


async def test_a_new_filter_cancels_the_running_worker(monkeypatch):
    monkeypatch.setattr(QuotesScreen, "SYNC_ARTICLES", 0)
    gate = Gate(monkeypatch)
    corpus = synthetic(400, 5)
    app = FilterApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = QuotesScreen(corpus)
        await app.push_screen(screen)
        await pilot.pause()
        (first,) = quote_workers(app)
        app.filter = Filter(people=frozenset({"Speaker 3"}))
        await pilot.pause()
        assert first.is_cancelled
        gate.open.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert listed(screen.query_one(QuoteList).rows) == quotes_by_date(corpus, app.filter)
        assert "filter: Speaker 3" in counts(app)


async def test_closing_the_screen_cancels_the_worker(monkeypatch):
    monkeypatch.setattr(QuotesScreen, "SYNC_ARTICLES", 0)
    gate = Gate(monkeypatch)
    app = FilterApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(QuotesScreen(synthetic(400, 5)))
        await pilot.pause()
        (worker,) = quote_workers(app)
        app.pop_screen()
        await pilot.pause()
        assert worker.is_cancelled
        gate.open.set()
        await app.workers.wait_for_complete()


async def test_timeline_app_q_on_a_big_corpus_shows_loading_first(monkeypatch):
    """The real app: Q shows the screen (loading) before any quote is read."""
    monkeypatch.setattr(QuotesScreen, "SYNC_ARTICLES", 0)
    gate = Gate(monkeypatch)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("Q")
        screen = quotes_screen(app)
        assert screen.loading_quotes and counts(app).startswith("loading quotes…")
        gate.open.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not screen.loading_quotes and len(screen.query_one(QuoteList).rows) > 0
        await pilot.press("Q")
        assert isinstance(app.screen, ReaderScreen)
