"""The filter panel: people, topics, sources, years or a date range. Changes apply at once.

Within a facet the choices are alternatives, across facets they all apply, and dates match by
overlap (see tui.corpus.query). The panel posts `FilterRequest`s; the app owns the filter.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from tui.corpus.model import Corpus
from tui.corpus.query import Filter, article_count, facets, filter_events, parse_range
from tui.corpus.view import status_text
from tui.messages import FilterRequest
from tui.widgets.check_list import CheckList

FACETS = (("people", "People (speaker or mentioned)"), ("topics", "Topics"), ("sources", "Sources"))


def range_text(flt: Filter) -> str:
    if not (flt.date_from or flt.date_to):
        return ""
    lo = flt.date_from.isoformat() if flt.date_from else ""
    hi = flt.date_to.isoformat() if flt.date_to else ""
    return f"{lo}..{hi}"


def years_covered(flt: Filter, years: list[int]) -> set[int]:
    """The years that the filter's range covers completely."""
    if not (flt.date_from or flt.date_to):
        return set()
    lo, hi = flt.date_from or date.min, flt.date_to or date.max
    return {y for y in years if lo <= date(y, 1, 1) and date(y, 12, 31) <= hi}


class FilterPanel(ModalScreen):
    """Check facet values with Space ("[x]"); Tab moves between the lists; Escape closes."""

    BINDINGS = [
        Binding("tab", "app.focus_next", "Next list", id="filter.next_list"),
        Binding("escape,f", "close", "Close", id="filter.close"),
        Binding("c", "clear", "Clear all", id="filter.clear"),
    ]

    def __init__(self, corpus: Corpus, current: Filter) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self.counts = facets(corpus, corpus.events)
        self.years = sorted(self.counts.years)

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-panel"):
            yield Static(id="filter-summary")
            with VerticalScroll(id="filter-body"):
                for facet, title in FACETS:
                    counter = getattr(self.counts, facet)
                    yield Static(Content(title), classes="facet-title")
                    yield CheckList(
                        [(f"{name}  ({n})", name) for name, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))],
                        checked=getattr(self.current, facet),
                        id=facet,
                    )
                yield Static(Content("Years"), classes="facet-title")
                yield CheckList(
                    [(f"{y}  ({self.counts.years[y]})", y) for y in self.years],
                    checked=years_covered(self.current, self.years),
                    id="years",
                )
                yield Static(Content("Date range (e.g. 2022-01..2022-03, 2021..2022, ..2015)"), classes="facet-title")
                yield Input(range_text(self.current), placeholder="any date", id="range", compact=True)
                yield Static(id="range-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.app, "filter", self._filter_changed)
        self.query_one("#people", CheckList).focus()

    def _filter_changed(self, flt: Filter) -> None:
        """The marks follow the current filter, whoever changed it (this panel, c, the palette)."""
        self.current = flt
        filtered = getattr(self.app, "filtered", None)  # the reader filtered already: reuse it
        events = filtered(flt) if filtered is not None and self.app.corpus is self.corpus else filter_events(self.corpus, flt)
        summary = status_text(len(events), article_count(events), flt.describe())
        self.query_one("#filter-summary", Static).update(Content(f"Filters · {summary}"))
        for facet, _title in FACETS:
            self.query_one(f"#{facet}", CheckList).set_checked(getattr(flt, facet))
        self.query_one("#years", CheckList).set_checked(years_covered(flt, self.years))

    def _request(self, flt: Filter) -> None:
        self.current = flt
        self.post_message(FilterRequest(flt))

    @on(CheckList.Toggled)
    def _toggled(self, message: CheckList.Toggled) -> None:
        facet = message.check_list.id
        if facet == "years":
            chosen = sorted(message.check_list.checked)
            if chosen:
                flt = self.current.with_range(date(chosen[0], 1, 1), date(chosen[-1], 12, 31))
            else:
                flt = self.current.with_range(None, None)
            self.query_one("#range", Input).value = range_text(flt)
            self._request(flt)
        elif facet in ("people", "topics", "sources"):
            self._request(self.current.toggled(facet, str(message.value)))

    @on(Input.Submitted, "#range")
    def _range(self, message: Input.Submitted) -> None:
        error = self.query_one("#range-error", Static)
        text = message.value.strip()
        try:
            lo, hi = parse_range(text) if text else (None, None)
        except ValueError as exc:
            error.update(Content(f"Not a date range: {exc}"))
            return
        error.update("")
        flt = self.current.with_range(lo, hi)
        self.query_one("#years", CheckList).set_checked(years_covered(flt, self.years))
        self._request(flt)

    def action_close(self) -> None:
        self.dismiss()

    def action_clear(self) -> None:
        for check_list in self.query(CheckList):
            check_list.set_checked(())
        self.query_one("#range", Input).value = ""
        self._request(Filter())
