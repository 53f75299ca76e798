"""A web server on 127.0.0.1 for the tests that fetch pages: saved pages, redirects, slow and
huge answers, errors and charsets, each at its own path. There is no network in the tests."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NEWS_PAGE = Path(__file__).parent / "core" / "readers" / "data" / "news_article.html"
RUSSIAN_TEXT = "Городской совет проголосовал за новую дамбу. Стоимость: 12 миллионов рублей."


class PageServer:
    """Serves until closed; ``url(path)`` is the address of one of its paths."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.news_page = NEWS_PAGE.read_bytes()
        self.served: tuple[str, bytes] = ("text/html", b"")  # what /served answers, set by a test
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler_for(site: PageServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep the test output clean
            pass

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers.items())))
            path = self.path.split("?", 1)[0]
            if path == "/news":
                self._send(200, "text/html; charset=utf-8", site.news_page)
            elif path.startswith("/hop/"):
                left = int(path.rsplit("/", 1)[1])
                target = "/news" if left <= 1 else f"/hop/{left - 1}"
                self._send(302, "text/html", b"", location=target)
            elif path == "/to-ftp":
                self._send(302, "text/html", b"", location="ftp://127.0.0.1/file.txt")
            elif path == "/koi8":
                body = f"<html><head><title>Дамба</title></head><body><p>{RUSSIAN_TEXT}</p></body></html>"
                self._send(200, "text/html; charset=koi8-r", body.encode("koi8-r"))
            elif path == "/plain":
                self._send(200, "text/plain", b"The council voted 7 to 2 for the wall.\n")
            elif path == "/served":
                self._send(200, *site.served)
            elif path == "/report.pdf":
                from tests.pdf_documents import SAMPLE, make_pdf

                self._send(200, "application/pdf", make_pdf(SAMPLE).data)
            elif path == "/missing":
                self._send(404, "text/html", b"<h1>Not found</h1>")
            elif path == "/image":
                self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
            elif path == "/empty":
                self._send(200, "text/html", b"")
            elif path == "/slow":
                self._send_slowly()
            elif path == "/huge-length":
                self._send_head(200, "text/html", length=10 ** 10)
            elif path == "/huge-stream":
                self._send_endless()
            else:
                self._send(404, "text/plain", b"no such page")

        def _send_head(self, status: int, media_type: str, *, length: int | None, location: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            if length is not None:
                self.send_header("Content-Length", str(length))
            if location:
                self.send_header("Location", location)
            self.end_headers()

        def _send(self, status: int, media_type: str, body: bytes, *, location: str = "") -> None:
            self._send_head(status, media_type, length=len(body), location=location)
            self.wfile.write(body)

        def _send_slowly(self) -> None:
            """Headers at once, then a trickle: a byte every half second for a long time."""
            self._send_head(200, "text/html", length=4000)
            try:
                for _ in range(4000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass

        def _send_endless(self) -> None:
            """No length given, and no end: a megabyte after another until the client hangs up."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            block = b"<p>" + b"word " * 200_000 + b"</p>"
            try:
                while True:
                    self.wfile.write(block)
            except OSError:
                pass

    return Handler
