"""Key-to-frame latency of the reader's UI code, before/after, in one session.

`python bench/keys.py --runs 3` copies this working tree's UI files (tui/widgets, tui/screens,
tui/app.py, tui/app.tcss, tui/commands.py, tui/messages.py; never tui/corpus, whose hash is the
index cache's engine version) into a frozen tree (--src, default /tmp/x3/src), then runs
`run.interactive` (150 j/k keys 60 ms apart, G/g/PgDn/PgUp, resizes, filters) on the 20,000
article corpus, alternating with a baseline frozen tree (--base, default /tmp/x3/base: a copy of
HEAD made once) that shares the same warm cache (--cache). Prints, per tree, the median and p95
key latency (j/k, all keys), resize max, filter median and memory, then the ratios.

The frozen trees and the warm cache are made once by hand (see the task notes):
    mkdir -p /tmp/x3/src && git archive HEAD tui | tar -x -C /tmp/x3/src   (and /tmp/x3/base)
    TIMELINE_BENCH_SRC=/tmp/x3/src TIMELINE_CACHE_DIR=/tmp/x3/cache: a headless load_corpus.

--profile FILE: one run of the working tree only, with the probe's sampling profiler (collapsed
stacks of the samples taken while a key waits for its frame) written to FILE.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402

CORPUS = Path("/tmp/timeline-bench/corpus-20000-s1")
UI = ["widgets", "screens", "app.py", "app.tcss", "commands.py", "messages.py"]


def sync_ui(dest: Path) -> None:
    for name in UI:
        src, dst = REPO / "tui" / name, dest / "tui" / name
        if src.is_dir():
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst)


def one_run(src: Path, cache: Path, extra_env: dict[str, str] | None = None) -> dict:
    run.SRC = src
    env = run.env_for(cache)
    env.update(extra_env or {})
    tmp = Path(tempfile.mkdtemp(prefix="tl-keys-"))
    try:
        return run.interactive(CORPUS, env, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def jumps_after_article(log: dict, within: float = 0.05) -> int:
    """G/g/PgUp/PgDn keys (of a --calls log) that came less than `within` seconds after the
    article pane started showing an event, or while their frame waited: the article's frame and
    Textual's frame pacing then delay theirs."""
    shows = [t0 for name, t0, _ms, _cpu in log.get("calls", []) if name.endswith("_show_pending")]
    jumps = [(t0, t1) for k, t0, t1 in log.get("key_times", []) if k in ("G", "g", "pagedown", "pageup")]
    return sum(any(t0 - within <= s <= t1 for s in shows) for t0, t1 in jumps)


def summary(logs: list[dict]) -> dict[str, float]:
    keys = [ms for log in logs for _k, ms in log.get("keys", [])]
    moves = [ms for log in logs for k, ms in log.get("keys", []) if k in ("j", "k")]
    others = [ms for log in logs for k, ms in log.get("keys", []) if k not in ("j", "k")]
    res = [ms for log in logs for _k, ms in log.get("resizes", [])]
    filt = [ms for log in logs for k, ms in log.get("filters", []) if k != "clear"]
    out = {
        "n_jk": len(moves),
        "jk_median": statistics.median(moves) if moves else float("nan"),
        "jk_p95": run.pct(moves, 0.95) if moves else float("nan"),
        "all_median": statistics.median(keys) if keys else float("nan"),
        "all_p95": run.pct(keys, 0.95) if keys else float("nan"),
        "GgPg_median": statistics.median(others) if others else float("nan"),
        "GgPg_p95": run.pct(others, 0.95) if others else float("nan"),
        "resize_max": max(res) if res else float("nan"),
        "filter_median": statistics.median(filt) if filt else float("nan"),
        "rss_peak_MB": max((log.get("rss", {}).get("VmHWM", 0) for log in logs), default=0),
    }
    if any("calls" in log for log in logs):
        out["jumps_after_article"] = sum(jumps_after_article(log) for log in logs)
    gcs = [g for log in logs for g in log.get("gc", [])]
    if gcs:
        out["gc_count"] = len(gcs)
        out["gc_max_ms"] = max(ms for _g, ms, _t in gcs)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--src", type=Path, default=Path("/tmp/x3/src"))
    ap.add_argument("--base", type=Path, default=Path("/tmp/x3/base"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/x3/cache"))
    ap.add_argument("--no-base", action="store_true", help="measure the working tree only")
    ap.add_argument("--no-sync", action="store_true", help="measure --src as it is")
    ap.add_argument("--profile", type=Path, help="one profiled run of the working tree; stacks to this file")
    ap.add_argument("--gc", action="store_true", help="log garbage collections in the probe")
    ap.add_argument("--renders", action="store_true", help="count the lines each widget class renders per key")
    ap.add_argument("--phases", action="store_true", help="log when each key reached the screen's update steps")
    ap.add_argument("--calls", action="store_true", help="time some screen/widget methods in the probe (and count the jumps that came just after an article)")
    ap.add_argument("--json", type=Path, help="write the raw logs here")
    args = ap.parse_args(argv)
    if not args.no_sync:
        sync_ui(args.src)
    extra = {"TIMELINE_PROBE_GC": "1"} if args.gc else {}
    if args.phases:
        extra["TIMELINE_PROBE_PHASES"] = "1"
    if args.calls:
        extra["TIMELINE_PROBE_CALLS"] = "1"
    if args.renders:
        extra["TIMELINE_PROBE_RENDERS"] = "1"
    if args.profile:
        log = one_run(args.src, args.cache, {**extra, "TIMELINE_PROBE_PROFILE": str(args.profile.resolve())})
        print(json.dumps(summary([log]), indent=1))
        if args.json:
            args.json.write_text(json.dumps(log))
        return 0
    trees = {"new": args.src} if args.no_base else {"base": args.base, "new": args.src}
    logs: dict[str, list[dict]] = {name: [] for name in trees}
    order = list(trees)
    for i in range(args.runs):
        for name in order if i % 2 == 0 else order[::-1]:
            log = one_run(trees[name], args.cache, extra)
            if "error" in log:
                print(f"run {i} {name}: {log['error']}", file=sys.stderr)
                continue
            logs[name].append(log)
            s = summary([log])
            print(f"run {i} {name:4s}: j/k median {s['jk_median']:5.1f} p95 {s['jk_p95']:5.1f} | all median "
                  f"{s['all_median']:5.1f} p95 {s['all_p95']:5.1f} | G/g/Pg p95 {s['GgPg_p95']:5.1f}", file=sys.stderr, flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(logs))
    sums = {name: summary(ls) for name, ls in logs.items()}
    print(f"{'':16s}" + "".join(f"{name:>12s}" for name in sums) + ("       ratio" if len(sums) == 2 else ""))
    for field in sums[order[-1]]:
        vals = [sums[name].get(field, float("nan")) for name in sums]
        line = f"{field:16s}" + "".join(f"{v:12.1f}" for v in vals)
        if len(vals) == 2 and vals[0]:
            line += f"{vals[1] / vals[0]:11.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
