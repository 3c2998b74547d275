"""The cycle collector paused while a big, long-lived structure is built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection inside the block (reference counting still frees). Building a
    corpus makes ~a million objects that all live on: the collector would walk them again and
    again as they pile up, finding nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
