"""Articles that come from no file: the clipboard's HTML or text, piped bytes."""

import io
from datetime import datetime

import pytest

from glossator.core.errors import ReadError
from glossator.core.readers.unfiled import (
    clipboard_source,
    first_line_title,
    read_clipboard,
    read_stream_text,
    sniff_format,
)

BROWSER_COPY = (
    "<meta charset='utf-8'><h1>Port strike ends</h1><script>alert('pwned')</script>"
    "<p onclick=\"steal()\">Dockworkers in Rotterdam returned to work on Monday after a week-long strike, "
    "the union said.</p><p>The port handled 440 million tonnes of cargo last year.</p>"
)
WHEN = datetime(2026, 11, 29, 9, 5)


def test_browser_html_is_sanitised_and_titled_by_its_heading():
    article = read_clipboard(BROWSER_COPY, "Port strike ends\nDockworkers…", source=clipboard_source(WHEN))
    assert article.format == "html"
    assert article.title == "Port strike ends"
    assert "Dockworkers in Rotterdam returned to work" in article.text
    assert "alert" not in article.text and "steal" not in article.text and "<" not in article.text
    assert article.source_path == "Clipboard, 2026-11-29 09:05"


def test_plain_text_takes_its_first_short_line_as_title():
    text = "Nvidia shares fell 17% on Monday, wiping out $600 billion.\r\n\r\nAnalysts called it the largest drop."
    article = read_clipboard("", text, source="Clipboard, now")
    assert article.format == "txt"
    assert article.title == "Nvidia shares fell 17% on Monday, wiping out $600 billion."
    assert article.text == ("Nvidia shares fell 17% on Monday, wiping out $600 billion.\n\n"
                            "Analysts called it the largest drop.")
    assert article.source_path == "Clipboard, now"


def test_a_long_first_line_is_no_title():
    assert first_line_title("\n  " + "word " * 30) == ""
    assert first_line_title("\n\n  Short   headline \nbody") == "Short headline"


def test_html_without_text_falls_back_to_the_plain_text():
    article = read_clipboard("<img src='chart.png'>", "Chart of the week\n\nRents rose 3% in a year.")
    assert article.format == "txt"
    assert article.title == "Chart of the week"


@pytest.mark.parametrize(
    ("html", "text", "message"),
    [
        ("", "", "the clipboard holds no text"),
        ("", " \n\t ", "the clipboard is empty (only whitespace)"),
        ("<img src='chart.png'>", "", "the clipboard has no article text that could be extracted"),
    ],
)
def test_nothing_to_read_is_a_read_error(html, text, message):
    with pytest.raises(ReadError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_clipboard(html, text)


def test_the_file_size_limit_applies(monkeypatch):
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", "1KB")
    with pytest.raises(ReadError, match=r"the clipboard is 2 KB, over the 1 KB limit"):
        read_clipboard("", "é" * 1024)  # counted in UTF-8 bytes


def test_sniffing_html():
    assert sniff_format("\ufeff  <!DOCTYPE html><p>x") == "html"
    assert sniff_format("<p>x</p>") == "html"
    assert sniff_format("<3 to all readers") == "txt"
    assert sniff_format("# A heading that stays text") == "txt"


def test_streams_are_decoded_like_files():
    text, metadata = read_stream_text(io.BytesIO("Caf\xe9 prices rose.".encode("cp1252")))
    assert text == "Café prices rose."
    assert metadata == {"encoding": "cp1252", "byte_size": 17}
    with pytest.raises(ReadError, match="standard input is over the 10 bytes limit"):
        read_stream_text(io.BytesIO(b"x" * 1_000), max_bytes=10)
