"""Drawn rows of a Line-API list, kept for a few screens so that moving the cursor redraws two
rows, not every row on screen; all dropped when what a row looks like changes (width, styles)."""

from __future__ import annotations

from collections.abc import Hashable

from textual.strip import Strip

SCREENS = 3  # rows kept: this many screens' worth, oldest dropped first


class StripCache:
    """Strips by key (a row and whether the cursor is on it), valid for one `look`: a value
    holding everything besides the row that a strip depends on."""

    def __init__(self) -> None:
        self.look: Hashable | None = None
        self._strips: dict[Hashable, Strip] = {}

    def follow(self, look: Hashable) -> None:
        """Keep the strips only while `look` is the one they were drawn with."""
        if look != self.look:
            self.look = look
            self._strips.clear()

    def clear(self) -> None:
        self._strips.clear()

    def get(self, key: Hashable) -> Strip | None:
        return self._strips.get(key)

    def make_room(self, height: int, needed: int = 1) -> None:
        """Drop the oldest strips until `needed` more fit in `SCREENS` screens of `height`."""
        strips, limit = self._strips, SCREENS * max(height, 8)
        while strips and len(strips) + needed > limit:
            del strips[next(iter(strips))]

    def put(self, key: Hashable, strip: Strip) -> Strip:
        self._strips[key] = strip
        return strip
