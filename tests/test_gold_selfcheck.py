"""Checks on the hand-written gold file itself (tests/gold/seeds.json), without the engine.

The gold must be true to the article files: every quote and date text occurs in its file, in
order; values are ISO dates at a precision; speakers are names or null. See tests/gold/README.md.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tui.corpus.model import PartialDate

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
GOLD_PATH = ROOT / "tests" / "gold" / "seeds.json"
GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
IDS = sorted(GOLD)

OPENING = "“\"‘"
CLOSING = "”\"’"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ARTICLE_KEYS = {"reference", "title", "published", "source", "author", "publication_line",
                "quotes", "dates", "not_dates"}
QUOTE_PATTERN = re.compile(r"“([^”]*)”|\"([^\"]*)\"|‘([^’]*)’")


def text_of(article_id: str) -> str:
    return (ARTICLES / f"{article_id}.txt").read_text(encoding="utf-8")


def phrase(text: str, flags: int = 0) -> re.Pattern[str]:
    """A whole-phrase pattern: not inside a longer word, any run of spaces between words."""
    body = r"\s+".join(re.escape(w) for w in text.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def locate_in_order(text: str, needles: list[str], start: int = 0) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for needle in needles:
        m = phrase(needle).search(text, pos)
        assert m, f"{needle!r} not found (in order) after offset {pos}"
        spans.append(m.span())
        pos = m.end()
    return spans


def test_gold_covers_exactly_the_bundled_articles():
    assert IDS == sorted(p.stem for p in ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("article_id", IDS)
def test_article_entry_shape(article_id):
    gold = GOLD[article_id]
    assert ARTICLE_KEYS <= set(gold), ARTICLE_KEYS - set(gold)
    ref = PartialDate.parse(gold["reference"])
    assert ref.precision == "day"
    if gold["published"] is not None:
        # The reference used to resolve relative dates is the publication date.
        assert gold["published"] == gold["reference"]
    for key in ("title", "source", "author"):
        assert gold[key] is None or (isinstance(gold[key], str) and gold[key].strip())
    if gold["title"] is not None:
        assert gold["title"] in text_of(article_id)
    if gold["author"] is not None:
        assert gold["author"] in text_of(article_id)


@pytest.mark.parametrize("article_id", IDS)
def test_publication_line(article_id):
    line = GOLD[article_id]["publication_line"]
    if line is None:
        return
    text = text_of(article_id)
    assert line["text"] in text
    assert PartialDate.parse(line["value"]).precision == "day"
    assert line["value"] == GOLD[article_id]["published"]


@pytest.mark.parametrize("article_id", IDS)
def test_quotes_occur_in_order_between_quote_marks(article_id):
    text = text_of(article_id)
    pos = 0
    for q in GOLD[article_id]["quotes"]:
        assert set(q) <= {"text", "speaker", "fragment", "multi_paragraph"}, q
        assert isinstance(q["text"], str) and q["text"].strip()
        assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"].strip())
        assert isinstance(q["fragment"], bool)
        assert isinstance(q.get("multi_paragraph", False), bool)
        i = text.find(q["text"], pos)
        while i == 0 or (i > 0 and text[i - 1] not in OPENING):
            i = text.find(q["text"], i + 1)  # skip unquoted occurrences of the same words
        assert i > 0, f"quote not found in order after an opening mark: {q['text'][:60]!r}"
        j = i + len(q["text"])
        if q.get("multi_paragraph"):
            assert j == len(text) or text[j] == "\n"
        else:
            assert j < len(text) and text[j] in CLOSING, f"no closing mark after {q['text'][-40:]!r}"
        if q["fragment"]:
            assert len(q["text"].split()) <= 5, "a fragment is a few words"
        pos = j


@pytest.mark.parametrize("article_id", IDS)
def test_every_quoted_span_is_in_the_gold(article_id):
    """Completeness: each pair of quote marks in the file is a gold quote or excluded with a reason."""
    gold = GOLD[article_id]
    listed = [q["text"] for q in gold["quotes"]]
    excluded = [e["text"] for e in gold.get("excluded_quotes", [])]
    for e in gold.get("excluded_quotes", []):
        assert e.get("why"), e
    for m in QUOTE_PATTERN.finditer(text_of(article_id)):
        inner = next(g for g in m.groups() if g is not None)
        assert inner in listed or inner in excluded, f"quoted span not in gold: {inner[:60]!r}"


@pytest.mark.parametrize("article_id", IDS)
def test_dates_occur_in_order_and_parse(article_id):
    gold = GOLD[article_id]
    text = text_of(article_id)
    line = gold["publication_line"]
    line_span = None
    if line is not None:
        i = text.find(line["text"])
        line_span = (i, i + len(line["text"]))
    spans = locate_in_order(text, [d["text"] for d in gold["dates"]])
    reference = PartialDate.parse(gold["reference"]).first_day
    for d, (start, end) in zip(gold["dates"], spans):
        assert set(d) <= {"text", "value", "end", "relative"}, d
        assert isinstance(d["relative"], bool)
        if line_span:
            assert end <= line_span[0] or start >= line_span[1], "the publication line is not a body date"
        value = PartialDate.parse(d["value"])
        assert value.iso == d["value"], "values are canonical ISO at their precision"
        if "end" in d:
            last = PartialDate.parse(d["end"])
            assert last.iso == d["end"]
            assert last.first_day > value.first_day
        if not d["relative"]:
            assert str(value.year) in d["text"], "an absolute date states its own year"
        weekday = [w for w in WEEKDAYS if w in d["text"].lower()]
        if weekday:
            assert value.precision == "day"
            assert WEEKDAYS[value.first_day.weekday()] == weekday[0]
        if d["relative"]:
            # Every relative expression in this corpus lies within a year of its reference.
            assert (reference - value.last_day).days <= 366
            assert (value.first_day - reference).days <= 366


@pytest.mark.parametrize("article_id", IDS)
def test_not_dates_occur_and_never_touch_a_gold_date(article_id):
    gold = GOLD[article_id]
    text = text_of(article_id)
    date_spans = locate_in_order(text, [d["text"] for d in gold["dates"]])
    for nd in gold["not_dates"]:
        hits = [m.span() for m in phrase(nd, re.IGNORECASE).finditer(text)]
        assert hits, f"not_date {nd!r} does not occur in the file"
        for a, b in hits:
            for s, e in date_spans:
                assert b <= s or a >= e, f"not_date {nd!r} overlaps a gold date at {s}"


def test_week_values_follow_the_readme_conventions():
    """`next week` is the ISO week after the reference's; `the coming week` holds reference + 4 days."""
    for gold in GOLD.values():
        ref = date.fromisoformat(gold["reference"])
        for d in gold["dates"]:
            if d["text"] == "next week":
                y, w, _ = ref.isocalendar()
                after = date.fromisocalendar(y, w, 1).toordinal() + 7
                yy, ww, _ = date.fromordinal(after).isocalendar()
                assert d["value"] == f"{yy:04d}-W{ww:02d}"
            if d["text"] == "the coming week":
                yy, ww, _ = date.fromordinal(ref.toordinal() + 4).isocalendar()
                assert d["value"] == f"{yy:04d}-W{ww:02d}"
