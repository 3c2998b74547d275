"""Where Textual's vertical layout will put a scrolling pane's children, worked out before it
runs: the article pane scrolls to the marked sentence and sets the sizes the layout will find,
so a new article takes one layout and its first frame is already at the right place."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.geometry import Size
from textual.widget import Widget


def predicted_layout(pane: ScrollableContainer, body: Widget, width: int) -> tuple[int, int, list[tuple[Widget, Size]]] | None:
    """(the body's first line, the pane's height, each shown child's size) once laid out at
    content width `width`, as Textual's vertical layout places the children (margins
    between two siblings collapse to the larger one); None when the vertical scrollbar
    would appear or go."""
    if width <= 0 or not pane.container_size.height:
        return None  # hidden (the narrow layout) or not laid out yet
    children = [child for child in pane.children if child.display]
    if not children or children[-1] is not body:
        return None
    viewport = pane.app.size
    container = pane.scrollable_content_region.size
    y = previous_bottom = 0
    top = 0
    sizes: list[tuple[Widget, Size]] = []
    for i, child in enumerate(children):
        styles = child.styles
        if any(rule is not None and not rule.is_auto for rule in (styles.height, styles.min_height, styles.max_height)):
            return None  # only heights that follow the content are measured here
        margin, gutter = styles.margin, styles.gutter
        y += margin.top if i == 0 else max(previous_bottom, margin.top)
        if child is body:
            top = y
        inner = max(width - margin.width - gutter.width, 0)
        height = child.get_content_height(container, viewport, inner) + gutter.height
        sizes.append((child, Size(width - margin.width, height)))
        y += height
        previous_bottom = margin.bottom
    total = y + previous_bottom
    if (total > pane.container_size.height) != pane.show_vertical_scrollbar:
        return None
    return top, max(total, pane.container_size.height), sizes  # as tall as the pane at least
