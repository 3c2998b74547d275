"""Reading the furniture of a web article saved as plain text.

Given the sanitized lines of an article (front matter already cut off), find and take out:
site boilerplate lines ("Leave a Comment", "ISSN 2330-717X", "News ID : 904", ...), a date
line near the top or bottom ("January 19, 2022 - 22:0"), a byline ("By Jane Doe"), a headline
on the first line, and an author bio at the end ("Jane Doe" + "Jane Doe is a ..."); then read a
dateline at the start of the first paragraph ("TEHRAN —", "MOSCOW (Reuters) -") and split the
body into paragraphs. Generic rules only: nothing here knows any particular site.

Work per line is bounded (long lines are never matched against the line patterns), so a 50 MB
file or a single 5 MB line costs a few linear passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .date_lines import MAX_DATE_LINE, parse_date_line
from .model import PartialDate

TOP_LINES = 8  # non-empty lines searched for a date line / byline at the top
BOTTOM_LINES = 5  # ... and at the bottom
MAX_PATTERN_LINE = 200  # longer lines are prose: never boilerplate, date lines or headlines
MAX_HEADLINE = 160
MAX_HEADLINE_WORDS = 30
TITLE_CHARS = 90

_BOILERPLATE = re.compile(
    r"""(?ix)
    leave\s+a\s+(?:comment|reply)
    | (?:your\s+)?email\s+address\s+will\s+not\s+be\s+published\.?(?:\s*required\s+fields\s+are\s+marked\s*\*?)?
    | required\s+fields\s+are\s+marked\s*\*?
    | issn:?\s*\d{4}\s*-?\s*\d{3}[\dx]
    | news\s*id\s*:?\s*\d+
    | share\s+this(?:\s+(?:article|story|post|page))?\s*:?
    | share\s+(?:on|via)\s+\w+
    | related(?:\s+(?:posts?|articles?|stories|news|content|topics))?\s*:?
    | click\s+to\s+(?:share|email|print)\b.{0,80}
    | advertisement
    | (?:print|email)\s+this\s+(?:article|page|story|post)
    | subscribe\s+to\s+(?:our|the)\s+newsletter.{0,80}
    | (?:[\w ]{0,30}:?\s*)?\[email\s+protected\]\.?  # Cloudflare's mangled address on a line of its own
    """
)

# The words a line `_BOILERPLATE` matches starts with, but for the "[email protected]" line. A
# line starting with none of them (and with no "[") is not matched: most lines are tested no further.
_BOILERPLATE_STARTS = (
    "leave", "your", "email", "required", "issn", "news", "share", "related", "click",
    "advertisement", "print", "subscribe",
)


def _maybe_boilerplate(line: str) -> bool:
    """False when `_BOILERPLATE` cannot fully match the stripped `line`: only its start counts
    (the longest start word has 13 letters; a curly quote further on changes nothing)."""
    if "[" in line:
        return True
    head = line[:13]
    if not head.isascii():
        return True  # (IGNORECASE also folds "ſ" and the Kelvin sign to ASCII letters)
    return head.lower().startswith(_BOILERPLATE_STARTS)


_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:(?:de|da|del|van|von|der|al|el|bin|ibn|la|le)\s+)?[A-Z][\w'’.\-]*){1,4}"
_BYLINE = re.compile(rf"(?i:by)\s+(?P<name>{_NAME}(?:\s+(?:and|&)\s+{_NAME})?)")
_NAME_LINE = re.compile(_NAME)
_DATELINE = re.compile(
    r"""(?x)
    (?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})
    (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2})){0,2}
    (?:\s*\((?P<agency>[A-Za-z][A-Za-z0-9 .&/'’\-]{0,30})\))?
    \s*(?:—|–|--|-)\s+
    """
)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr vs no gen col lt sgt rep sen gov prof inc co ltd corp dept "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx est etc e.g i.e u.s u.k u.n".split()
)


@dataclass(slots=True)
class TextInfo:
    """What the text says about itself, and the cleaned body."""

    body: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    headline: str | None = None
    title_from_text: str | None = None  # first sentence, shortened, when there is no headline
    published: PartialDate | None = None
    dateline: str | None = None
    source: str | None = None
    author: str | None = None
    notes: list[tuple[str, int | None]] = field(default_factory=list)  # (message, line)


def is_boilerplate(line: str) -> bool:
    text = line.strip()
    return (
        bool(text) and len(text) <= MAX_PATTERN_LINE and _maybe_boilerplate(text) and _BOILERPLATE.fullmatch(text) is not None
    )


_CLAUSE_ENDS = (".", ",", ";", ":")


def _looks_like_headline(line: str) -> bool:
    text = line.strip()
    if not 3 <= len(text) <= MAX_HEADLINE or len(text.split()) > MAX_HEADLINE_WORDS:
        return False
    if not any(c.isalpha() for c in text):
        return False
    if text.rstrip("\"”’')]")[-1:] in _CLAUSE_ENDS and not text.endswith("..."):
        return False  # (a stop or a comma at the end, maybe before closing quotes or brackets)
    if _DATELINE.match(text):
        return False
    first = next(c for c in text if c.isalnum())
    return not first.islower()


def _strip_heading(line: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", line.strip()).strip()


def _uses_blank_lines(lines: list[str | None]) -> bool:
    """Blank-line separated paragraphs (else one paragraph per line).

    A file with blank lines whose multi-line blocks are made of long lines is a one-paragraph-
    per-line file with a stray blank line; hard-wrapped text has short lines.
    """
    multi: list[int] = []  # lengths of the lines of blocks that have several lines
    block: list[int] = []
    gaps = 0  # blank runs between two text lines
    seen = pending = False
    for line in lines:
        if line is None:
            continue
        if line:
            if pending:
                gaps += 1
                pending = False
            block.append(len(line))
            seen = True
        else:
            pending = seen
            if len(block) > 1:
                multi.extend(block)
            block = []
            if len(multi) > 2000:
                break
    if len(block) > 1:
        multi.extend(block)
    if gaps == 0:
        return False
    if not multi:
        return True
    multi.sort()
    return multi[len(multi) // 2] <= 160


def first_sentence(text: str) -> str:
    """The first sentence of `text`, shortened at a word boundary to about 90 characters."""
    head = " ".join(text[:600].split())
    end = len(head)
    for m in _SENTENCE_END.finditer(head):
        before = head[: m.start()].rsplit(" ", 1)[-1].lower()
        if head[m.start()] == "." and (len(before.strip("(\"“‘'")) == 1 or before in _ABBREVIATIONS):
            continue
        end = m.end()
        break
    sentence = head[:end].strip()
    if len(sentence) <= TITLE_CHARS:
        return sentence.rstrip(".").rstrip() if sentence.endswith(".") and not sentence.endswith("...") else sentence
    cut = sentence[: TITLE_CHARS + 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    cut = cut[:TITLE_CHARS].rstrip(" ,;:—–-(\"“‘")
    return cut + "…"


def read_dateline(paragraph: str) -> tuple[str, str | None, int] | None:
    """(place, agency or None, length of the dateline) at the start of a paragraph."""
    m = _DATELINE.match(paragraph[:200])
    if not m or sum(c.isalpha() for c in m["place"]) < 2:
        return None
    agency = m["agency"].strip() if m["agency"] else None
    return m["place"].rstrip(" .,"), agency or None, m.end()


_FOUR_DIGITS = re.compile("[0-9]{4}")  # (every date line has a year: `DATE_LINE` asks for four `\d`)


def _take_dates(lines: list[str | None], candidates: list[int], info: TextInfo) -> None:
    found: list[tuple[int, bool, PartialDate]] = []
    for i in candidates:
        line = lines[i]
        assert line is not None
        if len(line) > MAX_DATE_LINE or (line.isascii() and _FOUR_DIGITS.search(line) is None):
            continue  # what parse_date_line says: too long, or no year (a line is stripped)
        try:
            got = parse_date_line(line)
        except ValueError as err:
            info.notes.append((f"date line {line.strip()!r} is not a valid date ({err}); kept as text", i))
            continue
        if got is not None:
            found.append((i, got.updated, got.date))
            lines[i] = None
    published = [d for _, updated, d in found if not updated] or [d for _, _, d in found]
    if published:
        info.published = published[0]


def _take_bio(lines: list[str | None], blank_mode: bool, info: TextInfo) -> None:
    """An author bio at the end: a name line, then a paragraph "<name> is a/an/the ..."."""
    tail: list[int] = []  # indices of the last few non-empty lines, last first
    for i in range(len(lines) - 1, -1, -1):
        if lines[i]:
            tail.append(i)
            if len(tail) == 12:
                break
    if len(tail) < 2:
        return
    pairs = [(tail[1], tail[0])]  # (name line, first line of the bio)
    if blank_mode:
        k = 0
        while k + 1 < len(tail) and tail[k + 1] == tail[k] - 1:
            k += 1
        if k + 1 < len(tail):
            pairs.append((tail[k + 1], tail[k]))
    for name_idx, bio_idx in pairs:
        name = (lines[name_idx] or "").strip()
        if len(name) > 60 or not _NAME_LINE.fullmatch(name):
            continue
        if blank_mode and name_idx > 0 and lines[name_idx - 1]:
            continue  # the last line of a longer paragraph, not a name on its own
        bio = (lines[bio_idx] or "").strip()
        if re.match(re.escape(name) + r"\s+is\s+(?:a|an|the)\b", bio):
            for i in range(name_idx, len(lines)):
                lines[i] = None
            info.author = name
            return


def read_text(text: str, *, known_title: str | None = None) -> TextInfo:
    """Analyse sanitized article text (without front matter)."""
    info = TextInfo()
    lines: list[str | None] = [line.strip() for line in text.split("\n")]
    nonempty = []
    for i, line in enumerate(lines):
        if line:
            if len(line) <= MAX_PATTERN_LINE and _maybe_boilerplate(line) and _BOILERPLATE.fullmatch(line):
                lines[i] = None
            else:
                nonempty.append(i)
    top, bottom = nonempty[:TOP_LINES], nonempty[-BOTTOM_LINES:]
    _take_dates(lines, sorted(set(top) | set(bottom)), info)
    for i in top:
        line = lines[i]
        if line and len(line) <= 80:
            m = _BYLINE.fullmatch(line)
            if m:
                info.author = m["name"]
                lines[i] = None
                break
    blank_mode = _uses_blank_lines(lines)
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        candidate = lines[first] or ""
        heading = _strip_heading(candidate)
        rest = any(lines[j] for j in range(first + 1, min(len(lines), first + 400)))
        wrapped = blank_mode and first + 1 < len(lines) and bool(lines[first + 1])
        if known_title is not None:
            if heading.casefold() == known_title.casefold():
                lines[first] = None
        elif rest and not wrapped and _looks_like_headline(heading):
            info.headline = heading
            lines[first] = None
    if info.author is None:
        _take_bio(lines, blank_mode, info)
    _build_body(lines, blank_mode, info)
    if info.paragraphs:
        start, end = info.paragraphs[0]
        found = read_dateline(info.body[start:end])
        lead = info.body[start:end]
        if found:
            info.dateline, info.source, skip = found
            lead = lead[skip:]
        if info.headline is None:
            info.title_from_text = first_sentence(lead) or None
    return info


def _build_body(lines: list[str | None], blank_mode: bool, info: TextInfo) -> None:
    out: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    start: int | None = None
    end = 0
    pending_blank = False
    for line in lines:
        if line is None:
            continue
        if not line:
            if out:
                pending_blank = True
            continue
        if pending_blank:
            out.append("")
            pos += 1
            pending_blank = False
            if start is not None:
                paragraphs.append((start, end))
                start = None
        elif start is not None and not blank_mode:
            paragraphs.append((start, end))
            start = None
        if out:
            pos += 1  # the newline before this line
        if start is None:
            start = pos
        out.append(line)
        pos += len(line)
        end = pos
    if start is not None:
        paragraphs.append((start, end))
    info.body = "\n".join(out)
    info.paragraphs = paragraphs
