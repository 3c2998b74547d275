"""The optional corpus manifest, `timeline.toml`: title, default range, overrides, people, topics.

```toml
title = "Iran–Russia relations, 2021–2022"
description = "..."
[default_range]
from = "2021"          # first day of that partial date
to = "2022"            # last day of that partial date
[articles.000_84e4d89afeb74d54]
source = "Tehran Times"
date = "2022-01-19"    # also title, url, author; other keys (note, ...) are kept as text
[[people]]
name = "Ebrahim Raisi"
aliases = ["Raisi"]
roles = ["Iranian President"]
[topics]
"SCO and regional bodies" = ["Samarkand"]
```

Never raises: invalid TOML, wrong types and bad dates become `Problem`s on the manifest path and
the rest of the manifest is still used. Every string is sanitized. Overrides that name an
article that does not exist are reported by the loader, which knows the ids.
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .date_lines import parse_date_value
from .model import Manifest, PersonSpec, Problem
from .sanitize import sanitize, sanitize_line

MANIFEST_NAME = "timeline.toml"
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
OVERRIDE_TEXT_KEYS = ("title", "source", "url", "author")


def display_path(path: Path) -> str:
    """`path` relative to the current directory when it lies inside it, else as given (posix)."""
    try:
        absolute = Path(os.path.abspath(path))
        shown = absolute.relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        shown = path.as_posix()
    return sanitize_line(shown)


def _kind(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def _as_text(value: Any) -> str | None:
    """A scalar as text (TOML dates become ISO strings), or None for lists/tables/bools."""
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, (str, int, float, date)):
        return str(value)
    return None


def _text_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return [t for t in (sanitize_line(v) for v in value) if t]


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, message: str, line: int | None = None, fatal: bool = False) -> None:
        self.problems.append(Problem(self.path, sanitize_line(message), line, fatal))

    def range_bound(self, table: dict[str, Any], key: str) -> date | None:
        if key not in table:
            return None
        try:
            when = parse_date_value(table[key])
        except ValueError as err:
            self.problem(f"default_range.{key} is not a date ({err}); ignored")
            return None
        return when.first_day if key == "from" else when.last_day

    def default_range(self, value: Any) -> tuple[date | None, date | None] | None:
        if not isinstance(value, dict):
            self.problem(f"default_range must be a table with 'from' and 'to', not {_kind(value)}")
            return None
        lo, hi = self.range_bound(value, "from"), self.range_bound(value, "to")
        if lo and hi and lo > hi:
            self.problem(f"default_range 'from' ({lo}) is after 'to' ({hi}); ignored")
            return None
        return None if lo is None and hi is None else (lo, hi)

    def overrides(self, value: Any) -> dict[str, dict[str, str]]:
        if not isinstance(value, dict):
            self.problem(f"'articles' must be a table of article ids, not {_kind(value)}")
            return {}
        result: dict[str, dict[str, str]] = {}
        for article_id, fields in value.items():
            shown = sanitize_line(article_id)
            if not isinstance(fields, dict):
                self.problem(f"articles.{shown} must be a table, not {_kind(fields)}")
                continue
            clean: dict[str, str] = {}
            for key, raw in fields.items():
                text = _as_text(raw)
                if text is None:
                    self.problem(f"articles.{shown}.{sanitize_line(key)} must be text, not {_kind(raw)}; ignored")
                    continue
                if key == "date":
                    try:
                        text = parse_date_value(raw).iso
                    except ValueError as err:
                        self.problem(f"articles.{shown}.date is not a valid date ({err}); ignored")
                        continue
                elif key in OVERRIDE_TEXT_KEYS:
                    text = sanitize_line(text)
                else:
                    text = sanitize(text)
                clean[sanitize_line(key)] = text
            result[shown] = clean
        return result

    def people(self, value: Any) -> list[PersonSpec]:
        if not isinstance(value, list):
            self.problem(f"'people' must be an array of tables ([[people]]), not {_kind(value)}")
            return []
        people: list[PersonSpec] = []
        for n, entry in enumerate(value, 1):
            if not isinstance(entry, dict):
                self.problem(f"people #{n} must be a table, not {_kind(entry)}; ignored")
                continue
            name = entry.get("name")
            if not isinstance(name, str) or not sanitize_line(name):
                self.problem(f"people #{n} has no 'name' text; ignored")
                continue
            spec = PersonSpec(sanitize_line(name))
            for key in ("aliases", "roles"):
                if key in entry:
                    items = _text_list(entry[key])
                    if items is None:
                        self.problem(f"people #{n} ({spec.name}): '{key}' must be a list of text; ignored")
                    else:
                        setattr(spec, key, items)
            people.append(spec)
        return people

    def topics(self, value: Any) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            self.problem(f"'topics' must be a table of name = [keywords], not {_kind(value)}")
            return {}
        topics: dict[str, list[str]] = {}
        for name, words in value.items():
            items = _text_list(words)
            if items is None:
                self.problem(f"topics.{sanitize_line(name)} must be a list of text; ignored")
                continue
            topics[sanitize_line(name)] = items
        return topics


def _toml_line(message: str) -> int | None:
    m = re.search(r"at line (\d+)", message)
    return int(m.group(1)) if m else None


def load_manifest(root: Path) -> tuple[Manifest, list[Problem]]:
    """Read `root/timeline.toml` when there is one. Never raises."""
    file = Path(root) / MANIFEST_NAME
    reader = _Reader(display_path(file))
    manifest = Manifest()
    try:
        if not file.exists() and not file.is_symlink():
            return manifest, []
        with open(file, "rb") as handle:
            data = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as err:
        reader.problem(f"cannot read the manifest: {err.strerror or err}", fatal=True)
        return manifest, reader.problems
    if len(data) > MAX_MANIFEST_BYTES:
        reader.problem("manifest larger than 10 MB; ignored", fatal=True)
        return manifest, reader.problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        reader.problem(f"manifest is not UTF-8 (byte {err.start}); ignored", fatal=True)
        return manifest, reader.problems
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        reader.problem(f"invalid TOML: {err}", _toml_line(str(err)), fatal=True)
        return manifest, reader.problems
    except RecursionError:
        reader.problem("invalid TOML: nested too deeply", fatal=True)
        return manifest, reader.problems
    for key in ("title", "description"):
        if key in doc:
            value = doc[key]
            if isinstance(value, str):
                clean = sanitize_line(value) if key == "title" else sanitize(value).strip()
                setattr(manifest, key, clean or None)
            else:
                reader.problem(f"'{key}' must be text, not {_kind(value)}; ignored")
    if "default_range" in doc:
        manifest.default_range = reader.default_range(doc["default_range"])
    if "articles" in doc:
        manifest.overrides = reader.overrides(doc["articles"])
    if "people" in doc:
        manifest.people = reader.people(doc["people"])
    if "topics" in doc:
        manifest.topics = reader.topics(doc["topics"])
    return manifest, reader.problems
