"""The corpus manifest, timeline.toml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.corpus.manifest import load_manifest
from tui.corpus.model import PersonSpec

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


def manifest_of(tmp_path: Path, text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    (tmp_path / "timeline.toml").write_bytes(data)
    return load_manifest(tmp_path)


def test_bundled_manifest():
    manifest, problems = load_manifest(ARTICLES)
    assert problems == []
    assert manifest.title == "Iran–Russia relations, 2021–2022"
    assert manifest.description and "Raisi" in manifest.description
    assert manifest.default_range == (date(2021, 1, 1), date(2022, 12, 31))
    assert manifest.overrides["000_84e4d89afeb74d54"] == {"source": "Tehran Times"}
    assert manifest.overrides["003_d48cbdffe83fbcbb"]["date"] == "2022-06-29"
    assert "Samarkand" in manifest.overrides["002_7ec48c0b41c08f80"]["note"]
    assert manifest.overrides["004_dee47f1f755f5355"]["source"] == "Eurasia Review"
    assert manifest.people[0].name == "Ebrahim Raisi"
    assert "Seyyed Ebrahim Raisi" in manifest.people[0].aliases
    assert manifest.people[1] == PersonSpec(
        "Vladimir Putin", ["Putin", "President Putin"], ["Russian President", "President of Russia"]
    )
    assert manifest.topics == {"SCO and regional bodies": ["Samarkand"]}


def test_no_manifest(tmp_path):
    manifest, problems = load_manifest(tmp_path)
    assert problems == [] and manifest.title is None and manifest.overrides == {}


@pytest.mark.parametrize(
    "lo, hi, expected",
    [
        ('"2021"', '"2022"', (date(2021, 1, 1), date(2022, 12, 31))),
        ('"2022-02"', '"2022-02"', (date(2022, 2, 1), date(2022, 2, 28))),
        ('"2022-06-29"', '"2022-07-01"', (date(2022, 6, 29), date(2022, 7, 1))),
        ("2021", "2022", (date(2021, 1, 1), date(2022, 12, 31))),
        ("2021-03-04", "2021-05-06", (date(2021, 3, 4), date(2021, 5, 6))),  # TOML dates
    ],
)
def test_default_range(tmp_path, lo, hi, expected):
    manifest, problems = manifest_of(tmp_path, f"[default_range]\nfrom = {lo}\nto = {hi}\n")
    assert problems == []
    assert manifest.default_range == expected


def test_open_ended_range(tmp_path):
    manifest, problems = manifest_of(tmp_path, '[default_range]\nfrom = "2021"\n')
    assert manifest.default_range == (date(2021, 1, 1), None)


@pytest.mark.parametrize(
    "body, words",
    [
        ('[default_range]\nfrom = "2022-13"\n', "default_range.from"),
        ('[default_range]\nfrom = "2023"\nto = "2022"\n', "after"),
        ('default_range = "2021"\n', "must be a table"),
    ],
)
def test_bad_default_range(tmp_path, body, words):
    manifest, problems = manifest_of(tmp_path, body)
    assert manifest.default_range is None
    (problem,) = problems
    assert words in problem.message and not problem.fatal


def test_wrong_types_are_reported_and_the_rest_kept(tmp_path):
    text = """
title = 42
description = "Fine"
[articles.a]
date = "2022-02-30"
source = ["not", "text"]
title = "Kept"
note = "also kept"
[articles.b]
date = 2022-06-29
[[people]]
name = "Ann"
aliases = "A"
roles = [1, 2]
[[people]]
aliases = ["nameless"]
[topics]
good = ["x", "y"]
bad = 3
"""
    manifest, problems = manifest_of(tmp_path, text)
    assert manifest.title is None
    assert manifest.description == "Fine"
    assert manifest.overrides == {"a": {"title": "Kept", "note": "also kept"}, "b": {"date": "2022-06-29"}}
    assert manifest.people == [PersonSpec("Ann", ["A"], [])]
    assert manifest.topics == {"good": ["x", "y"]}
    messages = " | ".join(p.message for p in problems)
    for words in ("'title' must be text", "articles.a.date", "articles.a.source", "roles", "people #2", "topics.bad"):
        assert words in messages
    assert not any(p.fatal for p in problems)
    assert all(p.path.endswith("timeline.toml") for p in problems)


def test_articles_must_be_tables(tmp_path):
    manifest, problems = manifest_of(tmp_path, 'articles = "x"\n')
    assert manifest.overrides == {} and "must be a table" in problems[0].message
    manifest, problems = manifest_of(tmp_path, '[articles]\nx = "y"\n')
    assert manifest.overrides == {} and "articles.x must be a table" in problems[0].message


def test_invalid_toml(tmp_path):
    manifest, problems = manifest_of(tmp_path, 'title = "ok"\n\n[articles.x\n')
    (problem,) = problems
    assert problem.fatal and problem.line == 3 and "invalid TOML" in problem.message
    assert manifest.title is None


def test_not_utf8(tmp_path):
    manifest, problems = manifest_of(tmp_path, b'title = "caf\xe9"\n')
    assert problems[0].fatal and "not UTF-8" in problems[0].message


def test_bom_is_accepted(tmp_path):
    manifest, problems = manifest_of(tmp_path, b'\xef\xbb\xbftitle = "x"\n')
    assert problems == [] and manifest.title == "x"


def test_manifest_is_a_folder(tmp_path):
    (tmp_path / "timeline.toml").mkdir()
    manifest, problems = load_manifest(tmp_path)
    assert problems[0].fatal and "cannot read the manifest" in problems[0].message


def test_strings_are_sanitized(tmp_path):
    text = (
        'title = "Evil \\u001b]52;c;Zm9v\\u0007title\\u009b2J"\n'
        'description = "Line one\\nLine \\u202etwo"\n'
        '[articles.x]\nsource = "A\\u001b[31m\\nB"\n'
        '[[people]]\nname = "Eve\\u0007 Escape"\naliases = ["E\\u001bcve"]\n'
    )
    manifest, problems = manifest_of(tmp_path, text)
    assert problems == []
    assert manifest.title == "Evil title"
    assert manifest.description == "Line one\nLine two"
    assert manifest.overrides["x"]["source"] == "A B"
    assert manifest.people[0].name == "Eve Escape"
    assert manifest.people[0].aliases == ["Eve"]


def test_deeply_nested_toml(tmp_path):
    manifest, problems = manifest_of(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems == [] or problems[0].fatal
