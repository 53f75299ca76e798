"""Reading an article from a web address: one page fetched, then read like a saved file of its type."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from glossator.core.article import Article
from glossator.core.errors import ReadError
from glossator.core.readers.limits import resolve_max_bytes
from glossator.core.readers.metadata_fields import source_url
from glossator.core.readers.web_fetch import FORMAT_BY_MEDIA_TYPE, check_address, fetch_page

_ADDRESS = re.compile(r"^\s*https?://\S+\s*$", re.IGNORECASE)
_SUFFIX_FORMATS = {".pdf": "pdf", ".epub": "epub", ".txt": "txt", ".md": "md"}


def is_address(text: str) -> bool:
    """True for one http or https address and nothing else (what a command line or a paste holds)."""
    return bool(_ADDRESS.match(text))


def looks_like_address(text: str) -> bool:
    """True for text a user meant as an address, of any scheme ("ftp://x", "https:/x" as a shell
    may leave it): it is refused with a message rather than looked for as a file."""
    return bool(re.match(r"^\s*[a-z][a-z0-9+.-]*:/", text, re.IGNORECASE)) and not re.match(r"^[a-z]:[\\/]", text, re.I)


def read_address(url: str, *, max_bytes: int | None = None, **fetch_options) -> Article:
    """The article at ``url``: fetched (see :func:`fetch_page`), read by the reader for its type.

    The article's source is the page's canonical address when it states one, else the address
    the fetch ended at; ``metadata`` keeps the requested and final addresses and the fetch time.
    """
    from glossator.core.readers import parse_document

    url = check_address(url)
    label = f"'{url}'"
    limit = resolve_max_bytes(max_bytes, label)
    page = fetch_page(url, max_bytes=limit, **fetch_options)
    fmt = FORMAT_BY_MEDIA_TYPE.get(page.media_type) or _format_from_path(page.final_url, page.media_type)
    if fmt is None:
        raise ReadError(f"cannot read {label}: it is {page.media_type}, not a page or document Glossator reads")
    article = parse_document(page.data, fmt, label=label, source_path=page.final_url, max_bytes=limit,
                             declared=page.charset)
    article.source_url = article.source_url or source_url(page.final_url)
    article.metadata.update(
        requested_url=page.requested_url,
        fetched_url=page.final_url,
        fetched_at=page.fetched_at,
        media_type=page.media_type,
    )
    return article


def _format_from_path(url: str, media_type: str) -> str | None:
    """A format from the address's suffix, for servers that send a generic type."""
    if media_type not in ("application/octet-stream", "binary/octet-stream", ""):
        return None
    path = urlsplit(url).path.lower()
    return next((fmt for suffix, fmt in _SUFFIX_FORMATS.items() if path.endswith(suffix)), None)
