import json

from tests.corpus_factory import article, corpus
from tui.corpus.export import to_dict, to_json, to_markdown
from tui.corpus.model import Problem


def sample():
    c = corpus(
        article("a", "Trade [red]talks[/]", "Ann Smith spoke. “We will grow trade,” Smith said. It was in 2021.",
                published="2022-01-19", people=["Ann Smith"], source="Daily",
                dates=[("2021", "2021", "year")], quotes=[("We will grow trade,", "Ann Smith")]),
        article("u", "Undated", "Nothing."),
    )
    c.problems.append(Problem("articles/bad.txt", "empty file", fatal=True))
    return c


def test_json_follows_schema_1_exactly():
    data = json.loads(to_json(sample()))
    assert set(data) == {"schema", "articles", "events", "problems"}
    assert data["schema"] == 1
    art = data["articles"][0]
    assert set(art) == {"id", "path", "title", "source", "url", "author", "published", "quotes"}
    assert art["published"] == "2022-01-19"
    assert set(art["quotes"][0]) == {"text", "speaker", "start", "end", "fragment"}
    ev = data["events"][0]
    assert set(ev) == {"id", "date", "end", "precision", "title", "sources", "people", "topics"}
    assert set(ev["sources"][0]) == {"article", "sentence", "start", "end"}
    assert data["problems"] == [{"path": "articles/bad.txt", "message": "empty file"}]


def test_offsets_point_into_the_body():
    c = sample()
    data = to_dict(c)
    for art in data["articles"]:
        body = c.articles[art["id"]].body
        for q in art["quotes"]:
            assert body[q["start"]:q["end"]] == q["text"]
    for ev in data["events"]:
        for src in ev["sources"]:
            assert c.articles[src["article"]].body[src["start"]:src["end"]] == src["sentence"]


def test_undated_events_export_with_null_date():
    data = to_dict(sample())
    undated = [e for e in data["events"] if e["date"] is None]
    assert undated and undated[0]["precision"] is None


def test_markdown_escapes_markup_and_lists_everything():
    md = to_markdown(sample())
    assert "## 2021" in md and "## Undated" in md and "## Problems" in md
    assert r"Trade \[red\]talks\[/\]" in md
    assert "“We will grow trade,” — Ann Smith" in md
