"""Small rules shared by the readers for article metadata: one-line fields, titles, source
URLs, the fallback title and the date form.

Metadata comes from the file (a page's <title>, front matter, a file name) and ends up on one
line in the library list, a window title or a terminal, so it is made fit for that here.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from glossator.core.formats.glossator_markdown.links import link_target

TITLE_MAX_CHARS = 300
FIELD_MAX_CHARS = 1000
URL_MAX_CHARS = 4096
# A source is a page to go back to: of the schemes exports may link, only the web ones.
SOURCE_URL_SCHEMES = frozenset({"http", "https"})
ELLIPSIS = "\u2026"

# C0 and C1 controls, byte-order marks, and the bidirectional embeddings, overrides and
# isolates, which make a field display in another order than it is stored (U+202E).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ufeff\u202a-\u202e\u2066-\u2069]")
# Browsers drop these anywhere in an address ("java\nscript:" is "javascript:").
_URL_DROPPED = re.compile("[\t\n\r]")
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y")


def one_line(value: str, max_chars: int = FIELD_MAX_CHARS) -> str:
    """``value`` fit for a one-line field: controls and bidi overrides gone (line breaks and tabs
    become spaces), whitespace runs made one space, cut at a word to ``max_chars`` with '…'."""
    value = _UNPRINTABLE.sub(lambda found: " " if found.group().isspace() else "", value)
    value = " ".join(value.split())
    if len(value) <= max_chars:
        return value
    room = max_chars - len(ELLIPSIS)
    # One character more than there is room for: a space there means the last word fits whole.
    space = value.rfind(" ", 0, room + 1)
    # A word longer than half the field (a pasted URL, say) is cut inside rather than dropped.
    kept = value[:space] if space > max_chars // 2 else value[:room]
    return kept.rstrip() + ELLIPSIS


def clean_title(value: str) -> str:
    """A title as the library shows it: one line of at most ``TITLE_MAX_CHARS`` characters."""
    return one_line(value, TITLE_MAX_CHARS)


def source_url(value: str) -> str:
    """``value`` if it is an http(s) address the export would link to, else '' (not stored).

    ``javascript:``, ``data:`` and every other scheme is dropped, as are addresses with
    spaces or invisible characters in them.
    """
    url = _URL_DROPPED.sub("", value).strip()
    if not url or len(url) > URL_MAX_CHARS or _UNPRINTABLE.search(url) or any(c.isspace() for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SOURCE_URL_SCHEMES or not parts.netloc or link_target(url) is None:
        return ""
    return url


def title_from_path(source_path: str) -> str:
    """The fallback title: the file name without its suffix ('' for text with no file)."""
    return clean_title(Path(source_path).stem) if source_path else ""


def iso_date(value: str) -> str:
    """``value`` as yyyy-mm-dd when it is a recognisable date, else unchanged (on one line).

    Unrecognised dates are kept as written rather than dropped: the reader still sees them.
    """
    value = one_line(value)
    match = _ISO_PREFIX.match(value)
    if match:
        return "-".join(match.groups())
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return value
