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
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from textual import events
from textual.binding import Binding

LOG: dict = {"keys": [], "resizes": [], "filters": [], "writes": 0}


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
            self._pending: list[tuple[str, float, list]] = []
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
                    for kind, t0, sink in self._pending:
                        sink.append((kind, (now - t0) * 1000))
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
        from tui.app import TimelineApp

        app = instrument(TimelineApp)(Path(root))
    try:
        app.run()
    finally:
        LOG["rss"] = _rss()
        Path(log).write_text(json.dumps(LOG))
    return 0


if __name__ == "__main__":
    sys.exit(main())
