"""End to end: the installed `timeline` command in a real terminal (tmux) at 80x24."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.ui_support import BASIC

TMUX = shutil.which("tmux")
TIMELINE = shutil.which("timeline") or str(Path(sys.executable).parent / "timeline")

pytestmark = pytest.mark.skipif(TMUX is None or not Path(TIMELINE).exists(), reason="needs tmux and the installed `timeline`")


class Pane:
    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"timeline-e2e-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        shell = f"env {exports} {' '.join(command)}; sleep 5"
        # A tmux server that is shutting down (its last session just closed) refuses a new
        # session for a moment: try again rather than fail.
        for attempt in range(5):
            done = subprocess.run(
                [TMUX, "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", shell], capture_output=True
            )
            if done.returncode == 0:
                break
            time.sleep(0.2 * (attempt + 1))
        else:
            raise RuntimeError(f"tmux new-session failed: {done.stderr.decode(errors='replace')}")

    def text(self) -> str:
        return subprocess.run(
            [TMUX, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, needle: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.text()
            if needle in text:
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} not on screen after {timeout}s:\n{text}")
            time.sleep(0.05)

    def wait_gone(self, needle: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while needle in (text := self.text()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} still on screen after {timeout}s:\n{text}")
            time.sleep(0.05)
        return text

    def send(self, *keys: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def pane():
    panes: list[Pane] = []

    def start(*args: str, **env: str) -> Pane:
        base = {"TERM": "xterm-256color", "LANG": os.environ.get("LANG", "C.UTF-8"), "TEXTUAL_ANIMATIONS": "none"}
        p = Pane([TIMELINE, *args], {**base, **env})
        panes.append(p)
        return p

    yield start
    for p in panes:
        p.close()


def test_timeline_runs_in_a_terminal_at_80x24(pane):
    p = pane(str(BASIC))
    screen = p.wait_for("events ·")
    assert "Undated" in screen
    p.send("j")
    p.send("Enter")
    p.wait_for("Next quote")  # the article screen's own footer: it is in front
    p.send("Escape")
    p.wait_for("/ Search")  # the reader's footer again
    p.send("/")
    p.wait_for("Search events")  # the search box has opened: type only now
    p.send("-l", "kremlin")
    p.wait_for("“kremlin”")
    p.send("Escape")  # a terminal tells Escape from Alt+key by a pause: wait for its effect
    p.wait_gone("“kremlin”")
    p.send("q")
    assert "Traceback" not in p.wait_gone("events ·")


def test_quits_cleanly_with_no_color_and_lang_c(pane):
    p = pane(str(BASIC), NO_COLOR="1", LANG="C", TERM="linux")
    p.wait_for("events ·")
    p.send("Q")
    p.wait_for("quotes ·")
    p.send("Escape")
    p.wait_gone("quotes ·")
    p.send("q")
    assert "Traceback" not in p.wait_gone("events ·")
