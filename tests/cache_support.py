"""Fixtures for tests of the index cache: a private cache folder per test, and a record of the
articles actually read and extracted (not taken from the cache). Import them into a test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus import read_files


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(home))
    monkeypatch.delenv("TIMELINE_NO_CACHE", raising=False)
    return home


@pytest.fixture()
def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles read and extracted (not taken from the cache)."""
    seen: list[str] = []
    original = read_files.read_one

    def spy(entry, manifest):
        seen.append(entry.article_id)
        return original(entry, manifest)

    monkeypatch.setattr(read_files, "read_one", spy)
    return seen
