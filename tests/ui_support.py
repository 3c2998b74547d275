"""Shared helpers for the UI tests: fixture corpora, loaded once, and a ready-to-read app."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from textual.pilot import Pilot

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASIC = FIXTURES / "basic"


@cache
def _load(root: Path):
    from tui.corpus.build import load_corpus

    return load_corpus(root)


def fixture_corpus(name: str = "basic"):
    """The fixture corpus `name` (loaded once per test run; treat it as read-only)."""
    return _load(FIXTURES / name)


def make_app(name: str = "basic", corpus=None):
    from tui.app import TimelineApp

    app = TimelineApp(FIXTURES / name, corpus=corpus or fixture_corpus(name))
    app.article_delay = 0  # the article pane follows the cursor at once (no rest timer)
    return app


async def ready(pilot: Pilot) -> None:
    """Wait until the corpus is on screen and the article pane has settled."""
    from tui.screens.reader import ReaderScreen

    app = pilot.app
    for _ in range(200):
        if isinstance(app.screen, ReaderScreen) or type(app.screen).__name__ == "MessageScreen":
            break
        await pilot.pause(0.01)
    await settle(pilot)


async def settle(pilot: Pilot) -> None:
    for _ in range(3):
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def counts(app) -> str:
    from tui.widgets.status_line import StatusLine

    return app.screen.query_one(StatusLine).counts


async def search_articles(pilot: Pilot, query: str) -> None:
    """From the reader: open the article search, search `query`, wait for the hits."""
    await pilot.press("A")
    await settle(pilot)
    await pilot.press(*query, "enter")
    for _ in range(300):
        if not pilot.app.screen.has_class("-searching"):
            break
        await pilot.pause(0.01)
    await settle(pilot)
