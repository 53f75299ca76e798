"""No article text, note, source or speaker can inject HTML into an export or break its structure.

Everything a user or a web page controls is drawn from attack strings (script and iframe
tags, event handlers, ``javascript:``/``data:``/``file:`` links, closing tags of Glossator's
own markup, footnote and table syntax). The export is rendered with python-markdown and with
a CommonMark renderer; the HTML may hold only the elements Glossator itself writes, no event
handler, no unsafe link, and exactly one footnote per shown claim. The whole export is
rendered, front matter included, as a renderer that does not know front matter would show it
(``tests/core/formats/glossator_markdown/test_front_matter.py`` holds the title to its own, stricter test).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.article import Article, paragraph_blocks
from glossator.core.formats.glossator_markdown.markdown import export_markdown
from tests.core.formats.glossator_markdown.markdown_render import commonmark, python_markdown
from tests.reliability.reliability_profile import FUZZ_SETTINGS

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
ATTACKS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//evil.example>",
    "<a href=\"javascript:alert(1)\">x</a>", "[x](javascript:alert(1))", "[x](data:text/html,hi)",
    "![i](file:///etc/passwd)", "<svg onload=alert(1)>", "<style>*{}</style>", "</mark>", "<mark>",
    "</sup>", "</li></ol>", "<!--", "-->", "<![CDATA[", "&lt;script&gt;", "&#60;script&#62;",
    "<div onclick=x>", "<p style=\"x\">", "<object data=x>", "<math><mi xlink:href=x>", "\n\n",
    "[^c1]: fake", "[^c1]", "| a | b |", "\n|---|\n", "\n# heading\n", "\n---\n", "`", "```\n",
    "**", "*x*{: onclick=alert(1)}", "`c`{: #i onmouseover=x}", "*x*{onclick=alert(1)}", "\n{: onclick=x}\n",
    "<https://ok.example>", "<javascript:alert(1)>", "<b>", "<", ">", "&", "\\", "\"", "'",
]
ALLOWED_TAGS = {
    "p", "mark", "strong", "em", "b", "i", "a", "sup", "div", "ol", "ul", "li", "hr", "table",
    "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "code", "br", "section", "del", "s", "sub", "span",
}
SAFE_HREF = re.compile(r"(https?:|mailto:|#)", re.IGNORECASE)

piece = st.one_of(st.sampled_from(ATTACKS), st.text(max_size=5))
# Notes are the reader's own Markdown, yet the same attacks must come to nothing inside them.
user_text = st.lists(piece, min_size=1, max_size=6).map("".join)


class _Elements(HTMLParser):
    """Every start tag and its attributes in rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _check_html(html: str) -> None:
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, f"<{tag}> got into the export: {html[:2000]}"
        for name, value in attrs.items():
            assert not name.startswith("on") and name not in ("src", "style", "srcdoc"), (tag, name)
            if name == "href":
                assert value and SAFE_HREF.match(value), f"unsafe link {value!r}"


@st.composite
def exports(draw):
    paragraphs = draw(st.lists(user_text.filter(lambda t: t.strip()), min_size=1, max_size=4))
    text = "\n\n".join(" ".join(p.split()) or "x" for p in paragraphs)
    article = Article(text=text, blocks=paragraph_blocks(text), title=draw(user_text))
    records = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        records.append(AnnotationRecord(
            kind=draw(st.sampled_from(["claim", "highlight", "entity"])), label="statistic",
            start=start, end=end, score=0.9, status="unchecked",
            attrs={"speaker": draw(user_text), "cue": draw(user_text)},
            notes=draw(st.lists(user_text, max_size=2)),
            sources=draw(st.lists(st.builds(
                SourceRef, url=st.one_of(user_text, st.sampled_from(
                    ["https://ok.example/a", "javascript:alert(1)", "data:text/html,x", "file:///x"])),
                title=user_text, stance=st.sampled_from(["supports", "refutes", "context"]),
                note=user_text), max_size=2)),
        ))
    notes = draw(st.lists(user_text, max_size=2))
    return export_markdown(article, records, exported_at=STAMP, article_notes=notes), records, text


@FUZZ_SETTINGS
@given(exports())
def test_user_text_cannot_inject_html_or_break_footnotes(case):
    md, records, text = case
    shown = sum(1 for r in records if r.kind == "claim" and text[r.start:r.end].strip("\n"))
    for html in (python_markdown(md), commonmark(md)):
        _check_html(html)
    html = python_markdown(md)
    assert len(re.findall(r'<li id="fn:c\d+">', html)) == shown
    if shown:
        # The claims table keeps one row per shown claim: nothing a user wrote split or joined rows.
        table = html[html.index("<table>"):html.index("</table>")]
        assert table.count("<tr>") == shown + 1
