"""Reading articles from files: choose a reader by suffix, decode, extract text and structure.

Every failure a user can cause (missing, unsupported, empty, binary, too large, undecodable,
nothing to extract) raises :class:`~glossator.core.errors.ReadError` with one line naming the
file, and no half-read Article is ever returned.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from glossator.core.article import Article
from glossator.core.errors import ReadError
from glossator.core.readers.encoding import decode_bytes
from glossator.core.readers.epub_reader import parse_epub
from glossator.core.readers.html_charset import declared_charset
from glossator.core.readers.html_reader import parse_html
from glossator.core.readers.limits import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    format_size,
    resolve_max_bytes,
)
from glossator.core.readers.markdown_reader import parse_markdown
from glossator.core.readers.source_file import checked_file, file_label, read_bytes
from glossator.core.readers.text_reader import parse_plain_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "SUPPORTED_SUFFIXES",
    "format_for_suffix",
    "format_size",
    "read_article",
    "read_text",
]

_FORMAT_BY_SUFFIX = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".epub": "epub",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMAT_BY_SUFFIX)
_FORMAT_NAMES = {
    "txt": "txt",
    "text": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
}
_PARSERS: dict[str, Callable[..., Article]] = {
    "txt": parse_plain_text,
    "md": parse_markdown,
    "html": parse_html,
}
# Formats that are not text: their readers take the file's bytes.
_BINARY_PARSERS: dict[str, Callable[..., Article]] = {
    "epub": parse_epub,
}


def format_for_suffix(suffix: str) -> str | None:
    """The reader format ('txt', 'md', 'html', 'epub') for a file suffix such as '.MD', or None."""
    return _FORMAT_BY_SUFFIX.get(suffix.lower())


def read_article(path: str | os.PathLike, *, max_bytes: int | None = None) -> Article:
    """Read the article in the file at ``path`` (.txt, .md, .html family or .epub).

    ``max_bytes`` caps the file size (default: GLOSSATOR_MAX_BYTES, else 20 MB) so that a
    wrong file cannot exhaust memory. Raises ReadError for anything the user can fix.
    """
    label = file_label(path)
    absolute = checked_file(path)
    fmt = format_for_suffix(absolute.suffix)
    if fmt is None:
        found = f"file type '{absolute.suffix}'" if absolute.suffix else "file type (no suffix)"
        raise ReadError(
            f"cannot read {label}: unsupported {found} (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    limit = resolve_max_bytes(max_bytes, label)
    data = read_bytes(absolute, limit)
    if fmt in _BINARY_PARSERS:
        article = _BINARY_PARSERS[fmt](data, label=label, source_path=str(absolute), max_bytes=limit)
        article.metadata.update(byte_size=len(data))
        return article
    declared = declared_charset(data) if fmt == "html" else None
    decoded = decode_bytes(data, label, declared=declared)
    if not decoded.text.strip():
        raise ReadError(f"{label} is empty (only whitespace)")
    article = _PARSERS[fmt](decoded.text, label=label, source_path=str(absolute))
    article.metadata.update(encoding=decoded.encoding, byte_size=len(data))
    return article


def read_text(text: str, *, format: str = "txt", source_path: str = "") -> Article:  # noqa: A002
    """Read an article from text already decoded (clipboard, tests): ``format`` is txt, md or html.

    ``source_path`` is only recorded (and names the text in messages); nothing is read from it.
    """
    fmt = _FORMAT_NAMES.get(format.lower().lstrip("."))
    if fmt is None:
        raise ValueError(f"unknown article format {format!r} (use 'txt', 'md' or 'html')")
    label = file_label(source_path) if source_path else "the text"
    if not text.strip():
        raise ReadError(f"{label} is empty")
    return _PARSERS[fmt](text, label=label, source_path=source_path)
