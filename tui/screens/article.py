"""One article, full width: the narrow layout's reading view, and where a quote opens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui.corpus.model import Corpus, Event
from tui.corpus.search_index import first_match
from tui.corpus.view import long_span, quote_label
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine


class ArticleScreen(Screen):
    """Shows an event's article (with its sources), an article at a quote, or an article at the
    first match of a search (`match`: the query); Escape returns."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="article_screen.back")]

    def __init__(
        self,
        corpus: Corpus,
        event: Event | None = None,
        article_id: str | None = None,
        quote_index: int | None = None,
        match: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.event = event
        self.article_id = article_id
        self.quote_index = quote_index
        self.match = match

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield ArticleView(self.corpus, id="article")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        status = self.query_one(StatusLine)
        status.title = self.corpus.title
        view.set_reactive(ArticleView.terms, self.match or getattr(self.app, "filter").text)
        art = self.corpus.articles.get(self.article_id or "")
        if self.match is not None and art is not None:
            view.show_article(art.id, first_match(art.body, self.match))
            status.counts = f"search: {self.match}"
        elif self.event is not None:
            view.show_event(self.event)
            status.counts = f"event: {long_span(self.event.span)}"
        elif self.article_id is not None:
            view.show_quote(self.article_id, self.quote_index or 0)
            status.counts = quote_label(art, self.quote_index or 0) if art else ""
        view.focus()

    @on(ArticleView.QuoteChanged)
    def _quote_changed(self, message: ArticleView.QuoteChanged) -> None:
        self.query_one(StatusLine).counts = message.label
