"""Small rules shared by the readers for article metadata: fallback title, date form."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y")


def title_from_path(source_path: str) -> str:
    """The fallback title: the file name without its suffix ('' for text with no file)."""
    return Path(source_path).stem if source_path else ""


def iso_date(value: str) -> str:
    """``value`` as yyyy-mm-dd when it is a recognisable date, else unchanged (stripped).

    Unrecognised dates are kept as written rather than dropped: the reader still sees them.
    """
    value = " ".join(value.split())
    match = _ISO_PREFIX.match(value)
    if match:
        return "-".join(match.groups())
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return value
