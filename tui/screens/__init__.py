"""Screens of the reader: timeline, full-width article, quotes, filters, help, problems, loading."""
