"""Behaviour of the reader, driven with the pilot on fixture corpora."""

from __future__ import annotations

import dataclasses
import time
from datetime import date

import pytest
from rich.color import ColorSystem
from textual.color import Color
from textual.widgets import Input

from tests.ui_support import BASIC, counts, fixture_corpus, make_app, ready, search_articles, settle
from tui.corpus.model import DateSpan, Event, Mention, PartialDate
from tui.corpus.query import Filter, article_count
from tui.corpus.search_index import first_match
from tui.screens.article import ArticleScreen
from tui.screens.filter_panel import FilterPanel
from tui.screens.help import HelpScreen
from tui.screens.problems import ProblemsScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import HitList, SearchScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.event_list import EventList

WIDE = (160, 48)
NARROW = (80, 24)


def showing(app):
    return app.screen.query_one(ArticleView).showing


async def test_first_event_is_selected_on_start():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        events = app.screen.query_one(EventList)
        corpus = fixture_corpus()
        assert events.highlighted is corpus.events[0]
        assert showing(app).article.id in corpus.events[0].article_ids
        assert counts(app).startswith(f"{len(corpus.events)} events · {len(corpus.articles)} articles")


async def test_keys_move_the_selection_and_change_the_article():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        events = app.screen.query_one(EventList)
        corpus = fixture_corpus()
        seen = [events.highlighted]
        for key in ("j", "down", "j"):
            await pilot.press(key)
            seen.append(events.highlighted)
        assert seen == corpus.events[:4]
        await settle(pilot)
        assert showing(app).event is corpus.events[3]
        await pilot.press("k", "up")
        assert events.highlighted is corpus.events[1]
        await pilot.press("G")
        assert events.highlighted is corpus.events[-1]
        await pilot.press("g")
        assert events.highlighted is corpus.events[0]
        await pilot.press("end")
        assert events.highlighted is corpus.events[-1]
        await pilot.press("home", "pagedown")
        assert events.highlighted is corpus.events[-1]  # the fixture fits on one page
        await pilot.press("pageup")
        assert events.highlighted is corpus.events[0]


async def test_enter_reads_tab_switches_panes_and_escape_goes_back():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        assert app.focused is app.screen.query_one(ArticleView)
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(EventList)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(ArticleView)


async def test_narrow_layout_opens_the_article_full_width_and_escape_returns():
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert app.screen.has_class("-narrow")
        assert not app.screen.query_one(ArticleView).display
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert showing(app).event is fixture_corpus().events[1]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


def _multi_source_index():
    corpus = fixture_corpus()
    return next(i for i, e in enumerate(corpus.events) if len(e.article_ids) > 1)


async def test_multi_source_event_steps_through_its_sources():
    index = _multi_source_index()
    event = fixture_corpus().events[index]
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        app.screen.query_one(EventList).select_index(index)
        await pilot.press("enter")
        await settle(pilot)
        first = showing(app).article.id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        second = showing(app).article.id
        assert {first, second} == set(event.article_ids[:2]) and first != second
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert showing(app).article.id == first


async def test_quote_jumps_land_on_quotes():
    app = make_app()
    corpus = fixture_corpus()
    index = next(i for i, e in enumerate(corpus.events)
                 if len(corpus.articles[e.article_ids[0]].quotes) >= 2)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        app.screen.query_one(EventList).select_index(index)
        await pilot.press("enter")
        await settle(pilot)
        article = showing(app).article
        starts = sorted(q.start for q in article.quotes)
        landed = []
        for _ in range(len(starts)):
            await pilot.press("n")
            await settle(pilot)
            s = showing(app)
            landed.append(s.article.quotes[s.quote].start)
        assert landed == sorted(landed) and set(landed) <= set(starts)
        await pilot.press("N")
        await settle(pilot)
        s = showing(app)
        assert s.article.quotes[s.quote].start == landed[-2]
        # The quote's paragraph is on screen (the body is one widget: its first line is).
        view = app.screen.query_one(ArticleView)
        body = str(view.body.render())
        assert article.quotes[s.quote].text[:20] in body
        line = view.mark_line()
        assert line is not None
        assert view.scroll_y <= line < view.scroll_y + view.scrollable_content_region.height


async def test_search_changes_the_counts_and_escape_clears_it():
    app = make_app()
    corpus = fixture_corpus()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        before = counts(app)
        await pilot.press("slash", *"kremlin", "enter")  # Enter applies at once
        await settle(pilot)
        assert app.filter.text == "kremlin"
        shown = app.screen.shown
        assert 0 < len(shown) < len(corpus.events)
        assert counts(app).startswith(f"{len(shown)} event")
        assert "“kremlin”" in counts(app)
        assert app.focused is app.screen.query_one(EventList)
        await pilot.press("escape")
        await settle(pilot)
        assert app.filter.is_empty and counts(app) == before
        assert not app.screen.query_one(Input).display


async def test_empty_result_says_why_and_how_to_clear():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zzzz", "enter")
        await settle(pilot)
        assert app.screen.has_class("-empty")
        message = str(app.screen.query_one("#empty").render())
        assert "No events match" in message and "zzzz" in message and "Escape" in message
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.has_class("-empty")


async def test_filter_panel_people_filter_changes_counts_and_c_clears():
    app = make_app()
    corpus = fixture_corpus()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterPanel)
        await pilot.press("space")  # the first person, the one on most events
        await settle(pilot)
        assert len(app.filter.people) == 1
        person = next(iter(app.filter.people))
        await pilot.press("escape")
        await settle(pilot)
        shown = app.screen.shown
        assert shown and all(person in e.people for e in shown)
        assert len(shown) < len(corpus.events)
        assert counts(app) == f"{len(shown)} event{'s' * (len(shown) != 1)} · {article_count(shown)} article" \
            f"{'s' * (article_count(shown) != 1)} · filter: {person} · {len(corpus.problems)} problem" \
            f"{'s' * (len(corpus.problems) != 1)} (!)"
        await pilot.press("c")
        await settle(pilot)
        assert app.filter.is_empty and len(app.screen.shown) == len(corpus.events)


async def test_filter_panel_date_range_uses_overlap():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#range", Input).focus()
        await pilot.press(*"2022-01", "enter")
        await settle(pilot)
        assert (app.filter.date_from, app.filter.date_to) == (date(2022, 1, 1), date(2022, 1, 31))
        await pilot.press("escape")
        await settle(pilot)
        shown = app.screen.shown
        assert shown and all(e.span and e.span.overlaps(date(2022, 1, 1), date(2022, 1, 31)) for e in shown)


async def test_default_range_is_applied_visibly_and_one_key_clears_it():
    corpus = dataclasses.replace(fixture_corpus(), default_range=(date(2021, 1, 1), date(2022, 12, 31)))
    app = make_app(corpus=corpus)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert "filter: 2021–2022" in counts(app)
        assert all(e.span and e.span.last_day.year >= 2021 for e in app.screen.shown)
        await pilot.press("c")
        await settle(pilot)
        assert len(app.screen.shown) == len(corpus.events)


async def test_quotes_view_opens_the_article_at_the_quote():
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await pilot.press("Q")
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        s = showing(app)
        assert s.quote is not None
        await pilot.press("escape", "s")  # back, then order by date
        await settle(pilot)
        assert isinstance(app.screen, QuotesScreen) and not app.screen.by_speaker
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_article_search_opens_a_hit_at_its_first_match_and_comes_back():
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await search_articles(pilot, "trade")
        search = app.screen
        assert isinstance(search, SearchScreen) and search.query_one(Input).value == "trade"
        hits = search._hits
        assert len(hits) == 3 and search.query_one(HitList).has_focus
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        article = fixture_corpus().articles[hits[1].article_id]
        s = showing(app)
        assert s.article.id == article.id and s.sentence == first_match(article.body, "trade")
        assert article.body[slice(*s.sentence)].casefold() == "trade"
        await pilot.press("escape")
        assert app.screen is search and search._hits == hits  # the hits are kept
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_article_search_cleared_shows_the_hint_not_the_last_hits():
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await search_articles(pilot, "Shanghai")
        search = app.screen
        assert len(search._hits) == 1 and counts(app) == "1 article matches"
        search.query_one(Input).focus()
        await pilot.press(*["backspace"] * len("Shanghai"), "enter")
        await settle(pilot)
        assert search._hits == [] and not search.has_class("-hits")
        assert not search.query_one(HitList).display and counts(app) == "type to search"


async def test_help_is_generated_from_the_bindings():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(desc for _t, rows in app.screen.sections for _k, desc in rows)
        for description in ("Next event", "Read", "Search", "Filter", "Quotes", "Quit", "Next quote"):
            assert description in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_problems_are_counted_and_listed():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert "problem" in counts(app)
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert any("broken.txt" in p.path for p in app.screen.problems)


async def test_article_text_is_never_markup():
    corpus = fixture_corpus()
    article = next(a for a in corpus.articles.values() if "[@click=app.quit]" in a.body)
    index = next(i for i, e in enumerate(corpus.events) if article.id in e.article_ids)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        app.screen.query_one(EventList).select_index(index)
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        rendered = " ".join(str(w.render()) for w in view.query("Static"))
        assert "[@click=app.quit]y[/]" in rendered and "[red]x[/]" in rendered
        await pilot.click(ArticleView)  # a click on the text runs no action
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ReaderScreen)


async def test_palette_command_filters_by_person():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"filter by person: vladimir putin")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.filter.people == frozenset({"Vladimir Putin"})


async def test_resizing_never_crashes():
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        for size in ((200, 60), (60, 15), (100, 30), (99, 30), (20, 5), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            await pilot.press("j")
        assert app.screen.has_class("-narrow")


async def test_loading_runs_in_a_worker():
    from tui.app import TimelineApp

    app = TimelineApp(BASIC)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.screen.shown) == len(fixture_corpus().events)


def _growing_app(monkeypatch, events_of_partial):
    """An app whose loading worker yields a partial corpus (the full one's `events_of_partial`
    and their articles), then waits for the returned gate before yielding the full corpus."""
    import threading

    import tui.corpus.build as build
    from tui.app import TimelineApp

    full = fixture_corpus()
    events = events_of_partial(full)
    keep_ids = {a for e in events for a in e.article_ids}
    partial = dataclasses.replace(
        full, events=events, articles={k: a for k, a in full.articles.items() if k in keep_ids}, index=None
    )
    gate = threading.Event()

    def fake_iter(root, partial_=True):
        yield (0, len(full.articles))
        yield (len(keep_ids), len(full.articles))
        yield partial
        gate.wait(10)
        yield (len(full.articles), len(full.articles))
        yield full

    monkeypatch.setattr(build, "iter_corpus", fake_iter)
    app = TimelineApp(BASIC)
    app.article_delay = 0
    return app, full, gate


async def test_a_cursor_nobody_moved_stays_on_the_first_event_as_the_corpus_grows(monkeypatch):
    """The first look at a big folder is its first few files, not its earliest events: when the
    rest arrives, an untouched cursor goes to the new first event (a moved one stays put)."""
    app, full, gate = _growing_app(monkeypatch, lambda c: [e for e in c.events if e.span is not None][-3:])
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.event_list.highlighted.id == reader.shown[0].id != full.events[0].id
        gate.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert not app.loading and len(reader.shown) == len(full.events)
        assert reader.event_list.highlighted.id == full.events[0].id


async def test_partial_corpora_show_at_once_and_grow_in_place(monkeypatch):
    """A cold build yields partial corpora: the reader shows the first at once (with a progress
    bar), then grows in place: same screen, same filter and search, cursor on the same event."""
    app, full, gate = _growing_app(monkeypatch, lambda c: [e for e in c.events if e.span is not None][:4])
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and app.loading
        assert reader.has_class("-loading") and reader.query_one("#load-progress").display
        assert len(reader.shown) == 4
        await pilot.press("j", "j")
        await settle(pilot)
        cursor_id = reader.event_list.highlighted.id
        app.filter = app.filter.with_text("")  # a filter the user chose stays
        gate.set()
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.screen is reader and not app.loading and not reader.has_class("-loading")
        assert len(reader.shown) == len(full.events)
        assert reader.event_list.highlighted.id == cursor_id
        assert reader.query_one(ArticleView).showing.event.id == cursor_id


async def test_a_corpus_without_articles_explains_itself(tmp_path):
    from tui.app import TimelineApp

    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    app = TimelineApp(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await app.workers.wait_for_complete()
        await ready(pilot)
        text = str(app.screen.query_one("#message-text").render())
        assert "No articles" in text


async def test_event_list_is_virtual_for_100k_events():
    from textual.app import App

    first = date(2000, 1, 1).toordinal()
    events = [
        Event(f"e{i}", DateSpan(PartialDate.from_date(date.fromordinal(first + i // 20))),
              f"Event number {i}", [Mention("a", "s", 0, 1)])
        for i in range(100_000)
    ]

    class ListApp(App):
        def compose(self):
            yield EventList()

    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        widget = app.query_one(EventList)
        started = time.perf_counter()
        widget.set_events(events)
        await pilot.pause()
        assert widget.highlighted is events[0]
        await pilot.press("G")
        assert widget.highlighted is events[-1]
        await pilot.press("k", "pageup")
        await pilot.pause()
        assert time.perf_counter() - started < 3.0
        assert widget.virtual_size.height > 100_000  # headings are rows too
        assert not list(widget.children)  # no widget per row


# -- legibility ------------------------------------------------------------------------------


def contrast(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            c = v / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def row_contrasts(strip) -> list[tuple[str, float, float, float]]:
    """(text, truecolor, 16 colours, greyscale as under NO_COLOR) contrast of each segment."""
    out = []
    for seg in strip:
        if not seg.text.strip():
            continue
        fg, bg = seg.style.color, seg.style.bgcolor
        assert fg is not None and bg is not None, seg
        if seg.style.reverse:
            fg, bg = bg, fg
        true = lambda c: tuple(c.get_truecolor())  # noqa: E731
        sixteen = lambda c: tuple(c.downgrade(ColorSystem.STANDARD).get_truecolor())  # noqa: E731
        grey = lambda c: Color.from_rich_color(c).monochrome.rgb  # noqa: E731
        out.append((seg.text, contrast(true(fg), true(bg)), contrast(sixteen(fg), sixteen(bg)),
                    contrast(grey(fg), grey(bg))))
    return out


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_every_column_of_the_cursor_row_is_legible(monkeypatch, no_color):
    """The date and the source count of the cursor row stay readable on its background, with
    true colour, with 16 colours (TERM=linux) and in grey (NO_COLOR), focused or not."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    corpus = fixture_corpus()
    index = next(i for i, e in enumerate(corpus.events) if len(e.article_ids) > 1)  # has " 2 src"
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        events = app.screen.query_one(EventList)
        events.select_index(index)
        await settle(pilot)
        for focused in (True, False):
            if not focused:
                app.screen.set_focus(app.screen.query_one(ArticleView))
                await settle(pilot)
            strip = events.render_line(events.cursor - events.scroll_offset.y)
            text = "".join(seg.text for seg in strip)
            assert text.startswith("▶") and "src" in text
            for part, true, sixteen, grey in row_contrasts(strip):
                assert true >= 4.5, (focused, part, true)
                assert sixteen >= 3 and grey >= 3, (focused, part, sixteen, grey)
            if no_color and focused:
                assert all(seg.style.reverse for seg in strip if seg.text.strip())


def footer_items(app):
    """The footer's key hints, left to right: (text, region)."""
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)
    items = [w for w in footer.query("FooterKey, FooterLabel") if w.display]
    return sorted(((str(w.render()).strip(), w.region) for w in items), key=lambda item: item[1].x)


async def test_footer_hints_are_apart_and_cover_what_a_newcomer_needs():
    corpus = dataclasses.replace(fixture_corpus(), default_range=(date(2021, 1, 1), date(2022, 12, 31)))
    app = make_app(corpus=corpus)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        items = footer_items(app)
        text = "  ".join(t for t, _ in items)
        for needed in ("Move", "Read", "Search", "Filter", "Clear", "Quotes", "Help", "Quit"):
            assert needed in text, text
        for (left, a), (right, b) in zip(items, items[1:]):
            assert b.x >= a.right + (1 if len(left) == 1 else 2), f"{left!r} runs into {right!r}"
        assert all(region.right <= NARROW[0] for _, region in items), text


async def test_the_title_keeps_its_room_at_80_columns():
    title = "Iran–Russia relations, 2021–2022"
    corpus = dataclasses.replace(
        fixture_corpus(), title=title, problems=[], default_range=(date(2021, 1, 1), date(2022, 12, 31))
    )
    app = make_app(corpus=corpus)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        from tui.widgets.status_line import StatusLine

        line = str(app.screen.query_one(StatusLine).render())
        assert line.startswith(title) and line.rstrip().endswith("filter: 2021–2022"), line
        assert " events · " in line


def test_the_counts_side_gives_way_before_the_title():
    from tui.corpus.view import status_forms
    from tui.widgets.status_line import fit_status

    title = "Iran–Russia relations, 2021–2022"
    forms = status_forms(14, 5, "2021–2022", problems=2)
    # Everything fits: the long forms.
    assert fit_status(title, forms, 120) == (title, forms[0])
    # 78 cells: the title whole, the counts abbreviated.
    shown_title, counts = fit_status(title, forms, 78)
    assert shown_title == title and counts.startswith("14 ev · 5 art · filter: 2021–2022")
    # Very narrow: the title keeps half the width, the counts are cut.
    shown_title, counts = fit_status(title, forms, 40)
    assert shown_title.startswith("Iran–Russia rel") and len(shown_title) == 20
    assert counts.endswith("…") and len(shown_title) + 2 + len(counts) <= 40


async def test_wide_layout_says_which_quote_and_marks_the_focused_pane():
    """n/N in the wide layout: the article pane's heading says "quote 2 of 7"; Tab moves between
    the panes and the focused one's heading starts with "▶" (a cue that needs no colour)."""
    corpus = fixture_corpus()
    index = next(i for i, e in enumerate(corpus.events) if len(corpus.articles[e.article_ids[0]].quotes) >= 2)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        events, view = app.screen.query_one(EventList), app.screen.query_one(ArticleView)
        assert str(events.border_title).startswith("▶ Timeline") and not str(view.border_title).startswith("▶")
        events.select_index(index)
        await pilot.press("enter")
        await settle(pilot)
        total = len(showing(app).article.quotes)
        assert str(view.border_title) == f"▶ Article · {total} quotes"
        assert not str(events.border_title).startswith("▶")
        await pilot.press("n", "n")
        await settle(pilot)
        assert str(view.border_title).startswith(f"▶ Article · quote 2 of {total}")
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is events and str(events.border_title).startswith("▶")
        assert str(view.border_title).startswith(f"Article · quote 2 of {total}")
        await pilot.press("tab")
        assert app.focused is view


async def test_narrow_article_screen_counts_quotes_in_reading_order():
    """The full-width article screen and the wide pane share one "quote i of n" label."""
    from tui.corpus.view import quote_label

    corpus = fixture_corpus()
    index = next(i for i, e in enumerate(corpus.events) if len(corpus.articles[e.article_ids[0]].quotes) >= 2)
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        app.screen.query_one(EventList).select_index(index)
        await pilot.press("enter", "n")
        await settle(pilot)
        s = showing(app)
        assert counts(app) == quote_label(s.article, s.quote)
        assert counts(app).startswith(f"quote 1 of {len(s.article.quotes)}")


async def test_search_waits_for_a_pause_in_typing_and_enter_applies_at_once(monkeypatch):
    """Typing does not re-filter the corpus on every key: the filter runs once the typing stops
    (SEARCH_DELAY, made long here so that only Enter can apply it), once per search."""
    import tui.corpus.query as query_module

    calls = []
    real = query_module.filter_events
    # The app imports it when it first filters: patched where it is defined.
    monkeypatch.setattr(query_module, "filter_events", lambda corpus, flt: calls.append(flt.text) or real(corpus, flt))
    monkeypatch.setattr(ReaderScreen, "SEARCH_DELAY", 3600)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        calls.clear()
        await pilot.press("slash", *"kremlin")
        await settle(pilot)
        assert app.filter.text == "" and calls == []
        await pilot.press("enter")
        await settle(pilot)
        assert app.filter.text == "kremlin" and calls == ["kremlin"]
        await pilot.press("slash", *"xyz", "escape")  # Escape drops the pending search
        await settle(pilot)
        assert app.filter.text == "" and "kremlinxyz" not in calls


async def test_filter_panel_says_in_text_what_is_checked():
    """Checked and unchecked items differ in their text ("[x] " / "[ ] "), not only in colour,
    and the marks follow the current filter."""
    from tui.widgets.check_list import CheckList

    def prompts(facet):
        return [str(o.prompt) for o in app.screen.query_one(f"#{facet}", CheckList).options]

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert all(p.startswith("[ ] ") for p in prompts("people"))
        await pilot.press("space")
        await settle(pilot)
        person = next(iter(app.filter.people))
        assert prompts("people")[0].startswith(f"[x] {person}  (")
        assert sum(p.startswith("[x] ") for p in prompts("people")) == 1
        assert str(app.screen.query_one("#filter-summary").render()).startswith("Filters · ")
        assert person in str(app.screen.query_one("#filter-summary").render())
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")  # reopened: the marks come from the filter
        await settle(pilot)
        assert prompts("people")[0].startswith("[x] ")
        await pilot.press("c")
        await settle(pilot)
        assert app.filter.is_empty and all(p.startswith("[ ] ") for p in prompts("people"))


async def test_corpus_messages_in_quick_succession_make_one_reader():
    """The worker posts the last partial corpus and then the complete one back to back: however
    they interleave with the screen switch, there is one reader, and an article the user opened
    stays in front until Escape."""
    from tui.app import TimelineApp

    corpus = fixture_corpus()
    app = TimelineApp(BASIC, corpus=corpus)
    app.article_delay = 0
    async with app.run_test(size=NARROW) as pilot:
        app.post_message(TimelineApp.CorpusLoaded(corpus, final=False))
        app.post_message(TimelineApp.CorpusLoaded(corpus, final=True))
        await ready(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        app.post_message(TimelineApp.CorpusLoaded(corpus, final=True))
        await settle(pilot)
        readers = [s for s in app.screen_stack if isinstance(s, ReaderScreen)]
        assert len(readers) == 1
        assert type(app.screen).__name__ == "ArticleScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is readers[0]


async def test_the_article_follows_a_resting_cursor_through_a_worker():
    """With the rest delay on (as in the real app), the article's text is fetched in a worker
    and the pane then shows the event the cursor rests on, not one it passed over."""
    app = make_app()
    app.article_delay = 0.01
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        reader = app.screen
        await pilot.press("j", "j", "k")
        target = reader.event_list.highlighted
        for _ in range(200):
            await pilot.pause(0.01)
            if reader._shown_key and reader._shown_key[0] == target.id:
                break
        assert reader._shown_key is not None and reader._shown_key[0] == target.id
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert reader._shown_key[0] == target.id
