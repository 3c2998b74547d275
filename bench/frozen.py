"""Bench only: import `tui` from the frozen copy named by $TIMELINE_BENCH_SRC (see run.py),
not from the editable install (whose finder would otherwise win over sys.path)."""

import os
import sys


def use_frozen() -> None:
    src = os.environ.get("TIMELINE_BENCH_SRC")
    if not src:
        return
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__name__", type(f).__name__).lower()]
    sys.path.insert(0, src)
    for name in [m for m in sys.modules if m == "tui" or m.startswith("tui.")]:
        del sys.modules[name]
