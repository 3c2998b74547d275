"""Shared test set-up."""

import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    """Tests never read or write the user's real index cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("TIMELINE_CACHE_DIR", str(tmp_path_factory.mktemp("timeline-cache")))
    yield
    mp.undo()
