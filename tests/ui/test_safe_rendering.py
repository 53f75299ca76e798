"""Nothing an article carries can run, load or phone home: scripts, frames, handlers and remote
or local resources never reach the reader, and only safe links are kept or opened.

A local HTTP server on 127.0.0.1 serves a hostile article whose images, frames, style sheets
and fonts all point back at the server; opening that article in the real window must make
zero requests.
"""

from __future__ import annotations

import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from glossator.core.errors import GlossatorError
from glossator.core.readers import read_article
from glossator.core.store.sources import check_url
from glossator.ui.external_links import openable_url
from glossator.ui.reader_document import ReaderDocument
from glossator.ui.reading_pane import ReadingPane
from tests.ui.test_main_window import open_and_wait

ARTICLE = """<!doctype html>
<html><head>
<title>Port Traffic Falls</title>
<link rel="stylesheet" href="{base}/style.css">
<link rel="icon" href="{base}/favicon.ico">
<style>@import url({base}/imported.css); body {{ background: url({base}/bg.png) }}
@font-face {{ font-family: x; src: url({base}/font.woff) }}</style>
<script src="{base}/tracker.js"></script>
<script>document.write('<img src="{base}/written.png">'); alert("SCRIPT-RAN")</script>
<meta http-equiv="refresh" content="0; url={base}/refresh">
</head>
<body onload="alert('ONLOAD-RAN')">
<article>
<h1>Port Traffic Falls</h1>
<p onclick="steal('ONCLICK-RAN')">Container traffic at the port fell by 12% in March, the
harbour authority said on Tuesday.<img src="{base}/inline.png" onerror="alert('ONERROR-RAN')"></p>
<p><img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" alt="A crane"> Officials blamed
the strike.<iframe src="{base}/frame.html">FRAME-TEXT</iframe></p>
<p>Read <a href="javascript:alert('HREF-RAN')">the statement</a> or
<a href="{base}/report">the full report</a> or <a href="file:///etc/passwd">this file</a>.</p>
<p><object data="{base}/object.swf">OBJECT-TEXT</object><embed src="{base}/embed.swf">
<video poster="{base}/poster.png" src="{base}/video.mp4"></video>
<svg><image href="{base}/svg.png"/><script>alert("SVG-RAN")</script></svg>
<img src="file:///etc/hostname"> Exports are expected to recover next quarter.</p>
</article>
</body></html>
"""
EXECUTABLE = ("SCRIPT-RAN", "ONLOAD-RAN", "ONCLICK-RAN", "ONERROR-RAN", "HREF-RAN", "SVG-RAN",
              "alert", "steal", "document.write", "<script", "<iframe", "javascript:")


class _CountingServer:
    """A web server on 127.0.0.1 that serves the article and counts every request it gets."""

    def __init__(self):
        self.requests: list[str] = []
        counter = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                counter.requests.append(self.path)
                body = ARTICLE.format(base=counter.base).encode() if self.path == "/article.html" else b"x"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = _CountingServer()
    yield running
    running.close()


@pytest.fixture
def hostile_file(server, tmp_path):
    """The hostile article as a browser would save it, fetched once from the server."""
    with urllib.request.urlopen(f"{server.base}/article.html", timeout=10) as response:
        page = response.read()
    assert server.requests == ["/article.html"]
    server.requests.clear()
    path = tmp_path / "port-traffic.html"
    path.write_bytes(page)
    return path


def test_reader_keeps_the_text_and_drops_everything_executable(hostile_file, server):
    article = read_article(hostile_file)
    assert "fell by 12% in March" in article.text and "recover next quarter" in article.text
    for marker in (*EXECUTABLE, server.base):
        assert marker not in article.text, marker
    links = [inline.href for inline in article.inlines if inline.kind == "link"]
    assert all(openable_url(href) is not None for href in links), links
    assert not any(href.lower().startswith(("javascript:", "file:", "data:")) for href in links)
    assert server.requests == []


def test_opening_the_article_in_the_window_makes_no_request(qtbot, window, hostile_file, server):
    article_id, _ = open_and_wait(qtbot, window, hostile_file)
    assert window.session.article_id == article_id
    qtbot.wait(300)  # time for any late image or style fetch to show up at the server
    document = window.reader.document()
    html = document.toHtml()
    assert "fell by 12% in March" in document.toPlainText()
    for marker in (*EXECUTABLE, "<img", "onerror", "onclick", "onload", "background"):
        assert marker not in html, marker
    assert server.requests == []


def _images(base: str, local) -> str:
    return f'<p>text<img src="{base}/direct.png"><img src="{local.as_uri()}"></p>'


def test_reader_document_never_loads_a_resource(qtbot, server, tmp_path):
    local = tmp_path / "secret.png"
    local.write_bytes(b"\x89PNG not really")
    document = ReaderDocument()
    document.setHtml(_images(server.base, local))
    for url in (f"{server.base}/loaded.png", local.as_uri()):
        assert document.resource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None
    qtbot.wait(200)
    assert server.requests == []


def test_reading_pane_refuses_resources_and_navigation(qtbot, server, tmp_path):
    local = tmp_path / "secret.css"
    local.write_text("p { color: red }")
    pane = ReadingPane()
    qtbot.addWidget(pane)
    assert not pane.openLinks() and not pane.openExternalLinks()
    pane.setHtml(_images(server.base, local))
    pane.show()
    qtbot.wait(200)
    assert pane.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{server.base}/x.png")) is None
    assert pane.loadResource(QTextDocument.ResourceType.StyleSheetResource, QUrl(local.as_uri())) is None
    assert server.requests == []


@pytest.mark.parametrize("url", [
    "http://example.org/a", "https://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG",
    "mailto:desk@example.org", "doi:10.1000/xyz123",
])
def test_safe_source_links_are_accepted(url):
    assert check_url(f"  {url} ") == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd", "file:relative",
    "data:text/html,<script>alert(1)</script>", "data:image/png;base64,AAAA", "vbscript:msgbox",
    "ftp://example.org/x", "about:blank", "/etc/passwd", "example.org", "http://", "java script:x",
])
def test_unsafe_source_links_are_refused_with_a_message(url):
    with pytest.raises(GlossatorError) as caught:
        check_url(url)
    message = str(caught.value)
    assert message and "\n" not in message
    if not url.lower().startswith(("http", "/", "example")):
        # Nor would the reader or the inspector hand such a link to the desktop.
        assert openable_url(url) is None
