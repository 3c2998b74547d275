"""The chronological event list: a virtual list drawn with the Line API.

One screen row per list row (year and month headings included), rendered on demand in
`render_line`: no widget per row and nothing measured up front, so 100,000 events cost an index
array and whatever is on screen.
"""

from __future__ import annotations

from datetime import date
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

from tui.corpus.model import Event
from tui.corpus.view import TimelineRows, index_on_or_after, short_span, timeline_rows
from tui.widgets.strip_cache import StripCache

DATE_WIDTH = 10  # "Sep 16–17" plus a space
MOVE = Binding.Group("Move")


class _Look(NamedTuple):
    """What a row's strip depends on besides the row itself."""

    width: int
    base: Style
    headings: dict[str, Style]
    date: Style
    count: Style
    cursor: Style


class EventList(ScrollView, can_focus=True):
    """The timeline: headings and events, a cursor on one event."""

    HELP_TITLE = "Timeline list"

    BINDINGS = [
        Binding("j", "cursor_down", "Next event", id="list.down", group=MOVE),
        Binding("k", "cursor_up", "Previous event", id="list.up", group=MOVE),
        Binding("down", "cursor_down", "Next event", show=False, id="list.down_arrow"),
        Binding("up", "cursor_up", "Previous event", show=False, id="list.up_arrow"),
        Binding("g,home", "first", "First event", show=False, id="list.first"),
        Binding("G,end", "last", "Last event", show=False, id="list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Read", key_display="Enter", id="list.read"),
    ]

    COMPONENT_CLASSES = {
        "event-list--year",
        "event-list--month",
        "event-list--undated",
        "event-list--date",
        "event-list--count",
        "event-list--cursor",
    }

    cursor: reactive[int] = reactive(-1, init=False, repaint=False)
    """The row of the selected event, or -1 when the list is empty. `watch_cursor` repaints what
    changed (two rows, or the list when it scrolled), not the whole list on every move."""

    class Highlighted(Message):
        """The cursor moved to another event (None when the list became empty)."""

        def __init__(self, event_list: EventList, event: Event | None) -> None:
            super().__init__()
            self.event_list = event_list
            self.event = event

        @property
        def control(self) -> EventList:
            return self.event_list

    class Selected(Message):
        """The user chose the event under the cursor (Enter or a double click)."""

        def __init__(self, event_list: EventList, event: Event) -> None:
            super().__init__()
            self.event_list = event_list
            self.event = event

        @property
        def control(self) -> EventList:
            return self.event_list

    HEADING = "Timeline"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cursor_moved = False
        """Whether the user has moved the cursor (a growing corpus then keeps it where it is)."""
        self._rows: TimelineRows = timeline_rows([])
        self._strips = StripCache()  # (row, cursor on it) -> strip, for one _Look

    # -- the heading (a border title where the layout gives the pane a border) ---------------

    def _update_heading(self) -> None:
        focused = self.is_mounted and self.screen.focused is self  # has_focus is set after on_focus runs
        self.border_title = ("▶ " if focused else "") + self.HEADING

    def on_mount(self) -> None:
        self._update_heading()

    def on_focus(self) -> None:
        self._update_heading()

    def on_blur(self) -> None:
        self._update_heading()

    # -- data ----------------------------------------------------------------------------

    @property
    def rows(self) -> TimelineRows:
        return self._rows

    @property
    def events(self) -> list[Event]:
        return self._rows.events

    @property
    def highlighted(self) -> Event | None:
        return self._rows.event_at(self.cursor)

    def set_events(self, events_: list[Event], keep: Event | None = None) -> None:
        """Show `events_`; keep the cursor on `keep` when it is still listed, else the first."""
        self._rows = timeline_rows(events_)
        self._strips.clear()
        self.virtual_size = Size(0, len(self._rows))
        row = -1
        if keep is not None:
            index = next((i for i, e in enumerate(events_) if e.id == keep.id), None)
            if index is not None:
                row = self._rows.event_rows[index]
        if row < 0:
            row = self._rows.next_event_row(0, 1) if len(self._rows) else None
            row = -1 if row is None else row
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_cursor(row, force=True)
        self.refresh()

    def select_index(self, index: int) -> None:
        """Move the cursor to event number `index` of the listed events."""
        if 0 <= index < len(self._rows.event_rows):
            self.set_cursor(self._rows.event_rows[index])

    def jump_to_date(self, day: date) -> bool:
        index = index_on_or_after(self.events, day)
        if index is None:
            return False
        self.select_index(index)
        return True

    def set_cursor(self, row: int, force: bool = False) -> None:
        if not force:
            self.cursor_moved = True
        if force and row == self.cursor:
            self.watch_cursor(row, row)
        else:
            self.cursor = row

    def watch_cursor(self, old: int, new: int) -> None:
        before = self.scroll_offset.y
        if new >= 0:
            top = self._rows.heading_start(new)
            self.scroll_to_region(Region(0, top, 1, new - top + 1), animate=False, immediate=True)
        if self.scroll_offset.y == before and old >= 0 and new >= 0:
            # No scroll: only the rows that lost and gained the cursor change.
            self.refresh_line(old)
            self.refresh_line(new)
        else:
            self.refresh()
        self.post_message(self.Highlighted(self, self._rows.event_at(new)))

    # -- rendering -----------------------------------------------------------------------

    # A row's strip depends only on the row, whether the cursor is on it, the width and the
    # styles (`_Look`): strips are kept per row, so a scroll by one row renders one new row
    # and a cursor move two. `render_lines` checks the look once per frame and starts over
    # when it changed (focus, theme, resize); `set_events` starts over with new rows.


    def _current_look(self) -> _Look:
        component = self.get_component_rich_style
        return _Look(
            self.scrollable_content_region.width,
            self.rich_style,
            {kind: component(f"event-list--{kind}") for kind in ("year", "month", "undated")},
            component("event-list--date", partial=True),
            component("event-list--count", partial=True),
            component("event-list--cursor"),
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
        if not 0 <= row < len(self._rows):
            return Strip.blank(look.width, look.base)
        key = (row, row == self.cursor)
        strip = strips.get(key)
        if strip is None:
            strips.make_room(self.size.height)
            strip = strips.put(key, self._render_row(row, key[1], look))
        return strip

    def _render_row(self, row: int, selected: bool, look: _Look) -> Strip:
        width, base = look.width, look.base
        heading = self._rows.heading(row)
        if heading is not None:
            kind, label = heading
            style = base + look.headings[kind]
            indent = "  " if kind == "month" else " "
            return Strip([Segment(set_cell_size(indent + label, width), style)], width)
        event = self._rows.event_at(row)
        assert event is not None
        if selected:
            base = base + look.cursor
        marker = "▶ " if selected else "  "
        date_text = short_span(event.span)
        date_text = date_text if cell_len(date_text) < DATE_WIDTH else date_text[: DATE_WIDTH - 2] + "…"
        count = len(event.article_ids)
        tail = f" {count} src" if count > 1 else ""
        title_width = max(width - 2 - DATE_WIDTH - cell_len(tail), 0)
        title = " ".join(event.title.split())
        if cell_len(title) > title_width:
            title = set_cell_size(title, max(title_width - 1, 0)) + "…" if title_width else ""
        # The cursor row is one style end to end: a column colour chosen for the list's own
        # background (the date's, the source count's) can vanish on the cursor's.
        date_style = base if selected else base + look.date
        count_style = base if selected else base + look.count
        segments = [
            Segment(marker, base),
            Segment(set_cell_size(date_text, DATE_WIDTH), date_style),
            Segment(set_cell_size(title, title_width), base),
        ]
        if tail:
            segments.append(Segment(tail, count_style))
        return Strip(segments).crop_extend(0, width, base)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    # -- actions -------------------------------------------------------------------------

    def _move(self, start: int, step: int) -> None:
        row = self._rows.next_event_row(start, step)
        if row is None:  # nothing further that way: stay, or settle on the nearest event
            row = self._rows.next_event_row(start, -step)
        if row is not None:
            self.set_cursor(row)

    def action_cursor_down(self) -> None:
        target = self._rows.next_event_row(self.cursor + 1, 1) if self.cursor >= 0 else None
        if target is not None:
            self.set_cursor(target)

    def action_cursor_up(self) -> None:
        if self.cursor >= 0:
            target = self._rows.next_event_row(self.cursor - 1, -1)
            if target is not None:
                self.set_cursor(target)
            else:  # already on the first event: show the headings above it
                self.scroll_to(y=0, animate=False)

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1, -1)

    def action_page_down(self) -> None:
        if self.cursor >= 0:
            self._move(min(self.cursor + max(self.size.height - 1, 1), len(self._rows) - 1), 1)

    def action_page_up(self) -> None:
        if self.cursor >= 0:
            self._move(max(self.cursor - max(self.size.height - 1, 1), 0), -1)

    def action_select(self) -> None:
        event = self.highlighted
        if event is not None:
            self.post_message(self.Selected(self, event))

    async def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if self._rows.event_at(row) is not None:
            self.set_cursor(row)
            if event.chain >= 2:
                self.action_select()
