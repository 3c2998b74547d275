"""The app's own commands in the command palette: filter by a person, topic or source, jump to a
date, switch view, show problems, clear filters. (Theme and the system commands stay too.)"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.corpus.query import facets
from tui.corpus.view import jump_targets


class TimelineCommands(Provider):
    async def startup(self) -> None:
        # Facets and jump targets scan every event (~0.4 s at 100,000): once per palette, in a
        # thread, not on every keystroke on the UI thread.
        corpus = getattr(self.app, "corpus", None)
        self._list: list[tuple[str, Callable[[], object], str]] = []
        if corpus is not None:
            counts, targets = await asyncio.to_thread(lambda: (facets(corpus, corpus.events), jump_targets(corpus.events)))
            self._list = self._build(counts, targets)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        return getattr(self, "_list", [])

    def _build(self, counts, targets) -> list[tuple[str, Callable[[], object], str]]:
        app = self.app
        out: list[tuple[str, Callable[[], object], str]] = [
            ("View: timeline", app.show_timeline, "The event list and the article"),
            ("View: quotes by speaker", partial(app.show_quotes, True), "Who said what"),
            ("View: quotes by date", partial(app.show_quotes, False), "What was said when"),
            ("Clear all filters", app.clear_filters, "Show every event"),
            ("Show problems", app.action_problems, "Files that could not be read or parsed"),
        ]
        for facet, label in (("people", "person"), ("topics", "topic"), ("sources", "source")):
            for name, _n in getattr(counts, facet).most_common():
                out.append((f"Filter by {label}: {name}", partial(app.toggle_facet, facet, name),
                            "Toggle this filter"))
        for label, day in targets:
            out.append((f"Jump to date: {label}", partial(app.jump_to, day), "Move the cursor there"))
        return out

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands()[:12]:
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlight(matcher, text), callback, text=text, help=help_text)


def highlight(matcher: Matcher, text: str) -> Content:
    """Like `Matcher.highlight`, without reading `text` as markup (names come from articles)."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
