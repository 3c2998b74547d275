"""Every quote in the corpus, by speaker or by date ("who said what when").

Listing the quotes reads every article's quotes, seconds on a 20,000-article corpus: the screen
shows "Loading quotes…" at once and builds the list in a thread worker (one at a time, cancelled
when the filter changes or the screen closes). A small corpus is listed at once instead, with no
loading state to flash. The quotes matching the filter are kept as arrays (`QuoteBase`), so `s`
only regroups them.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tui.corpus.model import Corpus
from tui.corpus.query import Filter
from tui.corpus.quote_rows import EMPTY_ROWS, QuoteBase, QuoteRows, arrange, quote_base
from tui.corpus.view import plural
from tui.widgets.quote_list import QuoteList
from tui.widgets.status_line import StatusLine

LOADING = "Loading quotes…"


class QuotesScreen(Screen):
    """A list of quotes; Enter opens the article at the chosen quote."""

    BINDINGS = [
        Binding("s", "toggle_order", "By date/speaker", id="quotes.order"),
        Binding("escape,Q", "app.pop_screen", "Back", id="quotes.back"),
    ]

    SYNC_ARTICLES = 200
    """Corpora with at most this many articles are listed in the UI thread (a few ms)."""
    SYNC_QUOTES = 5_000
    """Quotes already read are regrouped (`s`) in the UI thread up to this many."""

    by_speaker: reactive[bool] = reactive(True, init=False)

    def __init__(self, corpus: Corpus, by_speaker: bool = True) -> None:
        super().__init__()
        self.corpus = corpus
        self.set_reactive(QuotesScreen.by_speaker, by_speaker)
        self._base: tuple[Filter, QuoteBase] | None = None  # the quotes of the last filter read
        self._request = 0  # bumped by every rebuild: a worker's late answer to an older one is dropped
        self._filter = Filter()

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield QuoteList(id="quotes")
        yield Static(id="empty")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(StatusLine).title = f"Quotes · {self.corpus.title}"
        self.query_one(QuoteList).focus()
        self.watch(self.app, "filter", self._rebuild)

    def watch_by_speaker(self) -> None:
        self._rebuild(self.app.filter)  # type: ignore[attr-defined]

    @property
    def loading_quotes(self) -> bool:
        return self.has_class("-loading")

    def _rebuild(self, flt: Filter) -> None:
        self._request += 1
        self._filter = flt
        self.workers.cancel_group(self, "quotes")
        base = self._base[1] if self._base is not None and self._base[0] == flt else None
        if base is None and len(self.corpus.articles) <= self.SYNC_ARTICLES:
            base = quote_base(self.corpus, flt)
            assert base is not None
            self._base = (flt, base)
        if base is not None and len(base.art) <= self.SYNC_QUOTES:
            self._show(arrange(base, self.by_speaker))
            return
        self._show_loading()
        self._build(self._request, flt, self.by_speaker, base)

    # A fixed description: by default Textual would repr the arguments (300,000 quotes: seconds).
    @work(thread=True, exclusive=True, group="quotes", exit_on_error=False, description="list the quotes")
    def _build(
        self, request: int, flt: Filter, by_speaker: bool, base: QuoteBase | None
    ) -> tuple[int, Filter, QuoteBase, QuoteRows] | None:
        worker = get_current_worker()
        if base is None:
            base = quote_base(self.corpus, flt, lambda: worker.is_cancelled)
        if base is None or worker.is_cancelled:
            return None
        return request, flt, base, arrange(base, by_speaker)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "quotes":
            return
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            request, flt, base, rows = event.worker.result
            if request == self._request:
                self._base = (flt, base)
                self._show(rows)
        elif event.state == WorkerState.ERROR and self.loading_quotes:
            self.remove_class("-loading")
            self.query_one(QuoteList).placeholder = f"Could not list the quotes: {event.worker.error}"
            self._status("quotes not listed", self._filter)

    def _status(self, counted: str, flt: Filter) -> None:
        order = "by speaker" if self.by_speaker else "by date"
        status = self.query_one(StatusLine)
        status.counts = f"{counted} · {order} · filter: {flt.describe()}"
        status.short_counts = (f"{counted} · filter: {flt.describe()}",)

    def _show_loading(self) -> None:
        quote_list = self.query_one(QuoteList)
        quote_list.set_rows(EMPTY_ROWS)
        quote_list.placeholder = LOADING
        self.remove_class("-empty")
        self.add_class("-loading")
        self._status("loading quotes…", self._filter)

    def _show(self, rows: QuoteRows) -> None:
        flt = self._filter
        count = len(rows)
        quote_list = self.query_one(QuoteList)
        quote_list.placeholder = ""
        quote_list.set_rows(rows)
        self.remove_class("-loading")
        self._status(plural(count, "quote"), flt)
        self.set_class(count == 0, "-empty")
        if count == 0:
            self.query_one("#empty", Static).update(
                Content(f"No quotes match the filter: {flt.describe()}.\n\nPress c to clear all filters.")
            )
        else:
            quote_list.focus()  # again after the empty state, which hid the list

    def action_toggle_order(self) -> None:
        self.by_speaker = not self.by_speaker

    @on(QuoteList.Selected)
    def _open(self, message: QuoteList.Selected) -> None:
        from tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.corpus, article_id=message.article.id, quote_index=message.quote_index))
