"""Titles and sources from an older library may hold newlines, NULs, terminal escapes and bidi
overrides; the command line prints them escaped, one row per article, long titles cut."""

from glossator.cli import output
from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from glossator.core.store import models
from tests.cli_runner import run

BAD_TITLE = "Line one\nLine two\x00\x1b[31mred\u202etxt.exe\u2066isolated\u2069\x85end\x9b"
BAD_SOURCE = "https://example.org/a\r\nb\u202ec"
UNSAFE = ["\n", "\r", "\x00", "\x1b", "\u202e", "\u2066", "\u2069", "\x85", "\x9b"]


def _stored(title, source_url="", text="The harbour reopened after the storm."):
    """An article holding ``title`` as an older version would have stored it, unsanitised."""
    row = store.save_article(Article(text=text, blocks=paragraph_blocks(text), title="placeholder"))
    models.Article.update(title=title, source_url=source_url).where(models.Article.id == row.id).execute()
    return row.id


def test_clean_escapes_controls_and_bidi_and_flattens_breaks():
    assert output.clean("a\nb\tc\u2028d") == "a b c d"
    assert output.clean("x\x00y\x1bz\x7f") == "x\\x00y\\x1bz\\x7f"
    assert output.clean("\u202eabc\u2066\u200f") == "\\u202eabc\\u2066\\u200f"
    assert output.clean("Zoë — “quoted” 東京 👩‍🔬") == "Zoë — “quoted” 東京 👩‍🔬"


def test_list_prints_one_escaped_row_per_article(capsys):
    article = _stored(BAD_TITLE, BAD_SOURCE)
    store.close_database()
    code, out, err = run(capsys, "list")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3  # header, rule, one row
    row = lines[2]
    assert row.split()[0] == str(article)
    for ch in UNSAFE:
        assert ch not in row, repr(ch)
    assert "\\x00" in row and "\\u202e" in row and "Line one Line two" in row


def test_list_cuts_long_titles_with_an_ellipsis(capsys):
    _stored("A very long title " * 20)
    store.close_database()
    code, out, err = run(capsys, "list")
    row = out.splitlines()[2]
    title = row.split("  ")[1].strip()
    assert title.endswith("…") and len(title) <= output.TITLE_WIDTH


def test_show_escapes_title_and_source(capsys):
    article = _stored(BAD_TITLE, BAD_SOURCE)
    store.close_database()
    code, out, err = run(capsys, "show", str(article))
    assert code == 0, err
    title_line = next(line for line in out.splitlines() if line.strip().startswith("title"))
    source_line = next(line for line in out.splitlines() if line.strip().startswith("source"))
    assert "Line one Line two" in title_line and "\\u202etxt.exe" in title_line
    assert source_line.strip().endswith("a b\\u202ec")
    for ch in UNSAFE[2:]:
        assert ch not in out, repr(ch)
    assert "\r" not in out


def test_search_escapes_and_cuts_titles(capsys):
    _stored(BAD_TITLE + " long" * 40)
    store.close_database()
    code, out, err = run(capsys, "search", "harbour")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3
    for ch in UNSAFE:
        assert ch not in lines[2], repr(ch)
    assert "…" in lines[2]
