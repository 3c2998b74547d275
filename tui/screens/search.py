"""Full-text search of the articles: ranked hits, each with its title, source, date and a
snippet with the matched words marked; Enter opens the article at its first match.

The search runs in a thread worker (the first one on a corpus with an index cache builds the
FTS5 index: seconds at 20,000 articles), one at a time, a late answer to an older query dropped.
Typing searches after a short pause; Enter searches at once and moves to the hits.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from tui.corpus.model import Article, Corpus
from tui.corpus.search_index import Hit, query_words, search_corpus
from tui.corpus.view import long_date, plural
from tui.widgets.status_line import StatusLine

HINT = (
    "Type words to search the text of every article, then Enter.\n\n"
    "An article matches when it holds all the words; the last one also as the start of a word "
    "(“sanction” finds “sanctions”). Titles count more than bodies."
)


def hit_prompt(article: Article, hit: Hit) -> Content:
    """A hit as three lines: title, source and date, the snippet with its matches marked.
    Article text is never parsed as markup."""
    meta = " · ".join(part for part in (article.source or "Unknown source", long_date(article.published)) if part)
    snippet = hit.snippet.text.replace("\n", " ")  # (same length: the match offsets hold)
    content = Content(snippet)
    for start, end in hit.snippet.matches:
        content = content.stylize("bold underline", start, end)
    return Content.assemble(Content(article.title).stylize("bold"), "\n", Content(meta).stylize("dim"), "\n", content)


class HitList(OptionList):
    """The hits: an option list that also moves with Vim keys."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next hit", show=False, id="hits.down"),
        Binding("k", "cursor_up", "Previous hit", show=False, id="hits.up"),
        Binding("g", "first", "First hit", show=False, id="hits.first"),
        Binding("G", "last", "Last hit", show=False, id="hits.last"),
        Binding("enter", "select", "Open", key_display="Enter", id="hits.open"),
    ]


class SearchScreen(Screen):
    """Search the articles' text; Enter on a hit opens its article; Escape returns."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("tab", "app.focus_next", "Box/hits", id="search.focus"),
        Binding("down", "hits", "To the hits", show=False, id="search.to_hits"),
    ]

    SEARCH_DELAY = 0.3
    """Seconds of typing pause before searching (Enter searches at once)."""

    def __init__(self, corpus: Corpus, query: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.query_text = query
        self._hits: list[Hit] = []
        self._request = 0  # bumped by every search: a worker's late answer to an older one is dropped
        self._timer: Timer | None = None
        self._focus_hits = False  # Enter was pressed: move to the hits when they come

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Input(self.query_text, placeholder="Search the articles' text", id="search-query", compact=True)
        yield HitList(id="hits")
        yield Static(id="search-note")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(StatusLine).title = f"Search articles · {self.corpus.title}"
        self.query_one(Input).focus()
        self._start(self.query_text)

    # -- searching -------------------------------------------------------------------------

    @on(Input.Changed, "#search-query")
    def _changed(self, message: Input.Changed) -> None:
        self._cancel_timer()
        self._timer = self.set_timer(self.SEARCH_DELAY, lambda: self._start(message.value))

    @on(Input.Submitted, "#search-query")
    def _submitted(self, message: Input.Submitted) -> None:
        self._cancel_timer()
        self._focus_hits = True
        if message.value == self.query_text and query_words(message.value) and not self.has_class("-searching"):
            self._show_hits()  # already shown: just move to them
            return
        self._start(message.value)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _start(self, query: str) -> None:
        self._request += 1
        self.query_text = query
        self.workers.cancel_group(self, "search")
        if not query_words(query):
            self.remove_class("-searching")
            self._list([])  # the hits of the query before go with it
            self._status("type to search")
            self._note(HINT)
            return
        self.add_class("-searching")
        self._status("searching…")
        self._note("Searching… (the first search of a big corpus indexes its text: a few seconds)")
        self._search(self._request, query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="search the articles")
    def _search(self, request: int, query: str) -> tuple[int, list[Hit]]:
        return request, search_corpus(self.corpus, query)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state == WorkerState.ERROR:
            self.remove_class("-searching")
            self._status("search failed")
            self._note(f"Could not search: {event.worker.error}")
            return
        request, hits = event.worker.result
        if request != self._request:
            return
        self.remove_class("-searching")
        self._list(hits)
        self._show_hits()

    # -- what is shown ---------------------------------------------------------------------

    def _list(self, hits: list[Hit]) -> None:
        """Put `hits` in the list (shown when there are some)."""
        self._hits = hits
        articles = self.corpus.articles
        options: list[Option | None] = []
        for hit in hits:
            if options:
                options.append(None)  # a rule under the hit before
            options.append(Option(hit_prompt(articles[hit.article_id], hit)))
        hits_list = self.query_one(HitList)
        hits_list.set_options(options)
        if hits:
            hits_list.highlighted = 0
        self.set_class(bool(hits), "-hits")

    def _show_hits(self) -> None:
        """Say how many articles match, and move to them after Enter."""
        count = len(self._hits)
        self._status(f"{plural(count, 'article')} match{'es' if count == 1 else ''}")
        if count:
            if self._focus_hits:
                self.query_one(HitList).focus()
        else:
            self._note(f"No article holds all of: {' '.join(query_words(self.query_text))}.")
        self._focus_hits = False

    def _status(self, counted: str) -> None:
        self.query_one(StatusLine).counts = counted

    def _note(self, text: str) -> None:
        self.query_one("#search-note", Static).update(Content(text))

    # -- moving and opening ----------------------------------------------------------------

    def action_hits(self) -> None:
        if self._hits:
            self.query_one(HitList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hits":  # down arrow: from the search box to the hits; the list keeps its own
            return self.query_one(Input).has_focus
        return True

    @on(HitList.OptionSelected)
    def _open(self, message: OptionList.OptionSelected) -> None:
        from tui.screens.article import ArticleScreen

        hit = self._hits[message.option_index]
        self.app.push_screen(ArticleScreen(self.corpus, article_id=hit.article_id, match=self.query_text))
