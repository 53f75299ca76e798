"""Exporters: annotated Markdown (``markdown.py``) and, beside it, W3C Web Annotation JSON-LD."""
