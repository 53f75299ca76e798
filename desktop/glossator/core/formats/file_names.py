"""File names for exports, made from an article's title."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_LENGTH = 60


def file_name_for(title: str, extension: str = ".md") -> str:
    """A portable file name from a title: ``deepseek-r1-ai-model-disrupts.md``.

    Only ASCII letters, digits and hyphens, at most 60 of them, so the name is safe on every
    file system and in a shell; a title with none of those gives ``article``.
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_title.lower()).strip("-")[:SLUG_LENGTH].rstrip("-")
    return (slug or "article") + extension
