"""What the reader shows, computed without the UI: date labels, list rows, key quotes, marks.

The app renders what these functions return; nothing here imports Textual or Rich, so the
rules (how a date is shown at its precision, which quotes are "key") are testable alone.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from tui.corpus.model import Article, Corpus, DateSpan, Event, PartialDate, Quote

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


# -- dates -----------------------------------------------------------------------------------


def short_date(pd: PartialDate) -> str:
    """A date at its precision, for the list: "Jan 19", "Sep", "2021", "W38"."""
    if pd.week is not None:
        return f"W{pd.week:02d}"
    if pd.day is not None:
        return f"{MONTHS[pd.month - 1]} {pd.day}"  # type: ignore[index,operator]
    if pd.month is not None:
        return MONTHS[pd.month - 1]
    return str(pd.year)


def short_span(span: DateSpan | None) -> str:
    """A span for the list: "Jan 19", "Sep 16–17", "Jan–May", "2021–2022", "" when undated."""
    if span is None:
        return ""
    start = short_date(span.start)
    end = span.end
    if end is None or end == span.start:
        return start
    s, e = span.start, end
    if s.precision == e.precision == "day" and (s.year, s.month) == (e.year, e.month):
        return f"{start}–{e.day}"
    if s.precision == e.precision == "month" and s.year == e.year:
        return f"{start}–{short_date(e)}"
    if s.precision == e.precision == "year":
        return f"{s.year}–{e.year}"
    return f"{start}–"


def long_date(pd: PartialDate | None) -> str:
    """A date for the article header: "19 Jan 2022", "Sep 2021", "2021", "week 38, 2022"."""
    if pd is None:
        return "undated"
    if pd.week is not None:
        return f"week {pd.week}, {pd.year}"
    if pd.day is not None:
        return f"{pd.day} {MONTHS[pd.month - 1]} {pd.year}"  # type: ignore[index,operator]
    if pd.month is not None:
        return f"{MONTHS[pd.month - 1]} {pd.year}"
    return str(pd.year)


def long_span(span: DateSpan | None) -> str:
    if span is None:
        return "undated"
    if span.end is None or span.end == span.start:
        return long_date(span.start)
    return f"{long_date(span.start)} – {long_date(span.end)}"


# -- list rows -------------------------------------------------------------------------------

HeadingKind = Literal["year", "month", "undated"]


@dataclass(slots=True)
class TimelineRows:
    """The rows of the event list: an index array, one entry per screen row.

    `rows[i] >= 0` is an index into `events`; `rows[i] < 0` is heading number `-rows[i] - 1`
    in `headings`. Built in one pass, without measuring anything.
    """

    events: list[Event]
    rows: array = field(default_factory=lambda: array("q"))
    headings: list[tuple[HeadingKind, str]] = field(default_factory=list)
    event_rows: array = field(default_factory=lambda: array("q"))  # event index -> row

    def __len__(self) -> int:
        return len(self.rows)

    def heading(self, row: int) -> tuple[HeadingKind, str] | None:
        value = self.rows[row]
        return None if value >= 0 else self.headings[-value - 1]

    def event_at(self, row: int) -> Event | None:
        if not 0 <= row < len(self.rows):
            return None
        value = self.rows[row]
        return self.events[value] if value >= 0 else None

    def next_event_row(self, row: int, step: int) -> int | None:
        """The nearest event row from `row` (inclusive) in direction `step` (+1 or -1)."""
        n = len(self.rows)
        while 0 <= row < n:
            if self.rows[row] >= 0:
                return row
            row += step
        return None

    def heading_start(self, row: int) -> int:
        """The first row of the run of headings directly above `row` (or `row` itself)."""
        while row > 0 and self.rows[row - 1] < 0:
            row -= 1
        return row


def timeline_rows(events: list[Event]) -> TimelineRows:
    """Group chronological events under year and month headings, undated ones last."""
    out = TimelineRows(events)
    rows, headings, event_rows = out.rows, out.headings, out.event_rows
    year: int | None = None
    month: int | None = None
    undated = False

    def head(kind: HeadingKind, label: str) -> None:
        headings.append((kind, label))
        rows.append(-len(headings))

    last_span: DateSpan | None = None
    span_year = span_month = 0
    for index, event in enumerate(events):
        span = event.span
        if span is None:
            if not undated:
                head("undated", "Undated")
                undated = True
        else:
            if span is not last_span:  # neighbours mostly share one span object: work it out once
                last_span = span
                first = span.first_day
                span_year, span_month = first.year, (first.month if span.precision != "year" else 0)
            if span_year != year:
                year, month = span_year, None
                head("year", str(year))
            if span_month and span_month != month:
                month = span_month
                head("month", MONTH_NAMES[month - 1])
        event_rows.append(len(rows))
        rows.append(index)
    return out


def index_on_or_after(events: list[Event], day: date) -> int | None:
    """The index of the first dated event that starts on or after `day` (else the last dated)."""
    dated = [e for e in events if e.span is not None]
    if not dated:
        return None
    keys = [e.span.first_day for e in dated]  # type: ignore[union-attr]
    i = min(bisect.bisect_left(keys, day), len(dated) - 1)
    return events.index(dated[i])


def jump_targets(events: list[Event]) -> list[tuple[str, date]]:
    """Years and months that have events, for "jump to a date": ("Jan 2022", 2022-01-01)."""
    seen: dict[tuple[int, int], None] = {}
    for e in events:
        if e.span is not None:
            d = e.span.first_day
            seen.setdefault((d.year, 0), None)
            if e.span.precision != "year":
                seen.setdefault((d.year, d.month), None)
    out = []
    for y, m in seen:
        out.append((str(y), date(y, 1, 1)) if m == 0 else (f"{MONTHS[m - 1]} {y}", date(y, m, 1)))
    return out


# -- quotes ----------------------------------------------------------------------------------


def speaker_prominence(corpus: Corpus) -> Counter[str]:
    """How prominent each speaker is: the number of quotes attributed to them in the corpus
    (stored with a cached corpus, whose quotes stay in the cache until an article is read)."""
    if corpus.speakers is not None:
        return Counter(corpus.speakers)
    return Counter(q.speaker for a in corpus.articles.values() for q in a.quotes if q.speaker)


def key_quotes(
    article: Article,
    prominence: Counter[str] | None = None,
    limit: int = 3,
    terms: str = "",
) -> list[Quote]:
    """The article's key quotes: full quotes (not fragments), ranked by speaker prominence and
    length (long quotes carry more; very long ones gain nothing more). Quotes that contain every
    word of `terms` (the user's search) come first, and then attributed ones."""
    prominence = prominence or Counter()
    words = terms.casefold().split()

    def rank(q: Quote) -> tuple:
        hit = bool(words) and all(w in q.text.casefold() for w in words)
        weight = min(len(q.text), 240) + 20 * min(prominence[q.speaker or ""], 5)
        return (hit, q.speaker is not None, weight, -q.start)

    full = [q for q in article.quotes if not q.fragment]
    return sorted(full, key=rank, reverse=True)[:limit]


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


# -- article body ----------------------------------------------------------------------------

MarkKind = Literal["quote", "current", "sentence"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int  # offset of the paragraph in the body
    text: str
    marks: tuple[tuple[int, int, MarkKind], ...]  # offsets relative to the paragraph


def paragraph_spans(article: Article) -> list[tuple[int, int]]:
    if article.paragraphs:
        return list(article.paragraphs)
    spans, pos = [], 0
    for block in article.body.split("\n\n"):
        stripped = block.strip()
        if stripped:
            start = article.body.index(stripped, pos)
            spans.append((start, start + len(stripped)))
        pos += len(block) + 2
    return spans


def paragraphs(
    article: Article,
    sentence: tuple[int, int] | None = None,
    current_quote: int | None = None,
) -> list[Paragraph]:
    """The body split in paragraphs with marks: every quote, the current quote, the sentence."""
    marks: list[tuple[int, int, MarkKind]] = []
    if sentence is not None:
        marks.append((sentence[0], sentence[1], "sentence"))
    for i, q in enumerate(article.quotes):
        marks.append((q.start, q.end, "current" if i == current_quote else "quote"))
    out = []
    for start, end in paragraph_spans(article):
        local = tuple(
            (max(s, start) - start, min(e, end) - start, kind)
            for s, e, kind in marks
            if s < end and e > start
        )
        out.append(Paragraph(start, article.body[start:end], local))
    return out


def paragraph_of(article: Article, offset: int) -> int:
    """The index of the paragraph holding body offset `offset` (the nearest one before it)."""
    spans = paragraph_spans(article)
    starts = [s for s, _ in spans]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def quote_after(article: Article, offset: int, step: int) -> int | None:
    """The index of the next quote starting after `offset` (step=+1) or before it (step=-1)."""
    order = sorted(range(len(article.quotes)), key=lambda i: article.quotes[i].start)
    if step > 0:
        nxt = [i for i in order if article.quotes[i].start > offset]
        return nxt[0] if nxt else None
    prev = [i for i in order if article.quotes[i].start < offset]
    return prev[-1] if prev else None


def quote_label(article: Article, index: int | None) -> str:
    """Where the reader is among the article's quotes, in reading order: "quote 2 of 7 ·
    Ebrahim Raisi"; "7 quotes" when no quote is current; "" when the article has none."""
    total = len(article.quotes)
    if index is None or not 0 <= index < total:
        return plural(total, "quote") if total else ""
    order = sorted(range(total), key=lambda i: article.quotes[i].start)
    speaker = article.quotes[index].speaker
    return f"quote {order.index(index) + 1} of {total}" + (f" · {speaker}" if speaker else "")


def event_mention(event: Event, article_id: str):
    """The first mention of `event` in the given article, or None."""
    for m in event.mentions:
        if m.article_id == article_id:
            return m
    return None


# -- status ----------------------------------------------------------------------------------


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def status_text(events: int, articles: int, filter_description: str) -> str:
    """"14 events · 5 articles · filter: Putin"."""
    return f"{plural(events, 'event')} · {plural(articles, 'article')} · filter: {filter_description}"


def status_forms(events: int, articles: int, filter_description: str, problems: int = 0) -> tuple[str, ...]:
    """The status counts, longest first, for a status line that may not fit the long one:
    ("14 events · 5 articles · filter: none · 2 problems (!)", "14 ev · 5 art · filter: none ·
    2 problems (!)", "14 ev · 5 art · filter: none · 2 (!)")."""
    trouble = f" · {plural(problems, 'problem')} (!)" if problems else ""
    short = f"{events} ev · {articles} art · filter: {filter_description}"
    forms = [status_text(events, articles, filter_description) + trouble, short + trouble]
    if problems:
        forms.append(f"{short} · {problems} (!)")
    return tuple(forms)
