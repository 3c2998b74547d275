"""bench/make_corpus.py: deterministic by seed, realistic enough to exercise the loader."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "make_corpus.py"
spec = importlib.util.spec_from_file_location("make_corpus", BENCH)
make_corpus = importlib.util.module_from_spec(spec)
sys.modules["make_corpus"] = make_corpus
spec.loader.exec_module(make_corpus)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_files_whatever_the_workers(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    make_corpus.make_corpus(60, a, seed=7, jobs=1)
    make_corpus.make_corpus(60, b, seed=7, jobs=2)
    assert files(a) == files(b)
    assert len([f for f in files(a) if f.endswith((".txt", ".md"))]) == 60


def test_other_seed_other_files(tmp_path):
    make_corpus.make_corpus(10, tmp_path / "a", seed=1, jobs=1)
    make_corpus.make_corpus(10, tmp_path / "b", seed=2, jobs=1)
    assert files(tmp_path / "a") != files(tmp_path / "b")


def test_articles_look_like_news(tmp_path):
    make_corpus.make_corpus(300, tmp_path, seed=3, jobs=1)
    texts = [p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.suffix in (".txt", ".md")]
    sizes = [len(t.encode()) for t in texts]
    assert min(sizes) >= 1000 and max(sizes) <= 24_000
    joined = "\n".join(texts)
    assert sum(t.startswith("---\n") for t in texts) > 10  # some YAML front matter
    assert re.search(r"^[A-Z][A-Z ]+ [—-] ", joined, re.M)  # datelines
    assert re.search(r"\b(on|last) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", joined)
    assert "last month" in joined or "earlier this month" in joined
    assert re.search(r"[”\"] \w+ (said|noted|added|stressed|warned)", joined)  # cue after a quote
    assert re.search(r"(President|Minister) [A-Z][a-z]+ [A-Z][a-z]+", joined)  # titles
    years = {int(y) for y in re.findall(r"\b(20[12]\d)\b", joined)}
    assert len(years) >= 8


def test_corpus_loads(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    from tui.corpus.build import load_corpus

    make_corpus.make_corpus(20, tmp_path, seed=5, jobs=1)
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 20
    assert len(corpus.events) > 40
    assert sum(a.published is not None for a in corpus.articles.values()) >= 17
    assert any(q.speaker for a in corpus.articles.values() for q in a.quotes)
