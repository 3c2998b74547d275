"""Score the extraction engine against the hand-written gold (tests/gold/seeds.json).

Contract: `tui.corpus.build.load_corpus(Path("articles"))` returns a `Corpus` whose
`articles[id]` carry `.quotes` (model.Quote), `.dates` (model.DateMention) and
`.title/.published/.source/.author`. Conventions: tests/gold/README.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest


from tui.corpus.build import load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).parent.parent / "articles"
GOLD = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))

MIN_QUOTE_WORDS = 4  # shorter gold quotes (fragments like “strategic”) are not scored
_EDGE = " \t\n\u00a0.,;:!?…\"“”‘’'"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ARTICLES)


def norm(text: str) -> str:
    """Collapse whitespace; drop trailing punctuation and stray quote marks at either end."""
    return " ".join(text.split()).strip(_EDGE)


def phrase(text: str, flags: int = 0) -> re.Pattern[str]:
    """A whole-phrase pattern: not inside a longer word, any run of spaces between words."""
    body = r"\s+".join(re.escape(w) for w in text.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(a) for a, _ in rows)
    return "\n".join(f"  {a:<{width}}  {b}" for a, b in rows)


def report(title: str, problems: dict[str, list[str]]) -> str:
    rows = []
    for article_id in sorted(GOLD):
        items = problems.get(article_id, [])
        rows.append((article_id, f"{len(items)} problem(s)" if items else "ok"))
        rows += [("", f"- {item}") for item in items]
    return f"{title}\n{table(rows)}"


def short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def gold_spans(body: str, gold: dict) -> tuple[list[tuple[dict, tuple[int, int] | None]], tuple[int, int] | None]:
    """Locate each gold date text in the body, in order; and the publication line if still there."""
    located = []
    pos = 0
    for d in gold["dates"]:
        m = phrase(d["text"]).search(body, pos)
        located.append((d, m.span() if m else None))
        if m:
            pos = m.end()
    line = gold["publication_line"]
    line_span = None
    if line is not None:
        m = phrase(line["text"]).search(body)
        line_span = m.span() if m else None
    return located, line_span


def test_gold_quotes_found_with_their_speakers(corpus):
    problems: dict[str, list[str]] = {}
    for article_id, gold in GOLD.items():
        article = corpus.articles[article_id]
        unused = list(article.quotes)
        for g in gold["quotes"]:
            if len(g["text"].split()) < MIN_QUOTE_WORDS:
                continue
            want = norm(g["text"])
            candidates = [q for q in unused if want in norm(q.text)]
            match = next((q for q in candidates if q.speaker == g["speaker"]), None)
            if match is not None:
                unused.remove(match)  # one found quote answers one gold quote
            elif candidates:
                got = ", ".join(sorted({repr(q.speaker) for q in candidates}))
                problems.setdefault(article_id, []).append(
                    f"speaker {got}, want {g['speaker']!r}: “{short(g['text'])}”"
                )
            else:
                problems.setdefault(article_id, []).append(f"not found: “{short(g['text'])}”")
    assert not problems, report("Gold quotes (>= 4 words) missed or misattributed:", problems)


def test_gold_dates_found_with_their_values(corpus):
    problems: dict[str, list[str]] = {}
    for article_id, gold in GOLD.items():
        article = corpus.articles[article_id]
        located, _ = gold_spans(article.body, gold)
        for d, span in located:
            label = f"{d['text']!r} = {d['value']}" + (f"..{d['end']}" if "end" in d else "")
            if span is None:
                problems.setdefault(article_id, []).append(f"{label}: text not in the body")
                continue
            near = [m for m in article.dates if overlaps((m.start, m.end), span)]
            if any(m.value == d["value"] and (m.end_value or None) == d.get("end") for m in near):
                continue
            if near:
                got = ", ".join(f"{m.text!r} = {m.value}" + (f"..{m.end_value}" if m.end_value else "") for m in near)
                problems.setdefault(article_id, []).append(f"{label}: found {got}")
            else:
                problems.setdefault(article_id, []).append(f"{label}: not found")
    assert not problems, report("Gold dates missed or resolved wrongly:", problems)


def test_no_false_date_mentions(corpus):
    """Precision: every found mention overlaps a gold date; none touches a listed non-date.

    A mention of the publication line, if the engine left that line in the body, is neither
    scored nor a false positive, but must carry the publication date.
    """
    problems: dict[str, list[str]] = {}
    for article_id, gold in GOLD.items():
        article = corpus.articles[article_id]
        body = article.body
        located, line_span = gold_spans(body, gold)
        spans = [span for _, span in located if span is not None]
        not_dates = [
            (nd, m.span())
            for nd in gold["not_dates"]
            for m in phrase(nd, re.IGNORECASE).finditer(body)
        ]
        for m in article.dates:
            where = (m.start, m.end)
            if line_span and overlaps(where, line_span):
                if m.value != gold["publication_line"]["value"]:
                    problems.setdefault(article_id, []).append(
                        f"publication line read as {m.value}: {m.text!r}"
                    )
                continue
            hits = [nd for nd, span in not_dates if overlaps(where, span)]
            if hits:
                problems.setdefault(article_id, []).append(
                    f"non-date {hits[0]!r} inside mention {m.text!r} at {m.start}"
                )
            elif not any(overlaps(where, span) for span in spans):
                problems.setdefault(article_id, []).append(
                    f"false positive {m.text!r} = {m.value} at {m.start}"
                )
    assert not problems, report("Date mentions that are not gold dates:", problems)


def test_gold_metadata(corpus):
    boilerplate = ("ISSN", "News ID", "Leave a", "GMT", "email address")
    problems: dict[str, list[str]] = {}
    for article_id, gold in GOLD.items():
        article = corpus.articles[article_id]
        got = {
            "title": " ".join(article.title.split()) if article.title else article.title,
            "published": article.published.iso if article.published else None,
            "source": article.source,
            "author": article.author,
        }
        for key, value in got.items():
            want = gold[key]
            if key == "title" and want is None:
                # No headline in the text: any non-empty display title that is not site furniture.
                if not value or any(b in value for b in boilerplate):
                    problems.setdefault(article_id, []).append(f"title {value!r}: want a derived title")
                continue
            if value != want:
                problems.setdefault(article_id, []).append(f"{key} {value!r}, want {want!r}")
    assert not problems, report("Metadata differs from gold:", problems)
