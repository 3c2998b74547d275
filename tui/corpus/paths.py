"""Where the bundled corpus lives."""

from __future__ import annotations

from pathlib import Path


def bundled_articles() -> Path:
    """The `articles/` folder shipped beside the package (an editable or source install)."""
    return Path(__file__).resolve().parent.parent.parent / "articles"
