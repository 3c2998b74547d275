"""The quotes list: every quote of the corpus, by speaker or by date, drawn with the Line API.

Each quote is two screen rows (the quote, then "— speaker · source · date"), each speaker group
starts with a one-row heading. Nothing is measured up front and no `Quote` is kept: the list is
three int arrays (article, quote number in that article, and where each group starts), and a row
reads its quote from the article when it is drawn. 300,000 quotes cost a few MB and whatever is
on screen, as in `EventList`.

`tui.corpus.quote_rows` builds the arrays (slow on a big corpus: it reads every article's quotes, so the
quotes screen runs it in a thread worker); `QuoteList` shows them.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.corpus.model import Article, Quote
from tui.corpus.quote_rows import EMPTY_ROWS, QuoteRows
from tui.corpus.view import clip, long_date
from tui.widgets.strip_cache import StripCache

QUOTE_LIMIT = 160  # characters of a quote shown before "…" (then cut again to the width)
MOVE = Binding.Group("Move")

class _Look(NamedTuple):
    """What a row's strip depends on besides the row itself."""

    width: int
    base: Style
    heading: Style
    meta: Style
    cursor: Style
    placeholder: Style


class QuoteList(ScrollView, can_focus=True):
    """Quotes under speaker headings (or by date), a cursor on one quote."""

    HELP_TITLE = "Quotes list"

    # Not in the footer (the OptionList this replaced showed none either); all in the help.
    BINDINGS = [
        Binding("j,down", "cursor_down", "Next quote", show=False, id="quote-list.down", group=MOVE),
        Binding("k,up", "cursor_up", "Previous quote", show=False, id="quote-list.up", group=MOVE),
        Binding("g,home", "first", "First quote", show=False, id="quote-list.first"),
        Binding("G,end", "last", "Last quote", show=False, id="quote-list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="quote-list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="quote-list.page_up"),
        Binding("enter", "select", "Open the article at the quote", key_display="Enter", show=False,
                id="quote-list.open"),
    ]  # fmt: skip

    COMPONENT_CLASSES = {
        "quote-list--heading",
        "quote-list--meta",
        "quote-list--cursor",
        "quote-list--placeholder",
    }

    cursor: reactive[int] = reactive(-1, init=False, repaint=False)
    """The entry (quote number in the list) under the cursor, or -1 when the list is empty."""

    placeholder: reactive[str] = reactive("", init=False)
    """A line shown when there are no rows ("Loading quotes…")."""

    class Selected(Message):
        """The user chose the quote under the cursor (Enter or a click)."""

        def __init__(self, quote_list: QuoteList, article: Article, quote_index: int) -> None:
            super().__init__()
            self.quote_list = quote_list
            self.article = article
            self.quote_index = quote_index

        @property
        def control(self) -> QuoteList:
            return self.quote_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: QuoteRows = EMPTY_ROWS
        self._strips = StripCache()  # (row, cursor on it) -> strip, for one _Look

    # -- data ----------------------------------------------------------------------------

    @property
    def rows(self) -> QuoteRows:
        return self._rows

    @property
    def highlighted(self) -> Quote | None:
        return self._rows.quote(self.cursor) if self.cursor >= 0 else None

    def set_rows(self, rows: QuoteRows) -> None:
        """Show `rows`, the cursor on the first quote."""
        self._rows = rows
        self._strips.clear()
        self.virtual_size = Size(0, rows.rows)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_cursor(0 if len(rows) else -1, force=True)
        self.refresh()

    def set_cursor(self, entry: int, force: bool = False) -> None:
        if force and entry == self.cursor:
            self.watch_cursor(entry, entry)
        else:
            self.cursor = entry

    def watch_cursor(self, old: int, new: int) -> None:
        before = self.scroll_offset.y
        rows = self._rows
        if new >= 0:
            top = rows.top_of(new)
            self.scroll_to_region(Region(0, top, 1, rows.row_of(new) + 2 - top), animate=False, immediate=True)
        if self.scroll_offset.y == before and 0 <= old < len(rows) and new >= 0:
            # No scroll: only the two quotes that lost and gained the cursor change.
            self.refresh_lines(rows.row_of(old), 2)
            self.refresh_lines(rows.row_of(new), 2)
        else:
            self.refresh()

    def watch_placeholder(self) -> None:
        self._strips.clear()
        self.refresh()

    # -- rendering -----------------------------------------------------------------------

    # As in EventList: a row's strip depends only on the row, whether the cursor is on it and
    # `_Look`; strips are kept for a few screens' worth of rows and dropped when the look
    # changes (focus, theme, resize) or the rows do.


    def _current_look(self) -> _Look:
        component = self.get_component_rich_style
        return _Look(
            self.scrollable_content_region.width,
            self.rich_style,
            component("quote-list--heading"),
            component("quote-list--meta", partial=True),
            component("quote-list--cursor"),
            component("quote-list--placeholder", partial=True),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        self._strips.follow(self._current_look())
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        strips = self._strips
        if strips.look is None:
            strips.follow(self._current_look())
        look: _Look = strips.look  # type: ignore[assignment]
        row = self.scroll_offset.y + y
        rows = self._rows
        if not 0 <= row < rows.rows:
            if row == 0 and self.placeholder:
                text = set_cell_size(self.placeholder, look.width)
                return Strip([Segment(text, look.base + look.placeholder)], look.width)
            return Strip.blank(look.width, look.base)
        group, entry, part = rows.at(row)
        key = (row, entry >= 0 and entry == self.cursor)
        strip = strips.get(key)
        if strip is None:
            strips.make_room(self.size.height, needed=2)
            if entry < 0:
                label = set_cell_size(rows.labels[group], look.width)
                strip = strips.put(key, Strip([Segment(label, look.base + look.heading)], look.width))
            else:  # both rows of the quote: the other one is drawn next, as a rule
                first = row - part
                pair = self._render_entry(entry, key[1], look)
                strips.put((first, key[1]), pair[0])
                strips.put((first + 1, key[1]), pair[1])
                strip = pair[part]
        return strip

    def _render_entry(self, entry: int, selected: bool, look: _Look) -> tuple[Strip, Strip]:
        rows = self._rows
        quote = rows.quote(entry)
        art = rows.article(entry)
        width, base = look.width, look.base
        if selected:
            base = base + look.cursor
        where = " · ".join(p for p in (
            (quote.speaker or "unattributed") if rows.with_speaker else "",
            art.source or "",
            long_date(art.published),
        ) if p)  # fmt: skip
        text = _fit(f"“{clip(quote.text, QUOTE_LIMIT)}”", width)
        meta = _fit("    — " + " ".join(where.split()), width)
        text_style = base + Style(italic=True) if quote.fragment else base
        return (
            Strip([Segment(text, text_style)], width),
            Strip([Segment(meta, base + look.meta)], width),
        )

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    # -- actions -------------------------------------------------------------------------

    def _go(self, entry: int) -> None:
        if len(self._rows):
            self.set_cursor(max(0, min(entry, len(self._rows) - 1)))

    def action_cursor_down(self) -> None:
        if self.cursor >= 0:
            self._go(self.cursor + 1)

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self._go(self.cursor - 1)
        elif self.cursor == 0:  # already on the first quote: show the heading above it
            self.scroll_to(y=0, animate=False)

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(len(self._rows) - 1)

    def _page(self) -> int:
        return max((self.scrollable_content_region.height - 1) // 2, 1)

    def action_page_down(self) -> None:
        if self.cursor >= 0:
            self._go(self.cursor + self._page())

    def action_page_up(self) -> None:
        if self.cursor >= 0:
            self._go(self.cursor - self._page())

    def action_select(self) -> None:
        entry = self.cursor
        if 0 <= entry < len(self._rows):
            self.post_message(self.Selected(self, self._rows.article(entry), self._rows.index[entry]))

    async def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if 0 <= row < self._rows.rows:
            _group, entry, _part = self._rows.at(row)
            if entry >= 0:
                self.set_cursor(entry)
                self.action_select()


def _fit(text: str, width: int) -> str:
    """`text` padded or cut to `width` cells ("…" where it was cut)."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(set_cell_size(text, max(width - 1, 0)).rstrip() + "…", width) if width else ""
