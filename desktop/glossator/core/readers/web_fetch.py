"""Fetching one web page by its address, and nothing else: no images, scripts or style sheets.

urllib3 does the HTTP. Only http and https are allowed, at most five redirects are followed
(each to http or https), the connection and each read time out, the whole fetch has a deadline,
and the body is capped at the readers' size limit while it streams, so a server that never
stops sending or declares a huge length is refused before it costs memory.
"""

from __future__ import annotations

import email.message
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import HTTPError, MaxRetryError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from glossator import __version__
from glossator.core.errors import ReadError
from glossator.core.readers.limits import check_size, format_size

WEB_SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
DEADLINE = 60.0
CHUNK = 64 * 1024
USER_AGENT = f"Glossator/{__version__} (desktop reader; fetches one page when its reader asks)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/pdf;q=0.8,*/*;q=0.1"
# What a response's media type is read as.
FORMAT_BY_MEDIA_TYPE = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "application/epub+zip": "epub",
    "application/pdf": "pdf",
}


@dataclass(frozen=True)
class FetchedPage:
    """A page's bytes with what the server said about them."""

    requested_url: str
    final_url: str
    media_type: str
    charset: str | None
    data: bytes
    fetched_at: str  # ISO 8601, UTC, to the second


def check_address(url: str) -> str:
    """``url`` stripped, when it is an http or https address with a host; ReadError otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES:
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise ReadError(f"cannot open '{url}': only http and https addresses are fetched ({shown} given)")
    if not parts.hostname:
        raise ReadError(f"cannot open '{url}': the address has no host")
    return url


def fetch_page(
    url: str,
    *,
    max_bytes: int,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    deadline: float = DEADLINE,
) -> FetchedPage:
    """GET ``url`` and return its body; ReadError, naming the address, for every failure."""
    url = check_address(url)
    label = f"'{url}'"
    pool = urllib3.PoolManager(
        headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
        timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
        retries=urllib3.Retry(total=MAX_REDIRECTS, connect=0, read=0, status=0, other=0,
                              redirect=MAX_REDIRECTS, raise_on_redirect=True, raise_on_status=False),
        ca_certs=_certificates(),
    )
    started = time.monotonic()
    try:
        response = pool.request("GET", url, preload_content=False, redirect=True)
    except MaxRetryError as exc:
        raise ReadError(f"cannot open {label}: {_failure(exc.reason)}") from None
    except (HTTPError, OSError, ValueError) as exc:
        raise ReadError(f"cannot open {label}: {_failure(exc)}") from None
    try:
        final_url = _final_url(url, response)
        if urlsplit(final_url).scheme.lower() not in WEB_SCHEMES:
            raise ReadError(f"cannot open {label}: it redirects to a non-web address")
        if response.status >= 400:
            answer = f"{response.status} {response.reason or ''}".rstrip()
            raise ReadError(f"cannot open {label}: the server answered {answer}")
        if 300 <= response.status < 400:
            raise ReadError(f"cannot open {label}: it redirects more than {MAX_REDIRECTS} times")
        length = response.headers.get("Content-Length", "")
        if length.isdigit():
            check_size(int(length), max_bytes, label)
        data = _body(response, max_bytes, label, started, deadline)
    finally:
        response.release_conn()
        pool.clear()
    media_type, charset = _content_type(response.headers.get("Content-Type", ""))
    if not data:
        raise ReadError(f"{label} is empty (the server sent no content)")
    return FetchedPage(url, final_url, media_type, charset, data, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def _final_url(url: str, response) -> str:
    """The absolute address a fetch ended at: redirect locations may be relative to each hop."""
    final = url
    history = response.retries.history if response.retries is not None else ()
    for hop in history:
        if hop.redirect_location:
            final = urljoin(hop.url or final, hop.redirect_location)
    return final


def _body(response, max_bytes: int, label: str, started: float, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := response.read1(CHUNK, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise ReadError(f"{label} is larger than the {format_size(max_bytes)} limit "
                                "(the download was stopped there)")
            if time.monotonic() - started > deadline:
                raise ReadError(f"cannot open {label}: the page took longer than {deadline:.0f} s to arrive")
            chunks.append(chunk)
    except Urllib3Timeout:
        raise ReadError(f"cannot open {label}: the server stopped answering (timed out)") from None
    except (HTTPError, OSError) as exc:
        raise ReadError(f"cannot open {label}: {_failure(exc)}") from None
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    message = email.message.Message()
    message["Content-Type"] = header or "application/octet-stream"
    charset = message.get_param("charset")
    return message.get_content_type(), (str(charset) if isinstance(charset, str) else None)


def _failure(exc: BaseException | None) -> str:
    """A reason a reader can act on, from urllib3's nested exceptions."""
    text = str(exc or "")
    name = type(exc).__name__ if exc is not None else ""
    if "Connection refused" in text:
        return "the server refused the connection"
    if isinstance(exc, Urllib3Timeout) or "timed out" in text.lower():
        return "the server did not answer in time (timed out)"
    if "too many redirects" in text.lower() or name == "ResponseError":
        return f"it redirects more than {MAX_REDIRECTS} times"
    if "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "the host name could not be found (no network, or a wrong address)"
    if "Connection aborted" in text or "RemoteDisconnected" in text or "Connection reset" in text:
        return "the server closed the connection without a complete answer"
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSLError" in name or "SSL" in text:
        return "the secure connection failed (the certificate could not be verified)"
    return text.split(": ", 1)[-1] if text else name or "the fetch failed"


def _certificates() -> str | None:
    """certifi's CA bundle where it is installed (a bundled app has no system store to rely on)."""
    try:
        import certifi
    except ImportError:
        return None
    return certifi.where()
