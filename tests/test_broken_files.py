"""The loader on broken corpora: each case builds two good articles and one bad file in tmp_path.

For every case: the good articles load, the bad file yields a Problem naming its path with a
clear reason (or loads, when it is readable), and nothing is written into the folder.
"""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest

from tui.corpus import loader as loader_module
from tui.corpus.loader import load_articles, load_corpus_files
from tui.corpus.model import Article, Manifest, Problem

GOOD = {
    "good_one.txt": "Leaders meet in Moscow\n\nJanuary 19, 2022 - 22:0\n\nMOSCOW — The leaders met on Wednesday.\n",
    "good_two.md": "---\ntitle: Second good article\ndate: 2022-06-29\n---\nThe summit was held in Ashgabat.\n",
}


def make_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under root (symlinks not followed) with its mtime and size."""
    seen: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder, name)
            st = os.lstat(path)
            seen[path.relative_to(root).as_posix()] = (st.st_mtime_ns, st.st_size)
    return seen


def load(root: Path, manifest: Manifest | None = None) -> tuple[dict[str, Article], list[Problem]]:
    before = snapshot(root)
    articles, problems = load_articles(root, manifest or Manifest())
    assert snapshot(root) == before, "the loader wrote into the articles folder"
    return {a.id: a for a in articles}, problems


def check_good(articles: dict[str, Article]) -> None:
    assert articles["good_one"].title == "Leaders meet in Moscow"
    assert str(articles["good_one"].published) == "2022-01-19"
    assert articles["good_one"].dateline == "MOSCOW"
    assert articles["good_two"].title == "Second good article"
    assert str(articles["good_two"].published) == "2022-06-29"


def problems_for(problems: list[Problem], name: str) -> list[Problem]:
    return [p for p in problems if p.path.endswith(name)]


def assert_fatal(root: Path, name: str, data: bytes, reason: str) -> Problem:
    (root / name).write_bytes(data)
    articles, problems = load(root)
    check_good(articles)
    assert Path(name).stem not in articles
    mine = problems_for(problems, name)
    assert len(mine) == 1, problems
    assert mine[0].fatal
    assert reason in mine[0].message
    return mine[0]


def assert_loads(root: Path, name: str, data: bytes) -> tuple[Article, list[Problem]]:
    (root / name).write_bytes(data)
    articles, problems = load(root)
    check_good(articles)
    assert len(articles) == 3
    article = articles[Path(name).stem]
    mine = problems_for(problems, name)
    assert all(not p.fatal for p in mine)
    assert article.problems == mine
    return article, mine


# --- files that cannot be read --------------------------------------------------------------


def test_empty_file(tmp_path):
    assert_fatal(make_corpus(tmp_path), "bad.txt", b"", "empty file")


def test_whitespace_only(tmp_path):
    assert_fatal(make_corpus(tmp_path), "bad.txt", b"  \n\t\r\n \xc2\xa0 \n\n", "empty file")


def test_png_bytes(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
    assert_fatal(make_corpus(tmp_path), "bad.txt", data, "binary file (PNG image)")


def test_gzip_bytes(tmp_path):
    data = gzip.compress(b"Headline\n\nSome text that was compressed.\n" * 10)
    assert_fatal(make_corpus(tmp_path), "bad.md", data, "binary file (gzip archive)")


def test_nul_bytes(tmp_path):
    data = b"Headline\n\nText\x00\x00\x00 with \x00 NULs\x01\x02\x00 here.\n" * 4
    assert_fatal(make_corpus(tmp_path), "bad.txt", data, "binary file")


def test_stray_nul_byte_in_utf8_text(tmp_path):
    data = "Headline\n\nA NUL\x00 byte sat in the middle of this “sentence”.\n".encode()
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", data)
    assert article.body == "A NUL byte sat in the middle of this “sentence”."
    assert [p.message for p in notes] == ["NUL bytes removed"]


def test_control_bytes(tmp_path):
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"some text"
    assert_fatal(make_corpus(tmp_path), "bad.txt", data, "binary file (control bytes)")


def test_invalid_yaml_front_matter(tmp_path):
    data = b"---\ntitle: fine\ndate: [2022, unclosed\nsource: x\n---\nBody text.\n"
    problem = assert_fatal(make_corpus(tmp_path), "bad.md", data, "invalid YAML front matter at line")
    assert problem.line is not None and 3 <= problem.line <= 6


def test_front_matter_is_a_list(tmp_path):
    data = b"---\n- title\n- date\n---\nBody text.\n"
    assert_fatal(make_corpus(tmp_path), "bad.md", data, "front matter is a list")


def test_only_boilerplate(tmp_path):
    data = b"Leave a Reply\n\nYour email address will not be published.\n"
    assert_fatal(make_corpus(tmp_path), "bad.txt", data, "no article text")


def test_unreadable_file_chmod(tmp_path):
    root = make_corpus(tmp_path)
    bad = root / "bad.txt"
    bad.write_text("Headline\n\nText.\n")
    bad.chmod(0)
    try:
        try:
            bad.read_bytes()
        except PermissionError:
            pass
        else:
            pytest.skip("running as a user who can read a chmod 000 file (root)")
        articles, problems = load(root)
        check_good(articles)
        (problem,) = problems_for(problems, "bad.txt")
        assert problem.fatal and "permission denied" in problem.message
    finally:
        bad.chmod(0o644)


def test_unreadable_file_permission_error(tmp_path, monkeypatch):
    root = make_corpus(tmp_path)
    (root / "bad.txt").write_text("Headline\n\nText.\n")
    real_open = open

    def fake_open(file, *args, **kwargs):
        if str(file).endswith("bad.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(loader_module, "open", fake_open, raising=False)
    articles, problems = load(root)
    check_good(articles)
    (problem,) = problems_for(problems, "bad.txt")
    assert problem.fatal and problem.message == "permission denied"


def test_other_os_error(tmp_path, monkeypatch):
    root = make_corpus(tmp_path)
    (root / "bad.txt").write_text("Headline\n\nText.\n")
    real_open = open

    def fake_open(file, *args, **kwargs):
        if str(file).endswith("bad.txt"):
            raise OSError(5, "Input/output error", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(loader_module, "open", fake_open, raising=False)
    articles, problems = load(root)
    check_good(articles)
    (problem,) = problems_for(problems, "bad.txt")
    assert problem.fatal and "Input/output error" in problem.message


def test_fifo_is_not_opened(tmp_path):
    root = make_corpus(tmp_path)
    os.mkfifo(root / "bad.txt")  # opening it would block forever
    articles, problems = load(root)
    check_good(articles)
    (problem,) = problems_for(problems, "bad.txt")
    assert problem.fatal and "not a regular file" in problem.message


# --- files that load, with a note -----------------------------------------------------------


def test_utf16_without_bom(tmp_path):
    text = "Headline in UTF-16\n\nTEHRAN — Text with “quotes” and é.\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", text.encode("utf-16-le"))
    assert article.title == "Headline in UTF-16"
    assert article.body == "TEHRAN — Text with “quotes” and é."
    assert any("no byte order mark" in p.message for p in notes)


def test_utf16_be_without_bom(tmp_path):
    text = "Headline in UTF-16\n\nText with é.\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", text.encode("utf-16-be"))
    assert article.body == "Text with é."
    assert any("UTF-16-BE" in p.message for p in notes)


def test_utf16_with_bom_and_lone_surrogate(tmp_path):
    data = (
        b"\xff\xfe"
        + "Headline\n\nBroken ".encode("utf-16-le")
        + b"\x00\xd8"  # a high surrogate with no low one after it
        + " surrogate.\n".encode("utf-16-le")
    )
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", data)
    assert article.body == "Broken \ufffd surrogate."
    assert any("invalid UTF-16" in p.message for p in notes)


def test_cp1252(tmp_path):
    text = "Caf\u00e9 talks \u2013 \u201cquoted\u201d\n\nThe minister said \u201cno\u201d \u2026 for \u20ac5.\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", text.encode("cp1252"))
    assert article.title == "Caf\u00e9 talks \u2013 \u201cquoted\u201d"
    assert article.body == "The minister said \u201cno\u201d \u2026 for \u20ac5."
    assert [p.message for p in notes] == ["not UTF-8; read as cp1252"]


def test_latin1_with_bytes_cp1252_leaves_undefined(tmp_path):
    # 0x81 and 0x9D are undefined in cp1252: read as latin-1 C1 controls, then dropped.
    data = "A\u00f1os de caf\u00e9\n\nEl ni\u00f1o".encode("latin-1") + b"\x81 y \x9d" + b" m\xe1s texto.\nOtra l\xednea.\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", data)
    assert article.title == "A\u00f1os de caf\u00e9"
    assert article.body.startswith("El ni\u00f1o y")
    assert "Otra l\u00ednea." in article.body
    assert [p.message for p in notes] == ["not UTF-8; read as cp1252"]


def test_mixed_line_endings(tmp_path):
    data = b"Headline\r\n\r\nFirst paragraph.\r\rSecond paragraph.\n\nThird paragraph.\r\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", data)
    assert article.title == "Headline"
    assert "\r" not in article.body
    assert [article.body[s:e] for s, e in article.paragraphs] == [
        "First paragraph.",
        "Second paragraph.",
        "Third paragraph.",
    ]
    assert notes == []


def test_fifty_megabyte_article(tmp_path):
    paragraph = (
        "Iranian President Ebrahim Raisi and Russian President Vladimir Putin held a meeting "
        "in the Kremlin on Wednesday, and \u201ctrade\u201d was discussed at length. " * 3
    )
    block = (paragraph + "\n\n").encode("utf-8")
    data = b"A very long article\n\nJanuary 19, 2022 - 22:0\n\n" + block * (50_000_000 // len(block))
    assert len(data) > 49_000_000
    start = time.perf_counter()
    article, notes = assert_loads(make_corpus(tmp_path), "huge.txt", data)
    elapsed = time.perf_counter() - start
    assert elapsed < 8, f"50 MB article took {elapsed:.1f}s"
    assert article.title == "A very long article"
    assert str(article.published) == "2022-01-19"
    assert len(article.paragraphs) == 50_000_000 // len(block)
    assert any("very large file" in p.message for p in notes)


def test_single_five_megabyte_line(tmp_path):
    data = ("word " * 1_000_000 + "and an end.").encode("utf-8")
    start = time.perf_counter()
    article, _ = assert_loads(make_corpus(tmp_path), "line.txt", data)
    elapsed = time.perf_counter() - start
    assert elapsed < 4, f"a 5 MB line took {elapsed:.1f}s"
    assert len(article.body) == len(data)
    assert article.title.endswith("\u2026") and len(article.title) <= 91
    assert article.paragraphs == [(0, len(data))]


@pytest.mark.parametrize("value", ["2022-02-30", "0000", "9999-99"])
def test_bad_front_matter_dates(tmp_path, value):
    data = f"---\ntitle: Bad date\ndate: {value}\n---\nThe text.\n".encode()
    article, notes = assert_loads(make_corpus(tmp_path), "bad.md", data)
    assert article.published is None
    assert article.title == "Bad date"
    (note,) = notes
    assert "date" in note.message and value in note.message


def test_bad_front_matter_date_falls_back_to_the_date_line(tmp_path):
    data = b"---\ndate: 2022-02-30\n---\nHeadline\n\nJanuary 17, 2022 - 22:49\n\nText.\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.md", data)
    assert str(article.published) == "2022-01-17"
    assert len(notes) == 1


@pytest.mark.parametrize("year", ["1066", "2999"])
def test_dates_far_outside_the_corpus(tmp_path, year):
    data = f"Headline\n\nOctober 14, {year}\n\nThe battle.\n".encode()
    article, _ = assert_loads(make_corpus(tmp_path), "far.txt", data)
    assert str(article.published) == f"{year}-10-14"


@pytest.mark.parametrize("year", ["1066", "2999"])
def test_front_matter_dates_far_outside_the_corpus(tmp_path, year):
    data = f"---\ndate: {year}-10-14\n---\nThe battle.\n".encode()
    article, notes = assert_loads(make_corpus(tmp_path), "far.md", data)
    assert str(article.published) == f"{year}-10-14"
    assert notes == []


def test_impossible_date_line_is_kept_as_text(tmp_path):
    data = b"Headline\n\nFebruary 30, 2022\n\nText.\n"
    article, notes = assert_loads(make_corpus(tmp_path), "bad.txt", data)
    assert article.published is None
    assert "February 30, 2022" in article.body
    (note,) = notes
    assert note.line == 3 and "not a valid date" in note.message


# --- the folder itself ----------------------------------------------------------------------


def test_broken_symlink(tmp_path):
    root = make_corpus(tmp_path)
    (root / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    articles, problems = load(root)
    check_good(articles)
    assert len(articles) == 2
    (problem,) = problems_for(problems, "gone.txt")
    assert "broken symlink" in problem.message


def test_symlink_loop(tmp_path):
    root = make_corpus(tmp_path)
    sub = root / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text("Inner headline\n\nInner text.\n")
    (sub / "loop").symlink_to(root, target_is_directory=True)  # a folder link to an ancestor
    (sub / "self").symlink_to(sub, target_is_directory=True)
    start = time.perf_counter()
    articles, problems = load(root)
    assert time.perf_counter() - start < 2
    check_good(articles)
    assert sorted(articles) == ["good_one", "good_two", "inner"]
    loops = [p for p in problems if "symlink loop" in p.message]
    assert {Path(p.path).name for p in loops} == {"loop", "self"}


def test_symlinked_folder_outside_is_followed_once(tmp_path):
    root = make_corpus(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.txt").write_text("Far headline\n\nFar text.\n")
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "link2").symlink_to(outside, target_is_directory=True)
    articles, problems = load(root)
    assert sorted(articles) == ["far", "good_one", "good_two"]
    assert [Path(p.path).name for p in problems] == ["link2"]


def test_same_id_in_two_folders(tmp_path):
    root = make_corpus(tmp_path)
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "a" / "same.txt").write_text("First same\n\nText one.\n")
    (root / "b" / "same.md").write_text("Second same\n\nText two.\n")
    articles, problems = load(root)
    check_good(articles)
    assert articles["same"].title == "First same"
    assert articles["b/same"].title == "Second same"
    (problem,) = problems_for(problems, "b/same.md")
    assert not problem.fatal and "'same'" in problem.message and "b/same" in problem.message


def test_same_stem_in_one_folder(tmp_path):
    root = make_corpus(tmp_path)
    (root / "x.md").write_text("From md\n\nText.\n")
    (root / "x.txt").write_text("From txt\n\nText.\n")
    articles, problems = load(root)
    assert articles["x"].title == "From md"
    assert articles["x.txt"].title == "From txt"
    assert len(problems_for(problems, "x.txt")) == 1


def test_hidden_files_and_other_suffixes_are_ignored(tmp_path):
    root = make_corpus(tmp_path)
    (root / ".hidden.txt").write_text("Hidden\n\nText.\n")
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("Hidden\n\nText.\n")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "notes.csv").write_text("a,b\n")
    articles, problems = load(root)
    assert sorted(articles) == ["good_one", "good_two"]
    assert problems == []


def test_manifest_names_a_missing_article(tmp_path):
    root = make_corpus(tmp_path)
    (root / "timeline.toml").write_text(
        '[articles.good_one]\nsource = "Tehran Times"\n[articles.missing_one]\nsource = "Nobody"\n'
    )
    before = snapshot(root)
    manifest, articles, problems = load_corpus_files(root)
    assert snapshot(root) == before
    by_id = {a.id: a for a in articles}
    check_good(by_id)
    assert by_id["good_one"].source == "Tehran Times"
    (problem,) = problems
    assert problem.path.endswith("timeline.toml")
    assert "missing_one" in problem.message and not problem.fatal


def test_manifest_not_valid_toml(tmp_path):
    root = make_corpus(tmp_path)
    (root / "timeline.toml").write_text('title = "Corpus"\n[articles.good_one\nsource = 1\n')
    before = snapshot(root)
    manifest, articles, problems = load_corpus_files(root)
    assert snapshot(root) == before
    check_good({a.id: a for a in articles})
    assert manifest.title is None and manifest.overrides == {}
    (problem,) = problems
    assert problem.path.endswith("timeline.toml")
    assert problem.fatal and "invalid TOML" in problem.message and problem.line == 2


def test_missing_folder(tmp_path):
    articles, problems = load_articles(tmp_path / "nope", Manifest())
    assert articles == []
    (problem,) = problems
    assert problem.fatal and "no such folder" in problem.message
