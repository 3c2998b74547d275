"""Scale and speed: `python bench/run.py` prints every target, measured beside a minimal Textual
app started the same way in the same run (so machine noise cancels).

- first paint: the app runs under a pty (120x40, TERM=xterm-256color) from process start; the
  first paint is the first write with printable text, "events on screen" the first frame that
  shows the reader's "N events" count. Median of --runs runs, minimal app and reader alternated.
- key to frame, resize, filter: inside the process (bench/probe.py): from the event's own time
  stamp to the driver write of the frame that follows.
- cold: an empty cache dir; first events on screen in the reader, and a headless `load_corpus`
  for the whole-index throughput (MB of article text per second).
- find_dates beside dateparser.search_dates on the same article texts.

Options: --n 20000 (synthetic articles), --data DIR (where corpora and caches go),
--runs 5, --quick (2,000 articles, 3 runs).
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import json
import os
import platform
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

_ANSI = re.compile(rb"\x1b(?:\[[0-9;?<=>$ ]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")
_EVENTS = re.compile(rb"\d[\d,]* events?\b")


class Pty:
    """A child process on a pseudo-terminal, its output collected with time stamps."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 120, rows: int = 40) -> None:
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # child
            try:
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.resize(cols, rows)
        self.chunks: list[tuple[float, bytes]] = []
        self.text = b""  # output with escape sequences removed
        self.status: int | None = None
        self._lock = threading.Lock()
        self._stopping = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def resize(self, cols: int, rows: int) -> None:
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def _read(self) -> None:
        while not self._stopping:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.5)
                if not ready:
                    continue
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            now = time.monotonic() - self.t0
            with self._lock:
                self.chunks.append((now, data))
                self.text += _ANSI.sub(b"", data)

    def wait_for(self, predicate, timeout: float) -> float | None:
        """Seconds from start to the first chunk after which predicate(text so far) holds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exited():
                deadline = min(deadline, time.monotonic() + 0.2)  # read what it wrote last
            with self._lock:
                seen = b""
                for t, data in self.chunks:
                    seen += _ANSI.sub(b"", data)
                    if predicate(seen):
                        return t
            time.sleep(0.005)
        return None

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def stop(self, timeout: float = 10.0) -> None:
        try:
            self.send(b"q")
        except OSError:
            pass
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exited():
                break
            time.sleep(0.02)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        # The reader must be gone before the descriptor is closed: the number is soon reused
        # (by the next subprocess's pipe, whose output the reader would then swallow).
        self._stopping = True
        self._reader.join(timeout=2)
        try:
            os.close(self.fd)
        except OSError:
            pass


SRC: Path | None = None  # a frozen copy of tui/ that every child imports (see main)


def freeze_sources(data: Path) -> Path:
    """Copy tui/ so that edits made while the bench runs (the engine version hashes the corpus
    sources: any edit discards the warm cache) do not change what is measured."""
    dest = data / "src"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(REPO / "tui", dest / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    # Compiled as an install or a second run finds it: with PYTHONDONTWRITEBYTECODE set (some
    # machines set it) every start would otherwise compile the copy afresh, a cost the minimal
    # app, whose Textual was compiled by pip, never pays.
    compileall.compile_dir(dest, quiet=1)
    return dest


def env_for(cache: Path, no_cache: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    if SRC is not None:
        env["TIMELINE_BENCH_SRC"] = str(SRC)
    env.update(TERM="xterm-256color", COLORTERM="truecolor", TIMELINE_CACHE_DIR=str(cache), LANG="C.UTF-8")
    env.pop("TIMELINE_NO_CACHE", None)
    if no_cache:
        env["TIMELINE_NO_CACHE"] = "1"
    return env


def probe_argv(which: str, root: Path | None, log: Path) -> list[str]:
    return [sys.executable, str(HERE / "probe.py"), which, str(root or ""), str(log)]


def printable(seen: bytes) -> bool:
    return any(32 < b < 127 for b in seen)


def first_paint(which: str, root: Path | None, env: dict[str, str], tmp: Path, timeout: float = 60) -> tuple[float | None, float | None]:
    """(first paint, events on screen) in seconds from process start."""
    p = Pty(probe_argv(which, root, tmp / "fp.json"), env)
    try:
        paint = p.wait_for(printable, timeout)
        if which == "minimal":
            return paint, paint
        shown = p.wait_for(lambda s: _EVENTS.search(s) is not None, timeout)
        return paint, shown
    finally:
        p.stop()


def interactive(root: Path, env: dict[str, str], tmp: Path, keys: int = 150) -> dict:
    """Keys, resizes and filters in the reader on a loaded corpus; the probe's log."""
    log = tmp / "interactive.json"
    p = Pty(probe_argv("timeline", root, log), env)
    try:
        if p.wait_for(lambda s: _EVENTS.search(s) is not None, 600) is None:
            return {"error": "the reader never showed events"}
        time.sleep(1.0)
        for i in range(keys):  # down, then up: every key moves the highlight
            p.send(b"j" if i < keys // 2 else b"k")
            time.sleep(0.06)
        for key in (b"G", b"g", b"\x1b[6~", b"\x1b[5~") * 5:  # end, home, page down, page up
            p.send(key)
            time.sleep(0.08)
        for cols, rows in ((100, 30), (140, 45), (80, 24), (120, 40)) * 2:
            p.resize(cols, rows)
            os.kill(p.pid, signal.SIGWINCH)
            time.sleep(0.4)
        p.send(b"\x1b[24~")  # F12: the probe's filter script
        time.sleep(0.4 * 18 + 1.5)
    finally:
        p.stop(timeout=20)
    try:
        return json.loads(log.read_text())
    except (OSError, ValueError):
        return {"error": "no log from the probe"}


def cold_index(root: Path, cache: Path) -> tuple[float, int]:
    """Seconds for a cold headless load_corpus, and the bytes of article text."""
    shutil.rmtree(cache, ignore_errors=True)
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); import frozen; frozen.use_frozen();"
        "import sys, time; from pathlib import Path; t=time.perf_counter();"
        "from tui.corpus.build import load_corpus; c=load_corpus(Path(sys.argv[1]));"
        "print(time.perf_counter()-t, len(c.events))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(root)], env=env_for(cache), capture_output=True, text=True, check=True)
    if not out.stdout.split():
        raise RuntimeError(f"cold load_corpus printed nothing (exit {out.returncode}); stderr: {out.stderr[-2000:]}")
    seconds = float(out.stdout.split()[0])
    print(f"(cold index: {out.stdout.split()[1]} events)", file=sys.stderr)
    size = sum(f.stat().st_size for f in root.rglob("*") if f.suffix in (".txt", ".md"))
    return seconds, size


def dates_ratio(root: Path, n: int = 40) -> tuple[float, float]:
    """(find_dates MB/s, dateparser MB/s) on the same texts."""
    import warnings
    from datetime import date

    from dateparser.search import search_dates

    from tui.corpus.dates import find_dates

    files = sorted(root.rglob("*.txt"))[:n]
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t) for t in texts) / 1e6
    t = time.perf_counter()
    for text in texts:
        find_dates(text, date(2022, 1, 19))
    ours = time.perf_counter() - t
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts[: max(4, n // 4)]:
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": __import__("datetime").datetime(2022, 1, 19)})
    theirs = (time.perf_counter() - t) / (max(4, n // 4) / len(texts))
    return size / ours, size / theirs


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"Textual {textual.__version__}, SQLite {__import__('sqlite3').sqlite_version}, {platform.system()} {platform.release()}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "timeline-bench")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--cold-timeout", type=float, default=120, help="give up waiting for the first events of a cold start")
    ap.add_argument("--skip-cold", action="store_true", help="reuse the warm cache; no cold measurements")
    args = ap.parse_args(argv)
    if args.quick:
        args.n, args.runs = 2000, 3
    global SRC
    data: Path = args.data
    data.mkdir(parents=True, exist_ok=True)
    SRC = freeze_sources(data)
    os.environ["TIMELINE_BENCH_SRC"] = str(SRC)
    from frozen import use_frozen

    use_frozen()
    from make_corpus import make_corpus

    big = data / f"corpus-{args.n}-s1"
    if not (big / ".complete").exists():
        shutil.rmtree(big, ignore_errors=True)
        print(f"writing {args.n} synthetic articles to {big} …", file=sys.stderr)
        make_corpus(args.n, big, seed=1)
        (big / ".complete").write_text("ok")  # hidden: the loader skips it
    bundled = REPO / "articles"
    cache_small, cache_big = data / "cache-bundled", data / "cache-big"
    tmp = Path(tempfile.mkdtemp(prefix="tl-bench-"))
    rows: list[tuple[str, str, str, str]] = []  # target, limit, measured, verdict

    def row(name: str, limit: str, value: str, ok: bool | None) -> None:
        rows.append((name, limit, value, "n/a" if ok is None else ("PASS" if ok else "FAIL")))
        print(f"{name:58s} {limit:>18s} {value:>28s} {rows[-1][3]}", file=sys.stderr, flush=True)

    # warm the bundled corpus's cache once, then alternate minimal / reader runs
    first_paint("timeline", bundled, env_for(cache_small), tmp)
    mins, paints, shows = [], [], []
    for _ in range(args.runs):
        m, _ = first_paint("minimal", None, env_for(cache_small), tmp)
        p, s = first_paint("timeline", bundled, env_for(cache_small), tmp)
        mins.append(m or float("nan"))
        paints.append(p or float("nan"))
        shows.append(s or float("nan"))
    minimal = statistics.median(mins)
    row("minimal app: first paint", "", f"{minimal:.3f} s", None)
    r = statistics.median(paints) / minimal
    row("bundled: first paint / minimal", "<= 1.3x", f"{r:.2f}x ({statistics.median(paints):.3f} s)", r <= 1.3)
    r = statistics.median(shows) / minimal
    row("bundled: events on screen / minimal", "<= 1.3x", f"{r:.2f}x ({statistics.median(shows):.3f} s)", r <= 1.3)

    size = sum(f.stat().st_size for f in big.rglob("*") if f.suffix in (".txt", ".md"))
    if not args.skip_cold:
        shutil.rmtree(cache_big, ignore_errors=True)
        cold_paint, cold_shown = first_paint("timeline", big, env_for(cache_big), tmp, timeout=args.cold_timeout)
        row(f"{args.n} cold: first paint", "", f"{cold_paint:.3f} s" if cold_paint else "none", None)
        row(f"{args.n} cold: first events on screen", "<= 1 s", f"{cold_shown:.2f} s" if cold_shown else f"> {args.cold_timeout:.0f} s",
            cold_shown is not None and cold_shown <= 1.0)  # fmt: skip
        seconds, size = cold_index(big, cache_big)
        row(f"{args.n} cold: whole index (load_corpus, headless)", ">= 5 MB/s",
            f"{size / 1e6 / seconds:.2f} MB/s ({size / 1e6:.0f} MB, {seconds:.1f} s)", size / 1e6 / seconds >= 5)  # fmt: skip

    wmins, wpaints, wshows = [], [], []
    first_paint("timeline", big, env_for(cache_big), tmp, timeout=900)  # make sure the cache is warm
    for _ in range(args.runs):
        m, _ = first_paint("minimal", None, env_for(cache_big), tmp)
        p, s = first_paint("timeline", big, env_for(cache_big), tmp, timeout=300)
        wmins.append(m or float("nan"))
        wpaints.append(p or float("nan"))
        wshows.append(s or float("nan"))
    wmin = statistics.median(wmins)
    r = statistics.median(wpaints) / wmin
    row(f"{args.n} warm: first paint / minimal", "<= 2x", f"{r:.2f}x ({statistics.median(wpaints):.3f} s)", r <= 2)
    r = statistics.median(wshows) / wmin
    row(f"{args.n} warm: events on screen / minimal", "<= 2x", f"{r:.2f}x ({statistics.median(wshows):.3f} s)", r <= 2)

    log = interactive(big, env_for(cache_big), tmp)
    if "error" in log:
        row(f"{args.n} warm: interactive", "", log["error"], False)
    else:
        keys = [ms for _k, ms in log["keys"]]
        moves = [ms for k, ms in log["keys"] if k in ("j", "k")]
        if keys:
            row(f"{args.n} warm: key to frame, median (j/k)", "<= 8 ms", f"{statistics.median(moves):.1f} ms (n={len(moves)})", statistics.median(moves) <= 8)
            row(f"{args.n} warm: key to frame, p95 (j/k)", "<= 16 ms", f"{pct(moves, 0.95):.1f} ms", pct(moves, 0.95) <= 16)
            row(f"{args.n} warm: key to frame, p95 (all keys, G/g/PgUp/PgDn)", "<= 16 ms", f"{pct(keys, 0.95):.1f} ms (n={len(keys)})", pct(keys, 0.95) <= 16)
        else:
            row(f"{args.n} warm: key to frame", "<= 8 ms", "no frames after keys", False)
        res = [ms for _k, ms in log["resizes"]]
        if res:
            row(f"{args.n} warm: resize to frame, max", "<= 100 ms", f"{max(res):.1f} ms (n={len(res)})", max(res) <= 100)
        filt = [ms for k, ms in log["filters"] if k != "clear"]
        clears = [ms for k, ms in log["filters"] if k == "clear"]
        if filt:
            row(f"{args.n} warm: filter/search to frame, median", "<= 50 ms", f"{statistics.median(filt):.1f} ms (n={len(filt)})", statistics.median(filt) <= 50)
            for kind in ("text", "person", "range"):
                ks = [ms for k, ms in log["filters"] if k == kind]
                if ks:
                    row(f"    … {kind} filter, median", "", f"{statistics.median(ks):.1f} ms", None)
            row("    … clear filter, median", "", f"{statistics.median(clears):.1f} ms", None)
        rss = log.get("rss", {})
        row(f"{args.n} warm: resident memory (VmRSS at exit / peak)", "<= 400 MB",
            f"{rss.get('VmRSS', 0):.0f} / {rss.get('VmHWM', 0):.0f} MB", rss.get("VmHWM", 1e9) <= 400)  # fmt: skip

    ours, theirs = dates_ratio(big)
    row("find_dates vs dateparser.search_dates (throughput ratio)", "> 10x", f"{ours / theirs:.0f}x ({ours:.2f} vs {theirs:.3f} MB/s)", ours / theirs > 10)

    import subprocess as sp

    commit = sp.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"\nMachine: {machine()}; sources: {commit} (frozen copy)\n")
    print("| Target | Limit | Measured | |\n|---|---|---|---|")
    for name, limit, value, verdict in rows:
        print(f"| {name.strip()} | {limit} | {value} | {verdict} |")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
