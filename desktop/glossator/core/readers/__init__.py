"""Reading articles from files: choose a reader by suffix, decode, extract text and structure.

Every failure a user can cause (missing, unsupported, empty, binary, too large, undecodable,
nothing to extract) raises :class:`~glossator.core.errors.ReadError` with one line naming the
file, and no half-read Article is ever returned.
"""

from __future__ import annotations

import hashlib
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
from glossator.core.readers.pdf import PasswordNeeded, parse_pdf
from glossator.core.readers.source_file import checked_file, file_label, read_bytes
from glossator.core.readers.text_reader import parse_plain_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "PasswordNeeded",
    "SUPPORTED_SUFFIXES",
    "format_for_suffix",
    "format_size",
    "parse_document",
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
    ".pdf": "pdf",
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
    "pdf": parse_pdf,
}


def format_for_suffix(suffix: str) -> str | None:
    """The reader format ('txt', 'md', 'html', 'epub') for a file suffix such as '.MD', or None."""
    return _FORMAT_BY_SUFFIX.get(suffix.lower())


def read_article(path: str | os.PathLike, *, max_bytes: int | None = None, password: str | None = None) -> Article:
    """Read the article in the file at ``path`` (.txt, .md, .html family, .epub or .pdf).

    ``password`` opens an encrypted PDF; without it such a file raises ``PasswordNeeded``.

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
    return parse_document(data, fmt, label=label, source_path=str(absolute), max_bytes=limit, password=password)


def parse_document(
    data: bytes, fmt: str, *, label: str, source_path: str = "", max_bytes: int, declared: str | None = None,
    password: str | None = None,
) -> Article:
    """The article in ``data``, bytes of the reader format ``fmt`` (a file's or a fetched page's).

    ``declared`` is a charset said outside the bytes (an HTTP header); it wins over one the
    page declares itself.
    """
    if fmt not in _BINARY_PARSERS and fmt not in _PARSERS:
        raise ReadError(f"cannot read {label}: Glossator does not read {fmt.upper()} documents")
    if fmt == "pdf":
        article = parse_pdf(data, label=label, source_path=source_path, max_bytes=max_bytes, password=password)
        article.original = data
        article.metadata.update(byte_size=len(data), document_sha256=hashlib.sha256(data).hexdigest())
        return article
    if fmt in _BINARY_PARSERS:
        article = _BINARY_PARSERS[fmt](data, label=label, source_path=source_path, max_bytes=max_bytes)
        article.metadata.update(byte_size=len(data))
        return article
    declared = declared or (declared_charset(data) if fmt == "html" else None)
    decoded = decode_bytes(data, label, declared=declared)
    if not decoded.text.strip():
        raise ReadError(f"{label} is empty (only whitespace)")
    article = _PARSERS[fmt](decoded.text, label=label, source_path=source_path)
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
