"""The character set an HTML or XHTML file declares for itself, read from its first bytes."""

from __future__ import annotations

import re

# Browsers look at the first 1024 bytes; saved pages often carry long heads, so look further.
PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(
    rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def declared_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag or an XML declaration, or None."""
    head = data[:PRESCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def without_xml_declaration(html: str) -> str:
    """Drop an XML declaration: once decoded, its encoding is stale and lxml refuses it on text."""
    return _XML_DECLARATION.sub("", html, count=1)
