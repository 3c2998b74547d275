"""What a big jump costs the UI thread, in CPU time (not wall time: other jobs on the machine do
not move it): `python bench/jump_cost.py [--rounds 10] [--gap 0.3] [--profile cumulative|tottime]`.

Runs the reader headless (120x40) on the warm 20,000-article corpus (as bench/keys.py: the
frozen tree $TIMELINE_BENCH_SRC, the cache $TIMELINE_CACHE_DIR) and types G, g, PgDn, PgUp,
--gap seconds apart (0.3: each jump's article follows it before the next key; 0.08: the
rhythm of bench/run.py, where the reader may skip the articles of a burst). Per jump: the CPU of
the screen update that paints the key's frame, of the screen showing the article
(`ReaderScreen._show_pending`) and of the screen updates after it (the article's layout and
paint, and a later one for the scroll bars), and of the worker that measures the article.
Each screen update is one call of Textual's update timer (`Screen._on_timer_update`, private:
bench code only). --profile: cProfile of the key frames and of the article frames apart.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from frozen import use_frozen  # noqa: E402

use_frozen()

from textual.screen import Screen  # noqa: E402

from tui.app import TimelineApp  # noqa: E402
from tui.screens.reader import ReaderScreen  # noqa: E402
from tui.widgets.article_view import ArticleView  # noqa: E402

CORPUS = Path("/tmp/timeline-bench/corpus-20000-s1")
KEYS = ("G", "g", "pagedown", "pageup")


class Meter:
    """CPU ms of the wrapped calls, by the phase they ran in ("key" until the key's frame,
    then "article" once the article is being shown)."""

    def __init__(self, profile: bool) -> None:
        self.phase = "idle"
        self.log: list[tuple[str, str, float]] = []  # (what, phase, CPU ms)
        self.profiles = {"key": cProfile.Profile(), "article": cProfile.Profile()} if profile else {}

    def wrap(self, what: str, fn, starts: str | None = None):
        def wrapped(obj, *args, **kwargs):
            if starts:
                self.phase = starts
            profile = self.profiles.get(self.phase)
            t0 = time.thread_time()
            if profile:
                profile.enable()
            try:
                return fn(obj, *args, **kwargs)
            finally:
                if profile:
                    profile.disable()
                self.log.append((what, self.phase, (time.thread_time() - t0) * 1000))
                if what == "frame" and self.phase == "key":
                    self.phase = "idle"

        return wrapped


async def jumps(meter: Meter, rounds: int, gap: float) -> None:
    app = TimelineApp(CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, ReaderScreen) or app.loading:
            await pilot.pause(0.05)
        await pilot.pause(1.0)
        meter.log.clear()
        for _ in range(rounds):
            for key in KEYS:
                meter.phase = "key"
                meter.log.append(("key", "key", 0.0))
                await pilot.press(key)
                await pilot.pause(gap)
        await pilot.pause(0.5)


def report(log: list[tuple[str, str, float]]) -> None:
    rows: dict[str, list[float]] = {"key frame": [], "article: show": [], "article: frames": [],
                                    "article: frames (count)": [], "worker: measure": []}  # fmt: skip
    frames: list[float] | None = None
    for what, phase, ms in log:
        if what == "key":
            if frames is not None:
                rows["article: frames"].append(sum(frames))
                rows["article: frames (count)"].append(len(frames))
            frames = None
        elif what == "frame" and phase == "key":
            rows["key frame"].append(ms)
        elif what == "show":
            rows["article: show"].append(ms)
            frames = []
        elif what == "frame" and phase == "article" and frames is not None:
            frames.append(ms)
        elif what == "measure":
            rows["worker: measure"].append(ms)
    jumps = sum(1 for what, _p, _ms in log if what == "key")
    print(f"{jumps} jumps, {len(rows['article: show'])} articles shown")
    for name, values in rows.items():
        if values:
            print(f"{name:24s} n={len(values):3d}  median {statistics.median(values):6.2f}  "
                  f"mean {statistics.mean(values):6.2f}  max {max(values):6.2f}  (CPU ms)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--gap", type=float, default=0.3, help="seconds between two jumps")
    ap.add_argument("--profile", choices=("cumulative", "tottime"))
    ap.add_argument("--lines", type=int, default=30, help="profile lines to print")
    args = ap.parse_args(argv)
    meter = Meter(bool(args.profile))
    Screen._on_timer_update = meter.wrap("frame", Screen._on_timer_update)  # type: ignore[method-assign]
    ReaderScreen._show_pending = meter.wrap("show", ReaderScreen._show_pending, starts="article")  # type: ignore[method-assign]
    ArticleView.prepare = meter.wrap("measure", ArticleView.prepare)  # type: ignore[method-assign]
    asyncio.run(jumps(meter, args.rounds, args.gap))
    report(meter.log)
    for name, profile in meter.profiles.items():
        print(f"\n===== {name} frames")
        pstats.Stats(profile).sort_stats(args.profile).print_stats(args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
