"""YAML front matter: a `---` line at the very top, YAML, and a closing `---` (or `...`) line.

Known keys: title, date, source, url, author, tags. Every string is sanitized. Dates are read by
`parse_date_value`; YAML's own timestamp, int, float and bool typing is switched off so that
"2022-02-30" reaches us as text (PyYAML would raise while building a `date`) and "0000" keeps
its spelling in the problem message.

A file whose front matter is not valid YAML, or is not a mapping, cannot be read (fatal); a bad
value of a known key is a non-fatal problem and the key is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .date_lines import parse_date_value
from .model import PartialDate, Problem
from .sanitize import sanitize_line

MAX_FRONT_MATTER_LINES = 1000
MAX_FRONT_MATTER_CHARS = 100_000
TEXT_KEYS = ("title", "source", "url", "author")


_LOADER: Any = None
_C_LOADER: Any = None
# Front matter the libyaml parser reads (see `_load`): small, little nesting.
_C_MAX_CHARS = 8192
_C_MAX_BRACKETS = 64
# Where the two parsers were seen to differ (libyaml takes what PyYAML refuses, or reads it
# otherwise): a tab, a byte order mark, unusual line breaks, tags, block scalar headers ("|#"),
# anchors, directives, reserved characters, flow mappings, complex keys. Front matter is plain
# "key: value" lines and lists; text with any of these goes to the pure-Python parser.
_C_AVOID = ("\t", "\ufeff", "\r", "\x85", "\u2028", "\u2029", "!", "|", ">", "&", "*", "%", "@", "`", "{", "}", "?")


def _loader() -> Any:
    """A SafeLoader that leaves scalars as strings (only null is still recognised). PyYAML is
    imported here, on the first front matter: ~40 ms a start that reads none does not pay."""
    global _LOADER, _C_LOADER
    if _LOADER is None:
        import yaml

        resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }

        class _Loader(yaml.SafeLoader):
            pass

        _Loader.yaml_implicit_resolvers = resolvers
        if getattr(yaml, "__with_libyaml__", False):

            class _CLoader(yaml.CSafeLoader):  # libyaml's parser, the same constructor and resolver
                pass

            _CLoader.yaml_implicit_resolvers = resolvers
            _C_LOADER = _CLoader
        _LOADER = _Loader
    return _LOADER


def _load(source: str) -> Any:
    """`yaml.load(source, Loader=_loader())`, the same values and the same errors, parsed by
    libyaml when it is there (several times faster than the pure-Python parser).

    Only the pure-Python parser's messages are reported: on any error libyaml's answer is
    dropped and the pure-Python parser reads the text again. libyaml is not asked at all when
    the text has a character the pure-Python reader refuses (it checks fewer) or one of
    `_C_AVOID`, or is long or nested enough that the pure-Python parser could run out of
    recursion where libyaml would not.
    """
    import yaml

    loader = _loader()
    if (
        _C_LOADER is not None
        and len(source) <= _C_MAX_CHARS
        and source.count("[") + source.count("{") <= _C_MAX_BRACKETS
        and not any(c in source for c in _C_AVOID)
        and not yaml.reader.Reader.NON_PRINTABLE.search(source)
    ):
        try:
            return yaml.load(source, Loader=_C_LOADER)  # noqa: S506 - a CSafeLoader subclass
        except Exception:  # noqa: BLE001 - the pure-Python parser says what is wrong
            pass
    return yaml.load(source, Loader=loader)  # noqa: S506 - a SafeLoader subclass


@dataclass(slots=True)
class FrontMatter:
    """What the front matter said. `body_line` is the index of the first line after it."""

    present: bool = False
    body_line: int = 0
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    date: PartialDate | None = None
    tags: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fatal: Problem | None = None


def _find_end(lines: list[str]) -> int | None:
    """Index of the closing `---`/`...` line, or None when there is none near the top."""
    size = 0
    for i in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)):
        size += len(lines[i]) + 1
        if size > MAX_FRONT_MATTER_CHARS:
            return None
        if lines[i].rstrip() in ("---", "..."):
            return i
    return None


def _yaml_error(path: str, err: Exception) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    reason = getattr(err, "problem", None) or getattr(err, "context", None) or str(err)
    if mark is not None:
        line = mark.line + 2  # 0-based inside the YAML, plus the opening `---` line
        return Problem(
            path, sanitize_line(f"invalid YAML front matter at line {line}: {reason}"), line, True
        )
    return Problem(path, sanitize_line(f"invalid YAML front matter: {reason}"), None, True)


def _text_value(value: Any) -> str | None:
    if isinstance(value, str):
        return sanitize_line(value) or None
    if isinstance(value, (int, float, date)) and not isinstance(value, bool):
        return sanitize_line(str(value))
    return None


def _tags(value: Any) -> list[str] | None:
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        return None
    tags: list[str] = []
    for item in items:
        text = _text_value(item)
        if text is None and item is not None and not isinstance(item, str):
            return None
        if text and text not in tags:
            tags.append(text)
    return tags


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(sanitize_line(value)[:40])
    return type(value).__name__


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Parse the front matter of sanitized `text` (lines split on "\\n")."""
    if not text.startswith("---"):
        return FrontMatter()
    first_nl = text.find("\n")
    first = text if first_nl < 0 else text[:first_nl]
    if first.rstrip() != "---":
        return FrontMatter()
    head = text[: MAX_FRONT_MATTER_CHARS + 2 * len(first) + 16].split("\n")
    end = _find_end(head)
    if end is None:
        note = Problem(path, "front matter has no closing '---' line; read as text", 1)
        return FrontMatter(problems=[note])
    fm = FrontMatter(present=True, body_line=end + 1)
    source = "\n".join(head[1:end])
    import yaml

    try:
        data = _load(source)
    except yaml.YAMLError as err:
        fm.fatal = _yaml_error(path, err)
        return fm
    except Exception as err:  # explicit tags (!!timestamp 2022-02-30), deep nesting, ...
        fm.fatal = Problem(path, sanitize_line(f"invalid YAML front matter: {err}")[:200], None, True)
        return fm
    if data is None:
        return fm
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        fm.fatal = Problem(
            path, f"front matter is {kind}, not a mapping of keys to values", 2, True
        )
        return fm
    for key in TEXT_KEYS:
        if key in data and data[key] is not None:
            if isinstance(data[key], str) and not sanitize_line(data[key]):
                continue  # an empty value says nothing
            value = _text_value(data[key])
            if value is None:
                fm.problems.append(
                    Problem(path, f"front matter '{key}' is not text ({_describe(data[key])}); ignored")
                )
            else:
                setattr(fm, key, value)
    if data.get("date") is not None:
        try:
            fm.date = parse_date_value(data["date"])
        except ValueError as err:
            fm.problems.append(
                Problem(
                    path,
                    sanitize_line(
                        f"front matter date {_describe(data['date'])} is not a valid date "
                        f"({err}); ignored"
                    ),
                )
            )
    if data.get("tags") is not None:
        tags = _tags(data["tags"])
        if tags is None:
            fm.problems.append(
                Problem(path, f"front matter 'tags' is not a list or a comma-separated string ({_describe(data['tags'])}); ignored")
            )
        else:
            fm.tags = tags
    return fm
