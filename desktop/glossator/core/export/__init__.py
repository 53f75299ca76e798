"""Exports of annotated articles: annotated Markdown (``markdown.py``, the entry point) and the
modules it is built from, plus single claims as Markdown (``claim_snippet.py``)."""
