"""The article loader: heuristics on small inline texts, the five bundled seeds, and fuzzing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.article_text import first_sentence, read_dateline
from tui.corpus.loader import load_article_bytes, load_articles, load_corpus_files
from tui.corpus.manifest import load_manifest
from tui.corpus.model import Article
from tui.corpus.sanitize import sanitize

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


def one(text: str, override: dict[str, str] | None = None, article_id: str = "x") -> Article:
    article, problems = load_article_bytes(text.encode("utf-8"), "x.txt", article_id, override)
    assert article is not None, problems
    return article


def paragraphs(article: Article) -> list[str]:
    return [article.body[s:e] for s, e in article.paragraphs]


# --- headline -------------------------------------------------------------------------------


def test_headline_on_the_first_line():
    a = one("Leaders hold talks in Moscow\n\nThe leaders met.\n\nThey talked.\n")
    assert a.title == "Leaders hold talks in Moscow"
    assert a.body == "The leaders met.\n\nThey talked."


@pytest.mark.parametrize("question", ["Is a deal close?", "Deal at last!"])
def test_headline_may_end_with_a_question_or_exclamation_mark(question):
    assert one(f"{question}\n\nBody text.\n").title == question


def test_a_first_line_ending_with_a_period_is_not_a_headline():
    a = one("The leaders met in Moscow on Wednesday. They talked trade.\nA second paragraph.\n")
    assert a.title == "The leaders met in Moscow on Wednesday"
    assert a.body.startswith("The leaders met")


def test_a_long_first_line_is_not_a_headline():
    line = "Relations between the two countries are developing along all vectors " * 4
    a = one(line.strip() + "\nNext line.\n")
    assert a.body.startswith("Relations")
    assert a.title.endswith("…") and len(a.title) <= 91
    assert a.title.startswith("Relations between the two countries")


def test_a_lowercase_first_line_is_not_a_headline():
    assert one("and then they met\n\nMore text.\n").body.startswith("and then they met")


def test_a_single_line_file_is_body_not_headline():
    a = one("Short text without a period")
    assert a.body == "Short text without a period"
    assert a.title == "Short text without a period"


def test_markdown_heading_is_a_headline():
    a = one("# Leaders meet\n\nThe leaders met.\n")
    assert a.title == "Leaders meet"
    assert a.body == "The leaders met."


def test_hard_wrapped_first_paragraph_is_not_a_headline():
    text = "The leaders of the two countries met in Moscow\non Wednesday to discuss trade.\n\nSecond paragraph\nwraps too.\n"
    a = one(text)
    assert a.body.startswith("The leaders of the two countries met in Moscow\non Wednesday")
    assert paragraphs(a)[0] == "The leaders of the two countries met in Moscow\non Wednesday to discuss trade."
    assert a.title == "The leaders of the two countries met in Moscow on Wednesday to discuss trade"


def test_boilerplate_before_the_headline_is_skipped():
    a = one("ISSN 1234-5678\n\nA headline – OpEd\n\n\nBody.\n")
    assert a.title == "A headline – OpEd"
    assert a.body == "Body."


# --- title from the first sentence ----------------------------------------------------------


def test_first_sentence_is_shortened_at_a_word_boundary():
    text = "Iran’s President Ebrahim Raisi and his Russian Counterpart Vladimir Putin met in Turkmenistan’s capital Ashgabat on Wednesday."
    title = first_sentence(text)
    assert title == "Iran’s President Ebrahim Raisi and his Russian Counterpart Vladimir Putin met in…"


def test_first_sentence_skips_initials_and_abbreviations():
    assert first_sentence("Shabbir H. Kazmi met Mr. Smith in the U.S. today. Then more.") == (
        "Shabbir H. Kazmi met Mr. Smith in the U.S. today"
    )


def test_first_sentence_without_a_dateline():
    a = one("TEHRAN — The leaders met. More text follows here.\n")
    assert a.title == "The leaders met"
    assert a.dateline == "TEHRAN"


def test_first_sentence_of_one_huge_word():
    assert first_sentence("x" * 500) == "x" * 90 + "…"


# --- date lines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, iso",
    [
        ("January 19, 2022 - 22:0", "2022-01-19"),
        ("January 17, 2022 - 22:49", "2022-01-17"),
        ("15 September 2022, 05:25 GMT", "2022-09-15"),
        ("2022-06-29", "2022-06-29"),
        ("Wed 29 Jun 2022", "2022-06-29"),
        ("Wed 29 Jun 2022 10.34 BST", "2022-06-29"),
        ("Wednesday, June 29, 2022", "2022-06-29"),
        ("Published: June 29, 2022 10:34 am", "2022-06-29"),
        ("Posted on March 3rd, 2021 at 5:00 pm EST", "2021-03-03"),
        ("2022-06-29T10:00:00+03:00", "2022-06-29"),
    ],
)
def test_date_line_at_the_top(line, iso):
    a = one(f"A headline\n\n{line}\n\nThe text.\n")
    assert str(a.published) == iso
    assert a.body == "The text."
    assert a.title == "A headline"


def test_date_line_at_the_bottom_without_blank_lines():
    a = one("First paragraph here.\nSecond paragraph here.\n15 September 2022, 05:25 GMT\n")
    assert str(a.published) == "2022-09-15"
    assert paragraphs(a) == ["First paragraph here.", "Second paragraph here."]


def test_published_wins_over_updated():
    a = one("Headline\n\nUpdated: 3 January 2023\n\nPublished: 1 January 2023\n\nText.\n")
    assert str(a.published) == "2023-01-01"
    assert a.body == "Text."


def test_only_updated_date():
    assert str(one("Headline\n\nUpdated 3 Jan 2023\n\nText.\n").published) == "2023-01-03"


def test_a_date_inside_prose_is_not_a_date_line():
    a = one("Headline\n\nOn January 19, 2022 the leaders met.\n\nText.\n")
    assert a.published is None
    assert "On January 19, 2022" in a.body


def test_a_date_line_in_the_middle_is_kept():
    body = "\n\n".join(f"Paragraph {n}." for n in range(20))
    a = one(f"Headline\n\n{body}\n\nJanuary 19, 2022\n\n{body}\n")
    assert a.published is None
    assert "January 19, 2022" in a.body


def test_not_a_month():
    assert one("Headline\n\nMayor 5, 2022\n\nText.\n").published is None


# --- dateline -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, place, agency",
    [
        ("TEHRAN — Text", "TEHRAN", None),
        ("MOSCOW (Reuters) - Text", "MOSCOW", "Reuters"),
        ("WASHINGTON, Jan 5 (AP) — Text", "WASHINGTON", "AP"),
        ("NEW YORK – Text", "NEW YORK", None),
        ("ST. PETERSBURG, Russia — Text", "ST. PETERSBURG", None),
    ],
)
def test_dateline(start, place, agency):
    found = read_dateline(start)
    assert found is not None
    assert found[:2] == (place, agency)
    assert start[found[2] :] == "Text"


@pytest.mark.parametrize("start", ["Tehran — text", "The US - and others", "NATO said - x", "A — b"])
def test_not_a_dateline(start):
    assert read_dateline(start) is None


def test_dateline_agency_becomes_the_source():
    a = one("Headline\n\nMOSCOW (Reuters) - The talks went on.\n")
    assert (a.dateline, a.source) == ("MOSCOW", "Reuters")
    assert a.body == "MOSCOW (Reuters) - The talks went on."


def test_exclusive_interview_is_not_a_source():
    a = one("Headline\n\nTEHRAN — In an exclusive interview with Tehran Times, he said so.\n")
    assert a.source is None


# --- boilerplate, byline and bio ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Comment",
        "Leave a Reply",
        "Your email address will not be published.",
        "Your email address will not be published. Required fields are marked *",
        "ISSN 2330-717X",
        "News ID : 904",
        "News ID: 12345",
        "Share this:",
        "Related posts",
        "Contact: [email protected]",
    ],
)
def test_boilerplate_lines_are_removed(line):
    a = one(f"Headline\n\nFirst paragraph.\n\n{line}\n\nLast paragraph.\n")
    assert a.body == "First paragraph.\n\nLast paragraph."


def test_boilerplate_inside_prose_is_kept():
    text = "Headline\n\nHe said we should leave a comment about the ISSN 2330-717X number.\n"
    assert one(text).body == "He said we should leave a comment about the ISSN 2330-717X number."


def test_author_bio_at_the_end():
    text = (
        "Headline\n\nBody text.\n\nMore text.\n\nJane Q. Doe\n\n"
        "Jane Q. Doe is a writer from Ohio. She can be contacted at [email protected]\n\n"
        "Leave a Reply\n\nYour email address will not be published.\n"
    )
    a = one(text)
    assert a.author == "Jane Q. Doe"
    assert a.body == "Body text.\n\nMore text."


def test_bio_needs_the_same_name():
    text = "Headline\n\nBody text.\n\nJane Doe\n\nJohn Roe is a writer.\n"
    a = one(text)
    assert a.author is None
    assert a.body.endswith("Jane Doe\n\nJohn Roe is a writer.")


def test_byline():
    a = one("Headline\n\nBy Jane Doe\n\nText.\n")
    assert a.author == "Jane Doe"
    assert a.body == "Text."


# --- paragraphs -----------------------------------------------------------------------------


def test_paragraphs_by_blank_lines_and_offsets():
    a = one("Headline\n\n  First one.  \n\n\n\nSecond\u00a0one.\u00a0\n")
    assert a.body == "First one.\n\nSecond\u00a0one."
    assert paragraphs(a) == ["First one.", "Second\u00a0one."]


def test_one_paragraph_per_line():
    a = one("Line one.\nLine two.\nLine three.\n")
    assert paragraphs(a) == ["Line one.", "Line two.", "Line three."]


def test_long_lines_with_a_stray_blank_line_are_still_one_paragraph_per_line():
    long = "word " * 60
    a = one(f"{long}one.\n{long}two.\n\n{long}three.\n{long}four.\n")
    assert len(a.paragraphs) == 4


# --- front matter and overrides -------------------------------------------------------------


def test_front_matter_wins_over_heuristics():
    text = (
        "---\ntitle: From front matter\ndate: June 29, 2022\nsource: Wire\nurl: https://e.x/1\n"
        "author: Ann Author\ntags: [a, b, a]\n---\n# From front matter\n\nJanuary 19, 2022\n\n"
        "MOSCOW (Reuters) - Text.\n"
    )
    a = one(text)
    assert (a.title, str(a.published), a.source, a.url, a.author) == (
        "From front matter", "2022-06-29", "Wire", "https://e.x/1", "Ann Author")
    assert a.tags == ["a", "b"]
    assert a.body == "MOSCOW (Reuters) - Text."
    assert a.dateline == "MOSCOW"


@pytest.mark.parametrize(
    "value, iso",
    [("2022", "2022"), ("2022-06", "2022-06"), ("2022-06-29", "2022-06-29"),
     ("2022-06-29 10:30:00", "2022-06-29"), ("2022-06-29T10:30:00Z", "2022-06-29"),
     ('"June 2022"', "2022-06"), ("!!timestamp 2022-06-29", "2022-06-29")],
)
def test_front_matter_date_forms(value, iso):
    assert str(one(f"---\ndate: {value}\n---\nText.\n").published) == iso


def test_front_matter_tags_as_a_string_and_wrong_types():
    article, problems = load_article_bytes(
        b"---\ntags: one, two\ntitle: [not, text]\nurl: {a: b}\n---\nText.\n", "x.md", "x", None
    )
    assert article is not None
    assert article.tags == ["one", "two"]
    assert article.title == "Text"
    assert len(problems) == 2


def test_empty_front_matter_values_are_ignored_quietly():
    article, problems = load_article_bytes(b'---\ntitle: ""\nsource:\n---\nHeadline\n\nText.\n', "x.md", "x", None)
    assert article is not None and article.title == "Headline" and article.source is None
    assert problems == []


def test_front_matter_strings_are_sanitized():
    text = '---\ntitle: "Evil \\e]52;c;Zm9v\\a title\\u009b31m"\nauthor: "A\\nB"\n---\nText.\n'
    a = one(text)
    assert a.title == "Evil title"
    assert a.author == "A B"


def test_unclosed_front_matter_is_read_as_text():
    article, problems = load_article_bytes(b"---\ntitle: x\nText.\n", "x.md", "x", None)
    assert article is not None and "title: x" in article.body
    assert "no closing" in problems[0].message


def test_manifest_override_wins_over_everything():
    text = "---\ntitle: FM title\ndate: 2021\nsource: FM\n---\nText.\n"
    a = one(text, {"title": "Manifest title", "date": "2022-01-19", "source": "Manifest",
                   "author": "M. Author", "note": "kept elsewhere"})
    assert (a.title, str(a.published), a.source, a.author) == (
        "Manifest title", "2022-01-19", "Manifest", "M. Author")


def test_front_matter_only():
    article, problems = load_article_bytes(b"---\ntitle: Just a title\ndate: 2022\n---\n", "x.md", "x", None)
    assert article is not None and article.body == "" and article.paragraphs == []
    assert "no article text" in problems[0].message


# --- the five bundled articles --------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    manifest, articles, problems = load_corpus_files(ARTICLES)
    assert problems == []
    return {a.id[:3]: a for a in articles}


def test_seed_000(seeds):
    a = seeds["000"]
    assert a.title == "Raisi, Putin hold high profile meeting, vow to upgrade trade ties"
    assert str(a.published) == "2022-01-19"
    assert a.dateline == "TEHRAN"
    assert a.source == "Tehran Times"
    assert "Leave a Comment" not in a.body
    assert a.body.startswith("TEHRAN — Iranian President Ebrahim Raisi")
    assert a.body.endswith("“illegitimate and counter-productive.”")
    assert a.path.endswith("articles/000_84e4d89afeb74d54.txt")


def test_seed_001(seeds):
    a = seeds["001"]
    assert a.title == "Iran, Russia: Closer than ever"
    assert str(a.published) == "2022-01-17"
    assert a.dateline == "TEHRAN"
    assert a.source == "Tehran Times"  # from the manifest, not from "exclusive interview with"
    assert "January 17, 2022" not in a.body


def test_seed_002(seeds):
    a = seeds["002"]
    assert str(a.published) == "2022-09-15"
    assert "05:25 GMT" not in a.body
    last = (ARTICLES / "002_7ec48c0b41c08f80.txt").read_text(encoding="utf-8").strip().splitlines()[-2]
    assert a.body.endswith(last.strip())
    assert a.title.startswith("Relations between Russia and Iran are developing")
    assert a.source is None
    assert len(a.paragraphs) == 15


def test_seed_003(seeds):
    a = seeds["003"]
    assert str(a.published) == "2022-06-29"  # the manifest; the text has no date
    assert "News ID" not in a.body
    assert a.body.endswith("economic cooperation in the future.")
    assert a.title.startswith("Iran’s President Ebrahim Raisi")


def test_seed_003_has_no_date_of_its_own():
    article, _ = load_article_bytes(
        (ARTICLES / "003_d48cbdffe83fbcbb.txt").read_bytes(), "003.txt", "003", None
    )
    assert article is not None and article.published is None


def test_seed_004(seeds):
    a = seeds["004"]
    assert a.title == "United States Unhappy With Growing Iran-Russia Ties – OpEd"
    assert a.author == "Shabbir H. Kazmi"
    assert a.source == "Eurasia Review"
    assert str(a.published) == "2022-01-19"
    for gone in ("ISSN", "Leave a Reply", "Your email address", "[email protected]", "Kazmi", "economic analyst"):
        assert gone not in a.body
    assert a.body.startswith("brahim Rezaei")
    assert a.body.endswith("influential at regional and global scenes.”")


def test_seed_paragraph_offsets(seeds):
    for a in seeds.values():
        assert a.paragraphs
        for s, e in a.paragraphs:
            chunk = a.body[s:e]
            assert chunk and chunk == chunk.strip() and "\n\n" not in chunk
        assert a.paragraphs == sorted(a.paragraphs)


def test_load_articles_paths_are_relative_to_the_cwd(monkeypatch):
    monkeypatch.chdir(ARTICLES.parent)
    manifest, _ = load_manifest(Path("articles"))
    articles, problems = load_articles(Path("articles"), manifest)
    assert [a.path for a in articles] == sorted(
        f"articles/{p.name}" for p in ARTICLES.glob("*.txt")
    )
    assert problems == []


def test_loading_twice_is_deterministic():
    first = load_corpus_files(ARTICLES)
    second = load_corpus_files(ARTICLES)
    assert first == second


# --- fuzzing --------------------------------------------------------------------------------


def _strings(article: Article) -> list[str]:
    out = [article.id, article.path, article.title, article.body, *article.tags]
    out += [s for s in (article.source, article.url, article.author, article.dateline) if s]
    out += [p.message for p in article.problems] + [p.path for p in article.problems]
    return out


_PIECES = st.sampled_from(
    [b"---\n", b"title: x\n", b"date: 2022-02-30\n", b"\n\n", b"\r\n", b"\x1b]52;c;", b"\x07",
     b"\x9d", b"\xc2\x9b", b"\x00", b"\xff\xfe", b"January 19, 2022 - 22:0\n", b"TEHRAN \xe2\x80\x94 ",
     b"Leave a Reply\n", b"Jane Doe\n\nJane Doe is a writer.\n", b"\xed\xa0\x80", b"- a\n",
     b"# Head\n", b"[bold]x[/]", b"\xe2\x80\xae", b"x" * 50]
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.lists(_PIECES | st.binary(max_size=8), max_size=30).map(b"".join)))
def test_any_bytes_load_or_fail_cleanly(data):
    article, problems = load_article_bytes(data, "fuzz.txt", "fuzz", None)
    for p in problems:
        assert sanitize(p.message) == p.message
    if article is None:
        assert any(p.fatal for p in problems)
        return
    assert not any(p.fatal for p in problems)
    for s in _strings(article):
        assert sanitize(s) == s
    for start, end in article.paragraphs:
        assert 0 <= start < end <= len(article.body)
