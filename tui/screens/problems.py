"""Problems found while loading: one line each, the rest of the corpus loads regardless."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from pathlib import Path

from tui.corpus.model import Problem
from tui.corpus.view import plural
from tui.widgets.status_line import StatusLine


class ProblemsScreen(Screen):
    BINDINGS = [Binding("escape,exclamation_mark", "app.pop_screen", "Back", id="problems.back")]

    def __init__(self, problems: list[Problem], title: str, root: Path | None = None) -> None:
        super().__init__()
        self.problems = problems
        self.corpus_title = title
        self.root = root

    def where(self, problem: Problem) -> str:
        """The problem's file relative to the corpus folder when it lies inside it."""
        path = problem.path
        if self.root is not None:
            try:
                path = str(Path(path).resolve().relative_to(Path(self.root).resolve()))
            except (ValueError, OSError):
                pass
        return f"{path}:{problem.line}: {problem.message}" if problem.line else f"{path}: {problem.message}"

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield OptionList(
            *[
                Option(
                    Content.assemble(
                        ("could not read  " if p.fatal else "warning  ", "bold" if p.fatal else "dim"),
                        self.where(p),
                    )
                )
                for p in self.problems
            ]
            or [Option(Content("No problems found."), disabled=True)],
            markup=False,
            id="problems",
        )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        status = self.query_one(StatusLine)
        status.title = f"Problems · {self.corpus_title}"
        fatal = sum(p.fatal for p in self.problems)
        status.counts = f"{plural(len(self.problems), 'problem')} · {fatal} unreadable"
        self.query_one(OptionList).focus()
