"""Exports of annotated articles: annotated Markdown (``markdown.py``, the entry point) and the
modules it is built from, single claims as Markdown (``claim_snippet.py``), W3C Web Annotation
JSON-LD (``web_annotation.py``) and file names for exports (``file_names.py``)."""
