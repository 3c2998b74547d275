"""The fast paths of quote finding give what the plain ways they replace give.

- `find_spans` reads only the lines holding marks, found with `str.find`; the plain way walks
  every line of the text.
- `Sentences` rejects most periods as abbreviations without reading the word before them.
- `Mentions.between` reads the mentions of a stretch from a cut before it; the plain way builds
  the mentions of the whole text.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.model import Person
from tui.corpus.name_tokens import Aliases
from tui.corpus.people_lexicon import ABBREVIATIONS
from tui.corpus.quote_marks import _TRAILING_PUNCT, Sentences, Span, _single_closer, find_spans, mask
from tui.corpus.name_tokens import form_spans
from tui.corpus.quote_mentions import Mentions

_SEPS = ["", " ", " ", "  ", "\n", "\n\n", " \n ", ",", ".", "\u00a0"]


def _texts(pieces: list[str], size: int = 16):
    piece = st.sampled_from(pieces)
    sep = st.sampled_from(_SEPS)
    return st.lists(st.tuples(piece, sep), max_size=size).map(lambda xs: "".join(a + b for a, b in xs))


# The plain ways (as they were before the fast paths).


def _plain_spans(text: str) -> list[Span]:
    out: list[Span] = []
    pending = None

    def emit(open_, close, raw_end):
        s, e = open_ + 1, raw_end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1] in _TRAILING_PUNCT:
            e -= 1
        if re.search(r"[^\W_]", text[s:e]):
            out.append(Span(open_, close, s, e, raw_end))

    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if not line or line.isspace():
            continue
        marks = [m.start() + ls for m in re.finditer("[“”\"‘’']", line)]
        if not marks and pending is None:
            continue
        state = None
        k = 0
        if pending is not None:
            first = len(line) - len(line.lstrip())
            if marks and marks[0] == ls + first and text[marks[0]] in "“\"":
                state, k = ("d", pending[0]), 1
            else:
                emit(pending[0], None, pending[1])
            pending = None
        for p in marks[k:]:
            c = text[p]
            prev = text[p - 1] if p > ls else ""
            nxt = text[p + 1] if p + 1 < le else ""
            if state is None:
                after_space = prev == "" or prev.isspace() or prev in "([{—–-/:;,“\"‘"
                if c == "“" or (c == '"' and nxt and not nxt.isspace() and after_space):
                    state = ("d", p)
                elif c == "”" and after_space and nxt.isalnum():
                    state = ("d", p)
                elif c in "‘'" and after_space and nxt.isalpha() and _single_closer(text, p + 1, le, c) is not None:
                    state = ("s", p)
            elif state[0] == "d":
                if c in "”\"":
                    emit(state[1], p, p)
                    state = None
            elif c in "’'" and prev and not prev.isspace() and not nxt.isalnum():
                emit(state[1], p, p)
                state = None
        if state is not None and state[0] == "d":
            end = le
            while end > ls and text[end - 1].isspace():
                end -= 1
            pending = (state[1], end)
    if pending is not None:
        emit(pending[0], None, pending[1])
    return out


_AFTER_END = r"[.!?]*[”\"’')\]]*(?=\s+[\"“‘'(\[A-Z0-9])"
_BOUNDARY = re.compile(rf"\.{_AFTER_END}|!{_AFTER_END}|\?{_AFTER_END}|\n\n*")


def _plain_abbreviation(masked: str, s: int) -> bool:
    j = s
    while j > 0 and s - j < 7 and "a" <= masked[j - 1].lower() <= "z":
        j -= 1
    if j < s and (j == 0 or not (masked[j - 1].isalnum() or masked[j - 1] in "_.!?")):
        word = masked[j:s].lower()
    else:
        w = re.compile(r"([\w.]+)[.!?]*$").search(masked, max(0, s - 20), s + 1)
        word = w.group(1).lower().rstrip(".") if w else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _plain_sentences(masked: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(masked):
        s, end = m.span()
        c = masked[s]
        if c == "." and _plain_abbreviation(masked, s):
            continue
        if c != "\n" or masked[start:end].strip():
            spans.append((start, end))
        start = end
    if masked[start:].strip():
        spans.append((start, len(masked)))
    out = []
    for s, e in spans:
        while s < e and masked[s].isspace():
            s += 1
        out.append((s, e))
    return out


_QUOTE_PIECES = ['"', "“", "”", "‘", "’", "'", "word", "Word", "x", ".", "!", "?", "(", "—", ":", "Iran’s", "don't", "'90s"]


@settings(max_examples=300, deadline=None)
@given(_texts(_QUOTE_PIECES))
def test_spans_are_those_of_reading_every_line(text):
    key = lambda spans: [(s.open, s.close, s.start, s.end, s.raw_end) for s in spans]  # noqa: E731
    assert key(find_spans(text)) == key(_plain_spans(text))


_SENTENCE_PIECES = [
    "Mr.", "MR.", "mr.", "Gen.", "GEN.", "U.S.", "A.", "a.", "Sept.", "Corp.", "approx.", "word.", "longer.",
    "SAID.", "é.", "İnc.", "\u212ao.", "The", "he", "1.", "2016.", ".", "x”.", "(Jan.)", "end!", "why?", "“Go.”", "\"",
]


@settings(max_examples=300, deadline=None)
@given(_texts(_SENTENCE_PIECES))
def test_sentences_skip_only_the_periods_the_word_before_makes_no_end(text):
    assert Sentences(text).spans == _plain_sentences(text)


# Mentions: a stretch read from a cut is the whole text's mentions there.

_PEOPLE = [
    Person("Ebrahim Raisi", {"Raisi", "President Raisi"}, {"Iranian President"}),
    Person("Vladimir Putin", {"Putin", "Mr. Putin"}, {"Russian President", "President"}),
    Person("Sergei Lavrov", {"Lavrov"}, {"Russian Foreign Minister"}),
    Person("Ali Raisi", {"Ali Raisi"}, {"Foreign Minister"}),
]
_MENTION_PIECES = [
    "Raisi", "Putin", "Mr. Putin", "Lavrov", "Ali Raisi", "President Raisi", "Raisi's", "the president",
    "the Russian president", "The pPresident", "the foreign minister", "his minister", "their leader",
    "the minister said", "he", "said", "“xxxx”", "Putin-era", "(", ")", ";", "x",
]


@settings(max_examples=200, deadline=None)
@given(_texts(_MENTION_PIECES, 20), st.lists(st.integers(0, 3), min_size=1, max_size=4, unique=True), st.data())
def test_mentions_of_a_stretch_are_the_whole_texts(text, who, data):
    people = [_PEOPLE[i] for i in who]
    owner = {}
    for p in people:
        for form in [p.name, *p.aliases]:
            owner.setdefault(form, p.name)
    rx = Aliases(list(owner))
    by_name = {p.name: p for p in people}
    order = [p.name for p in people]
    whole = Mentions(text, by_name, order, owner, rx)
    whole._build()
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    part = Mentions(text, by_name, order, owner, rx)._stretch(lo, hi)
    if part is not None:  # (None: a role phrase fits several people equally; the whole list is built)
        assert [(p, who) for p, _, who in part] == [(p, who) for p, _, who in whole.between(lo, hi)]
    # The form matches from position 0 are those of the alias finder.
    assert [(p, f) for p, f in form_spans(text, rx.forms, 0, len(text))] == [
        (m.start(), m.group()) for m in rx.finditer(text)
    ]


def test_mask_keeps_the_masked_texts_length():
    text = "He said: “It is done.” Then ‘we go’ on."
    assert len(mask(text, find_spans(text))) == len(text)
