"""Glossator's annotated Markdown: writing it (``markdown.py``, the entry point, and the modules
it is built from; single claims in ``claim_snippet.py``) and reading it back (``read_export.py``
and its ``read_*`` helpers), so the two sides of the format change together."""
