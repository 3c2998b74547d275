"""Regenerate the SVG screenshots in this folder from the real app on the bundled corpus.

    python screenshots/make.py

Each shot drives the app with the pilot, the way a user would, then saves an SVG.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from textual.pilot import Pilot  # noqa: E402

from tui.app import TimelineApp  # noqa: E402
from tui.corpus.build import load_corpus  # noqa: E402
from tui.corpus.paths import bundled_articles  # noqa: E402
from tui.screens.reader import ReaderScreen  # noqa: E402
from tui.widgets.event_list import EventList  # noqa: E402

Steps = Callable[[Pilot], Awaitable[None]]


async def settle(pilot: Pilot) -> None:
    for _ in range(4):
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.1)


def keys(*names: str) -> Steps:
    async def run(pilot: Pilot) -> None:
        for name in names:
            await pilot.press(name)
            await settle(pilot)

    return run


def read_event_about(word: str, *more: str) -> Steps:
    """Select the first event whose title mentions `word`, then press Enter (and `more`)."""

    async def run(pilot: Pilot) -> None:
        events = pilot.app.screen.query_one(EventList)
        index = next((i for i, e in enumerate(events.events) if word.casefold() in e.title.casefold()), 0)
        events.select_index(index)
        await settle(pilot)
        await keys("enter", *more)(pilot)

    return run


def search_articles_for(query: str) -> Steps:
    """Open the article search, search `query` and wait for the hits (a worker finds them)."""

    async def run(pilot: Pilot) -> None:
        await keys("A", *query, "enter")(pilot)
        while pilot.app.screen.has_class("-searching"):
            await pilot.pause(0.01)

    return run


SHOTS: list[tuple[str, tuple[int, int], Steps]] = [
    ("start", (160, 48), keys()),
    ("reading-an-event", (160, 48), read_event_about("high profile")),
    ("filter-panel", (160, 48), keys("f")),
    ("filtered-by-person", (160, 48), keys("f", "space", "escape")),
    ("quotes-by-speaker", (160, 48), keys("Q")),
    ("article-search", (160, 48), search_articles_for("sanction")),
    ("narrow-80x24", (80, 24), keys()),
    ("narrow-80x24-reading", (80, 24), read_event_about("high profile")),
    ("help-80x24", (80, 24), keys("question_mark")),
]


async def shoot(corpus, name: str, size: tuple[int, int], steps: Steps) -> Path:
    app = TimelineApp(bundled_articles(), corpus=corpus)
    async with app.run_test(size=size) as pilot:
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0.01)
        await settle(pilot)
        await steps(pilot)
        await settle(pilot)
        path = HERE / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(HERE))
        return path


async def main() -> None:
    corpus = load_corpus(bundled_articles())
    for name, size, steps in SHOTS:
        print(await shoot(corpus, name, size, steps))


if __name__ == "__main__":
    asyncio.run(main())
