"""The command line: check, export, and clear messages for bad folders."""

import json
import subprocess
import sys
from pathlib import Path

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=ROOT)


def test_missing_folder_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "no such folder" in err and "Traceback" not in err


def test_empty_folder_says_there_are_no_articles(tmp_path, capsys):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert main(["check", str(tmp_path)]) == 2
    assert "no articles here" in capsys.readouterr().err


def test_check_lists_problems_and_fails_on_unreadable_files(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A headline\n\nJanuary 3, 2022\n\nSomething happened on Monday.\n")
    (tmp_path / "empty.txt").write_text("")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "empty.txt" in out and "1 articles loaded" in out


def test_check_on_the_bundled_corpus_passes():
    out = run("check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "5 articles loaded" in out.stdout


def test_export_json_has_every_event_whatever_the_default_range():
    out = run("export", "--format", "json", str(ARTICLES))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == 1 and len(data["articles"]) == 5
    years = {e["date"][:4] for e in data["events"] if e["date"]}
    assert {"2015", "2022"} <= years  # background outside the 2021–2022 default range stays


def test_export_markdown():
    out = run("export", "--format", "markdown")
    assert out.returncode == 0 and out.stdout.startswith("# Iran–Russia relations")


def test_unreadable_files_are_reported_again_on_a_warm_start(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A headline\n\nJanuary 3, 2022\n\nSomething happened on Monday.\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    first = main(["check", str(tmp_path)]), capsys.readouterr().out
    second = main(["check", str(tmp_path)]), capsys.readouterr().out
    assert first == second
    assert first[0] == 1 and "image.txt: binary file" in first[1]
