"""The article body draws a paragraph at a time: every line must be what the one-Content Static
it replaces draws (same wrapping, marks, blank lines), at any width, and the paragraph starts
must be where the whole text's wrapping puts them."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.visual import Visual

from tests.ui_support import fixture_corpus, make_app, ready, settle
from tui.corpus.view import Paragraph
from tui.widgets.article_body import ArticleBody
from tui.widgets.article_view import ArticleView
from tui.widgets.pane_layout import predicted_layout

LONG = "word " * 60 + "a-very-long-unbreakable-token-" * 6 + " tail"


def whole(body: ArticleBody) -> list:
    """The lines as the Static (one Content for the whole body) draws them."""
    width, height = body.size
    return Visual.to_strips(body, body.render(), width, height, body.visual_style)


async def check_article(pilot, view: ArticleView) -> None:
    await settle(pilot)
    body = view.body
    expected = whole(body)
    assert body.size.height == len(expected)
    body.render_lines(Region(0, 0, body.size.width, body.size.height))  # what a frame does first
    got = [body.render_line(y) for y in range(body.size.height)]
    assert got == expected
    texts = view._paragraph_texts
    for index in range(len(texts)):
        above = Content("\n\n".join(texts[:index])).get_height(body.styles, body.size.width) + 1 if index else 0
        assert body.paragraph_start(index) == above


async def test_body_lines_are_the_static_lines_at_several_widths():
    app = make_app()
    corpus = fixture_corpus()
    articles = list(corpus.articles.values())
    for size in ((160, 48), (118, 40), (100, 30)):
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            view = app.screen.query_one(ArticleView)
            for event in app.screen.event_list.events[:12]:
                view.show_event(event)
                await check_article(pilot, view)
            for article in articles[:6]:
                if article.quotes:
                    view.show_quote(article.id, len(article.quotes) - 1)
                    await check_article(pilot, view)
            await pilot.resize_terminal(size[0] + 13, size[1])  # same article, new width
            await check_article(pilot, view)
        app = make_app()


async def test_long_words_and_focus_styles():
    """A word longer than the line (folded), and the focused pane's tinted background."""
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        body = view.body
        paras = [
            Paragraph(0, LONG, ((5, 40, "sentence"),)),
            Paragraph(0, "short\nand a second line", ((0, 5, "quote"), (2, 4, "current"))),
            Paragraph(0, LONG[::-1], ()),
        ]
        body.show(*view._body_content(paras))
        await settle(pilot)
        expected = whole(body)
        assert len(expected) == body.size.height > 10
        body.render_lines(Region(0, 0, body.size.width, body.size.height))
        assert [body.render_line(y) for y in range(body.size.height)] == expected
        assert body.paragraph_start(2) == len(expected) - Content(LONG[::-1]).get_height(body.styles, body.size.width)
        view.focus()
        await settle(pilot)
        expected = whole(body)
        body.render_lines(Region(0, 0, body.size.width, body.size.height))
        assert [body.render_line(y) for y in range(body.size.height)] == expected


async def test_the_scroll_made_before_the_layout_is_the_one_after_it():
    """The pane scrolls to the marked paragraph before Textual lays the new article out, from
    its own measure of where the body will be: that measure must be what the layout does, and
    the scroll the one made after the layout (which then has nothing left to do)."""
    app = make_app()
    async with app.run_test(size=(118, 30)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        checked = 0
        for event in app.screen.event_list.events:
            view.show_event(event)
            width = view.scrollable_content_region.width
            predicted = predicted_layout(view, view.body, width)
            before = view.scroll_offset
            await settle(pilot)
            if predicted is None:
                continue
            body_top, total, sizes = predicted
            assert body_top == view.body.virtual_region.y
            assert total == view.virtual_size.height
            assert [size for _child, size in sizes] == [child.region.size for child in view.children if child.display]
            assert view.scroll_offset == before  # the check after the layout moved nothing
            view._scroll_to_mark()
            assert view.scroll_offset == before
            checked += 1
        assert checked >= 5


async def test_heights_measured_ahead_are_the_ones_measured_in_place():
    """`prepare` (the worker's measure) and the cache of heights give the paragraph starts the
    body measures itself, at the pane's width and after a resize."""
    from tui.widgets import article_body

    app = make_app()
    async with app.run_test(size=(130, 36)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(ArticleView)
        used = 0
        for event in app.screen.event_list.events[:10]:
            article_body.HEIGHTS = article_body._Heights()
            width = view.scrollable_content_region.width
            view.prepare(event)
            assert len(article_body.HEIGHTS._items) == 1
            view.show_event(event)
            await check_article(pilot, view)
            if view.body.size.width == width:  # (not when the scrollbar came or went)
                assert len(article_body.HEIGHTS._items) == 1  # the body used what was measured
                used += 1
        assert used >= 3
        await pilot.resize_terminal(111, 36)  # measured in place at the new width, then kept
        await check_article(pilot, view)
        await pilot.resize_terminal(130, 36)  # from the cache
        await check_article(pilot, view)
