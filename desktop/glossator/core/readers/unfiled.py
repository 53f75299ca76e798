"""Articles that come from no file: text pasted from the clipboard or piped on standard input.

They obey the rules of files (the same size limit, decoding and readers) and are named by
where they came from ("Clipboard, 2026-11-29 16:03", "stdin") instead of by a path.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import BinaryIO

from glossator.core.article import Article
from glossator.core.errors import ReadError
from glossator.core.readers.encoding import decode_bytes
from glossator.core.readers.html_charset import declared_charset
from glossator.core.readers.html_reader import parse_html
from glossator.core.readers.limits import check_size, format_size, resolve_max_bytes
from glossator.core.readers.markdown_reader import parse_markdown
from glossator.core.readers.metadata_fields import one_line
from glossator.core.readers.text_reader import parse_plain_text

CLIPBOARD_LABEL = "the clipboard"
STDIN_LABEL = "standard input"
STDIN_SOURCE = "stdin"
# A first line longer than this is a paragraph, not a title.
MAX_TITLE_CHARS = 120

_PARSERS = {"txt": parse_plain_text, "md": parse_markdown, "html": parse_html}
_LOOKS_LIKE_HTML = re.compile(r"\A\s*<(?:!doctype|!--|\?xml|[a-z])", re.IGNORECASE)


def clipboard_source(when: datetime | None = None) -> str:
    """How a pasted article names its source: 'Clipboard, ' and the local date and time."""
    return f"Clipboard, {(when or datetime.now()):%Y-%m-%d %H:%M}"


def sniff_format(text: str) -> str:
    """'html' for text that opens with a tag or a doctype, else 'txt'.

    Markdown is never guessed: plain prose with a '#' or a '-' list reads the same as text,
    and a wrong guess would turn ordinary characters into markup.
    """
    return "html" if _LOOKS_LIKE_HTML.match(text.lstrip("\ufeff")) else "txt"


def read_unfiled(text: str, *, format: str, source: str, label: str,  # noqa: A002
                 max_bytes: int | None = None) -> Article:
    """Read decoded text as an article recorded as coming from ``source``.

    Over the size limit, empty or only whitespace, it raises ReadError naming ``label``.
    The title is the reader's (HTML title, first heading, headline), else the first line
    when it is short; never the source's name.
    """
    check_size(len(text.encode("utf-8", "surrogatepass")), resolve_max_bytes(max_bytes, label), label)
    return parse_unfiled(text, format=format, source=source, label=label)


def parse_unfiled(text: str, *, format: str, source: str, label: str) -> Article:  # noqa: A002
    """``read_unfiled`` for text whose size was already checked (as bytes, when it was read)."""
    if not text.strip():
        raise ReadError(f"{label} is empty" if not text else f"{label} is empty (only whitespace)")
    article = _PARSERS[format](text, label=label)
    article.source_path = source
    if not article.title:
        article.title = first_line_title(article.text)
    return article


def first_line_title(text: str) -> str:
    """The first non-blank line, whitespace collapsed, if it is short enough to be a title."""
    line = next((one_line(line) for line in text.split("\n") if line.strip()), "")
    return line if len(line) <= MAX_TITLE_CHARS else ""


def read_clipboard(html: str, text: str, *, source: str | None = None,
                   max_bytes: int | None = None) -> Article:
    """The article copied to the clipboard: its HTML when it has some, else its plain text.

    HTML goes through the same extraction and sanitising as a saved page. When the HTML
    yields nothing (an image, markup only, over the limit) the plain text is read instead.
    """
    source = source or clipboard_source()
    if html.strip():
        try:
            return read_unfiled(html, format="html", source=source, label=CLIPBOARD_LABEL, max_bytes=max_bytes)
        except ReadError:
            if not text.strip():
                raise
    if not text:
        raise ReadError(f"{CLIPBOARD_LABEL} holds no text")
    return read_unfiled(text, format="txt", source=source, label=CLIPBOARD_LABEL, max_bytes=max_bytes)


def read_stream_text(stream: BinaryIO, *, max_bytes: int | None = None,
                     label: str = STDIN_LABEL) -> tuple[str, dict]:
    """Text from a byte stream, decoded like a file's; also the metadata files record.

    At most one byte past the limit is read, so an endless stream cannot fill memory.
    """
    limit = resolve_max_bytes(max_bytes, label)
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise ReadError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(data) > limit:
        # Reading stopped one byte past the limit; how long the stream really is is unknown.
        raise ReadError(f"{label} is over the {format_size(limit)} limit")
    if not data:
        raise ReadError(f"{label} is empty")
    declared = declared_charset(data) if sniff_format(data[:1024].decode("latin-1")) == "html" else None
    decoded = decode_bytes(data, label, declared=declared)
    return decoded.text, {"encoding": decoded.encoding, "byte_size": len(data)}

