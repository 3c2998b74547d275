"""The real reader, under a real pseudo-terminal, on the hostile corpus.

The app runs as `python -m tui tests/fixtures/hostile` with a pty as its terminal (fixed size,
TERM=xterm-256color). Every byte it writes is kept and also fed to `pyte`, a terminal emulator,
so the test can both read what a user would see and check what the terminal was told to do.
The test walks every event, opens the article, the quotes view, the problems, the help, the
filter panel and the command palette, types the printable parts of the payloads into the search
box and pastes a whole payload there, and then checks:

- no payload sequence ever reached the terminal (OSC 52/0/2/8/11/1337, DCS, ESC c, charset
  switches, C1 controls, bidi overrides, DEL, NUL, BEL, BS, VT, FF, tabs, and CSI sequences
  carrying the payloads' 7777 marker: Textual writes CSI of its own, never with 7777);
- no markup action ran: after `[@click=app.quit]` was shown and typed, the app still answers
  keys, and exits (status 0) only on `q`;
- the text around the payloads is shown, and markup is shown as text.

Synchronization is by polling the emulated screen with timeouts, never by bare sleeps.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import re
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyte  # a terminal emulator, in the test extras
import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def _load_make_hostile():
    spec = importlib.util.spec_from_file_location("make_hostile", ROOT / "tests" / "fixtures" / "make_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


H = _load_make_hostile()

KEYS = {
    "enter": b"\r",
    "escape": b"\x1b",
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "pagedown": b"\x1b[6~",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "ctrl+p": b"\x10",
    "ctrl+u": b"\x15",
    "backspace": b"\x7f",
}


def terminal_env(**overrides: str | None) -> dict[str, str]:
    """The environment of a user's terminal: no CI or Textual debugging variables."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEXTUAL", "PYTEST", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "COLORTERM"))
    }
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", PYTHONIOENCODING="")
    env.pop("PYTHONIOENCODING")
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class PtyApp:
    """A command running on a pseudo-terminal we own, its output kept raw and emulated."""

    def __init__(self, argv: list[str], cols: int = 80, rows: int = 24, env: dict[str, str] | None = None) -> None:
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.emulator_errors: list[str] = []
        self._cond = threading.Condition()
        self._version = 0
        self._eof = False
        try:
            master, slave = os.openpty()
        except OSError as exc:  # no ptys in this sandbox: the only reason to skip
            pytest.skip(f"cannot open a pseudo-terminal: {exc}")
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env if env is not None else terminal_env(),
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- output --------------------------------------------------------------------------

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                data = b""
            with self._cond:
                if not data:
                    self._eof = True
                    self._cond.notify_all()
                    return
                self.raw += data
                try:
                    self.stream.feed(data)
                except Exception as exc:  # the emulator's problem, not the app's: keep going
                    self.emulator_errors.append(repr(exc))
                self._version += 1
                self._cond.notify_all()

    def lines(self) -> list[str]:
        # Not `screen.display`: pyte 0.8.2 raises on the empty cell a zero-width character
        # leaves. A wide character's second cell is "" too, so joining the cells is the line.
        with self._cond:
            buffer = self.screen.buffer
            return ["".join(buffer[y][x].data for x in range(self.cols)) for y in range(self.rows)]

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines())

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 10.0, what: str = "") -> str:
        """Poll the screen until `predicate(screen_text)` holds; fail with the screen if not."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            if predicate(text):
                return text
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (self._eof and not predicate(self.text())):
                raise AssertionError(
                    f"timed out waiting for {what or predicate} (exited: {self.proc.poll()})\n"
                    f"--- screen ---\n{self.text()}\n--- last output ---\n{bytes(self.raw[-2000:])!r}"
                )
            with self._cond:
                self._cond.wait(min(remaining, 0.05))

    def footer(self) -> str:
        return self.lines()[-1]

    def wait_footer(self, needle: str, timeout: float = 10.0) -> str:
        """Wait for `needle` in the bottom line (the footer: which screen has the keys)."""
        return self.wait_for(lambda _t: needle in self.footer(), timeout, f"{needle!r} in the footer")

    def wait_text(self, needle: str, timeout: float = 10.0) -> str:
        return self.wait_for(lambda t: needle in t, timeout, repr(needle))

    def settle(self, quiet: float = 0.08, timeout: float = 3.0) -> str:
        """Wait until the app has written nothing for `quiet` seconds (bounded by `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while time.monotonic() < deadline and not self._eof:
                seen = self._version
                self._cond.wait(quiet)
                if self._version == seen:
                    break
        return self.text()

    def press_and_wait(self, key: str, timeout: float = 2.0) -> bool:
        """Press a key; True when the screen changed within `timeout` (then let it settle)."""
        before = self.text()
        self.press(key)
        try:
            self.wait_for(lambda t: t != before, timeout, f"a change after {key!r}")
        except AssertionError:
            if self._eof:
                raise
            return False
        self.settle()
        return True

    # -- input ---------------------------------------------------------------------------

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.fd, KEYS.get(key, key.encode("utf-8")))

    def type(self, text: str) -> None:
        # One character per write: a burst that starts with '[' could read as an escape's tail.
        for ch in text:
            os.write(self.fd, ch.encode("utf-8"))

    # -- lifetime ------------------------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_exit(self, timeout: float = 10.0) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            self._reader.join(2)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        self._reader.join(2)
        try:
            os.close(self.fd)
        except OSError:
            pass


def reader_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui", *args]


# Textual's own sequences that contain a byte forbidden elsewhere: OSC 22 (pointer shape), BEL
# terminated. Removed before the scan; the payloads' OSCs are 52, 0, 2, 8, 11 and 1337.
TEXTUAL_OWN = re.compile(rb"\x1b\]22;[a-z-]*\x07")


def forbidden_found(data: bytes) -> dict[str, list[bytes]]:
    """Every forbidden sequence in `data`, by name, with some context around each."""
    data = TEXTUAL_OWN.sub(b"", data)
    found: dict[str, list[bytes]] = {}
    for name, needle in H.FORBIDDEN_BYTES.items():
        start = 0
        while (i := data.find(needle, start)) >= 0:
            found.setdefault(name, []).append(data[max(0, i - 40) : i + 40])
            start = i + 1
    for name, pattern in H.FORBIDDEN_PATTERNS.items():
        for m in re.finditer(pattern, data):
            found.setdefault(name, []).append(data[max(0, m.start() - 40) : m.end() + 40])
    return {k: v[:3] for k, v in found.items()}


# -- the run -----------------------------------------------------------------------------


EVENT_COUNT = re.compile(r"(\d+) ev(?:ents?)?\b")  # the status line says "34 ev" when narrow


def _event_count(text: str) -> int:
    m = EVENT_COUNT.search(text)
    assert m, f"no event count in the status line\n{text}"
    return int(m.group(1))


def _cursor_on_headline(text: str) -> bool:
    """True when the selected row (▶) is an article's headline event of the fixture."""
    row = next((line for line in text.splitlines() if "▶" in line), "")
    return any(tag in row for tag in (*H.TITLE_TAGS, H.NORMAL_TITLE[:20]))


def walk_everything(term: PtyApp, open_articles: bool, typed: list[str]) -> list[str]:
    """Visit every screen of the reader; return every screen seen (as text).

    Waits are for something specific (a change of screen, a footer) wherever the key must
    change the screen; a key that may change nothing (scrolling at the end of a view) gets a
    short probe instead."""
    seen: list[str] = []

    def snap() -> None:
        seen.append(term.settle())

    def back_to_reader() -> None:
        # Escape, then wait for the reader's own footer: a key sent right after a lone ESC
        # byte would be read as Alt+key.
        assert term.press_and_wait("escape", timeout=5), f"Escape changed nothing\n{term.text()}"
        term.wait_footer("Search", timeout=5)

    def scroll_through(key: str = "pagedown", limit: int = 30) -> None:
        for _ in range(limit):
            if not term.press_and_wait(key, timeout=0.3):
                break
            snap()

    term.wait_text("Hostile corpus", timeout=20)
    term.wait_footer("Search")
    text = term.wait_for(lambda t: EVENT_COUNT.search(t) is not None, what="the event count")
    count = _event_count(text)
    snap()

    # Every event, top to bottom (j); when asked, open the article of each headline (Enter).
    term.press_and_wait("g", timeout=0.5)
    for i in range(count):
        snap()
        if open_articles and _cursor_on_headline(term.text()):
            term.press("enter")
            term.wait_footer("Back", timeout=5)
            snap()
            scroll_through()
            back_to_reader()
        if i < count - 1:
            before = term.text()
            term.press("j")
            term.wait_for(lambda t: t != before, 5, f"event {i + 2} of {count}")
    snap()
    for _ in range(3):  # and back up with the arrow key
        term.press_and_wait("up", timeout=2)
        snap()

    for key in ("Q", "!", "?", "f"):
        assert term.press_and_wait(key, timeout=5), f"{key!r} opened nothing\n{term.text()}"
        snap()
        scroll_through("down", 60)
        if key == "Q" and term.press_and_wait("s", timeout=2):  # the other order
            snap()
            scroll_through("down", 60)
        back_to_reader()
        snap()

    # The command palette, searching for a name that is markup.
    if term.press_and_wait("ctrl+p", timeout=3):
        term.type("Mallory")
        term.wait_for(lambda t: "Search for commands" not in t and "Mallory" in t, 5, "the palette's hits")
        snap()
        back_to_reader()

    # Search: type the printable parts of the payloads. The box is the line above the footer.
    assert term.press_and_wait("/", timeout=3), "search did not open"
    term.wait_for(lambda _t: "Search events" in term.lines()[-2] and "Search" not in term.footer(), 5, "the search box")
    term.settle()
    for i, text in enumerate(typed):
        # One key at a time, each waited for: keys typed faster than the filter is applied
        # are lost (a known bug with its own test in test_terminals.py).
        for n in range(1, len(text) + 1):
            term.type(text[n - 1])
            term.wait_for(lambda _t, part=text[:n]: part in term.lines()[-2], 5, f"{text[:n]!r} in the search box")
        snap()
        if i < len(typed) - 1:  # keep the last one: Enter applies it as the search
            term.press("ctrl+u")
            term.wait_for(lambda _t: "Search events" in term.lines()[-2], 5, "the search box to clear")
    term.press("enter")
    snap()
    back_to_reader()
    snap()
    # A payload pasted (bracketed paste) from a hostile page into the search box.
    term.press("/")
    # The box has the focus when the footer no longer offers "/ Search" (it is a character now).
    term.wait_for(lambda _t: "Search events" in term.lines()[-2] and "Search" not in term.footer(), 5, "the search box")
    term.settle()
    term.press(f"\x1b[200~pasted {H.OSC52_BEL} {H.CSI_SGR}red {H.RLO}evil {H.C1_CSI}\x1b[201~")
    term.wait_for(lambda _t: "pasted" in term.lines()[-2], 5, "the pasted text in the search box")
    snap()
    term.press("enter")
    back_to_reader()
    snap()
    return seen


def _run_reader(cols: int, rows: int, open_articles: bool, typed: list[str], cache_dir: Path) -> dict:
    env = terminal_env(TIMELINE_CACHE_DIR=str(cache_dir))
    term = PtyApp(reader_command(str(HOSTILE)), cols, rows, env)
    try:
        try:
            screens = walk_everything(term, open_articles, typed)
        except AssertionError as exc:  # a payload that got through garbles the screen: say so
            found = forbidden_found(bytes(term.raw))
            raise AssertionError(f"at {cols}x{rows}: payload sequences written: {found or 'none'}\n{exc}") from None
        alive_after_walk = term.alive
        # Still answers keys: help opens and closes.
        answers = term.press_and_wait("?", timeout=5) and term.press_and_wait("escape", timeout=5)
        term.wait_footer("Search", timeout=5)
        term.press("q")
        status = term.wait_exit(10)
    finally:
        term.close()
    return {
        "size": (cols, rows),
        "raw": bytes(term.raw),
        "screens": screens,
        "alive_after_walk": alive_after_walk,
        "answers_keys": answers,
        "status": status,
    }


@pytest.fixture(scope="module")
def hostile_runs(tmp_path_factory):
    """Run the reader on the hostile corpus at 80x24 (narrow: the list; Enter opens each
    headline's article) and at 160x45 (wide: the article beside the list follows the cursor),
    both at once to keep the test short. Each run starts with an empty index cache."""
    sizes = ((80, 24, True, [*H.TYPED, "[@click=app.quit]"]), (160, 45, False, ["[@click=app.quit]"]))
    results: list[dict | BaseException | None] = [None] * len(sizes)

    def run(i: int) -> None:
        try:
            results[i] = _run_reader(*sizes[i], tmp_path_factory.mktemp(f"cache{i}"))
        except BaseException as exc:  # re-raised in the test's thread
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(sizes))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for r in results:
        if isinstance(r, BaseException):
            raise r
        assert r is not None, "a run did not finish in 120 s"
    return results


def test_fixture_is_what_the_script_writes():
    assert H.differences() == [], "run: python tests/fixtures/make_hostile.py"


def test_no_payload_reaches_the_terminal(hostile_runs):
    for run in hostile_runs:
        assert forbidden_found(run["raw"]) == {}, f"at {run['size']}"


def test_no_markup_action_ran_and_only_q_quits(hostile_runs):
    for run in hostile_runs:
        assert run["alive_after_walk"], f"the app exited during the walk at {run['size']}"
        assert run["answers_keys"], f"the app stopped answering keys at {run['size']}"
        assert run["status"] == 0, f"exit status {run['status']} at {run['size']}"


def test_text_around_payloads_is_shown(hostile_runs):
    for run in hostile_runs:
        everything = "\n".join(run["screens"])
        missing = [tag for tag in H.TITLE_TAGS if tag != "GOLF-NUL" and tag not in everything]
        assert not missing, f"titles not shown at {run['size']}: {missing}"
        assert H.NORMAL_TITLE[:20] in everything
        # The NUL article is listed, or at least reported: never silently dropped.
        assert "GOLF-NUL" in everything or "nul.md" in everything
        for literal in H.VISIBLE_MARKUP:
            assert literal in everything, f"markup {literal!r} not shown as text at {run['size']}"
        assert "Mallory [@click=app.quit]" in everything, "a speaker name that is markup"
        # Unreadable files with hostile names are listed in the problems screen.
        assert "-empty.md" in everything and "bad-yaml.md" in everything


def test_article_bodies_are_shown_after_their_payloads(hostile_runs):
    everything = "\n".join(hostile_runs[0]["screens"] + hostile_runs[1]["screens"])
    for words in ("ALPHA-OSC-TAIL", "CHARLIE-BODY", "KILO-BODY", "the screen was cleared", "Big endian words"):
        assert words in everything, words


def test_check_output_carries_no_payload():
    out = subprocess.run(
        reader_command("check", str(HOSTILE)), capture_output=True, cwd=ROOT, env=terminal_env(), timeout=60
    )
    assert b"Traceback" not in out.stderr, out.stderr.decode("utf-8", "replace")
    assert forbidden_found(out.stdout) == {}
    assert forbidden_found(out.stderr) == {}
    text = out.stdout.decode("utf-8")
    # Every unreadable file is named (its name without the control characters).
    assert "-empty.md" in text and "bad-yaml.md" in text
    # Each problem is one line: a newline in a file name must not split it.
    for line in text.splitlines()[:-1]:
        assert "hostile" in line, f"a problem line without its path: {line!r}"
    assert out.returncode == 1  # two files could not be read


# -- a hostile FOLDER name: the loading screen, the status line, the messages ------------------

EVIL_FOLDER = b"folder-\x1b]52;c;Rk9MREVS\x07-\x1b]0;PWNED-FOLDER\x07-\xe9-[@click=app.quit]"


@pytest.mark.parametrize("readable", [True, False], ids=["with-an-article", "nothing-readable"])
def test_a_hostile_folder_name_never_reaches_the_terminal(tmp_path, readable):
    folder = os.path.join(os.fsencode(tmp_path), EVIL_FOLDER)
    os.mkdir(folder)
    with open(os.path.join(folder, b"normal.md" if readable else b"empty.md"), "wb") as fh:
        fh.write((HOSTILE / "normal.md").read_bytes() if readable else b"")
    env = terminal_env(TIMELINE_CACHE_DIR=str(tmp_path / "cache"))
    term = PtyApp(reader_command(os.fsdecode(folder)), 80, 24, env)
    try:
        if readable:
            term.wait_text("Ministers agree on grain corridor", timeout=20)
            assert "folder-" in term.lines()[0]  # the title falls back to the folder's name
        else:
            term.wait_text("No articles could be read", timeout=20)
        term.settle()
        term.press("q")
        assert term.wait_exit(10) == 0
    finally:
        term.close()
    assert forbidden_found(bytes(term.raw)) == {}
    out = subprocess.run(reader_command("check", os.fsdecode(folder)), capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert forbidden_found(out.stdout) == {} and forbidden_found(out.stderr) == {}
    assert b"Traceback" not in out.stderr


def test_command_line_errors_carry_no_payload(tmp_path):
    """`timeline DIR` names DIR in its errors: an existing folder with no articles, and one that
    does not exist (a typo inside a hostile folder's name, completed by the shell)."""
    empty = os.path.join(os.fsencode(tmp_path), EVIL_FOLDER)
    os.mkdir(empty)
    env = terminal_env(TIMELINE_CACHE_DIR=str(tmp_path / "cache"))
    for args, message in (
        ([os.fsdecode(empty)], b"no articles here"),
        (["check", os.fsdecode(empty)], b"no articles here"),
        ([os.fsdecode(os.path.join(empty, b"missing-\x1b]2;PWNED-MISSING\x07"))], b"no such folder"),
    ):
        out = subprocess.run(reader_command(*args), capture_output=True, cwd=ROOT, env=env, timeout=60)
        assert out.returncode == 2 and message in out.stderr, out.stderr
        assert forbidden_found(out.stdout + out.stderr) == {}


def test_export_output_carries_no_payload():
    env = terminal_env()
    for fmt in ("json", "markdown"):
        out = subprocess.run(reader_command("export", "--format", fmt, str(HOSTILE)), capture_output=True, cwd=ROOT, env=env, timeout=60)
        assert out.returncode == 0, out.stderr
        assert forbidden_found(out.stdout) == {} and forbidden_found(out.stderr) == {}
        assert b"ALPHA-OSC" in out.stdout
