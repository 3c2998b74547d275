"""The article pane follows a resting cursor; in a burst of moves it waits for the burst to end."""

from __future__ import annotations

import pytest

import tui.screens.reader as reader_module
from tests.ui_support import make_app, ready
from tui.screens.reader import BURST, ReaderScreen, rest_delay


def test_rest_delay_outlasts_the_rhythm_of_a_burst():
    assert rest_delay(0.07, 10.0) == 0.07  # a move after a pause: the base delay
    assert rest_delay(0.07, 0.03) == 0.07  # a held key: faster than the base already
    assert rest_delay(0.07, 0.08) == pytest.approx(0.12)  # one key every 80 ms: wait 120 ms
    assert rest_delay(0.07, BURST) == 0.07  # the end of a burst
    assert rest_delay(0.07, -1.0) == 0.07  # a clock that went back (never longer)


async def test_the_reader_waits_longer_for_moves_in_a_burst(monkeypatch):
    """The delay before the article follows: the base after a pause, longer for a move that
    comes soon after the one before (time comes from a fake clock, not from the test's pace)."""
    app = make_app()
    app.article_delay = 0.05
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        clock = [1000.0]
        monkeypatch.setattr(reader_module, "monotonic", lambda: clock[0])
        delays: list[float] = []
        set_timer = reader.set_timer

        def spy(delay, *args, **kwargs):
            delays.append(delay)
            return set_timer(delay, *args, **kwargs)

        monkeypatch.setattr(reader, "set_timer", spy)
        await pilot.press("j")
        clock[0] += 0.08
        await pilot.press("j")
        clock[0] += 1.0
        await pilot.press("k")
        await pilot.pause()
        assert delays == [0.05, pytest.approx(0.12), 0.05]
