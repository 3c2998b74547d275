"""The one-line bar at the top: the corpus title on the left, counts and filter on the right.

The title has priority: it keeps its full length when it fits beside some form of the counts,
and up to `TITLE_SHARE` of the width otherwise; the counts side gives way first, by switching
to a shorter form ("14 ev · 5 art · …") and only then by being cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

TITLE_SHARE = 0.5
GAP = 2  # cells between the title and the counts


def clip_cells(text: str, width: int) -> str:
    """`text` cut to `width` cells, with "…" when something was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "…"


def fit_status(title: str, counts: Sequence[str], width: int) -> tuple[str, str]:
    """The title and counts to show in `width` cells (padding excluded).

    `counts` are the forms of the counts, longest first. The full title and the longest form
    that fits beside it win; when none fits, the title keeps up to TITLE_SHARE of the width
    (more when the shortest counts leave room) and the counts take the rest.
    """
    forms = [c for c in counts if c] or [""]
    title_len = cell_len(title)
    for form in forms:
        if title_len + (GAP if title and form else 0) + cell_len(form) <= width:
            return title, form
    shortest = min(forms, key=cell_len)
    title_room = min(title_len, max(int(width * TITLE_SHARE), width - GAP - cell_len(shortest)))
    counts_room = max(width - title_room - GAP, 0)
    form = next((f for f in forms if cell_len(f) <= counts_room), shortest)
    return clip_cells(title, title_room), clip_cells(form, counts_room)


class StatusLine(Widget):
    """`title` and `counts` are plain strings (they can hold article-derived text).

    `short_counts` are shorter forms of `counts`, used when the full form does not fit.
    """

    COMPONENT_CLASSES = {"status-line--title", "status-line--counts"}

    title: reactive[str] = reactive("")
    counts: reactive[str] = reactive("")
    short_counts: reactive[tuple[str, ...]] = reactive(())

    def render(self) -> Content:
        width = self.content_region.width
        title, counts = fit_status(self.title, (self.counts, *self.short_counts), width)
        gap = max(width - cell_len(title) - cell_len(counts), 0)
        return Content.assemble(
            (title, self.get_visual_style("status-line--title", partial=True)),
            " " * gap,
            (counts, self.get_visual_style("status-line--counts", partial=True)),
        )
