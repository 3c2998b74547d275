"""Once a big corpus is on screen the reader freezes what is alive for the cyclic GC (full
collections then walk only newer objects) and makes full collections rarer; when the reader
goes, both are undone."""

from __future__ import annotations

import gc

import tui.screens.reader as reader
from tests.ui_support import make_app, ready, settle


async def test_settles_memory_for_a_big_corpus_and_undoes_it_on_exit(monkeypatch):
    monkeypatch.setattr(reader, "SETTLE_MIN_EVENTS", 0)  # the fixture corpus counts as big
    thresholds = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[2] >= reader.FULL_GC_EVERY
        await pilot.press("j")  # still works
        await settle(pilot)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


async def test_small_corpus_leaves_the_collector_alone():
    thresholds = gc.get_threshold()
    frozen = gc.get_freeze_count()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert gc.get_threshold() == thresholds
        assert gc.get_freeze_count() == frozen
