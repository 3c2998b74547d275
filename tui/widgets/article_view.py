"""The article pane: header, key quotes, and the body with quotes and the event's sentence marked.

Every piece of article text becomes a `Content` object built from plain strings, so nothing an
article says is ever read as markup.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.corpus.model import Article, Corpus, Event
from tui.corpus.view import (
    Paragraph,
    clip,
    event_mention,
    key_quotes,
    long_date,
    long_span,
    paragraph_of,
    paragraph_spans,
    paragraphs,
    quote_after,
    quote_label,
    speaker_prominence,
)
from tui.widgets.article_body import ArticleBody
from tui.widgets.pane_layout import predicted_layout


@dataclass(slots=True)
class Showing:
    """What the pane shows: an article, optionally as one source of an event."""

    article: Article
    event: Event | None = None
    source: int = 0  # index into event.article_ids
    sentence: tuple[int, int] | None = None
    quote: int | None = None  # the current quote (n/N), an index into article.quotes


def plain(text: str) -> Content:
    """Untrusted text as content: never parsed as markup."""
    return Content(text)


class ArticleView(VerticalScroll, can_focus=True):
    """Shows one article; steps through an event's sources and the article's quotes."""

    HELP_TITLE = "Article"

    BINDINGS = [
        Binding("n", "next_quote", "Next quote", id="article.next_quote"),
        Binding("N", "previous_quote", "Previous quote", show=False, id="article.previous_quote"),
        Binding("right_square_bracket", "next_source", "Next source", id="article.next_source"),
        Binding("left_square_bracket", "previous_source", "Prev source", show=False, id="article.previous_source"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="article.scroll_down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="article.scroll_up"),
        Binding("g", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]

    COMPONENT_CLASSES = {"article-view--quote", "article-view--current", "article-view--sentence"}

    showing: reactive[Showing | None] = reactive(None, init=False, always_update=True)
    terms: reactive[str] = reactive("", init=False)
    """Words the user searched for: key quotes that contain them are shown first."""

    HEADING = "Article"

    class QuoteChanged(Message):
        """The current quote changed (n/N): the screen may say which one it is (`label`)."""

        def __init__(self, view: ArticleView, index: int | None, total: int, speaker: str | None, label: str) -> None:
            super().__init__()
            self.view = view
            self.index = index
            self.total = total
            self.speaker = speaker
            self.label = label

    def __init__(self, corpus: Corpus | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.corpus = corpus
        self._prominence: Counter[str] = speaker_prominence(corpus) if corpus else Counter()
        self._paragraph_texts: list[str] = []

    # -- the heading (a border title where the layout gives the pane a border) ---------------

    @property
    def quote_label(self) -> str:
        """"quote 2 of 7 · speaker", or how many quotes the article has."""
        s = self.showing
        return quote_label(s.article, s.quote) if s is not None else ""

    def _update_heading(self) -> None:
        label = self.quote_label
        marker = "▶ " if self.is_mounted and self.screen.focused is self else ""
        self.border_title = Content(f"{marker}{self.HEADING}" + (f" · {label}" if label else ""))

    def on_mount(self) -> None:
        self._update_heading()
        self.watch_showing(self.showing)

    def on_focus(self) -> None:
        self._update_heading()

    def on_blur(self) -> None:
        self._update_heading()

    def set_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._prominence = speaker_prominence(corpus)

    # -- what to show --------------------------------------------------------------------

    def show_event(self, event: Event | None, source: int = 0) -> None:
        if event is None or self.corpus is None:
            self.showing = None
            return
        ids = [a for a in event.article_ids if a in self.corpus.articles]
        if not ids:
            self.showing = None
            return
        source = source % len(ids)
        article = self.corpus.articles[ids[source]]
        mention = event_mention(event, article.id)
        sentence = (mention.start, mention.end) if mention and mention.end > mention.start else None
        self.showing = Showing(article, event, source, sentence)

    def show_quote(self, article_id: str, quote_index: int) -> None:
        if self.corpus is None or article_id not in self.corpus.articles:
            return
        self.showing = Showing(self.corpus.articles[article_id], quote=quote_index)

    def show_article(self, article_id: str, mark: tuple[int, int] | None = None) -> None:
        """The article, scrolled to `mark` (body offsets: a search's first match) and marked there."""
        if self.corpus is not None and article_id in self.corpus.articles:
            self.showing = Showing(self.corpus.articles[article_id], sentence=mark)

    @property
    def sources(self) -> list[str]:
        s = self.showing
        if s is None or s.event is None or self.corpus is None:
            return []
        return [a for a in s.event.article_ids if a in self.corpus.articles]

    # -- rendering -----------------------------------------------------------------------
    #
    # The pane's widgets are made once (compose) and updated in place: the header lines, up to
    # KEY_QUOTES key quotes, and the whole body as ONE Static holding every paragraph in one
    # `Content` (quote marks and the event's sentence are styles on it). Moving the cursor
    # changes their content; it mounts nothing, so Textual's layout pass stays small.

    KEY_QUOTES = 3

    def compose(self) -> ComposeResult:
        yield Static(classes="article-title")
        yield Static(classes="article-meta")
        yield Static(classes="article-event")
        yield Static(plain("Key quotes"), classes="article-section", id="key-quotes-heading")
        for _ in range(self.KEY_QUOTES):
            yield Static(classes="key-quote")
            yield Static(classes="key-speaker")
        yield Static(plain("Article"), classes="article-section", id="body-heading")
        self._body = ArticleBody(classes="article-body")
        yield self._body

    @property
    def body(self) -> ArticleBody:
        return self._body

    def prepare(self, event: Event | None) -> None:
        """Measure the article `show_event(event)` would show, at the pane's width, ahead of
        showing it: the worker that reads the article calls this, so the UI thread does not
        wrap the whole body when it shows it. Only reads; safe from a thread."""
        body = getattr(self, "_body", None)
        if event is None or self.corpus is None or body is None or not self.display:
            return
        article = next((self.corpus.articles[a] for a in event.article_ids if a in self.corpus.articles), None)
        if article is not None:
            text = article.body
            body.measure(article.id, [text[a:b] for a, b in paragraph_spans(article)], self.scrollable_content_region.width)

    def watch_showing(self, showing: Showing | None) -> None:
        self._update_heading()
        if not self.is_mounted:
            return
        children = list(self.query_children(Static))
        if len(children) < 6 + 2 * self.KEY_QUOTES:
            return  # being taken down (a worker's late callback at exit): nothing to show in
        title, meta, event_line, keys_heading = children[:4]
        pairs = [(children[4 + 2 * i], children[5 + 2 * i]) for i in range(self.KEY_QUOTES)]
        body_heading, body = children[-2:]
        if showing is None:
            for widget in children:
                widget.display = False
            self.scroll_home(animate=False, immediate=True)
            return
        art = showing.article
        title.update(plain(art.title))
        meta.update(
            plain(
                " · ".join(
                    part
                    for part in (art.source or "Unknown source", long_date(art.published), art.author and f"by {art.author}")
                    if part
                )
            )
        )
        title.display = meta.display = True
        if showing.event is not None:
            line = f"Event: {long_span(showing.event.span)}"
            if len(self.sources) > 1:
                line += f" · source {showing.source + 1} of {len(self.sources)} ([ ] to switch)"
            event_line.update(plain(line))
        event_line.display = showing.event is not None
        keys = key_quotes(art, self._prominence, limit=self.KEY_QUOTES, terms=self.terms)
        keys_heading.display = bool(keys)
        for i, (quote_widget, speaker_widget) in enumerate(pairs):
            if i < len(keys):
                quote_widget.update(plain(f"“{clip(keys[i].text, 220)}”"))
                speaker_widget.update(plain(f"— {keys[i].speaker or 'unattributed'}"))
            quote_widget.display = speaker_widget.display = i < len(keys)
        body_heading.display = body.display = True
        paras = paragraphs(art, showing.sentence, showing.quote)
        assert isinstance(body, ArticleBody)
        body.show(*self._body_content(paras), key=art.id)
        self._paragraph_texts = [para.text for para in paras]
        # Scroll before the layout (to where the layout will put the mark), so the first frame
        # of the article is the right one; after it, `_scroll_to_mark` only checks.
        self._scroll_to_mark(predict=True)
        self.call_after_refresh(self._scroll_to_mark)

    def _body_content(self, paras: list[Paragraph]) -> tuple[Content, list[tuple[int, int]]]:
        """Every paragraph in one Content, a blank line between them; marks as styles. Also
        where each paragraph is in it."""
        styles = {
            kind: self.get_visual_style(f"article-view--{kind}", partial=True)
            for kind in ("sentence", "quote", "current")
        }
        order = {"sentence": 0, "quote": 1, "current": 2}
        text_parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        where: list[tuple[int, int]] = []
        pos = 0
        for i, para in enumerate(paras):
            if i:
                text_parts.append("\n\n")
                pos += 2
            text_parts.append(para.text)
            where.append((pos, pos + len(para.text)))
            for start, end, kind in sorted(para.marks, key=lambda m: order[m[2]]):
                spans.append((pos + start, pos + end, kind))
            pos += len(para.text)
        text = "".join(text_parts)
        content = plain(text)
        for start, end, kind in spans:
            content = content.stylize(styles[kind], start, end)
        if len(content.plain) != len(text):  # Content dropped characters: draw it whole
            where = []
        return content, where

    def paragraph_line(self, index: int) -> int:
        """The first line of paragraph `index`, in the pane's scroll coordinates."""
        body = self.body
        texts = getattr(self, "_paragraph_texts", [])
        index = max(min(index, len(texts) - 1), 0)
        width = body.size.width or max(self.scrollable_content_region.width, 1)
        return body.virtual_region.y + body.paragraph_start(index, width)

    def mark_line(self) -> int | None:
        """The line of the current quote (n/N) or of the event's sentence, if any."""
        s = self.showing
        if s is None:
            return None
        if s.quote is not None and s.quote < len(s.article.quotes):
            offset = s.article.quotes[s.quote].start
        elif s.sentence is not None:
            offset = s.sentence[0]
        else:
            return None
        return self.paragraph_line(paragraph_of(s.article, offset))

    def _mark_paragraph(self) -> int | None:
        """The paragraph to centre (the current quote's, else the sentence's); None: the top."""
        s = self.showing
        if s is None or not self._paragraph_texts:
            return None
        if s.quote is not None and s.quote < len(s.article.quotes):
            offset = s.article.quotes[s.quote].start
        elif s.sentence is not None:
            offset = s.sentence[0]
        else:
            return None
        index = paragraph_of(s.article, offset)
        if index == 0 and s.quote is None:
            return None
        return min(index, len(self._paragraph_texts) - 1)

    def _scroll_to_mark(self, predict: bool = False) -> None:
        """Centre the marked paragraph (or go to the top). With `predict`, before the layout:
        where the layout will put the body is measured here (`pane_layout.predicted_layout`) and the sizes
        it will find are set, so the article takes one layout and its first frame is the right
        one; when that cannot be measured (the scrollbar would appear or go), nothing is done
        and the call after the refresh scrolls.

        A scroll made after a layout is folded into a layout of its own (`refresh(layout=True)`):
        a plain scroll just after a layout makes Textual repaint the whole screen."""
        if self.showing is None or not self._paragraph_texts:
            return
        index = self._mark_paragraph()
        body = self.body
        if predict:
            width = self.scrollable_content_region.width
            predicted = predicted_layout(self, body, width)
            if predicted is None:
                return
            body_top, total, sizes = predicted
            # What the layout will find: set now, a changed size makes Textual lay out again.
            for child, size in sizes:
                child.virtual_size = size
            self.virtual_size = Size(width, total)
            if index is not None:
                top = body_top + body.paragraph_start(index, width)
        elif index is not None:
            width = body.size.width or max(self.scrollable_content_region.width, 1)
            top = self.paragraph_line(index)
        if index is None:
            if self.scroll_offset.y:
                self.scroll_home(animate=False, immediate=True)
                if not predict:
                    self.refresh(layout=True)
            return
        height = Content(self._paragraph_texts[index]).get_height(body.styles, width)
        delta = self.scroll_to_region(
            Region(0, top, 1, max(height, 1)), animate=False, center=True, force=True, immediate=True
        )
        if delta and not predict:
            self.refresh(layout=True)

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_source", "previous_source"):
            return len(self.sources) > 1
        if action in ("next_quote", "previous_quote"):
            return self.showing is not None and bool(self.showing.article.quotes) or None
        return True

    def _step_quote(self, step: int) -> None:
        s = self.showing
        if s is None or not s.article.quotes:
            return
        if s.quote is not None:
            offset = s.article.quotes[s.quote].start
        elif s.sentence is not None:
            offset = s.sentence[0] - (1 if step > 0 else 0)
        else:
            offset = -1 if step > 0 else len(s.article.body) + 1
        index = quote_after(s.article, offset, step)
        if index is None:
            self.app.bell()
            return
        s.quote = index
        self.showing = s
        q = s.article.quotes[index]
        order = sorted(range(len(s.article.quotes)), key=lambda i: s.article.quotes[i].start)
        self.post_message(self.QuoteChanged(self, order.index(index), len(order), q.speaker, self.quote_label))

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_source(self, step: int) -> None:
        s = self.showing
        if s is not None and s.event is not None and len(self.sources) > 1:
            self.show_event(s.event, s.source + step)

    def action_next_source(self) -> None:
        self._step_source(1)

    def action_previous_source(self) -> None:
        self._step_source(-1)
