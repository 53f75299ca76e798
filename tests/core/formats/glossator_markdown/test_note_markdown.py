"""A reader's note keeps its Markdown in the export, minus anything that could act on a page."""

import markdown

from glossator.core.formats.glossator_markdown.footnotes import user_markdown_lines


def _render(note: str) -> str:
    return markdown.markdown("\n".join(user_markdown_lines(note)), extensions=["extra"])


def test_attribute_lists_in_a_note_add_no_attributes():
    for note in ("*x*{onclick=alert(1)}", "*x*{: onclick=alert(1)}", "para\n{: onclick=x}", "`c`{: #i onmouseover=x}"):
        html = _render(note)
        assert "onclick" not in html.split(">", 1)[0] and "=\"" not in html, html
        assert "{" in html  # the braces are shown, not dropped


def test_braces_inside_code_are_left_alone():
    assert user_markdown_lines("use `f{x}` here {y}") == ["use `f{x}` here \\{y}"]
    assert user_markdown_lines("intro\n```\ndict = {a: 1}\n```") == ["intro", "```", "dict = {a: 1}", "```"]


def test_ordinary_markdown_survives():
    html = _render("**bold** and *it* with [a link](https://example.org)")
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html
    assert '<a href="https://example.org">a link</a>' in html
