"""The compact snapshot of the index cache: a warm start gives the very corpus a cold build gives
(events, mentions with their sentences, articles with quotes, people, problems), text search
on it agrees with the reference semantics, and a start from another folder reads nothing."""

from __future__ import annotations

import copy
import pickle
import shutil
from collections import Counter
from dataclasses import fields
from pathlib import Path

import pytest

from tests.cache_support import cache_home, count_reads  # noqa: F401 (fixtures)
from tui.corpus.build import load_corpus
from tui.corpus.cache import corpus_key, db_path
from tui.corpus.model import Article, Corpus, Event
from tui.corpus.query import Filter, filter_events, matches
from tui.corpus.snapshot import PackedEvent, SnapshotArticle
from tui.corpus.view import speaker_prominence

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "articles"
HOSTILE = HERE / "fixtures" / "hostile"
LONGTEXT = HERE / "fixtures" / "longtext"


def _copy(src: Path, tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(src, root)
    return root


def _event(e: Event) -> tuple:
    return (
        e.id, e.span, e.title, e.kind, list(e.people), list(e.topics), list(e.article_ids),
        [(m.article_id, m.sentence, m.start, m.end) for m in e.mentions],
    )  # fmt: skip


def _article(a: Article) -> tuple:
    return tuple(getattr(a, f.name) for f in fields(Article))


def _same(cold: Corpus, warm: Corpus) -> None:
    assert [_event(e) for e in warm.events] == [_event(e) for e in cold.events]
    assert list(warm.articles) == list(cold.articles)
    for aid, art in cold.articles.items():
        assert _article(warm.articles[aid]) == _article(art), aid
    assert warm.people == cold.people
    assert list(warm.people) == list(cold.people)  # (in the order they were first met)
    assert warm.problems == cold.problems
    assert (warm.title, warm.description, warm.default_range) == (cold.title, cold.description, cold.default_range)
    assert speaker_prominence(warm) == Counter(q.speaker for a in cold.articles.values() for q in a.quotes if q.speaker)


@pytest.mark.parametrize("src", [BUNDLED, HOSTILE, LONGTEXT], ids=["bundled", "hostile", "longtext"])
def test_warm_start_gives_the_corpus_a_cold_build_gives(src, tmp_path, monkeypatch, count_reads):
    root = _copy(src, tmp_path)
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    cold = load_corpus(root)
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    built = load_corpus(root)  # builds the cache, and hands over the corpus as stored
    assert built.events and all(isinstance(e, PackedEvent) for e in built.events)
    _same(cold, built)
    count_reads.clear()
    warm = load_corpus(root)
    assert count_reads == []
    assert warm.events and all(isinstance(e, PackedEvent) for e in warm.events)
    assert any(isinstance(a, SnapshotArticle) for a in warm.articles.values())
    _same(cold, warm)


def test_quotes_of_a_warm_corpus_have_corpus_names_for_speakers(tmp_path, monkeypatch, count_reads):
    """A snapshot reads an article's quotes as extraction stored them ("Raisi said") and gives
    them the speaker's corpus name, which a later article made fuller ("Ebrahim Raisi")."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a1.txt").write_text(
        "Talks resume in Tehran\n\nTEHRAN, March 3, 2022 - Negotiators met again on Thursday.\n\n"
        '"We will keep talking until there is a deal," Raisi said on Thursday.\n'
    )
    (root / "a2.txt").write_text(
        "Iran's president visits Moscow\n\nMOSCOW, March 9, 2022 - Iranian President Ebrahim Raisi arrived in "
        'Moscow on Wednesday for talks.\n\n"Our ties are strong and growing," Ebrahim Raisi told reporters.\n'
    )
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    cold = load_corpus(root)
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    assert [q.speaker for q in cold.articles["a1"].quotes] == ["Ebrahim Raisi"]
    _same(cold, load_corpus(root))
    count_reads.clear()
    warm = load_corpus(root)
    assert count_reads == [] and isinstance(warm.articles["a1"], SnapshotArticle)
    _same(cold, warm)


def _words(corpus: Corpus) -> list[str]:
    """Words to search for: from event titles, sentences and article titles, plus a few that
    span words, cross a sentence boundary or match nothing."""
    words: set[str] = set()
    for e in corpus.events[:40]:
        words.update(e.title.split()[:3])
        for m in e.mentions[:1]:
            words.update(m.sentence.split()[-2:])
    for a in list(corpus.articles.values())[:10]:
        words.update(a.title.split()[:4])
    return sorted(words) + ["an", "ia–r", "zzzzqx", "the president", "said.", "“"]


@pytest.mark.parametrize("src", [BUNDLED, HOSTILE], ids=["bundled", "hostile"])
def test_text_search_on_a_warm_corpus_follows_the_reference(src, tmp_path, monkeypatch):
    root = _copy(src, tmp_path)
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    cold = load_corpus(root)
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    load_corpus(root)
    warm = load_corpus(root)
    assert isinstance(warm.events[0], PackedEvent)
    for word in _words(cold):
        flt = Filter(text=word)
        expected = [e.id for e in cold.events if matches(cold, e, flt)]
        assert [e.id for e in filter_events(warm, flt)] == expected, word
        assert [e.id for e in filter_events(cold, flt)] == expected, word


def test_a_start_from_another_folder_reads_nothing_and_shows_its_paths(tmp_path, monkeypatch, count_reads):
    root = _copy(BUNDLED, tmp_path)
    (root / "not-an-article.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # a problem with a path
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(tmp_path)
    load_corpus(root)
    for cwd in (elsewhere, root, tmp_path):
        monkeypatch.chdir(cwd)
        monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
        count_reads.clear()
        expected = load_corpus(root)
        monkeypatch.delenv("TIMELINE_NO_CACHE")
        count_reads.clear()
        warm = load_corpus(root)
        assert count_reads == []
        assert [a.path for a in warm.articles.values()] == [a.path for a in expected.articles.values()]
        assert warm.problems == expected.problems
        assert any("not-an-article.md" in p.path for p in warm.problems)


def test_rows_from_another_folder_are_moved_not_read_again(tmp_path, monkeypatch, count_reads):
    import sqlite3

    root = _copy(BUNDLED, tmp_path)
    monkeypatch.chdir(tmp_path)
    load_corpus(root)
    conn = sqlite3.connect(db_path(corpus_key(root)))
    with conn:
        conn.execute("UPDATE snapshot SET fingerprint = 'x'")  # assemble again from the rows
    conn.close()
    monkeypatch.chdir(root)
    count_reads.clear()
    corpus = load_corpus(root)
    assert count_reads == []
    assert sorted(a.path for a in corpus.articles.values()) == sorted(p.name for p in root.glob("*.txt"))


def test_snapshot_objects_copy_and_pickle_as_plain_ones(tmp_path):
    root = _copy(BUNDLED, tmp_path)
    load_corpus(root)
    warm = load_corpus(root)
    event = warm.events[0]
    article = warm.articles[event.article_ids[0]]
    for copied in (pickle.loads(pickle.dumps(event)), copy.deepcopy(event)):
        assert type(copied) is Event and _event(copied) == _event(event)
    for copied in (pickle.loads(pickle.dumps(article)), copy.deepcopy(article)):
        assert type(copied) is Article and _article(copied) == _article(article)


def test_mentions_and_quotes_can_be_replaced(tmp_path):
    root = _copy(BUNDLED, tmp_path)
    load_corpus(root)
    warm = load_corpus(root)
    event = warm.events[0]
    event.mentions = event.mentions[:1]
    assert len(event.mentions) == 1 and event.article_ids == [event.mentions[0].article_id]
    article = next(iter(warm.articles.values()))
    article.quotes = []
    assert article.quotes == []


def test_a_build_as_files_come_in_gives_what_assembling_them_at_once_gives(tmp_path, monkeypatch):
    """A build registers people as files come in (in file order, whatever order they arrive
    in), parses drafts as each file is read and lets bodies go: the corpus is the one that
    assembling every file's extraction at once gives."""
    import random

    from tui.corpus import read_files
    from tui.corpus.assemble import assemble
    from tui.corpus.build import gather
    from tui.corpus.file_plan import _plan
    from tui.corpus.manifest import load_manifest

    root = tmp_path / "corpus"
    shutil.copytree(BUNDLED, root / "bundled")
    shutil.copytree(HOSTILE, root / "hostile")
    original = read_files.read_all

    def shuffled(plan, manifest, todo):  # batches of 3 files, arriving in a shuffled order
        batches = [list(b) for b in original(plan, manifest, todo)]
        batches = [[pair] for b in batches for pair in b]
        random.Random(4).shuffle(batches)
        for lo in range(0, len(batches), 3):
            yield [pair for b in batches[lo : lo + 3] for pair in b]

    monkeypatch.setattr(read_files, "read_all", shuffled)
    built = load_corpus(root)
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    uncached = load_corpus(root)

    manifest, problems = load_manifest(root)
    plan = _plan(root, manifest)
    reads = [read_files.read_one(entry, manifest) for entry in plan.entries]
    at_once = assemble(root, manifest, *gather(plan, reads, problems + plan.problems))
    _same(at_once, built)
    _same(at_once, uncached)
