"""Events merged while a build reads its files (`events_as_read`) are the events that merging
after the last file, with every corpus name final, gives; when a name changes hands on the way,
the build merges again from the final names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus import events_as_read
from tui.corpus.assemble import assemble
from tui.corpus.build import _plan, load_corpus
from tui.corpus.events_as_read import EventsAsRead
from tui.corpus.event_merge import parse_drafts
from tui.corpus.extract import Extraction
from tui.corpus.manifest import load_manifest
from tui.corpus.people_registry import PeopleRegistry
from tui.corpus.read_files import read_one

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "articles", ROOT / "tests" / "fixtures" / "hostile", ROOT / "tests" / "fixtures" / "basic"]

# Names that grow fuller in later articles ("Raisi", then "Ebrahim Raisi"), people who share a
# last name, and the same days reported by several articles: the events merge across articles.
RENAMES = {
    "a1.txt": "Talks resume in Tehran\n\nTEHRAN, March 3, 2022 - Raisi met Lavrov on Thursday.\n\n"
    '"We will keep talking until there is a deal," Raisi said on Thursday.\n',
    "a2.txt": "Lavrov in Tehran\n\nTEHRAN, March 3, 2022 - Lavrov and Raisi met on Thursday in Tehran for talks.\n\n"
    "Smith, an analyst, said on March 4, 2022 that the talks went well.\n",
    "a3.txt": "Iran's president visits Moscow\n\nMOSCOW, March 9, 2022 - Iranian President Ebrahim Raisi arrived "
    'in Moscow on Wednesday.\n\n"Our ties are strong," Ebrahim Raisi told reporters on March 9, 2022.\n',
    "a4.txt": "Analysts weigh in\n\nLONDON, March 4, 2022 - John Smith said on March 4, 2022 that the talks went "
    "well. Sergei Lavrov met Raisi on March 3, 2022.\n",
    "a5.txt": "Second opinion\n\nLONDON, March 10, 2022 - Jane Smith disagreed with Smith on March 4, 2022.\n",
}


def _events(events):
    return [
        (e.id, e.span, e.title, [(m.article_id, m.sentence, m.start, m.end) for m in e.mentions], e.people, e.topics, e.kind)
        for e in events
    ]


def _from_scratch(root: Path):
    """The events of `assemble` given every article at once (no registry: it merges after)."""
    manifest, _ = load_manifest(root)
    articles, extractions = [], []
    for entry in _plan(root, manifest).entries:
        done = read_one(entry, manifest)
        if done.article is not None:
            ex = done.extraction or Extraction()
            if isinstance(ex.drafts, str):
                ex.drafts = parse_drafts(ex.drafts, done.article.id, done.article.body)
            articles.append(done.article)
            extractions.append(ex)
    return _events(assemble(root, manifest, articles, extractions, []).events)


@pytest.fixture
def renames(tmp_path: Path) -> Path:
    root = tmp_path / "renames"
    root.mkdir()
    for name, text in RENAMES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def outcome(monkeypatch):
    """What `EventsAsRead.events` answered in the build: a list of booleans (True: used)."""
    seen: list[bool] = []
    real = EventsAsRead.events

    def events(self):
        got = real(self)
        seen.append(got is not None)
        return got

    monkeypatch.setattr(EventsAsRead, "events", events)
    return seen


@pytest.mark.parametrize("root", [*CORPORA, None], ids=lambda p: p.name if p else "renames")
def test_events_merged_as_files_come_in_are_those_merged_at_the_end(root, renames, outcome, monkeypatch):
    root = root or renames
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    built = _events(load_corpus(root).events)
    assert outcome == [True]  # merged as read, not again at the end
    assert built == _from_scratch(root)


def test_the_events_have_final_names(renames, outcome, monkeypatch):
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    corpus = load_corpus(renames)
    assert outcome == [True]
    people = {p for e in corpus.events for p in e.people}
    assert "Ebrahim Raisi" in people and "Raisi" not in people  # renamed after a1 and a2 came in
    assert people <= set(corpus.people)


def test_a_name_that_changes_hands_makes_the_build_merge_again(renames, outcome, monkeypatch):
    """If a name no longer stands for the person it stood for when its article came in, merging
    by person is not merging by final name: the build merges again, from the final names."""
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    real = EventsAsRead.add

    def add(self, article, people, speakers, drafts):
        real(self, article, people, speakers, drafts)
        if article.id == "a4":  # a name of an earlier article now stands for someone new
            reg = self.registry
            name = next(iter(self._label))
            reg._set_alias(reg._key(name), reg._new_person("Someone Else"))

    monkeypatch.setattr(EventsAsRead, "add", add)
    built = load_corpus(renames)
    assert outcome == [False]
    assert any(e.people for e in built.events)
    assert all(set(e.people) <= set(built.people) for e in built.events)


def test_a_name_no_person_stands_for_gives_up_at_once():
    registry = PeopleRegistry()
    early = EventsAsRead(registry)
    assert early._labels(["Nobody Known"]) is None
    assert early._labels([None, ""]) == [None, None]


def test_a_failed_extraction_is_merged_at_the_end(renames, outcome, monkeypatch):
    """A file whose extraction failed gets its drafts made from its body at assembly."""
    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    real = events_as_read.EventsAsRead.add

    def add(self, article, people, speakers, drafts):
        real(self, article, people, speakers, None if article.id == "a3" else drafts)

    monkeypatch.setattr(EventsAsRead, "add", add)
    built = _events(load_corpus(renames).events)
    assert outcome == [False]
    assert built == _from_scratch(renames)
