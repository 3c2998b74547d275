"""The yardstick: a minimal Textual app (one Static, a Footer), started like the reader."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class MinimalApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("minimal app ready")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
