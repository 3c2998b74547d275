"""The main screen: the event list beside (or, when narrow, instead of) the article."""

from __future__ import annotations

import gc
from datetime import date
from time import monotonic

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import get_current_worker

from tui.corpus.model import Corpus, Event
from tui.corpus.query import Filter, article_count, filter_events
from tui.corpus.view import status_forms
from tui.messages import FilterRequest
from tui.widgets.article_view import ArticleView
from tui.widgets.event_list import EventList
from tui.widgets.status_line import StatusLine

NARROW_BELOW = 100


SETTLE_MIN_EVENTS = 5000
"""Corpora with fewer events are small enough for the collector as it is: `settle_memory` is
not worth its one collection."""

FULL_GC_EVERY = 100
"""After `settle_memory`, a full collection at most every this many second-generation ones
(Python's default: 10)."""


BURST = 0.15
"""Seconds: a cursor move that comes sooner than this after the one before is part of a burst
(keys typed or repeated in a rhythm), and the article pane waits for the burst to end."""

RHYTHM = 1.5
"""In a burst, the article pane waits this many times the last interval between two moves."""


def rest_delay(base: float, interval: float) -> float:
    """Seconds the cursor must rest before the article pane follows it: `base`, or longer while
    the moves come in a burst (`interval`: seconds since the move before), so that the pane is
    not drawn just before the user's next key.

    An article drawn 70 ms after a key, in a rhythm of one key every 80 ms, is replaced before
    anyone reads it, and it delays the next key's frame by 17-48 ms: its layout takes ~15 ms,
    and Textual draws at most one frame per 1/60 s, so a key that comes right after a frame
    waits one or two frame slots. Waiting for the user's own rhythm (plus half) keeps the
    article frames out of a burst; after a pause of more than `BURST` the delay is `base`."""
    if 0 <= interval < BURST:
        return max(base, RHYTHM * interval)
    return base


def settle_memory() -> tuple[int, int, int]:
    """The complete corpus is on screen: collect once, then move every object alive now (the
    corpus, its indexes, the widgets) out of the collector's generations (`gc.freeze`): later
    collections walk only what was made since. Frozen objects are still freed by reference
    counting. Returns the collector's thresholds before (see `unsettle_memory`).

    A full collection still costs tens of milliseconds (what it walks points into the frozen
    millions: cache misses), and drawing makes objects fast enough (a Textual strip is a dozen)
    to start one every second or so, each landing between some key press and its frame: they
    are made ten times rarer. Young garbage is still collected as often as before."""
    before = gc.get_threshold()
    gc.collect()
    gc.freeze()
    young, middle, full = before
    gc.set_threshold(young, middle, max(full, FULL_GC_EVERY))
    return before


def unsettle_memory(thresholds: tuple[int, int, int]) -> None:
    """Undo `settle_memory` (the reader is gone): what was frozen can be collected again."""
    gc.unfreeze()
    gc.set_threshold(*thresholds)


class ReaderScreen(Screen):
    """Timeline on the left, the selected event's article on the right."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]

    BINDINGS = [
        # A priority binding runs before the key is forwarded, so the letters typed right after
        # "/" land in the search box even when they arrive in the same read.
        Binding("slash", "search", "Search", priority=True, id="reader.search"),
        Binding("escape", "back", "Back / clear search / clear filters", show=False, id="reader.back"),
    ]

    SEARCH_DELAY = 0.12
    """Seconds of typing pause before the search box filters (Enter filters at once)."""

    ARTICLE_DELAY = 0.07
    """Seconds the cursor must rest on an event before the article pane shows it: held-down
    j/k repaints only the list; longer in a burst of moves (`rest_delay`). The app's
    `article_delay` overrides it (tests set 0: at once)."""

    def __init__(self, corpus: Corpus, loading: bool = False) -> None:
        super().__init__()
        self.corpus = corpus
        self.shown: list[Event] = []
        self._search_timer: Timer | None = None
        self._article_timer: Timer | None = None
        self._pending: Event | None = None
        self._moved_at = float("-inf")  # monotonic() of the last cursor move
        self._shown_key: tuple[str, str] | None = None  # (event id, search terms) in the pane
        self._gc_thresholds: tuple[int, int, int] | None = None  # set while memory is settled
        self.set_class(loading, "-loading")

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield ProgressBar(id="load-progress", show_eta=False)
        with Horizontal(id="panes"):
            yield EventList(id="events")
            yield Static(id="empty")
            yield ArticleView(self.corpus, id="article")
        yield Input(placeholder="Search events (Enter: keep, Esc: clear)", id="search", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(StatusLine).title = self.corpus.title
        self.watch(self.app, "filter", self._apply_filter)
        self.set_focus(self.query_one(EventList))
        if not self.has_class("-loading"):
            self.call_after_refresh(self._settle_memory)

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    @property
    def event_list(self) -> EventList:
        return self.query_one(EventList)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    # -- loading: the corpus grows while the worker builds it ---------------------------

    def set_progress(self, done: int, total: int) -> None:
        if self.is_mounted:
            self.query_one("#load-progress", ProgressBar).update(total=total or None, progress=done)

    def set_loading(self, loading: bool) -> None:
        finished = self.has_class("-loading") and not loading
        self.set_class(loading, "-loading")
        if finished and self.is_mounted:
            self.call_after_refresh(self._settle_memory)

    def _settle_memory(self) -> None:
        if self._gc_thresholds is None and len(self.corpus.events) >= SETTLE_MIN_EVENTS:
            self._gc_thresholds = settle_memory()

    def on_unmount(self) -> None:
        if self._gc_thresholds is not None:
            unsettle_memory(self._gc_thresholds)
            self._gc_thresholds = None

    def set_corpus(self, corpus: Corpus) -> None:
        """Show a bigger corpus in place: same filter, search and cursor (by event id)."""
        self.corpus = corpus
        if not self.is_mounted:
            return
        self.query_one(StatusLine).title = corpus.title
        self.article.set_corpus(corpus)
        # The cursor stays on the user's event; one nobody has moved stays on the first.
        self._show_filtered(self.app.filter, keep=self.event_list.cursor_moved)  # type: ignore[attr-defined]

    # -- filter down ---------------------------------------------------------------------

    def _filtered(self, flt: Filter) -> list[Event]:
        filtered = getattr(self.app, "filtered", None)
        if filtered is not None and getattr(self.app, "corpus", None) is self.corpus:
            return filtered(flt)
        return filter_events(self.corpus, flt)

    def _apply_filter(self, flt: Filter) -> None:
        # One parameter: Textual calls a watcher with (old, new) when it takes two.
        self._show_filtered(flt, keep=True)

    def _show_filtered(self, flt: Filter, keep: bool) -> None:
        events = self._filtered(flt)
        self.shown = events
        self.article.set_reactive(ArticleView.terms, flt.text)
        events_list = self.event_list
        events_list.set_events(events, keep=events_list.highlighted if keep else None)
        status = self.query_one(StatusLine)
        status.counts, *short = status_forms(
            len(events), article_count(events), flt.describe(), len(self.corpus.problems)
        )
        status.short_counts = tuple(short)
        self.set_class(not events, "-empty")
        if not events:
            self.query_one("#empty", Static).update(Content(self._empty_message(flt)))
        search = self.query_one("#search", Input)
        if search.value != flt.text and not search.has_focus:
            # Only when the filter changed elsewhere (c, the palette): while the user types,
            # the box is ahead of the filter and must not be rewound.
            search.value = flt.text
        self.set_class(bool(flt.text) or search.has_focus, "-searching")

    def _empty_message(self, flt: Filter) -> str:
        if not self.corpus.events:
            return "This corpus has no events: no article could be dated or read.\nPress ! to see the problems."
        lines = [f"No events match the filter: {flt.describe()}.", ""]
        if flt.text:
            lines.append("Press Escape to clear the search,")
        lines.append("press c to clear all filters, or f to change them.")
        return "\n".join(lines)

    # -- messages up from the widgets ----------------------------------------------------

    @on(EventList.Highlighted)
    def _highlighted(self, message: EventList.Highlighted) -> None:
        event = message.event
        key = (event.id, self.article.terms) if event is not None else None
        if key is not None and key == self._shown_key and self._article_timer is None:
            # The same event (the corpus grew, or a filter kept it): leave the pane as it is,
            # scroll position included.
            return
        self._pending = event
        if self._article_timer is not None:
            self._article_timer.stop()
            self._article_timer = None
        delay = getattr(self.app, "article_delay", None)
        if delay is None:
            delay = self.ARTICLE_DELAY
        now = monotonic()
        if delay > 0:
            delay = rest_delay(delay, now - self._moved_at)
        self._moved_at = now
        if delay <= 0:
            self._show_pending()
        else:
            self._article_timer = self.set_timer(delay, self._fetch_pending)

    def _fetch_pending(self) -> None:
        """The cursor has rested: read its articles (lazily kept in the index cache) and wrap
        the one to show in a worker, then show it, so the UI thread never waits on the cache
        file nor wraps a long body."""
        self._article_timer = None
        self._prefetch(self._pending, self.article)

    # A description, or Textual would describe the worker by repr() of the event, on this
    # thread: with its mentions, whose sentences are read from the cache.
    @work(thread=True, exclusive=True, group="article-prefetch", description="read the article")
    def _prefetch(self, event: Event | None, view: ArticleView) -> None:
        if event is not None:
            for article_id in event.article_ids:
                article = self.corpus.articles.get(article_id)
                if article is not None:
                    (article.body, article.paragraphs, article.dates)  # loads lazy fields here
            if not get_current_worker().is_cancelled:
                view.prepare(event)  # wraps the body here, off the UI thread
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_prefetched, event)

    def _show_prefetched(self, event: Event | None) -> None:
        if event is self._pending and self._article_timer is None:  # the cursor did not move on
            self._show_pending()

    def _show_pending(self) -> None:
        if self._article_timer is not None:
            self._article_timer.stop()
        self._article_timer = None
        event = self._pending
        self._shown_key = (event.id, self.article.terms) if event is not None else None
        self.article.show_event(event)

    @on(EventList.Selected)
    def _selected(self, message: EventList.Selected) -> None:
        if self.app.screen is not self:
            # A Selected that was still queued when the article opened (seen in a real terminal
            # under load): the reader is not in front, so it must not open a second article.
            return
        if self._pending is not None and self._shown_key != (self._pending.id, self.article.terms):
            self._show_pending()  # Enter before the pane caught up: catch up now
        if self.narrow:
            from tui.screens.article import ArticleScreen

            self.app.push_screen(ArticleScreen(self.corpus, event=message.event))
        else:
            self.set_focus(self.article)

    @on(Input.Changed, "#search")
    def _search_changed(self, message: Input.Changed) -> None:
        # Filtering a large corpus on every keystroke would make typing lag: wait for a pause.
        self._cancel_search_timer()
        self._search_timer = self.set_timer(self.SEARCH_DELAY, self._apply_search)

    def _cancel_search_timer(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None

    def _apply_search(self) -> None:
        self._cancel_search_timer()
        flt: Filter = self.app.filter  # type: ignore[attr-defined]
        value = self.query_one("#search", Input).value
        if value != flt.text:
            self.post_message(FilterRequest(flt.with_text(value)))

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self._apply_search()
        self.set_focus(self.event_list)
        self.set_class(bool(self.query_one("#search", Input).value), "-searching")

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and self.is_mounted and self.query_one("#search", Input).has_focus:
            return False  # "/" is a character to search for
        return True

    def action_search(self) -> None:
        self.add_class("-searching")
        # Focus now, not after a refresh: keys typed right after "/" belong to the search box.
        self.set_focus(self.query_one("#search", Input))

    def action_back(self) -> None:
        """Escape: leave the article, else clear the search, else clear the filters."""
        flt: Filter = self.app.filter  # type: ignore[attr-defined]
        search = self.query_one("#search", Input)
        if self.article.has_focus_within or self.article.has_focus:
            self.set_focus(self.event_list)
        elif search.has_focus or flt.text:
            self._cancel_search_timer()
            self.post_message(FilterRequest(flt.with_text("")))
            self.remove_class("-searching")
            self.set_focus(self.event_list)
        elif not flt.is_empty:
            self.post_message(FilterRequest(Filter()))

    def jump_to(self, day: date) -> None:
        if not self.event_list.jump_to_date(day):
            self.app.bell()
        self.set_focus(self.event_list)
