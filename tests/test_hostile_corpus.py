"""Every string the corpus layer hands out for the hostile corpus is already safe.

`tests/fixtures/hostile/` (written by `tests/fixtures/make_hostile.py`) carries terminal escape
sequences, control characters, bidi overrides, lone surrogates and markup in titles, bodies,
front matter, the manifest, quotes, speaker names and file names. Whatever reaches the app,
`timeline check` or `timeline export` must pass `sanitize(s) == s`; single-line fields (titles,
names, paths, messages) must also hold no line break or tab. Loaded twice: cold, and from the
index cache, which must not bring anything back.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

import pytest

from tui.corpus import build, export
from tui.corpus.model import PartialDate
from tui.corpus.sanitize import sanitize, sanitize_line

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
UNREADABLE = ("-empty.md", "bad-yaml.md")  # the two files that cannot be read, by name ending


def article_files() -> list[str]:
    names = []
    for dirpath, _dirs, files in os.walk(os.fsencode(HOSTILE)):
        names += [os.fsdecode(f) for f in files if f.endswith((b".md", b".txt"))]
    return names


def all_strings(value, where: str = "corpus", depth: int = 0):
    """(where, string) for every string reachable from `value` (dataclasses, dicts, lists...)."""
    if depth > 12:
        return
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, (int, float, bool, type(None), date, Path, PartialDate)):
        return
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from all_strings(getattr(value, f.name), f"{where}.{f.name}", depth + 1)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from all_strings(k, f"{where}[key]", depth + 1)
            yield from all_strings(v, f"{where}[{str(k)[:30]!r}]", depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            yield from all_strings(v, f"{where}[{i}]", depth + 1)
    elif hasattr(value, "__slots__") or hasattr(value, "__dict__"):  # e.g. a lazily loaded article
        names = getattr(value, "__slots__", ()) or vars(value)
        for name in names:
            if not name.startswith("__"):
                yield from all_strings(getattr(value, name, None), f"{where}.{name}", depth + 1)


SINGLE_LINE = (
    ".title", ".source", ".author", ".url", ".path", ".message", ".speaker", ".name", ".id",
    ".cue", ".article_id", ".dateline", ".people[", ".topics[", ".aliases[", ".roles[", ".tags[",
)


def assert_clean(pairs) -> None:
    dirty = [(where, s) for where, s in pairs if sanitize(s) != s]
    assert not dirty, "unsanitized strings:\n" + "\n".join(f"{w}: {s!r}" for w, s in dirty[:20])
    multi = [
        (where, s)
        for where, s in pairs
        if any(where.endswith(k) or k in where.rsplit(".", 1)[-1] for k in SINGLE_LINE)
        and where.rsplit(".", 1)[-1] not in ("body", "sentence", "text", "description")
        and sanitize_line(s) != s
    ]
    assert not multi, "line breaks or tabs in one-line fields:\n" + "\n".join(f"{w}: {s!r}" for w, s in multi[:20])


@pytest.fixture(scope="module", params=["cold", "cached"])
def corpus(request, tmp_path_factory):
    # The session's private cache dir (conftest) is shared: use one of our own, so that "cold"
    # really reads the files and "cached" really comes from the index.
    mp = pytest.MonkeyPatch()
    mp.setenv("TIMELINE_CACHE_DIR", str(tmp_path_factory.mktemp("hostile-cache")))
    try:
        c = build.load_corpus(HOSTILE)
        if request.param == "cached":
            c = build.load_corpus(HOSTILE)
        yield c
    finally:
        mp.undo()


def test_every_string_of_the_corpus_is_clean(corpus):
    pairs = list(all_strings(corpus))
    assert len(pairs) > 100
    assert_clean(pairs)
    for article in corpus.articles.values():  # a lazily loaded body is read on access
        assert sanitize(article.body) == article.body, article.id


def test_titles_bodies_quotes_and_speakers_are_clean_and_kept(corpus):
    by_title = {a.title.split()[0]: a for a in corpus.articles.values()}
    markup = by_title["DELTA-MARKUP"]
    # Markup is text: kept literally, never stripped or interpreted.
    assert "[@click=app.quit]quit[/]" in markup.title and markup.title.endswith("open [bold")
    assert markup.source == "[@click=app.bell]Bell[/] Source [/]"
    speakers = {q.speaker for a in corpus.articles.values() for q in a.quotes}
    assert "Mallory [@click=app.quit]Q[/] Markup" in speakers
    assert "Ivan Petrov" in speakers
    # The words around payloads stay.
    assert "ALPHA-OSC-TAIL" in by_title["ALPHA-OSC"].body
    assert "CHARLIE-BODY" in by_title["CHARLIE-C1"].body
    assert "OVERWRITE" in by_title["CHARLIE-C1"].body
    assert "\ufffd" in by_title["ECHO-UTF16"].body  # the lone surrogate, replaced
    assert "KILO-BODY" in by_title["KILO-CP1252"].body and "café" in by_title["KILO-CP1252"].title
    for a in corpus.articles.values():
        for q in a.quotes:
            assert a.body[q.start : q.end] == q.text or q.text in a.body


def test_no_good_article_is_hidden_by_a_bad_one(corpus):
    files = article_files()
    unreadable = [f for f in files if f.endswith(UNREADABLE)]
    assert len(unreadable) == 2
    assert len(corpus.articles) == len(files) - len(unreadable)
    assert sum(p.fatal for p in corpus.problems) == 2
    assert "Ministers agree on grain corridor" in {a.title for a in corpus.articles.values()}
    titles = " ".join(e.title for e in corpus.events)
    for tag in ("ALPHA-OSC", "BRAVO-CSI", "CHARLIE-C1", "DELTA-MARKUP", "ECHO-UTF16",
                "FOXTROT-UTF16BE", "GOLF-NUL", "KILO-CP1252", "HOTEL-NAME", "INDIA-DIR", "Ministers agree"):
        assert tag in titles, tag


def test_problem_paths_and_messages_are_clean_and_name_the_file(corpus):
    assert_clean([(f"problem {p.path!r}", p.path) for p in corpus.problems]
                 + [(f"problem {p.path!r}.message", p.message) for p in corpus.problems]
                 + [(f"problem {p.path!r}", str(p)) for p in corpus.problems])
    fatal = [p.path for p in corpus.problems if p.fatal]
    assert any(p.endswith("-empty.md") for p in fatal), fatal
    assert any(p.endswith("bad-yaml.md") and "[@click=app.quit]" in p for p in fatal), fatal
    for p in corpus.problems:
        assert "\n" not in str(p) and "\t" not in str(p), repr(str(p))


def test_export_json_and_markdown_are_clean(corpus):
    data = json.loads(export.to_json(corpus))
    pairs = list(all_strings(data, "export"))
    assert_clean(pairs)
    raw = export.to_json(corpus)
    # JSON escapes would hide a control character from a naive check: none may be there.
    assert "\\u001b" not in raw.lower() and "\\u009b" not in raw.lower() and "\\u0000" not in raw
    md = export.to_markdown(corpus)
    assert sanitize(md) == md


def test_manifest_strings_are_clean(corpus):
    assert corpus.title.startswith("Hostile corpus") and "[@click=app.quit]Q[/]" in corpus.title
    assert sanitize_line(corpus.title) == corpus.title
    assert corpus.description is None or sanitize(corpus.description) == corpus.description
    for person in corpus.people.values():
        assert_clean([("person", person.name), *(("alias", a) for a in person.aliases), *(("role", r) for r in person.roles)])
    assert "Eve Escape" in corpus.people or any(p.name.startswith("Eve") for p in corpus.people.values())


def test_a_corpus_folder_and_working_directory_with_non_utf8_names_load_and_cache(tmp_path, monkeypatch):
    """The index cache keys a corpus by its folder path and the working directory: neither need
    be UTF-8 (a file name reaches Python with surrogate escapes)."""
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    root = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"corpus-\xe9\xff")))
    (root / "sub-\udce9").mkdir(parents=True)
    (root / "sub-\udce9" / "normal.md").write_bytes((HOSTILE / "normal.md").read_bytes())
    (root / "name-\udcff.md").write_bytes(b"A headline here\n\nJanuary 3, 2022\n\nSomething happened.\n")
    monkeypatch.chdir(root)
    for _ in range(2):  # cold, then from the cache
        corpus = build.load_corpus(root)
        assert len(corpus.articles) == 2 and not [p for p in corpus.problems if p.fatal]
        assert_clean(list(all_strings(corpus)))


def test_the_cache_gives_back_the_same_corpus(tmp_path, monkeypatch):
    """With the index cache, cold or warm, the corpus is the one built without it: nothing
    dropped (date mentions are read back lazily), nothing brought back."""
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path))

    def summary(c):
        return {
            "title": c.title,
            "articles": {
                a.id: (a.path, a.title, a.source, a.author, a.url, str(a.published), a.body, list(a.paragraphs),
                       [(q.text, q.start, q.end, q.speaker, q.fragment) for q in a.quotes],
                       [(m.start, m.end, m.text, m.value) for m in a.dates], list(a.people), list(a.topics))
                for a in c.articles.values()
            },
            "events": [(e.title, e.span and (str(e.span.start), str(e.span.end)),
                        [(m.article_id, m.sentence, m.start, m.end) for m in e.mentions], e.people, e.topics)
                       for e in c.events],
            "problems": [str(p) for p in c.problems],
        }

    monkeypatch.setenv("TIMELINE_NO_CACHE", "1")
    reference = summary(build.load_corpus(HOSTILE))
    monkeypatch.delenv("TIMELINE_NO_CACHE")
    cold = summary(build.load_corpus(HOSTILE))
    warm = summary(build.load_corpus(HOSTILE))
    for name, loaded in (("a cold build with the cache", cold), ("a warm start", warm)):
        for key in reference:
            if key == "articles":
                for aid in reference[key]:
                    assert loaded[key].get(aid) == reference[key][aid], f"article {aid!r} differs in {name}"
            assert loaded[key] == reference[key], f"{key} differ in {name}"
