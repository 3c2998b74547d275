"""The article's text as one widget that draws only the paragraphs on screen."""

from __future__ import annotations

import threading
from collections import OrderedDict

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widgets import Static


class _Heights:
    """Paragraph heights (lines) by (article, width, wrapping rules): an article shown again, or
    measured ahead by a worker (`ArticleBody.measure`), is not wrapped again. Thread-safe."""

    def __init__(self, keep: int = 128) -> None:
        self._lock = threading.Lock()
        self._keep = keep
        self._items: OrderedDict[tuple, list[int]] = OrderedDict()

    def get(self, key: tuple) -> list[int] | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, heights: list[int]) -> None:
        with self._lock:
            self._items[key] = heights
            self._items.move_to_end(key)
            while len(self._items) > self._keep:
                self._items.popitem(last=False)


HEIGHTS = _Heights()


class ArticleBody(Static):
    """The article's text: one widget holding every paragraph in one `Content` (what `render()`
    returns, what text selection and the height use), drawn a few paragraphs at a time.

    A Static renders all of its content whenever it changes: a long article's hundreds of lines
    for the thirty on screen. This one renders, on demand, the paragraphs from the first one a
    line on screen falls in down to a screen's height below, exactly as the Static draws them:
    as a slice of the whole Content, after as many empty lines as come before it in the whole
    text (each character keeps the offset text selection reads from the lines); those leading
    lines are dropped. With a text selection it draws as a Static.
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._whole = Content("")
        self._spans: list[tuple[int, int]] = []  # (start, end) of each paragraph in the text
        self._key: str | None = None  # what the text is (an article id), for HEIGHTS
        self._width = -1  # the width `_starts` are for
        self._starts: list[int] = []  # first line of each paragraph measured so far
        self._look: tuple | None = None  # (width, visual style) `_strips` are for
        self._strips: dict[int, list[Strip]] = {}  # paragraph -> its lines (and the blank after)

    def show(self, content: Content, spans: list[tuple[int, int]], key: str | None = None) -> None:
        """Show `content`, whose paragraphs are at `spans` (a blank line between two); `key`
        names the text (an article id) for the cache of paragraph heights."""
        self._whole = content
        self._spans = spans
        self._key = key
        self._width, self._starts = -1, []
        self._look, self._strips = None, {}
        self.update(content)

    def _heights_key(self, key: str, width: int) -> tuple:
        rules = self.styles
        return (key, width, rules.line_pad, rules.text_overflow, rules.text_wrap)

    def measure(self, key: str, texts: list[str], width: int) -> None:
        """Measure paragraphs `texts` (of the text `key`) at `width` ahead of `show`; safe to
        call from a worker thread (it only reads the styles and fills the cache)."""
        if width > 0 and HEIGHTS.get(self._heights_key(key, width)) is None:
            HEIGHTS.put(self._heights_key(key, width), [Content(text).get_height(self.styles, width) for text in texts])

    def paragraph_start(self, index: int, width: int | None = None) -> int:
        """The first line of paragraph `index` in the body (at `width`, by default its own)."""
        width = self.size.width if width is None else width
        spans = self._spans
        if width != self._width:
            self._width, self._starts = width, []
            heights = HEIGHTS.get(self._heights_key(self._key, width)) if self._key and width > 0 else None
            if heights is not None and len(heights) == len(spans):
                starts = self._starts = [0]
                for i, height in enumerate(heights):
                    starts.append(starts[-1] + height + (1 if i + 1 < len(spans) else 0))
        starts, text = self._starts, self._whole.plain
        measured = len(starts)
        while len(starts) <= min(index, len(spans)):
            if not starts:
                starts.append(0)
            else:
                previous = len(starts) - 1
                start, end = spans[previous]
                blank_after = 1 if previous + 1 < len(spans) else 0
                height = Content(text[start:end]).get_height(self.styles, width)
                starts.append(starts[-1] + height + blank_after)
        if len(starts) > measured and len(starts) == len(spans) + 1 and self._key and width > 0:
            # Measured here to the end: keep the heights for the next time.
            last = len(spans) - 1
            heights = [b - a - (i < last) for i, (a, b) in enumerate(zip(starts, starts[1:]))]
            HEIGHTS.put(self._heights_key(self._key, width), heights)
        return starts[index] if index < len(starts) else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The paragraphs' heights (measured once, then used to find lines), blank lines between."""
        if not self._spans or width <= 0:
            return super().get_content_height(container, viewport, width)
        return self.paragraph_start(len(self._spans), width)

    def render_lines(self, crop: Region) -> list[Strip]:
        look = (self.size.width, self.visual_style)
        if look != self._look:
            self._look, self._strips = look, {}
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        spans, look = self._spans, self._look
        if self.text_selection is not None or not spans or look is None or look[0] <= 0:
            return super().render_line(y)
        width, style = look
        self.paragraph_start(0, width)
        starts = self._starts
        index = 0
        while True:  # the paragraph line y falls in, measuring paragraphs up to it
            if index + 1 >= len(starts):
                self.paragraph_start(index + 1, width)
            if index + 1 >= len(spans) or y < starts[index + 1]:
                break
            index += 1
        lines = self._strips.get(index)
        if lines is None:
            self._render_from(index, y, width, style)
            lines = self._strips[index]
        offset = y - starts[index]
        if 0 <= offset < len(lines):
            return lines[offset]
        return Strip.blank(width, style.rich_style)

    def _render_from(self, index: int, y: int, width: int, style) -> None:
        """Render paragraph `index` and those after it down to a screen's height below `y`."""
        spans, starts = self._spans, self._starts
        last, limit = index, y + max(self.screen.size.height, 1)
        while last + 1 < len(spans):
            self.paragraph_start(last + 2, width)
            if starts[last + 1] >= limit:
                break
            last += 1
        begin = spans[index][0]
        end = spans[last][1] + (1 if last + 1 < len(spans) else 0)  # and the blank line after
        lead = self._whole.plain.count("\n", 0, begin)
        block = Content("\n" * lead) + self._whole[begin:end]
        lines = Visual.to_strips(self, block, width, None, style)[lead:]
        first = starts[index]
        for k in range(index, last + 1):
            if k not in self._strips:
                stop = starts[k + 1] - first if k + 1 < len(starts) else len(lines)
                self._strips[k] = lines[starts[k] - first : stop]
