"""Where the index cache of a corpus folder lives, without loading the cache itself: the CLI
checks it before Textual starts (a first start on a folder imports the extraction modules
early), and importing `cache` would cost that check ~30 ms (it hashes the engine's sources)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_enabled() -> bool:
    return os.environ.get("TIMELINE_NO_CACHE", "").strip() not in ("1", "true", "yes")


def cache_dir() -> Path:
    override = os.environ.get("TIMELINE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("timeline"))


def corpus_key(root: Path | str) -> str:
    """A stable name for a corpus folder: the hash of its resolved path."""
    return hashlib.sha256(os.fsencode(Path(root).resolve())).hexdigest()[:24]  # any bytes, UTF-8 or not


def db_path(key: str) -> Path:
    return cache_dir() / f"index-{key}.sqlite"
