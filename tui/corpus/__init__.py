"""The corpus layer: pure Python, never imports Textual.

It reads a folder of articles and computes everything the reader shows: articles with their
metadata, quotes, people and topics; events on a timeline; filters; exports.
"""
