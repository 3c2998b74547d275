"""Odd terminals: tiny and huge sizes, resize storms, 16 colours, no colour, a dumb terminal, the
C locale, keys arriving in bursts, and text far wider than the screen.

Sizes and resizes run in Textual's test harness (`App.run_test`), pressing keys on every screen
after each change; the layout is read from the compositor and measured the way a terminal
measures it (wcwidth). Terminal types and locales run the real `python -m tui` on a pseudo-
terminal (see tests/test_hostile_terminal.py) under the environment variables a user would have.
"""

from __future__ import annotations

import re
import threading

import pytest
from textual.widgets import Footer
from wcwidth import wcswidth

from tests.test_hostile_terminal import HOSTILE, PtyApp, forbidden_found, reader_command, terminal_env
from tests.ui_support import FIXTURES, make_app, ready, settle
from tui.screens.reader import ReaderScreen
from tui.widgets.status_line import StatusLine

LONGTEXT = FIXTURES / "longtext"
FIRST_TITLE = "Ministers agree on grain corridor"  # the first event of the hostile corpus

# A walk over every screen: (keys, what they do). Escape returns to the reader each time.
WALK = [
    ("j", "down", "k", "G", "g", "pagedown"),
    ("enter", "pagedown", "j", "n", "right_square_bracket", "escape"),
    ("Q", "down", "s", "pagedown", "escape"),
    ("exclamation_mark", "down", "escape"),
    ("question_mark", "down", "escape"),
    ("f", "down", "tab", "down", "escape"),
    ("slash", *"[/]", "enter", "escape"),
    ("ctrl+p", *"ze", "escape"),
]


def terminal_width(text: str) -> int:
    """Cells a terminal gives `text` (wcwidth, by grapheme cluster, as modern terminals do);
    -1 when it holds a control character.

    Terminals that count code points instead (xterm, the Linux console) give a ZWJ emoji
    sequence, a flag or an emoji with VS16 more cells than Rich does; no app can know which kind
    it runs on. The longtext fixture carries such characters; the report names the case."""
    return wcswidth(text)


def layout_problems(app, size: tuple[int, int]) -> list[str]:
    """Lines of the current screen that are not exactly the terminal's width, by Textual's count
    or by a terminal's."""
    width, height = size
    problems = []
    strips = app.screen._compositor.render_strips()
    if len(strips) != height:
        problems.append(f"{len(strips)} lines on a {height}-line terminal")
    for y, strip in enumerate(strips):
        text = "".join(seg.text for seg in strip if not seg.control)
        if strip.cell_length != width or terminal_width(text) != width:
            problems.append(f"line {y}: {strip.cell_length} cells ({terminal_width(text)} by wcswidth): {text[:60]!r}")
    return problems


def assert_reader_chrome(app, size: tuple[int, int]) -> None:
    """The footer and the status line are on screen, inside it."""
    screen = app.screen
    assert isinstance(screen, ReaderScreen), type(screen).__name__
    width, height = size
    for widget in (screen.query_one(Footer), screen.query_one(StatusLine)):
        region = widget.region
        assert region.height >= 1 and region.width >= 1, f"{type(widget).__name__} hidden at {size}"
        assert region.bottom <= height and region.right <= width, f"{type(widget).__name__} off screen at {size}"
    assert screen.query_one(Footer).region.bottom == height
    assert screen.query_one(StatusLine).region.y == 0


async def walk(pilot, size: tuple[int, int]) -> None:
    app = pilot.app
    for keys in WALK:
        for key in keys:
            await pilot.press(key)  # waits until the app is idle again
            assert app.is_running, f"the app stopped after {key!r} at {size}"
            problems = layout_problems(app, size)
            assert not problems, f"after {key!r} at {size}:\n" + "\n".join(problems[:5])
        # Back on the reader after each group (a second Escape only clears the search).
        for _ in range(3):
            if isinstance(app.screen, ReaderScreen):
                break
            await pilot.press("escape")
            await settle(pilot)
        assert isinstance(app.screen, ReaderScreen), f"stuck on {type(app.screen).__name__} after {keys}"


SIZES = [("hostile", (20, 5)), ("hostile", (40, 12)), ("hostile", (80, 24)), ("hostile", (300, 100)),
         ("longtext", (20, 5)), ("longtext", (300, 100))]  # longtext at 80x24: its own test below


@pytest.mark.parametrize(("corpus", "size"), SIZES, ids=[f"{c}-{w}x{h}" for c, (w, h) in SIZES])
async def test_every_screen_at_every_size(corpus, size):
    app = make_app(corpus)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert_reader_chrome(app, size)
        await walk(pilot, size)
        assert_reader_chrome(app, size)
        assert app.is_running


STORM = [(20, 5), (300, 100), (1, 1), (200, 3), (3, 60), (100, 30), (99, 30), (80, 24)]


@pytest.mark.parametrize("opener", ["", "enter", "Q", "question_mark", "f", "slash", "ctrl+p"])
async def test_resize_storm_on_every_screen(opener):
    """Resize between every size (1x1 included) with a screen open, a key after each resize."""
    app = make_app("longtext")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        if opener:
            await pilot.press(opener)
            await settle(pilot)
        screen = type(app.screen)
        for size in STORM:
            await pilot.resize_terminal(*size)
            await pilot.press("down" if opener in ("slash", "ctrl+p") else "j")  # waits for idle
            assert app.is_running, f"stopped at {size}"
            problems = layout_problems(app, size)
            assert not problems, f"at {size}:\n" + "\n".join(problems[:5])
        assert type(app.screen) is screen or opener == "enter"  # Enter at 80 cols opens a screen
        for _ in range(3):
            if isinstance(app.screen, ReaderScreen):
                break
            await pilot.press("escape")
            await settle(pilot)
        assert_reader_chrome(app, (80, 24))


async def test_long_text_keeps_the_footer_and_status_line_at_80x24():
    """500-character tokens in a title, a speaker name and a body wrap or are cut: the footer and
    the status line stay, no line is wider than the terminal, on every screen that shows them."""
    app = make_app("longtext")
    size = (80, 24)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for _ in range(len(app.corpus.events)):
            assert_reader_chrome(app, size)
            assert not layout_problems(app, size)
            await pilot.press("enter")  # at 80 columns: the article's own screen
            for _ in range(4):
                assert not layout_problems(app, size)
                assert app.screen.query_one(Footer).region.bottom == 24
                await pilot.press("pagedown")
            await pilot.press("escape")
            await pilot.press("j")
        await pilot.press("Q")
        for _ in range(6):
            assert not layout_problems(app, size)
            assert app.screen.query_one(Footer).region.bottom == 24
            await pilot.press("down")


# -- the real command under terminal types and locales ------------------------------------

SGR = re.compile(rb"\x1b\[([0-9;:]*)m")


def sgr_colours(raw: bytes) -> set[str]:
    """The colour kinds the SGR sequences in `raw` use: '16', '256', 'truecolor'."""
    kinds = set()
    for m in SGR.finditer(raw):
        params = m.group(1).replace(b":", b";").split(b";")
        i = 0
        while i < len(params):
            p = params[i]
            if p in (b"38", b"48", b"58") and i + 1 < len(params):
                kinds.add("256" if params[i + 1] == b"5" else "truecolor")
                i += 3 if params[i + 1] == b"5" else 5
                continue
            if p and (30 <= int(p) <= 37 or 40 <= int(p) <= 47 or 90 <= int(p) <= 97 or 100 <= int(p) <= 107):
                kinds.add("16")
            i += 1
    return kinds


def invisible_cells(term: PtyApp) -> list[str]:
    """Text drawn in the same colour as its background (after reverse video)."""
    bad = []
    with term._cond:
        for y in range(term.rows):
            for x in range(term.cols):
                ch = term.screen.buffer[y][x]
                fg, bg = (ch.bg, ch.fg) if ch.reverse else (ch.fg, ch.bg)
                # Letters and digits only: a separator or scrollbar glyph in its own
                # background colour is a style choice, a word in it is lost text.
                if ch.data.isalnum() and fg == bg and fg != "default":
                    bad.append(f"({x},{y}) {ch.data!r} {fg}")
    return bad


def run_variant(env_overrides: dict[str, str | None], cache_dir) -> dict:
    env = terminal_env(TIMELINE_CACHE_DIR=str(cache_dir), **env_overrides)
    term = PtyApp(reader_command(str(HOSTILE)), 80, 24, env)
    try:
        term.wait_footer("Search", timeout=20)
        first = term.wait_text(FIRST_TITLE, timeout=10)
        invisible = invisible_cells(term)
        assert term.press_and_wait("Q", timeout=5)
        quotes = term.text()
        invisible += invisible_cells(term)
        assert term.press_and_wait("escape", timeout=5)
        term.wait_footer("Search", timeout=5)
        term.press("enter")
        article = term.wait_text("Foreign ministers met", timeout=10)
        assert term.press_and_wait("escape", timeout=5)
        term.wait_footer("Search", timeout=5)
        term.press("q")
        status = term.wait_exit(10)
    finally:
        term.close()
    return {"first": first, "quotes": quotes, "article": article, "status": status,
            "raw": bytes(term.raw), "invisible": invisible}


VARIANTS = {
    "TERM=linux (16 colours)": {"TERM": "linux"},
    "TERM=dumb": {"TERM": "dumb"},
    "NO_COLOR=1": {"NO_COLOR": "1"},
    "LANG=C LC_ALL=C": {"LANG": "C", "LC_ALL": "C"},
    "latin-1 terminal (PYTHONIOENCODING)": {"LANG": "C", "LC_ALL": None, "PYTHONIOENCODING": "latin-1"},
}


@pytest.fixture(scope="module")
def variant_runs(tmp_path_factory):
    results: dict[str, dict | BaseException] = {}

    def run(name: str) -> None:
        try:
            results[name] = run_variant(VARIANTS[name], tmp_path_factory.mktemp("cache"))
        except BaseException as exc:  # re-raised in the test
            results[name] = exc

    # Two at a time: each is one Python process drawing a screen.
    names = list(VARIANTS)
    for i in range(0, len(names), 2):
        threads = [threading.Thread(target=run, args=(n,)) for n in names[i : i + 2]]
        for t in threads:
            t.start()
        for t in threads:
            t.join(90)
    return results


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_terminal_variant_runs_and_shows_the_first_event(variant_runs, variant):
    result = variant_runs[variant]
    if isinstance(result, BaseException):
        raise result
    assert result["status"] == 0
    assert b"Traceback" not in result["raw"]
    assert FIRST_TITLE in result["first"]
    assert "Ivan Petrov" in result["quotes"]
    assert "Foreign ministers met" in result["article"]
    assert forbidden_found(result["raw"]) == {}
    assert result["invisible"] == []


def test_16_colour_terminal_draws_no_text_in_its_background_colour(variant_runs):
    """The selected row's date was cyan on cyan in 16 colours (fixed in 5eea370)."""
    result = variant_runs["TERM=linux (16 colours)"]
    if isinstance(result, BaseException):
        raise result
    assert result["invisible"] == []


def test_a_latin1_terminal_keeps_the_layout(variant_runs):
    """Textual writes to stderr, which Python encodes for the locale: a character latin-1 lacks
    ("…", "▶", curly quotes) must take one cell ("?"), not six ("\\u2026"), or every line is
    pushed past the edge and the status line loses its end."""
    result = variant_runs["latin-1 terminal (PYTHONIOENCODING)"]
    if isinstance(result, BaseException):
        raise result
    assert b"\\u" not in result["raw"]
    status = result["first"].splitlines()[0]
    assert status.rstrip().endswith("(!)"), status  # the end of the counts, not cut off


def test_16_colour_terminal_gets_16_colours(variant_runs):
    result = variant_runs["TERM=linux (16 colours)"]
    if isinstance(result, BaseException):
        raise result
    assert sgr_colours(result["raw"]) == {"16"}


GREYS_256 = {16, 59, 102, 145, 188, 231, *range(232, 256)}  # r == g == b in the 256 palette


def test_no_color_means_no_hue(variant_runs):
    """Textual honours NO_COLOR by drawing in greys (it keeps shades for contrast): every
    colour written must be a grey, 16-colour black/white/grey or a 256-palette grey."""
    result = variant_runs["NO_COLOR=1"]
    if isinstance(result, BaseException):
        raise result
    hues = set()
    for m in SGR.finditer(result["raw"]):
        params = [int(p) for p in m.group(1).replace(b":", b";").split(b";") if p]
        i = 0
        while i < len(params):
            p = params[i]
            if p in (38, 48) and i + 2 < len(params) and params[i + 1] == 5:
                if params[i + 2] not in GREYS_256:
                    hues.add(f"{p};5;{params[i + 2]}")
                i += 3
            elif p in (38, 48) and i + 4 < len(params) and params[i + 1] == 2:
                if not params[i + 2] == params[i + 3] == params[i + 4]:
                    hues.add(f"{p};2;{params[i + 2]};{params[i + 3]};{params[i + 4]}")
                i += 5
            else:
                if 31 <= p <= 36 or 41 <= p <= 46 or 91 <= p <= 96 or 101 <= p <= 106:
                    hues.add(str(p))
                i += 1
    assert hues == set()


def test_keys_typed_in_a_burst_all_reach_the_search_box(tmp_path):
    """Over SSH keys arrive in bursts: every one of them must land in the search box."""
    term = PtyApp(reader_command(str(HOSTILE)), 80, 24, terminal_env(TIMELINE_CACHE_DIR=str(tmp_path)))
    try:
        term.wait_footer("Search", timeout=20)
        term.wait_text("Ministers agree")
        term.press("/")
        term.wait_for(lambda _t: "Search events" in term.lines()[-2] and "Search" not in term.footer(), 5, "the search box")
        term.settle()
        term.press("clipboard")  # one write: nine keys at once
        term.wait_for(lambda _t: "clipboard" in term.lines()[-2], 5, "the word in the search box")
        term.wait_for(lambda t: "ALPHA-OSC" in t and "Ministers agree" not in t, 5, "the search applied")
        term.settle(0.3)
        assert term.lines()[-2].strip() == "clipboard"
    finally:
        term.close()
