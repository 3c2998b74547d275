"""The per-article part of laying out the timeline, done at extraction (in parallel, cached).

An article yields one draft event for itself and one per sentence with a resolvable date, and
its drafts on the same date are one happening (see `timeline`). All of that depends on the
article alone except the people, whose corpus-wide names are known only once every article is
in: so a sentence records the article-local people it mentions (indices into the extraction's
people, found by any alias) and the quotes that overlap it (indices into its quotes, whose
speaker then counts too). `event_merge.parse_drafts` and `EventMerger.add_local` turn this into
drafts with the corpus names, exactly as `timeline.article_drafts` with `assemble`'s people
finder would.

The result is JSON text, one string per article (stored as is in the index cache, passed from
worker processes as one object, and parsed only when the corpus is assembled):

    [lead_start, lead_end, drafts]

with one entry per draft of the article after merging by date, in order, the article's own
draft first:

    [value, end_value, title, topics, words, spans, members]

- value, end_value: the date (ISO strings) of a sentence draft; None for the article's draft
  (dated by the article's `published`, or undated);
- title: the draft's title (None for the article's draft: the article's title);
- topics: the draft's topics after merging; words: its content words, space-separated;
- spans: [start, end, start, end, ...] of its mentions (sentences of the body), in order;
- members: the drafts merged into it, in order, each [people, speakers] (local person indices,
  quote indices), or None for the article's own draft (its people are the article's first four).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right

from tui.corpus.model import Article, DateMention, Person, Quote
from tui.corpus.sentences import line_sentences, split_sentences
from tui.corpus.timeline import best_date, content_words, short_title
from tui.corpus.topics import sentence_topics

# (what `json.dumps(..., ensure_ascii=False, separators=(",", ":"))` makes anew for each call;
# drafts hold no cycle to check for)
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _aliases(people: list[Person]) -> dict[str, int]:
    """Each alias (longer than two characters) of the article's people -> the index of the
    first person it belongs to."""
    alias_to_index: dict[str, int] = {}
    for i, person in enumerate(people):
        for alias in {person.name, *person.aliases}:
            if len(alias) > 2:
                alias_to_index.setdefault(alias, i)
    return alias_to_index


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _people_in(body: str, spans: list[tuple[int, int]], alias_to_index: dict[str, int]) -> list[list[int]]:
    """For each sentence (sorted, disjoint spans of `body`), the people its aliases name, in order
    of first mention: what `pattern.finditer(body, start, end)` finds with the pattern
    `\\b(?:alias|alias|...)\\b` of every alias, longest first, without compiling a pattern per
    article. At a position the longest alias with a word boundary on both sides matches (the
    end of the sentence counts as a boundary, as `endpos` makes it; the text before it does
    not end the string), then the search goes on after it."""
    found: list[list[tuple[int, int, int]]] = [[] for _ in spans]
    # The sentences one after another (with a line break between two): an alias is looked for
    # there, not in the text between them. A place in `joined` that holds an alias holds it in
    # one sentence, or across the end of one (which does not count).
    texts = [body[s:e] for s, e in spans]
    joined = "\n".join(texts)
    at: list[int] = []  # where each sentence starts in `joined`
    offset = 0
    for text in texts:
        at.append(offset)
        offset += len(text) + 1
    find = joined.find
    for alias, index in alias_to_index.items():
        size = len(alias)
        first_word = _is_word(alias[0])
        last_word = _is_word(alias[-1])
        p = find(alias)
        while p >= 0:
            k = bisect_right(at, p) - 1
            start, end = spans[k]
            b = p - at[k] + start  # (in `body`)
            q = b + size
            if (
                q <= end
                and (b > 0 and _is_word(body[b - 1])) != first_word
                and last_word != (q < end and _is_word(body[q]))
            ):
                found[k].append((b, -size, index))
            p = find(alias, p + 1)
    out: list[list[int]] = []
    for hits in found:
        names: list[int] = []
        if hits:
            hits.sort()
            cursor = -1
            for p, neg_size, index in hits:
                if p >= cursor:
                    cursor = p - neg_size
                    if index not in names:
                        names.append(index)
        out.append(names)
    return out


def local_drafts(
    article: Article,
    dates: list[DateMention],
    people: list[Person],
    quotes: list[Quote],
    topics: list[str],
    extra_topics: dict[str, list[str]] | None,
) -> str:
    """The article's drafts as JSON text (see the module's docstring). `dates`, `people`,
    `quotes` and `topics` are the article's extraction; `extra_topics` the manifest's topics."""
    body = article.body
    lead = next(split_sentences(body), (0, 0))
    dated = _dated_sentences(body, dates)
    # The article's own draft, as in the JSON but for its words (a set until the end)
    own = [None, None, None, list(topics), content_words(article.title + " " + body[lead[0] : lead[1]]),
           [lead[0], lead[1]], [None]]  # fmt: skip
    out = [own]
    if dated:
        # By date, as (value, end_value): `find_dates` makes them `PartialDate.iso` strings, so
        # they are equal exactly when the spans are.
        by_span: dict[tuple[str, str | None], list] = {}
        if article.published:
            by_span[(article.published.iso, None)] = own
        spans = [(s, e) for s, e, _ in dated]
        alias_to_index = _aliases(people)
        people_in = _people_in(body, spans, alias_to_index) if alias_to_index else [[] for _ in spans]
        # The quotes (with a speaker) each sentence overlaps, in the quotes' order.
        quoted: list[list[int]] = [[] for _ in spans]
        ends = [e for _, e in spans]
        for qi, q in enumerate(quotes):
            if q.speaker:
                k = bisect_right(ends, q.start)
                while k < len(spans) and spans[k][0] < q.end:
                    quoted[k].append(qi)
                    k += 1
        # (`extract` has just read the title and body for the article's topics)
        offset = len(article.title) + 1
        whole = f"{article.title}\n{body}"
        topics_of = sentence_topics(whole, [(offset + s, offset + e) for s, e in spans], extra_topics or None)
        for (s, e, chosen), topics_here, names, speakers in zip(dated, topics_of, people_in, quoted):
            text = body[s:e]
            words = content_words(text)
            span = (value, end_value) = (chosen.value, chosen.end_value)
            into = by_span.get(span)
            if into is None:
                draft = [value, end_value, short_title(text), topics_here, words, [s, e], [[names, speakers]]]
                by_span[span] = draft
                out.append(draft)
                continue
            # The same date as an earlier draft of this article: the same happening. (Its
            # sentence is another one, but for the lead in the article's own draft.)
            if into is not own or s != lead[0]:
                into[5] += (s, e)
            if topics_here:
                have = set(into[3])
                into[3] += [t for t in topics_here if t not in have]
            into[4] |= words
            into[6].append([names, speakers])
    for draft in out:
        draft[4] = " ".join(draft[4])
    return _JSON.encode([lead[0], lead[1], out])


def _dated_sentences(body: str, dates: list[DateMention]) -> list[tuple[int, int, DateMention]]:
    """(start, end, date) of each sentence a date dates (`best_date` of those starting in it),
    in order."""
    # Only resolved dates can date a sentence (`best_date`).
    ordered = sorted((m for m in dates if m.value is not None and m.precision is not None), key=_start)
    starts = [m.start for m in ordered]
    dated: list[tuple[int, int, DateMention]] = []
    i, n = 0, len(ordered)
    # Sentences never span lines: only the lines (paragraphs) where a date starts are split.
    # A date in no sentence (in whitespace between two) dates none.
    while i < n:
        line_start = body.rfind("\n", 0, starts[i]) + 1
        line_end = body.find("\n", starts[i])
        if line_end < 0:
            line_end = len(body)
        line_last = bisect_right(starts, line_end, i)  # (past the line's dates)
        for s, e in line_sentences(body, line_start, line_end):
            if starts[i] >= e:
                continue
            k = bisect_left(starts, e, i, line_last)  # (past the sentence's dates)
            if k == i + 1 and starts[i] >= s:
                dated.append((s, e, ordered[i]))  # (one date: the usual case)
            else:
                chosen = best_date(m for m in ordered[i:k] if m.start >= s)
                if chosen is not None:
                    dated.append((s, e, chosen))
            i = k
            if i == line_last:
                break  # (the line's sentences after its last date are not needed)
        i = line_last
    return dated


def _start(m: DateMention) -> int:
    return m.start

