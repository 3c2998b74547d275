"""Every quote in the corpus, by speaker or by date ("who said what when")."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.model import Corpus, Quote
from tui.corpus.query import Filter, quotes_by_date, quotes_by_speaker
from tui.corpus.view import clip, long_date, plural
from tui.widgets.status_line import StatusLine


class QuotesScreen(Screen):
    """A list of quotes; Enter opens the article at the chosen quote."""

    BINDINGS = [
        Binding("s", "toggle_order", "By date/speaker", id="quotes.order"),
        Binding("escape,Q", "app.pop_screen", "Back", id="quotes.back"),
    ]

    by_speaker: reactive[bool] = reactive(True, init=False)

    def __init__(self, corpus: Corpus, by_speaker: bool = True) -> None:
        super().__init__()
        self.corpus = corpus
        self.set_reactive(QuotesScreen.by_speaker, by_speaker)
        self._quotes: dict[str, Quote] = {}

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield OptionList(markup=False, id="quotes")
        yield Static(id="empty")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(StatusLine).title = f"Quotes · {self.corpus.title}"
        self.watch(self.app, "filter", self._rebuild)

    def watch_by_speaker(self) -> None:
        self._rebuild(self.app.filter)  # type: ignore[attr-defined]

    def _label(self, q: Quote, with_speaker: bool) -> Content:
        art = self.corpus.articles.get(q.article_id)
        where = " · ".join(
            p for p in ((q.speaker or "unattributed") if with_speaker else "",
                        art.source if art and art.source else "",
                        long_date(art.published) if art else "") if p
        )
        return Content.assemble(
            (f"“{clip(q.text, 160)}”", "italic" if q.fragment else ""),
            "\n",
            (f"    — {where}", "dim"),
        )

    def _rebuild(self, flt: Filter) -> None:
        options: list[Option | None] = []
        self._quotes = {}
        count = 0

        def add(q: Quote, with_speaker: bool) -> None:
            key = f"q{len(self._quotes)}"
            self._quotes[key] = q
            options.append(Option(self._label(q, with_speaker), id=key))

        if self.by_speaker:
            for speaker, quotes in quotes_by_speaker(self.corpus, flt):
                options.append(Option(Content.styled(f"{speaker} ({len(quotes)})", "bold"), disabled=True))
                for q in quotes:
                    add(q, False)
                count += len(quotes)
        else:
            for q in quotes_by_date(self.corpus, flt):
                add(q, True)
                count += 1
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
        option_list.highlighted = first
        order = "by speaker" if self.by_speaker else "by date"
        status = self.query_one(StatusLine)
        status.counts = f"{plural(count, 'quote')} · {order} · filter: {flt.describe()}"
        status.short_counts = (f"{plural(count, 'quote')} · filter: {flt.describe()}",)
        self.set_class(count == 0, "-empty")
        if count == 0:
            self.query_one("#empty", Static).update(
                Content(f"No quotes match the filter: {flt.describe()}.\n\nPress c to clear all filters.")
            )
        option_list.focus()

    def action_toggle_order(self) -> None:
        self.by_speaker = not self.by_speaker

    @on(OptionList.OptionSelected)
    def _open(self, message: OptionList.OptionSelected) -> None:
        q = self._quotes.get(message.option.id or "")
        if q is None:
            return
        from tui.screens.article import ArticleScreen

        art = self.corpus.articles[q.article_id]
        self.app.push_screen(ArticleScreen(self.corpus, article_id=art.id, quote_index=art.quotes.index(q)))
