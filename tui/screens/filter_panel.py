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
from textual.widgets import Footer, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.corpus.model import Corpus
from tui.corpus.query import Filter, article_count, facets, filter_events, parse_range
from tui.corpus.view import status_text
from tui.messages import FilterRequest

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
    """Toggle facet values with Space; Tab moves between the lists; Escape closes."""

    BINDINGS = [
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
                    chosen = getattr(self.current, facet)
                    yield Static(Content(title), classes="facet-title")
                    yield SelectionList[str](
                        *[
                            Selection(Content(f"{name}  ({n})"), name, name in chosen)
                            for name, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
                        ],
                        id=facet,
                        compact=True,
                    )
                yield Static(Content("Years"), classes="facet-title")
                covered = years_covered(self.current, self.years)
                yield SelectionList[int](
                    *[Selection(Content(f"{y}  ({self.counts.years[y]})"), y, y in covered) for y in self.years],
                    id="years",
                    compact=True,
                )
                yield Static(Content("Date range (e.g. 2022-01..2022-03, 2021..2022, ..2015)"), classes="facet-title")
                yield Input(range_text(self.current), placeholder="any date", id="range", compact=True)
                yield Static(id="range-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.app, "filter", self._filter_changed)
        self.query_one("#people", SelectionList).focus()

    def _filter_changed(self, flt: Filter) -> None:
        self.current = flt
        events = filter_events(self.corpus, flt)
        summary = status_text(len(events), article_count(events), flt.describe())
        self.query_one("#filter-summary", Static).update(Content(f"Filters · {summary}"))

    def _request(self, flt: Filter) -> None:
        self.current = flt
        self.post_message(FilterRequest(flt))

    @on(SelectionList.SelectionToggled)
    def _toggled(self, message: SelectionList.SelectionToggled) -> None:
        facet = message.selection_list.id
        if facet == "years":
            chosen = sorted(message.selection_list.selected)
            if chosen:
                flt = self.current.with_range(date(chosen[0], 1, 1), date(chosen[-1], 12, 31))
            else:
                flt = self.current.with_range(None, None)
            self.query_one("#range", Input).value = range_text(flt)
            self._request(flt)
        elif facet in ("people", "topics", "sources"):
            self._request(self.current.toggled(facet, str(message.selection.value)))

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
        years = self.query_one("#years", SelectionList)
        years.deselect_all()
        for y in years_covered(flt, self.years):
            years.select(y)
        self._request(flt)

    def action_close(self) -> None:
        self.dismiss()

    def action_clear(self) -> None:
        for selection_list in self.query(SelectionList):
            selection_list.deselect_all()
        self.query_one("#range", Input).value = ""
        self._request(Filter())
