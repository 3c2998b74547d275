"""The timeline reader app: loads a corpus in a worker, owns the filter, switches screens."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.worker import get_current_worker

from tui.messages import FilterRequest
from tui.screens.loading import LoadingScreen, MessageScreen

# The other screens and the palette's commands are imported when first needed: the first frame
# (the loading screen) comes ~30 ms sooner.
if TYPE_CHECKING:
    from tui.corpus.model import Corpus, Event
    from tui.corpus.query import Filter
    from tui.screens.reader import ReaderScreen

def _timeline_commands() -> type:
    from tui.commands import TimelineCommands

    return TimelineCommands


SHOW_WAIT = 1.0
"""Seconds the loading worker waits, at most, for a new corpus to be on screen."""


def _no_filter() -> Filter:
    from tui.corpus.filters import Filter

    return Filter()


def initial_filter(corpus: Corpus) -> Filter:
    """The corpus's default date range (from its manifest), as a visible, clearable filter."""
    if corpus.default_range:
        lo, hi = corpus.default_range
        return _no_filter().with_range(lo, hi)
    return _no_filter()


class TimelineApp(App):
    """A keyboard-first reader for a folder of news articles, as a timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "timeline"
    COMMANDS = App.COMMANDS | {_timeline_commands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("f", "filter", "Filter", id="app.filter"),
        Binding("c", "clear_filters", "Clear", tooltip="Clear all filters", id="app.clear_filters"),
        Binding("Q", "quotes", "Quotes", id="app.quotes"),
        Binding(
            "A", "search_articles", "Search articles", show=False, tooltip="Full-text search", id="app.search_articles"
        ),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="app.problems"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        # Textual's own palette binding, with a description that says what is in it; kept out
        # of the footer (no room at 80 columns), listed in the help.
        Binding(
            "ctrl+p", "command_palette", "Commands: filter by name, jump to a date", show=False,
            priority=True, id="app.commands",
        ),
    ]

    filter: reactive[Filter] = reactive(_no_filter, init=False)
    """The current filter; screens watch it, anything may ask to change it (FilterRequest)."""

    class CorpusLoaded(Message):
        """A corpus from the worker: a partial one (a cold build indexes step by step) or the
        complete one (`final`)."""

        def __init__(self, corpus: Corpus, final: bool = True, shown: threading.Event | None = None) -> None:
            super().__init__()
            self.corpus = corpus
            self.final = final
            self.shown = shown
            """Set once the corpus is on screen (the worker waits for it before going on)."""

    class LoadProgress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class LoadFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, root: Path, corpus: Corpus | None = None) -> None:
        super().__init__()
        self.root = Path(root)
        self.corpus: Corpus | None = None
        self.loading = True
        """True until the worker has delivered the complete corpus."""
        self._given = corpus
        self._reader: ReaderScreen | None = None
        """The reader, from the moment it is created: a second corpus message may arrive before
        the screen switch to it has completed, and must not create another one."""
        self._filtered: tuple[int, Filter, list[Event]] | None = None
        self.article_delay: float | None = None
        """Seconds the cursor must rest before the article pane follows it (0: at once; None:
        the reader's `ARTICLE_DELAY`)."""

    def on_mount(self) -> None:
        self.push_screen(LoadingScreen(str(self.root)))
        if self._given is not None:
            self.post_message(self.CorpusLoaded(self._given))
        else:
            # After the first frame: the worker would otherwise hold the interpreter while
            # Textual draws it.
            self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        """Read and extract the corpus off the UI thread. Posts progress, each partial corpus
        as it comes (the reader shows it at once and grows in place), then the complete one."""
        from tui.corpus.build import iter_corpus
        from tui.corpus.model import Corpus

        worker = get_current_worker()
        last: Corpus | None = None
        try:
            for item in iter_corpus(self.root):
                if worker.is_cancelled:
                    return
                if isinstance(item, Corpus):
                    last = item
                    shown = threading.Event()
                    self.post_message(self.CorpusLoaded(item, final=False, shown=shown))
                    # Let the reader draw it before the build goes on competing for the
                    # interpreter (walking 20,000 files, assembling), within reason.
                    shown.wait(SHOW_WAIT)
                else:
                    self.post_message(self.LoadProgress(*item))
        except Exception as exc:  # the loader should not raise; if it does, say so, don't die
            self.post_message(self.LoadFailed(f"{type(exc).__name__}: {exc}"))
            return
        if last is not None and not worker.is_cancelled:
            # The last corpus yielded is the complete one: say so (the same object again).
            self.post_message(self.CorpusLoaded(last, final=True))

    # A description, or Textual would describe the worker by repr() of its argument: the
    # whole corpus, 25 s at 100,000 events.
    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False, description="prepare filters")
    def prepare(self, corpus: Corpus) -> None:
        """The lookup structures of filters and facets, built off the UI thread once the corpus
        is complete (at 100,000 events each costs 0.1-1 s on its first use)."""
        from tui.corpus.query import prepare

        prepare(corpus)

    def filtered(self, flt: Filter) -> list[Event]:
        """The corpus's events that `flt` lets through: computed once per filter (and corpus),
        however many screens ask."""
        corpus = self.corpus
        if corpus is None:
            return []
        cached = self._filtered
        if cached is not None and cached[0] == id(corpus) and cached[1] == flt:
            return cached[2]
        from tui.corpus.query import filter_events

        events = filter_events(corpus, flt)
        self._filtered = (id(corpus), flt, events)
        return events

    @property
    def reader(self) -> ReaderScreen | None:
        return self._reader

    # -- loading messages ----------------------------------------------------------------

    @on(LoadProgress)
    def _progress(self, message: LoadProgress) -> None:
        from tui.screens.reader import ReaderScreen

        for screen in self.screen_stack:
            if isinstance(screen, (LoadingScreen, ReaderScreen)):
                screen.set_progress(message.done, message.total)

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self.switch_screen(MessageScreen(f"Could not load {self.root}:\n{message.error}\n\nPress q to quit."))

    @on(CorpusLoaded)
    def _loaded(self, message: CorpusLoaded) -> None:
        from tui.screens.reader import ReaderScreen

        corpus = message.corpus
        if message.shown is not None:
            self.call_after_refresh(message.shown.set)
        first = self.corpus is None
        if message.final:
            self.loading = False
            self.prepare(corpus)
        if first and not corpus.articles and not message.final:
            return  # nothing to show yet: the loading screen stays
        reader = self.reader
        if reader is not None:
            # The corpus grew (or the build finished): update in place, keep the cursor, the
            # filter and the search; no screen switch.
            if corpus is not self.corpus:
                self.corpus = corpus
                reader.set_corpus(corpus)
            reader.set_loading(self.loading)
            return
        self.corpus = corpus
        if first:
            self.set_reactive(TimelineApp.filter, initial_filter(corpus))
        if not corpus.articles:
            self.switch_screen(
                MessageScreen(
                    f"No articles could be read in {corpus.root}.\n\n"
                    f"{len(corpus.problems)} problems: press ! to list them, q to quit."
                )
            )
            return
        self._reader = ReaderScreen(corpus, loading=self.loading)
        self.switch_screen(self._reader)

    @on(FilterRequest)
    def _filter_request(self, message: FilterRequest) -> None:
        self.filter = message.filter

    # -- actions and commands ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from tui.screens.filter_panel import FilterPanel
        from tui.screens.quotes import QuotesScreen
        from tui.screens.reader import ReaderScreen

        if action in ("filter", "quotes", "clear_filters", "search_articles") and (
            self.corpus is None or not isinstance(self.screen, (ReaderScreen, QuotesScreen, FilterPanel))
        ):
            return False
        if action == "clear_filters":
            return not self.filter.is_empty
        if action == "problems":
            return bool(self.corpus and self.corpus.problems)
        return True

    def action_filter(self) -> None:
        from tui.screens.filter_panel import FilterPanel

        if self.corpus is not None and not isinstance(self.screen, FilterPanel):
            self.push_screen(FilterPanel(self.corpus, self.filter))

    def action_clear_filters(self) -> None:
        self.clear_filters()

    def clear_filters(self) -> None:
        self.filter = _no_filter()

    def toggle_facet(self, facet: str, value: str) -> None:
        self.filter = self.filter.toggled(facet, value)

    def action_quotes(self) -> None:
        from tui.screens.quotes import QuotesScreen

        if isinstance(self.screen, QuotesScreen):
            self.pop_screen()
        else:
            self.show_quotes(True)

    def show_quotes(self, by_speaker: bool = True) -> None:
        from tui.screens.quotes import QuotesScreen

        if self.corpus is None:
            return
        self.show_timeline()
        self.push_screen(QuotesScreen(self.corpus, by_speaker))

    def action_search_articles(self) -> None:
        from tui.screens.search import SearchScreen

        if self.corpus is None:
            return
        self.show_timeline()
        self.push_screen(SearchScreen(self.corpus))

    def show_timeline(self) -> None:
        from tui.screens.reader import ReaderScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, ReaderScreen):
            self.pop_screen()

    def jump_to(self, day: date) -> None:
        from tui.screens.reader import ReaderScreen

        self.show_timeline()
        if isinstance(self.screen, ReaderScreen):
            if self.filter.date_from and day < self.filter.date_from or self.filter.date_to and day > self.filter.date_to:
                self.filter = self.filter.with_range(None, None)
            self.screen.jump_to(day)

    def action_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        if self.corpus is not None and not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.corpus.problems, self.corpus.title, self.corpus.root))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, help_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self, self.screen)))


def run_app(root: Path) -> int:
    """Run the reader on `root`; return the process exit code."""
    app = TimelineApp(root)
    app.run()
    return app.return_code or 0
