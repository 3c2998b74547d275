"""timeline: a terminal reader that turns a folder of news articles into a timeline."""

__version__ = "0.1.0"
