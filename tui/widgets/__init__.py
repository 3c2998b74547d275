"""Widgets of the reader: the virtual event list, the article pane, the status line."""
