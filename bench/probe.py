"""Run the reader (or the minimal app) instrumented, under a real terminal: `bench/run.py` starts
this in a pty, types keys into it, resizes it, and reads the log written at exit.

What is hooked (bench code only; the product has no hooks):
- `App.on_event`: the arrival of each `Key` and `Resize` event; the latency origin is the event's
  own `time` stamp (`textual.message.Message.time`, monotonic, set when the driver's input thread
  created it), so the queueing delay is counted.
- the driver's `write` (`App._driver`, private): the moment the compositor hands a frame to the
  driver. Latency = first write after the event - event time.
- F12 (a bench-only binding) runs the filter script: sets `TimelineApp.filter` to a text, a
  person, a date range and back to none, and times each from the assignment to the next frame.
- resident memory (VmRSS, VmHWM from /proc/self/status) when the log is written.
- $TIMELINE_PROBE_PROFILE=FILE (optional): a sampling profiler (a thread reading the main
  thread's stack every ~0.5 ms) that keeps only the samples taken while a key waits for its frame,
  written as collapsed stacks ("key:jk;f1;f2;f3 count" lines: the root names the waiting key,
  j/k or another) to FILE. It perturbs the timings: profile
  and measure in separate runs.
- $TIMELINE_PROBE_GC=1 (optional): also log each garbage collection (generation, ms).
- $TIMELINE_PROBE_PHASES=1 (optional): per key, when the app first saw it, when the screen got
  the widget's Update and when its update timer fired (ms after the key's time stamp), in "phases".
- $TIMELINE_PROBE_CALLS=1 (optional): time a few screen and widget methods (start, wall ms,
  CPU ms of the thread) in "calls", to see what runs between a key and its frame.
- $TIMELINE_PROBE_RENDERS=1 (optional): count the lines each widget class renders
  (`Widget.render_lines`) while a key waits for its frame, in the log's "renders".
"""

from __future__ import annotations

import functools
import gc
import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from textual import events
from textual.binding import Binding

LOG: dict = {"keys": [], "resizes": [], "filters": [], "writes": 0}
PENDING: list = []  # the app's pending list (for the sampler)
PHASES: dict | None = None


class Sampler:
    """Samples the main thread's stack while a key waits for its frame (see the docstring)."""

    def __init__(self, out: str, interval: float = 0.0005) -> None:
        self.out, self.interval = out, interval
        self.stacks: Counter[str] = Counter()
        self.main = threading.main_thread().ident
        self.stop = False
        sys.setswitchinterval(0.0005)  # let the sampler in often enough
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self.stop:
            time.sleep(self.interval)
            pending = [kind for kind, _t, sink in list(PENDING) if sink is LOG["keys"]]
            if not pending:
                continue
            frame = sys._current_frames().get(self.main)
            names = []
            while frame is not None:
                code = frame.f_code
                names.append(f"{Path(code.co_filename).name}:{code.co_name}")
                frame = frame.f_back
            names.append("key:" + ("jk" if pending[0] in ("j", "k") else "other"))
            self.stacks[";".join(reversed(names))] += 1

    def write(self) -> None:
        self.stop = True
        with open(self.out, "w") as f:
            for stack, n in self.stacks.most_common():
                f.write(f"{stack} {n}\n")


def _count_renders() -> None:
    from textual.widget import Widget

    original = Widget.render_lines
    counts: Counter[str] = Counter()
    LOG["renders"] = counts

    def render_lines(self, crop):
        if any(sink is LOG["keys"] for _k, _t, sink in PENDING):
            counts[type(self).__name__] += crop.height
            counts[type(self).__name__ + " (calls)"] += 1
        return original(self, crop)

    Widget.render_lines = render_lines  # type: ignore[method-assign]


def _time_phases() -> None:
    from textual.screen import Screen

    LOG["phases"] = []
    current: dict[str, float] = {}

    def mark(name: str) -> None:
        if PENDING and name not in current:
            current[name] = (time.monotonic() - PENDING[0][1]) * 1000

    for method in ("_on_update", "_on_timer_update", "_refresh_layout", "_compositor_refresh"):
        original = getattr(Screen, method)

        def wrap(original=original, method=method):
            if method == "_on_update":
                async def wrapped(self, *a, **kw):
                    mark(method)
                    return await original(self, *a, **kw)
            else:
                def wrapped(self, *a, **kw):
                    mark(method)
                    return original(self, *a, **kw)
            return wrapped

        setattr(Screen, method, wrap())
    return current


def _time_calls() -> None:
    import importlib

    from textual.screen import Screen

    calls = LOG["calls"] = []
    targets = [
        (Screen, "_refresh_layout"),
        (Screen, "_compositor_refresh"),
        ("tui.screens.reader:ReaderScreen", "_show_pending"),
        ("tui.screens.reader:ReaderScreen", "_highlighted"),
        ("tui.widgets.article_view:ArticleView", "watch_showing"),
        ("tui.widgets.article_view:ArticleView", "_scroll_to_mark"),
        ("tui.widgets.event_list:EventList", "watch_cursor"),
    ]
    for cls, name in targets:
        if isinstance(cls, str):
            module, _, attr = cls.partition(":")
            cls = getattr(importlib.import_module(module), attr)
        original = getattr(cls, name)

        def wrap(original=original, label=f"{cls.__name__}.{name}"):
            @functools.wraps(original)  # Textual counts a watcher's parameters
            def wrapped(self, *a, **kw):
                t0, c0 = time.monotonic(), time.thread_time()
                try:
                    return original(self, *a, **kw)
                finally:
                    calls.append((label, t0, (time.monotonic() - t0) * 1000, (time.thread_time() - c0) * 1000))

            return wrapped

        setattr(cls, name, wrap())


def _gc_log(phase: str, info: dict, _t=[0.0]) -> None:
    if phase == "start":
        _t[0] = time.perf_counter()
    else:
        LOG.setdefault("gc", []).append((info["generation"], (time.perf_counter() - _t[0]) * 1000, time.monotonic()))


def _rss() -> dict[str, float]:
    out = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def instrument(app_cls):
    import inspect

    css = app_cls.CSS_PATH
    if isinstance(css, str):  # relative to the module of the class that declares it
        css = str(Path(inspect.getfile(app_cls)).parent / css)

    class Probe(app_cls):
        BINDINGS = [*app_cls.BINDINGS, Binding("f12", "bench_filters", show=False)]
        CSS_PATH = css

        def __init__(self, *a, **kw) -> None:
            super().__init__(*a, **kw)
            self._pending: list[tuple[str, float, list]] = PENDING
            self._seen: dict[int, events.Event] = {}

        def _hook_driver(self) -> None:
            driver = self._driver
            if driver is None or getattr(driver, "_bench_hooked", False):
                return
            original = driver.write

            def write(data: str) -> None:
                original(data)
                now = time.monotonic()
                LOG["writes"] += 1
                if self._pending:
                    if PHASES is not None and self._pending[0][2] is LOG["keys"]:
                        LOG["phases"].append({"key": self._pending[0][0], **PHASES, "write": (now - self._pending[0][1]) * 1000})
                    if PHASES is not None:
                        PHASES.clear()
                    for kind, t0, sink in self._pending:
                        sink.append((kind, (now - t0) * 1000))
                        if sink is LOG["keys"]:
                            LOG.setdefault("key_times", []).append((kind, t0, now))
                    self._pending.clear()

            driver.write = write  # type: ignore[method-assign]
            driver._bench_hooked = True

        def on_mount(self) -> None:  # Textual also calls the base classes' on_mount (MRO dispatch)
            self._hook_driver()

        async def on_event(self, event: events.Event) -> None:
            # The app sees a key twice (from the driver, then forwarded back): count it once.
            if id(event) in self._seen:
                await super().on_event(event)
                return
            self._seen[id(event)] = event
            if len(self._seen) > 256:
                self._seen.pop(next(iter(self._seen)))
            if isinstance(event, events.Key) and event.key != "f12":
                self._pending.append((event.key, event.time, LOG["keys"]))
                if PHASES is not None:
                    PHASES["seen"] = (time.monotonic() - event.time) * 1000
                if "gc" in LOG and "gc_at_first_key" not in LOG:
                    LOG["gc_at_first_key"] = {"frozen": gc.get_freeze_count(), "tracked": len(gc.get_objects())}
            elif isinstance(event, events.Resize):
                self._pending.append(("resize", event.time, LOG["resizes"]))
            await super().on_event(event)

        def action_bench_filters(self) -> None:
            from tui.corpus.query import Filter

            corpus = getattr(self, "corpus", None)
            if corpus is None:
                return
            person = next(iter(corpus.people), None)
            steps = [("text", Filter().with_text("pipeline")), ("clear", Filter())]
            if person:
                steps += [("person", Filter(people=frozenset({person}))), ("clear", Filter())]
            from datetime import date

            steps += [("range", Filter().with_range(date(2020, 1, 1), date(2020, 12, 31))), ("clear", Filter())]
            steps *= 3

            def run(i: int = 0) -> None:
                if i >= len(steps):
                    LOG["filters_done"] = True
                    return
                name, flt = steps[i]
                self._pending.append((name, time.monotonic(), LOG["filters"]))
                self.filter = flt
                self.set_timer(0.4, lambda: run(i + 1))

            run()

    return Probe


def main() -> int:
    which, root, log = sys.argv[1], sys.argv[2], sys.argv[3]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from frozen import use_frozen

    use_frozen()
    if which == "minimal":
        from minimal_app import MinimalApp

        app = instrument(MinimalApp)()
    else:
        from tui.cli import _prepare_first_build

        _prepare_first_build(Path(root))  # as `timeline DIR` does before starting the app
        from tui.app import TimelineApp

        app = instrument(TimelineApp)(Path(root))
    sampler = Sampler(os.environ["TIMELINE_PROBE_PROFILE"]) if os.environ.get("TIMELINE_PROBE_PROFILE") else None
    global PHASES
    if os.environ.get("TIMELINE_PROBE_PHASES"):
        PHASES = _time_phases()
    if os.environ.get("TIMELINE_PROBE_RENDERS"):
        _count_renders()
    if os.environ.get("TIMELINE_PROBE_CALLS"):
        _time_calls()
    if os.environ.get("TIMELINE_PROBE_GC"):
        gc.callbacks.append(_gc_log)
    try:
        app.run()
    finally:
        if sampler is not None:
            sampler.write()
        LOG["rss"] = _rss()
        Path(log).write_text(json.dumps(LOG))
    return 0


if __name__ == "__main__":
    sys.exit(main())
