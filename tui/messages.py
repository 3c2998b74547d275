"""Messages that several screens post up to the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.corpus.query import Filter


class FilterRequest(Message):
    """Ask the app to make `filter` the current filter (the app owns it; screens watch it)."""

    def __init__(self, filter: Filter) -> None:
        super().__init__()
        self.filter = filter
