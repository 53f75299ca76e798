"""Every bad input a user can give ends in one ReadError line that names the file."""

import random
from pathlib import Path

import pytest

from glossator.core.errors import ReadError
from glossator.core.readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_article, read_text


def read_error(path, **kwargs) -> str:
    with pytest.raises(ReadError) as caught:
        read_article(path, **kwargs)
    message = str(caught.value)
    assert "\n" not in message, "one line"
    assert str(path) in message, "names the file"
    return message


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_public_constants():
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert SUPPORTED_SUFFIXES == (
        ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub", ".pdf",
    )


def test_unsupported_suffix(tmp_path):
    path = write(tmp_path, "letter.docx", b"PK\x03\x04")
    message = read_error(path)
    assert message == (
        f"cannot read '{path}': unsupported file type '.docx' "
        "(supported: .txt, .text, .md, .markdown, .html, .htm, .xhtml, .epub, .pdf)"
    )


def test_no_suffix(tmp_path):
    message = read_error(write(tmp_path, "README", b"text"))
    assert "unsupported file type (no suffix)" in message


def test_missing_file(tmp_path):
    path = tmp_path / "gone.txt"
    assert read_error(path) == f"cannot read '{path}': no such file"


def test_directory(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert read_error(path) == f"cannot read '{path}': it is a folder, not a file"


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"classified words")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # chmod cannot stop root, which CI may run as, so the refusal is simulated.
    monkeypatch.setattr("glossator.core.readers.source_file.open", refuse, raising=False)
    assert read_error(path) == f"cannot read '{path}': permission denied"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_empty_file(tmp_path, suffix):
    path = write(tmp_path, f"empty{suffix}", b"")
    assert read_error(path) == f"'{path}' is empty"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_whitespace_only_file(tmp_path, suffix):
    path = write(tmp_path, f"blank{suffix}", b" \n\t\r\n   \n")
    assert read_error(path) == f"'{path}' is empty (only whitespace)"


def test_whitespace_only_utf16_file(tmp_path):
    path = write(tmp_path, "blank16.txt", "  \n \n".encode("utf-16"))
    assert "is empty" in read_error(path)


def test_binary_file_with_nul_bytes(tmp_path):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    path = write(tmp_path, "picture.txt", data)
    assert read_error(path) == f"'{path}' looks like a binary file, not text"


def test_binary_file_of_control_bytes(tmp_path):
    data = bytes([1, 2, 3, 4, 5, 65, 66, 67, 6, 7, 8, 14, 15, 16]) * 50
    path = write(tmp_path, "controls.md", data)
    assert "looks like a binary file, not text" in read_error(path)


def test_undecodable_bytes(tmp_path):
    data = bytes(range(0x80, 0x100)) * 10
    path = write(tmp_path, "mystery.txt", data)
    assert read_error(path) == f"cannot read '{path}': its text encoding could not be worked out"


def test_too_big_by_argument(tmp_path):
    path = write(tmp_path, "big.txt", b"word " * 300)
    assert read_error(path, max_bytes=1000) == f"'{path}' is 1.5 KB, over the 1000 bytes limit"


def test_too_big_by_environment(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", b"x" * (3 * 1024 * 1024))
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", "2MB")
    assert read_error(path) == f"'{path}' is 3 MB, over the 2 MB limit"
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", str(4 * 1024 * 1024))
    assert len(read_article(path).text) == 3 * 1024 * 1024


def test_argument_overrides_environment(tmp_path, monkeypatch):
    path = write(tmp_path, "small.txt", b"A few words.")
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", "5")
    assert read_article(path, max_bytes=100).text == "A few words."


def test_just_over_the_limit_shows_exact_sizes(tmp_path):
    path = write(tmp_path, "edge.txt", b"y" * (2 * 1024 * 1024 + 1))
    message = read_error(path, max_bytes=2 * 1024 * 1024)
    assert message == f"'{path}' is 2,097,153 bytes, over the 2,097,152-byte limit"


def test_bad_limit_in_environment(tmp_path, monkeypatch):
    path = write(tmp_path, "any.txt", b"text")
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", "lots")
    assert "GLOSSATOR_MAX_BYTES='lots' is not a size" in read_error(path)


def test_html_with_nothing_to_read(tmp_path):
    page = (
        b"<!DOCTYPE html><html><head><title>Home</title><script>var x = 1;</script>"
        b"<style>body{color:red}</style></head><body><nav><a href='/'>Home</a> "
        b"<a href='/news'>News</a></nav><footer>(c) 2024</footer></body></html>"
    )
    path = write(tmp_path, "empty-page.html", page)
    assert read_error(path) == f"'{path}' has no article text that could be extracted"


def test_broken_html_with_nothing_to_read(tmp_path):
    path = write(tmp_path, "broken.htm", b"<html><head><scr</head><body><div><img src=x></span>")
    assert "has no article text that could be extracted" in read_error(path)


def test_markdown_with_only_front_matter(tmp_path):
    path = write(tmp_path, "meta.md", b"---\ntitle: Nothing else\n---\n\n")
    assert read_error(path) == f"'{path}' has no text (only front matter or whitespace)"


def test_bom_that_lies(tmp_path):
    path = write(tmp_path, "liar.txt", b"\xef\xbb\xbfcaf\xe9 au lait")
    assert "utf-8-sig byte-order mark but is not valid utf-8-sig" in read_error(path)


def test_read_text_errors():
    with pytest.raises(ReadError, match="^the text is empty$"):
        read_text("  \n ")
    with pytest.raises(ReadError, match="^'clip.html' has no article text"):
        page = "<html><body><script>x()</script></body></html>"
        read_text(page, format="html", source_path="clip.html")
    with pytest.raises(ValueError, match="unknown article format 'pdf'"):
        read_text("words", format="pdf")


def test_random_noise_fails_cleanly_for_every_suffix(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    for suffix in SUPPORTED_SUFFIXES:
        read_error(write(tmp_path, f"noise{suffix}", data))
