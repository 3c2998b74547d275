"""The one-line bar at the top: the corpus title on the left, counts and filter on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class StatusLine(Horizontal):
    """`title` and `counts` are plain strings (they can hold article-derived text)."""

    title: reactive[str] = reactive("")
    counts: reactive[str] = reactive("")

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title), id="status-title")
        yield Static(Content(self.counts), id="status-counts")

    def watch_title(self, title: str) -> None:
        if self.is_mounted:
            self.query_one("#status-title", Static).update(Content(title))

    def watch_counts(self, counts: str) -> None:
        if self.is_mounted:
            self.query_one("#status-counts", Static).update(Content(counts))
