"""The rows of the quotes list, computed without the UI: every quote matching a filter as a few
int arrays (article, quote number in that article, speaker), ordered as `query.quotes_by_date`
or grouped as `query.quotes_by_speaker`, with no `Quote` kept. Building them reads every
article's quotes (a thread worker's job on a big corpus); the widget reads a row's quote from
its article when it draws it."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from tui.corpus.model import Article, Corpus, DateSpan, Quote
from tui.corpus.query import Filter, quote_matches


class QuoteBase(NamedTuple):
    """The quotes matching one filter, oldest article first, in text order within an article:
    `art[i]` is the article (its number in `articles`) of quote i, `index[i]` the quote's number
    in that article's quotes, `speaker[i]` the number of its speaker in `speakers` ("" when
    unattributed)."""

    articles: list[Article]
    art: array
    index: array
    speaker: array
    speakers: list[str]
    counts: list[int]  # quotes per speaker number


def quote_base(corpus: Corpus, flt: Filter, cancelled: Callable[[], bool] = lambda: False) -> QuoteBase | None:
    """The quotes matching `flt` in `query.quotes_by_date` order, as arrays; None when
    `cancelled()` turned true on the way. Reads every article's quotes (one at a time: the
    `Quote`s are dropped as it goes)."""
    articles = list(corpus.articles.values())

    def article_key(n: int) -> tuple:  # query.quotes_by_date's key, less the quote's offset
        art = articles[n]
        span = DateSpan(art.published) if art.published is not None else None
        return (span is None, span.sort_key if span else (date.min, 0, date.min), art.id)

    order = sorted(range(len(articles)), key=article_key)
    art_of, index_of, speaker_of = array("i"), array("i"), array("i")
    speakers: list[str] = []
    numbers: dict[str, int] = {}
    counts: list[int] = []
    everything = flt.is_empty
    for step, n in enumerate(order):
        if not step & 127 and cancelled():
            return None
        quotes = articles[n].quotes
        if not quotes:
            continue
        picked = [i for i, q in enumerate(quotes) if everything or quote_matches(corpus, q, flt)]
        picked.sort(key=lambda i: quotes[i].start)  # stable: text order, as the sort by date
        for i in picked:
            name = quotes[i].speaker or ""
            number = numbers.get(name)
            if number is None:
                number = numbers[name] = len(speakers)
                speakers.append(name)
                counts.append(0)
            counts[number] += 1
            art_of.append(n)
            index_of.append(i)
            speaker_of.append(number)
    return QuoteBase(articles, art_of, index_of, speaker_of, speakers, counts)


class QuoteRows:
    """What the list shows: quotes (entries, two rows each) in groups, each group under a
    one-row heading when `headings` is set. Rows are screen rows, entries are quotes."""

    __slots__ = (
        "art",
        "articles",
        "group_entry",
        "group_row",
        "headings",
        "index",
        "labels",
        "rows",
        "with_speaker",
    )  # fmt: skip

    def __init__(
        self,
        articles: list[Article],
        art: array,
        index: array,
        groups: list[tuple[str, int]],
        headings: bool,
        with_speaker: bool,
    ) -> None:
        self.articles = articles
        self.art = art
        self.index = index
        self.labels = [label for label, _count in groups]
        self.group_entry = array("i")
        self.group_row = array("i")
        self.headings = headings
        self.with_speaker = with_speaker
        entry = row = 0
        for _label, count in groups:
            self.group_entry.append(entry)
            self.group_row.append(row)
            entry += count
            row += headings + 2 * count
        self.rows = row

    def __len__(self) -> int:
        return len(self.art)

    def quote(self, entry: int) -> Quote:
        return self.articles[self.art[entry]].quotes[self.index[entry]]

    def article(self, entry: int) -> Article:
        return self.articles[self.art[entry]]

    def group_of(self, entry: int) -> int:
        return bisect_right(self.group_entry, entry) - 1

    def row_of(self, entry: int) -> int:
        """The first row of `entry`."""
        group = self.group_of(entry)
        return self.group_row[group] + self.headings + 2 * (entry - self.group_entry[group])

    def top_of(self, entry: int) -> int:
        """The first row to show with `entry`: its group's heading for a group's first quote."""
        group = self.group_of(entry)
        return self.group_row[group] if entry == self.group_entry[group] else self.row_of(entry)

    def at(self, row: int) -> tuple[int, int, int]:
        """(group, entry, part) at `row`: part 0 is the quote, 1 the line under it; entry is -1
        on a heading. `row` must be in range."""
        group = bisect_right(self.group_row, row) - 1
        offset = row - self.group_row[group]
        if self.headings:
            if offset == 0:
                return group, -1, 0
            offset -= 1
        return group, self.group_entry[group] + offset // 2, offset % 2


EMPTY_ROWS = QuoteRows([], array("i"), array("i"), [], False, False)


def arrange(base: QuoteBase, by_speaker: bool) -> QuoteRows:
    """`base` by date, or grouped by speaker as `query.quotes_by_speaker` does: most quoted
    first (ties by name), the unattributed last, each group by date."""
    if not by_speaker:
        groups = [("", len(base.art))] if len(base.art) else []
        return QuoteRows(base.articles, base.art, base.index, groups, False, True)
    names, counts = base.speakers, base.counts
    named = sorted((n for n, name in enumerate(names) if name), key=lambda n: (-counts[n], names[n]))
    order = named + [n for n, name in enumerate(names) if not name]
    start = [0] * len(names)  # where each speaker's quotes go (a counting sort: stable)
    total = 0
    for n in order:
        start[n] = total
        total += counts[n]
    art, index = array("i", bytes(4 * total)), array("i", bytes(4 * total))
    for a, i, s in zip(base.art, base.index, base.speaker):
        at = start[s]
        art[at] = a
        index[at] = i
        start[s] = at + 1
    groups = [(f"{names[n] or 'Unattributed'} ({counts[n]})", counts[n]) for n in order]
    return QuoteRows(base.articles, art, index, groups, True, False)


def quote_rows(corpus: Corpus, flt: Filter, by_speaker: bool) -> QuoteRows:
    base = quote_base(corpus, flt)
    assert base is not None
    return arrange(base, by_speaker)


# -- the widget -------------------------------------------------------------------------------
