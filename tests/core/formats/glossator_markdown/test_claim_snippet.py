"""Copy claim as Markdown: the block quotes the claim, lists notes and sources, and stays escaped."""

import markdown
from markdown_it import MarkdownIt

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.formats.glossator_markdown.claim_snippet import attribution, claim_markdown


def python_markdown(md: str) -> str:
    return markdown.markdown(md, extensions=["extra"])


def commonmark(md: str) -> str:
    return MarkdownIt("commonmark").render(md)


def claim(**changes) -> AnnotationRecord:
    fields = dict(
        kind="claim",
        label="statistic",
        start=10,
        end=60,
        quote="Nvidia's share price plunged by 17%, wiping out approximately $600 billion",
        score=0.913,
        status="unchecked",
        attrs={"speaker": "Marc Andreessen", "cue": "plunged"},
    )
    fields.update(changes)
    return AnnotationRecord(**fields)


def test_block_quotes_the_claim_and_lists_its_details():
    md = claim_markdown(claim(), article_title="DeepSeek R1", source="https://example.com/r1")
    lines = md.splitlines()
    assert lines[0] == "> Nvidia's share price plunged by 17%, wiping out approximately $600 billion"
    assert "> — [DeepSeek R1](https://example.com/r1)" in lines
    assert '**Claim:** statistic · score 0.91 · status: unchecked · speaker: Marc Andreessen · cue: "plunged"' in lines
    html = python_markdown(md)
    assert "<blockquote>" in html and "plunged by 17%" in html
    assert '<a href="https://example.com/r1">DeepSeek R1</a>' in html


def test_notes_and_sources_are_lists_and_only_safe_links_are_links():
    record = claim(
        notes=["Checked **twice**.\n\nSecond paragraph of the note.\n# not a heading", "Short one"],
        sources=[
            SourceRef(url="https://reuters.example/a", title="Reuters", stance="refutes", note="older figure"),
            SourceRef(url="doi:10.1000/xyz", title="Paper", stance="supports"),
            SourceRef(url="javascript:alert(1)", title="Bad", stance="context"),
            SourceRef(url="mailto:desk@example.org", stance="context"),
        ],
        tags=["markets", "to check"],
    )
    md = claim_markdown(record)
    assert "- [Reuters](https://reuters.example/a) — refutes: older figure" in md
    assert "- [Paper](https://doi.org/10.1000/xyz) — supports" in md
    assert "- [mailto:desk@example.org](mailto:desk@example.org) — context" in md
    assert "Tags: markets, to check" in md
    for html in (python_markdown(md), commonmark(md)):
        assert 'href="javascript' not in html
        assert "<strong>twice</strong>" in html
        # the note's later lines stay inside its list item and never become a heading
        assert "<h1>" not in html
        assert html.index("Second paragraph") < html.index("Short one")
        assert html.count("<ul>") == 2


def test_article_text_and_user_text_cannot_break_the_block():
    record = claim(
        quote="# Not a heading\n\n<script>alert(1)</script> *not emphasis* [^c1] | pipe",
        attrs={"speaker": "<b>Mallory</b>", "cue": "**"},
        sources=[SourceRef(url="https://e.example/x)(y", title="[evil](javascript:x)", stance="context")],
    )
    md = claim_markdown(record, article_title="*Title*", source="article.txt")
    for html in (python_markdown(md), commonmark(md)):
        assert "<script>" not in html and "<b>" not in html and "<h1>" not in html
        assert "<em>not emphasis</em>" not in html
        assert "&lt;script&gt;" in html
        assert 'href="javascript' not in html
        assert "*Title*" in html and "(article.txt)" in html
    assert md.count("\n>\n") == 2  # two quoted paragraphs and the attribution


def test_highlights_and_bare_records_still_give_a_block():
    md = claim_markdown(AnnotationRecord(kind="highlight", label="", start=0, end=4, quote="Text"))
    assert md == "> Text\n\n**Highlight**\n"
    empty = claim_markdown(AnnotationRecord(kind="claim", label="quote", start=0, end=1, quote=""))
    assert empty.startswith("> …\n\n**Claim:** quote · status: unchecked")


def test_attribution_forms():
    assert attribution("", "") == ""
    assert attribution("Title", "") == "*Title*"
    assert attribution("", "notes.md") == "notes.md"
    assert attribution("A_b", "ftp://x") == "*A\\_b* (ftp://x)"
    assert attribution("", "https://x.org/a b") == "[https://x.org/a b](https://x.org/a%20b)"
