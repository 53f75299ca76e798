"""Deeply nested pages keep their whole body: lxml's default 256-level cut-off dropped it silently."""

import pytest

from glossator.core import store
from glossator.core.errors import ReadError
from glossator.core.readers import read_article, read_text
from tests.cli_runner import run

PARAGRAPHS = [
    "The harbour authority confirmed on Tuesday that the second phase of the dredging works "
    "will begin in March, two years later than first announced.",
    "Residents of the old quarter say the delay has already cost local fishing businesses "
    "more than the council estimated, and they want an independent review.",
    "A spokesperson for the council said the figures would be published before the summer.",
]


def nested_page(depth: int, tag: str = "div") -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><title>Harbour works delayed again</title></head><body>"
        "<h1>Harbour works delayed again</h1>"
        + f"<{tag}>" * depth + body + f"</{tag}>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [300, 2000])
@pytest.mark.parametrize("tag", ["div", "section", "span", "blockquote"])
def test_every_paragraph_comes_through_deep_nesting(tmp_path, depth, tag):
    path = tmp_path / "deep.html"
    path.write_text(nested_page(depth, tag), encoding="utf-8")
    article = read_article(path)
    for text in PARAGRAPHS:
        assert text in article.text
    assert article.title == "Harbour works delayed again"


@pytest.mark.parametrize("depth", [300, 2000])
def test_wrapper_nesting_keeps_the_paragraphs_apart(depth):
    article = read_text(nested_page(depth), format="html", source_path="deep.html")
    paragraphs = [article.text[b.start : b.end] for b in article.blocks if b.kind == "paragraph"]
    assert paragraphs == PARAGRAPHS


@pytest.mark.parametrize("tag", ["div", "b", "x-frame"])
def test_the_plain_fallback_reads_deep_nesting_too(monkeypatch, tag):
    # Its walk is recursive: unflattened, 2000 levels would overflow Python's stack.
    monkeypatch.setattr("glossator.core.readers.html_reader.extract_main_text", lambda page: None)
    article = read_text(nested_page(2000, tag), format="html", source_path="deep.html")
    assert article.metadata["extractor"] == "fallback"
    for text in PARAGRAPHS:
        assert text in article.text


def test_nesting_deeper_than_lxml_can_parse_is_refused_not_cut(tmp_path):
    path = tmp_path / "abyss.html"
    path.write_text(nested_page(3000), encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_article(path)
    assert str(caught.value) == (
        f"cannot read '{path}': its HTML is nested too deeply (over 2,000 levels) to be read whole"
    )


def test_raw_html_nested_deep_inside_markdown_is_kept(tmp_path):
    path = tmp_path / "deep.md"
    inner = "\n\n".join(PARAGRAPHS)
    path.write_text("# Harbour\n\n" + "<div>" * 300 + f"\n\n{inner}\n\n" + "</div>" * 300 + "\n\nEnd.\n",
                    encoding="utf-8")
    article = read_article(path)
    for text in PARAGRAPHS + ["End."]:
        assert text in article.text


@pytest.mark.parametrize("command", [("text",), ("import", "--no-analyse"), ("analyze",)])
def test_commands_read_the_whole_deep_page(capsys, tmp_path, glossator_db, command):
    path = tmp_path / "deep.html"
    path.write_text(nested_page(300), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(glossator_db), command[0], str(path), *command[1:])
    assert code == 0, err
    assert err == ""
    if command[0] == "text":
        assert all(text in out for text in PARAGRAPHS)
        return
    store.open_database(glossator_db)
    (row,) = store.list_articles()
    stored = store.get_article(row.id).text
    assert all(text in stored for text in PARAGRAPHS)
