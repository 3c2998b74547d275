"""The help screen, generated from the bindings that are live on the screen below it.

Nothing here is a hand-kept key table: `help_sections` reads `Screen.active_bindings` (the
focused widget, its ancestors, the screen and the app, with the user's keymap applied) and then
the declared `BINDINGS` of the other widgets on the screen, so the help cannot drift.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

Section = tuple[str, list[tuple[str, str]]]  # title, [(keys, description)]


def _section_title(node: DOMNode) -> str:
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        return "This screen"
    return getattr(node, "HELP_TITLE", None) or type(node).__name__


def help_sections(app: App, screen: Screen) -> list[Section]:
    grouped: dict[str, dict[tuple[str, str], list[str]]] = {}
    seen_nodes: set[int] = set()

    def add(node: DOMNode, binding: Binding) -> None:
        # Our own bindings all carry ids; the framework's inherited ones (scroll left, ...) do
        # not and are left out, except the app's (quit, the command palette).
        if not binding.description or binding.system or not (binding.id or isinstance(node, App)):
            return
        keys = grouped.setdefault(_section_title(node), {}).setdefault((binding.action, binding.description), [])
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)

    for active in screen.active_bindings.values():
        seen_nodes.add(id(active.node))
        add(active.node, active.binding)
    for widget in screen.query("*"):
        if id(widget) in seen_nodes or not widget.BINDINGS or not widget.display:
            continue
        for binding in Binding.make_bindings(widget.BINDINGS):
            add(widget, binding)
    order = lambda title: {"Everywhere": 2, "This screen": 1}.get(title, 0)  # noqa: E731
    return [
        (title, [(", ".join(keys), desc) for (_action, desc), keys in entries.items()])
        for title, entries in sorted(grouped.items(), key=lambda kv: order(kv[0]))
    ]


def render_sections(sections: list[Section]) -> Content:
    width = max((len(k) for _, rows in sections for k, _ in rows), default=0) + 2
    parts: list[Content | str | tuple[str, str]] = []
    for title, rows in sections:
        parts.append((f"{title}\n", "bold underline"))
        for keys, desc in rows:
            parts += [(f"  {keys:<{width}}", "bold"), f"{desc}\n"]
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close")]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            yield Static(Content("Keys"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(render_sections(self.sections))
        yield Footer(compact=True, show_command_palette=False)

    def action_dismiss(self) -> None:
        self.dismiss()
