"""Binary files are refused with one line, by the reader and by every command that reads a file,
while UTF-16 text (with or without a byte-order mark) is still read."""

import codecs

import pytest

from glossator.core import store
from glossator.core.errors import ReadError
from glossator.core.readers import read_article
from tests.cli_runner import run

# Passed the UTF-16 test on its NUL byte and was stored as a two-character article.
TINY_BINARY = b"x\0\1\2\xff\xfe"
TEXT = "Ein Spaziergang am Fluss. Prices rose 3% in March, officials said.\n\nSecond paragraph."


def test_a_tiny_binary_file_is_refused(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(TINY_BINARY)
    with pytest.raises(ReadError) as caught:
        read_article(path)
    assert str(caught.value) == f"'{path}' looks like a binary file, not text"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("utf-16-le"),  # no byte-order mark: told by its NUL high bytes
    ],
    ids=["utf-16-le-bom", "utf-16-be-bom", "utf-32-bom", "utf-16-le-no-bom"],
)
def test_utf16_and_utf32_text_is_still_read(tmp_path, data):
    path = tmp_path / "wide.txt"
    path.write_bytes(data)
    assert read_article(path).text == TEXT


@pytest.mark.parametrize("command", [("text",), ("import", "--no-analyse"), ("analyze",)])
def test_commands_refuse_a_binary_file_and_store_nothing(capsys, tmp_path, glossator_db, command):
    path = tmp_path / "blob.txt"
    path.write_bytes(TINY_BINARY)
    code, out, err = run(capsys, "--db", str(glossator_db), command[0], str(path), *command[1:])
    assert code == 2
    assert err == f"glossator: error: '{path}' looks like a binary file, not text\n"
    assert out == ""
    store.open_database(glossator_db)
    assert store.list_articles() == []
