"""A list of choices whose state is in the text: "[x] Vladimir Putin (5)", "[ ] Sergei Lavrov (3)".

Textual's SelectionList tells a chosen item from the others by the colour of one "X", which is
lost under NO_COLOR and in greyscale; here the mark itself changes, and the colour only helps.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CHECKED, UNCHECKED = "[x] ", "[ ] "


class CheckList(OptionList):
    """Space (or Enter, or a click) checks or unchecks the highlighted choice."""

    HELP_TITLE = "Filter list"

    BINDINGS = [
        Binding("space", "select", "Check / uncheck", id="check_list.toggle"),
        Binding("j", "cursor_down", "Down", show=False, id="check_list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="check_list.up"),
    ]

    COMPONENT_CLASSES = {"check-list--checked"}

    class Toggled(Message):
        """The user checked or unchecked `value`."""

        def __init__(self, check_list: CheckList, value: Hashable, checked: bool) -> None:
            super().__init__()
            self.check_list = check_list
            self.value = value
            self.checked = checked

        @property
        def control(self) -> CheckList:
            return self.check_list

    def __init__(
        self,
        choices: Iterable[tuple[str, Hashable]],
        checked: Iterable[Hashable] = (),
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, markup=False, compact=True)
        self._choices = list(choices)  # (label, value); labels are plain text, never markup
        self._checked = set(checked)
        self.add_options(Option(self._prompt(label, value in self._checked)) for label, value in self._choices)
        self.action_first()

    def _prompt(self, label: str, checked: bool) -> Content:
        if not checked:
            return Content.assemble(UNCHECKED, label)
        style = self.get_visual_style("check-list--checked", partial=True) if self.is_mounted else "bold"
        return Content.assemble((CHECKED, style), label)

    def on_mount(self) -> None:
        self._refresh_prompts(range(len(self._choices)))  # the component style is known now

    @property
    def checked(self) -> list[Hashable]:
        """The checked values, in list order."""
        return [value for _label, value in self._choices if value in self._checked]

    def set_checked(self, values: Iterable[Hashable]) -> None:
        """Make exactly `values` checked (e.g. from the current filter)."""
        new = set(values)
        changed = [i for i, (_l, v) in enumerate(self._choices) if (v in new) != (v in self._checked)]
        self._checked = new
        self._refresh_prompts(changed)

    def _refresh_prompts(self, indices: Iterable[int]) -> None:
        for index in indices:
            label, value = self._choices[index]
            self.replace_option_prompt_at_index(index, self._prompt(label, value in self._checked))

    @on(OptionList.OptionSelected)
    def _toggle(self, message: OptionList.OptionSelected) -> None:
        if message.option_list is not self:
            return
        message.stop()
        _label, value = self._choices[message.option_index]
        checked = value not in self._checked
        (self._checked.add if checked else self._checked.discard)(value)
        self._refresh_prompts([message.option_index])
        self.post_message(self.Toggled(self, value, checked))
