"""Link targets in an export: web, mail and DOI addresses become links, anything else stays text.

A target is percent-encoded where Markdown or HTML would otherwise read part of it as syntax:
whitespace and control characters, parentheses (they end a link destination), angle brackets,
quotes, backslashes, backticks and square brackets, and an ``&`` that would begin a character
reference. The result is safe both as a Markdown link destination and inside an ``href``.
"""

from __future__ import annotations

import re
import unicodedata

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_ENCODED = frozenset("()<>\"'\\`[]")
_REFERENCE_AMPERSAND = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# An IPv6 host literal (RFC 3986: "[" address "]", with an optional %25 zone) keeps its brackets.
_IPV6_AUTHORITY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@\[\]\s]*@)?\[[0-9A-Fa-f:.]+(?:%25[A-Za-z0-9._~-]+)?\]")
# Bidirectional embeddings, overrides, isolates and marks: shown in link text they can make
# an address read as another one.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def link_target(url: str) -> str | None:
    """The address to link to, or None when ``url`` must be shown as text (other schemes)."""
    url = url.strip()
    scheme = _SCHEME.match(url)
    if not scheme or scheme.end() == len(url):
        return None
    name = scheme.group(1).lower()
    if name == "doi":
        url = "https://doi.org/" + url[scheme.end() :].lstrip("/")
    elif name not in _LINK_SCHEMES:
        return None
    host = _IPV6_AUTHORITY.match(url)
    kept = host.group(0) if host else ""
    return kept + _REFERENCE_AMPERSAND.sub("%26", "".join(_encode(ch) for ch in url[len(kept):]))


def without_bidi_controls(text: str) -> str:
    """``text`` without the characters that reorder how the rest of it is displayed."""
    return BIDI_CONTROLS.sub("", text)


def _encode(ch: str) -> str:
    if ch in _ENCODED or ch.isspace() or unicodedata.category(ch).startswith("C"):
        return "".join(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
    return ch
