"""Shown while the worker reads the corpus, and when there is nothing to show."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, ProgressBar, Static

from tui.corpus.sanitize import sanitize, sanitize_line


class LoadingScreen(Screen):
    """A loading indicator and how far the worker got."""

    def __init__(self, root_label: str) -> None:
        super().__init__()
        # The folder's name is untrusted (an unpacked archive names it): no escape sequences.
        self.root_label = sanitize_line(root_label)

    def compose(self) -> ComposeResult:
        with Middle():
            yield LoadingIndicator()
            with Center():
                yield Static(Content(f"Reading {self.root_label} …"), id="loading-text")
            with Center():
                yield ProgressBar(id="loading-progress", show_eta=False)
        yield Footer(compact=True)

    def set_progress(self, done: int, total: int) -> None:
        if not self.is_mounted:
            return
        self.query_one("#loading-progress", ProgressBar).update(total=total or None, progress=done)
        self.query_one("#loading-text", Static).update(
            Content(f"Reading {self.root_label} … {done} of {total} articles")
        )


class MessageScreen(Screen):
    """A full-screen explanation (no articles, loading failed) with the keys that still work."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = sanitize(message)  # may quote the folder's name or an exception

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(Content(self.message), id="message-text")
        yield Footer(compact=True)
