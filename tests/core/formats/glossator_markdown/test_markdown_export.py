"""The annotated Markdown export against its format (README, "Annotated Markdown"), on the DeepSeek sample."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.article import Article, Block, Inline, paragraph_blocks
from glossator.core.errors import ReadError
from glossator.core.formats.glossator_markdown.body_layout import BODY_END, BODY_START
from glossator.core.formats.glossator_markdown.markdown import EntityMode, export_markdown, strip_markup
from tests.core.formats.glossator_markdown.markdown_render import (
    body_html,
    commonmark,
    commonmark_body_text,
    footnote_plugin,
    python_markdown,
    python_markdown_body_text,
    squash,
    visible_text,
)
from tests.samples import SAMPLE_ARTICLE as SAMPLE

TITLE = "DeepSeek R1 AI Model Disrupts Global Tech Market"
STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
STATISTIC = (
    "Nvidia's share price plunged by 17%, wiping out approximately $600 billion from its market cap"
)
SPUTNIK = "AI’s Sputnik moment"
REPORTED = "According to reports, the R1 model was developed using significantly fewer resources"


def _span(text: str, quote: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


@pytest.fixture(scope="module")
def article() -> Article:
    text = SAMPLE.read_text(encoding="utf-8")
    blocks = [
        replace(b, kind="heading", level=1) if text[b.start : b.end] == TITLE else b
        for b in paragraph_blocks(text)
    ]
    url = "https://example.com/deepseek-r1"
    return Article(text=text, blocks=blocks, title=TITLE, source_url=url)


def _entities(text: str, surface: str, label: str) -> list[AnnotationRecord]:
    return [
        AnnotationRecord("entity", label, m.start(), m.end(), quote=surface)
        for m in re.finditer(re.escape(surface), text)
    ]


@pytest.fixture(scope="module")
def annotations(article: Article) -> list[AnnotationRecord]:
    text = article.text
    statistic = AnnotationRecord(
        "claim",
        "statistic",
        *_span(text, STATISTIC),
        quote=STATISTIC,
        score=0.91,
        attrs={"speaker": "", "cue": "plunged"},
        notes=["Reuters put the loss at **$589 billion**; check the close."],
        sources=[
            SourceRef(
                "https://www.reuters.com/technology/nvidia-(loss) 2025",
                "Reuters | markets",
                "refutes",
                "a lower figure",
            )
        ],
    )
    sputnik = AnnotationRecord(
        "claim",
        "quote",
        *_span(text, SPUTNIK),
        score=0.84,
        attrs={"speaker": "Marc Andreessen", "cue": "characterized"},
    )
    reported = AnnotationRecord(
        "claim",
        "attribution",
        *_span(text, REPORTED),
        score=0.77,
        attrs={"speaker": "unnamed", "cue": "According to"},
    )
    weak_span = _span(text, "will shape the evolution of AI technologies")
    weak = AnnotationRecord("claim", "prediction", *weak_span, score=0.2)
    rejected_span = _span(text, "The launch triggered immediate repercussions")
    rejected = AnnotationRecord("claim", "causal", *rejected_span, score=0.95, status="not-a-claim")
    noted = AnnotationRecord(
        "highlight",
        "",
        *_span(text, "costing under $6 million"),
        origin="user",
        notes=["Compare with Meta's *Llama* budget."],
    )
    plain = AnnotationRecord("highlight", "", *_span(text, "Hangzhou"), origin="user")
    people = _entities(text, "Marc Andreessen", "PERSON") + _entities(text, "Liang Wenfeng", "PERSON")
    orgs = _entities(text, "Nvidia", "ORG") + _entities(text, "OpenAI", "ORG")
    places = _entities(text, "U.S.", "GPE")
    return [statistic, sputnik, reported, weak, rejected, noted, plain, *people, *orgs, *places]


@pytest.fixture(scope="module")
def exported(article: Article, annotations: list[AnnotationRecord]) -> str:
    return export_markdown(article, annotations, exported_at=STAMP, min_claim_score=0.5)


def _body(md: str) -> str:
    return md[md.index(BODY_START) + len(BODY_START) : md.index(BODY_END)]


def _after_body(md: str) -> str:
    return md[md.index(BODY_END) :]


# --- front matter and title -------------------------------------------------------------


def test_front_matter_comes_first(exported: str) -> None:
    assert exported.startswith(
        "---\n"
        f'title: "{TITLE}"\n'
        'source: "https://example.com/deepseek-r1"\n'
        "exported: 2026-11-29T10:00:00Z\n"
        "generator: glossator 0.1.0\n"
        "---\n\n"
    )


def test_front_matter_quotes_any_title_and_falls_back_to_the_file_name() -> None:
    title = 'Say "hi" \\ <b>\nnow'
    article = Article(text="Body.", title=title, source_path="/tmp/news/article one.txt")
    paris = timezone(timedelta(hours=1))
    md = export_markdown(article, [], exported_at=datetime(2026, 11, 29, 11, 0, tzinfo=paris))
    assert 'title: "Say \\"hi\\" \\\\ \\x3Cb> now"\n' in md
    assert 'source: "article one.txt"\n' in md
    assert "exported: 2026-11-29T10:00:00Z\n" in md
    assert 'source: "given"\n' in export_markdown(article, [], exported_at=STAMP, source="given")


def test_generator_is_quoted_unless_plain() -> None:
    article = Article(text="x")
    assert "generator: other 2.0\n" in export_markdown(article, [], exported_at=STAMP, generator="other 2.0")
    assert 'generator: "true"\n' in export_markdown(article, [], exported_at=STAMP, generator="true")


def test_title_heading_not_repeated_after_a_dateline(exported: str) -> None:
    head = exported[: exported.index(BODY_START)]
    assert head.endswith("---\n\n")
    assert f"# {TITLE}" not in head
    assert exported.count(f"{TITLE}") == 2  # the front matter and the article's own heading


def test_title_heading_added_when_the_text_lacks_it() -> None:
    article = Article(text="First paragraph.\n\nSecond one.", title="Markets Rally")
    md = export_markdown(article, [], exported_at=STAMP)
    head = md[: md.index(BODY_START)]
    assert head.endswith("---\n\n# Markets Rally\n\n")
    assert strip_markup(md) == article.text


def test_title_heading_not_repeated_when_the_text_starts_with_it() -> None:
    text = f"{TITLE}\n\nFirst paragraph."
    blocks = [Block("heading", 0, len(TITLE), level=1), *paragraph_blocks(text)[1:]]
    article = Article(text=text, blocks=blocks, title=TITLE)
    md = export_markdown(article, [], exported_at=STAMP)
    assert md.count(f"# {TITLE}") == 1
    assert python_markdown(md).count("<h1>") == 1
    assert strip_markup(md) == text


# --- body structure ---------------------------------------------------------------------


def test_headings_and_paragraphs_keep_their_structure(article: Article, exported: str) -> None:
    paragraphs = sum(1 for b in article.blocks if b.kind == "paragraph")
    for html in (python_markdown(exported), commonmark(exported)):
        body = body_html(html)
        assert f"<h1>{TITLE}</h1>" in body
        assert body.count("<p>") == paragraphs
    assert f"\n\n# {TITLE}\n\n" in _body(exported)


def test_lists_quotes_and_code_blocks_keep_their_structure() -> None:
    parts = [
        ("heading", "Overview", 2, False),
        ("list_item", "first point", 1, False),
        ("list_item", "second point\nwith a second line", 1, False),
        ("list_item", "nested point", 2, False),
        ("paragraph", "Between the lists.", 0, False),
        ("list_item", "step one", 1, True),
        ("list_item", "step two", 1, True),
        ("quote", "A quoted line\nand its second line", 0, False),
        ("code", "x = `y` ```\n\n    indented()", 0, False),
        ("paragraph", "The end.", 0, False),
    ]
    text = "\n\n".join(p[1] for p in parts)
    blocks, pos = [], 0
    for kind, chunk, level, ordered in parts:
        blocks.append(Block(kind, pos, pos + len(chunk), level=level, ordered=ordered))
        pos += len(chunk) + 2
    md = export_markdown(Article(text=text, blocks=blocks), [], exported_at=STAMP)
    body = _body(md)
    assert "\n## Overview\n" in body
    assert "\n- first point\n" in body and "\n    - nested point\n" in body
    assert "\n1. step one\n" in body and "\n2. step two\n" in body
    assert "\n> A quoted line\n> and its second line\n" in body
    assert "\n````\nx = `y` ```\n\n    indented()\n````\n" in body
    for html in (python_markdown(md), commonmark(md)):
        rendered = body_html(html)
        assert "<h2>Overview</h2>" in rendered
        assert rendered.count("<ul>") == 2 and rendered.count("<ol>") == 1
        assert rendered.count("<li>") == 5
        assert "<blockquote>" in rendered
        assert "<pre><code>x = `y` ```\n\n    indented()\n</code></pre>" in rendered
        assert squash(visible_text(rendered)) == squash(text)
    assert strip_markup(md) == text


def test_text_outside_blocks_is_written_as_paragraph_text() -> None:
    text = "  lead\n\n\n\n# not a heading\n\ntail  "
    article = Article(text=text, blocks=[Block("heading", 15, 16, level=1)])
    md = export_markdown(article, [], exported_at=STAMP)
    assert strip_markup(md) == text
    assert "<h1>" not in python_markdown(md)
    assert squash(python_markdown_body_text(md)) == squash(text)


# --- claims, highlights, footnotes -------------------------------------------------------


def test_claim_is_marked_with_a_footnote_reference(exported: str) -> None:
    assert (
        '<mark class="claim">**Nvidia**\'s share price plunged by 17%, wiping out approximately'
        " $600 billion from its market cap</mark>[^c2]." in _body(exported)
    )


def test_claim_footnote_carries_details_note_and_source_with_stance(exported: str) -> None:
    definition = next(line for line in exported.split("\n") if line.startswith("[^c2]: "))
    assert definition == (
        '[^c2]: Claim (statistic, 0.91, unchecked; cue: "plunged"). '
        "Note: Reuters put the loss at **$589 billion**; check the close. "
        "Sources: [Reuters &#124; markets](https://www.reuters.com/technology/nvidia-%28loss%29%202025)"
        " (refutes: a lower figure)."
    )
    assert "[^c3]: Claim (quote, 0.84, unchecked; speaker: Marc Andreessen; cue: \"characterized\")." in exported


def test_highlights_are_marked_and_get_a_footnote_only_with_notes(exported: str) -> None:
    body = _body(exported)
    assert '<mark class="highlight">costing under $6 million</mark>[^n1]' in body
    assert '<mark class="highlight">Hangzhou</mark>,' in body
    assert "[^n1]: Highlight. Note: Compare with Meta's *Llama* budget." in exported


def test_footnotes_are_numbered_and_defined_in_text_order(exported: str) -> None:
    refs = re.findall(r"\[\^([cn]\d+)\](?!:)", _body(exported))
    assert refs == ["c1", "n1", "c2", "c3"]
    defined = re.findall(r"^\[\^([cn]\d+)\]:", exported, flags=re.MULTILINE)
    assert defined == refs
    html = python_markdown(exported)
    assert re.findall(r'<li id="fn:([cn]\d+)">', html) == refs
    assert re.findall(r'href="#fn:[cn]\d+">(\d+)</a>', html) == ["1", "2", "3", "4"]


def test_claims_below_the_threshold_or_rejected_are_left_out(exported: str) -> None:
    assert "will shape the evolution" not in _after_body(exported)
    assert "triggered immediate repercussions</mark>" not in exported
    assert "prediction" not in exported and "causal" not in exported


def test_claims_table_lists_the_most_check_worthy_first(exported: str) -> None:
    table = exported[exported.index("## Claims") : exported.index("## Entities")]
    assert table.split("\n")[2:7] == [
        "| # | claim | kind | speaker | score | status |",
        "|---|---|---|---|---|---|",
        f"| c2 | {STATISTIC} | statistic |  | 0.91 | unchecked |",
        f"| c3 | {SPUTNIK} | quote | Marc Andreessen | 0.84 | unchecked |",
        f"| c1 | {REPORTED} | attribution | unnamed | 0.77 | unchecked |",
    ]
    for html in (python_markdown(exported), commonmark(exported)):
        assert html.count("<tr>") == 4
        assert f"<td>{SPUTNIK}</td>" in html


def test_table_cells_escape_pipes_newlines_and_markup() -> None:
    text = "Shares | fell *7%*\nin [one] day."
    claim = AnnotationRecord("claim", "statistic", 0, len(text), score=0.5, attrs={"speaker": "A|B"})
    md = export_markdown(Article(text=text), [claim], exported_at=STAMP)
    row = next(line for line in md.split("\n") if line.startswith("| c1 |"))
    assert row == (
        "| c1 | Shares &#124; fell \\*7%\\* in \\[one\\] day. | statistic | A&#124;B | 0.50 | unchecked |"
    )
    for html in (python_markdown(md), commonmark(md)):
        assert html.count("<td>") == 6
        assert "<td>Shares | fell *7%* in [one] day.</td>" in html.replace("&#124;", "|")


# --- entities -----------------------------------------------------------------------------


def test_entity_index_groups_surface_forms_by_label_with_counts(article: Article, exported: str) -> None:
    text = article.text
    index = exported[exported.index("## Entities") :].split("\n\n")[1]
    assert index.split("\n") == [
        f"- Country, city, state: U.S. ({text.count('U.S.')})",
        f"- Organisation: Nvidia ({text.count('Nvidia')}), OpenAI ({text.count('OpenAI')})",
        "- Person: Liang Wenfeng (1), Marc Andreessen (1)",
    ]


@pytest.mark.parametrize("mode", list(EntityMode))
def test_entity_modes(
    article: Article, annotations: list[AnnotationRecord], mode: EntityMode
) -> None:
    md = export_markdown(article, annotations, entities=mode.value, exported_at=STAMP)
    body = _body(md)
    assert ("**Nvidia**" in body) is (mode is EntityMode.INLINE)
    assert ("<strong>U.S.</strong>" in body) is (mode is EntityMode.INLINE)
    assert ("## Entities" in md) is (mode is not EntityMode.NONE)
    assert strip_markup(md) == article.text


def test_unknown_entity_mode_is_refused(article: Article) -> None:
    with pytest.raises(ValueError):
        export_markdown(article, [], entities="bold")


def test_bold_is_used_only_where_delimiter_safe() -> None:
    text = "AB x U.S. y (Nvidia) z"
    spans = [(0, 1), (1, 2), (5, 9), (13, 19)]
    anns = [AnnotationRecord("entity", "ORG", s, e) for s, e in spans]
    body = _body(export_markdown(Article(text=text), anns, exported_at=STAMP))
    # Adjacent runs would merge into '****'; 'U.S.' ends in punctuation.
    assert body.strip() == "**A**<strong>B</strong> x <strong>U.S.</strong> y (**Nvidia**) z"
    for rendered in (python_markdown_body_text, commonmark_body_text):
        assert "*" not in rendered(export_markdown(Article(text=text), anns, exported_at=STAMP))


# --- overlaps -----------------------------------------------------------------------------


class _NestingChecker(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    VOID = {"br", "hr", "img"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()


def _assert_well_nested(html: str) -> None:
    checker = _NestingChecker()
    checker.feed(html)
    assert checker.stack == []


def test_entity_straddling_a_claim_boundary_is_closed_and_reopened() -> None:
    text = "Big Tech Giant Nvidia fell sharply today."
    entity = AnnotationRecord("entity", "ORG", 4, 21)  # "Tech Giant Nvidia"
    claim = AnnotationRecord("claim", "statistic", 15, 40, score=0.9)  # "Nvidia fell sharply today"
    md = export_markdown(Article(text=text), [entity, claim], exported_at=STAMP)
    body = _body(md).strip()
    # The entity closes where the claim opens and reopens inside it; its first part ends in a
    # space, so it cannot be delimited by '**'.
    assert body == (
        'Big <strong>Tech Giant </strong><mark class="claim">**Nvidia** fell sharply today</mark>[^c1].'
    )
    for html in (python_markdown(md), commonmark(md)):
        _assert_well_nested(body_html(html))
    assert strip_markup(md) == text


def test_a_claim_crossing_paragraphs_is_reopened_with_one_reference_at_its_end() -> None:
    text = "First part of it.\n\nSecond part ends here. After."
    claim = AnnotationRecord("claim", "causal", 6, 40, score=0.8)
    md = export_markdown(Article(text=text, blocks=paragraph_blocks(text)), [claim], exported_at=STAMP)
    body = _body(md).strip()
    assert body == (
        'First <mark class="claim">part of it.</mark>\n\n'
        '<mark class="claim">Second part ends here</mark>[^c1]. After.'
    )
    for html in (python_markdown(md), commonmark(md)):
        _assert_well_nested(body_html(html))
    assert python_markdown(md).count('class="footnote-ref"') == 1


def test_overlapping_and_nested_claims_nest_properly() -> None:
    text = "one two three four five six"
    anns = [
        AnnotationRecord("claim", "statistic", 4, 18, score=0.9),
        AnnotationRecord("claim", "quote", 8, 23, score=0.9),
        AnnotationRecord("highlight", "", 0, 27, notes=["whole"]),
        AnnotationRecord("entity", "ORG", 14, 27),
    ]
    md = export_markdown(Article(text=text), anns, exported_at=STAMP)
    for html in (python_markdown(md), commonmark(md)):
        _assert_well_nested(body_html(html))
    assert squash(python_markdown_body_text(md)) == squash(text)
    assert strip_markup(md) == text
    assert len(re.findall(r'<li id="fn:', python_markdown(md))) == 3


def test_zero_length_and_out_of_range_annotations_are_ignored() -> None:
    text = "Short text."
    anns = [
        AnnotationRecord("claim", "statistic", 3, 3, score=0.9),
        AnnotationRecord("claim", "statistic", 40, 50, score=0.9),
        AnnotationRecord("highlight", "", 5, 2, notes=["backwards"]),
        AnnotationRecord("entity", "ORG", -5, 0),
    ]
    md = export_markdown(Article(text=text), anns, exported_at=STAMP)
    assert _body(md).strip() == text
    assert "## Claims" not in md and "## Entities" not in md and "[^" not in md


def test_claim_clipped_to_the_text_is_still_shown() -> None:
    text = "Prices rose 5%."
    clipped = AnnotationRecord("claim", "statistic", -4, 99, score=0.6)
    md = export_markdown(Article(text=text), [clipped], exported_at=STAMP)
    assert _body(md).strip() == '<mark class="claim">Prices rose 5%.</mark>[^c1]'


# --- escaping -----------------------------------------------------------------------------

ESCAPING_CASES = [
    "2 * 3 * 4 and snake_case_name",
    "**not bold** and __not bold__ and *not em*",
    "[a link](http://example.com) and ![image](x.png) and [ref][1]",
    "see note[^1] here",
    "[^1]: not a footnote",
    "[1]: http://example.com",
    "*[HTML]: not an abbreviation",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "# not a heading\n## nor this",
    "- not a list\n+ nor this\n* nor this",
    "1. not ordered\n2) nor this\n1986. A great year.",
    "> not a quote\n>> nor this",
    "    not code\n\tnor this",
    "trailing spaces  \nand a backslash\\\nend",
    "==not highlighted== and ~~not struck~~ and ~one~",
    "<b>not bold</b> <mark>no</mark> <!-- no comment --> <http://example.com>",
    "&amp; &copy; &#169; stay literal",
    "`not code` and ``also not``",
    "```\nnot fenced\n```\n~~~\nnor this\n~~~",
    "Setext\n===\nnor\n---",
    "Term\n: not a definition",
    "{#id} and {: .class} stay",
    "%%not a comment%% and #not-a-tag",
    "a \\* b \\_ c \\\\ d \\[ e",
    "***\n___\n- - -",
    "line one\n    four-space continuation\n  two-space",
    "Ünïcödé — “quotes” ‘and’ 中文 😀",
    "\n\n\nblank runs\n\n\n\nand more\n\n",
    "\\",
]


@pytest.mark.parametrize("text", ESCAPING_CASES)
def test_markdown_syntax_in_article_text_renders_literally(text: str) -> None:
    article = Article(text=text, blocks=paragraph_blocks(text))
    md = export_markdown(article, [], exported_at=STAMP)
    assert strip_markup(md) == text
    for html, shown in (
        (body_html(python_markdown(md)), python_markdown_body_text(md)),
        (body_html(commonmark(md)), commonmark_body_text(md)),
    ):
        tags = set(re.findall(r"<([a-z0-9]+)", html))
        assert tags <= {"p"}, (tags, html)
        assert squash(shown) == squash(text)


def test_markdown_syntax_inside_marks_renders_literally() -> None:
    text = "x *a* [b] `c` | d # e"
    anns = [
        AnnotationRecord("claim", "statistic", 0, len(text), score=0.9),
        AnnotationRecord("entity", "ORG", 2, 5),
        AnnotationRecord("highlight", "", 6, 13, notes=["n"]),
    ]
    md = export_markdown(Article(text=text), anns, exported_at=STAMP)
    assert strip_markup(md) == text
    assert squash(python_markdown_body_text(md)) == squash(text)
    assert squash(commonmark_body_text(md)) == squash(text)


# --- notes and sources ----------------------------------------------------------------------

NASTY_NOTE = "First line.\n[^c9]: a fake definition\n# A heading\n```\nan unclosed fence\n\n## Claims"


def test_user_notes_cannot_break_the_footnotes() -> None:
    text = "Alpha rose. Beta fell. Gamma held."
    anns = [
        AnnotationRecord(
            "claim",
            "statistic",
            0,
            11,
            score=0.9,
            notes=[NASTY_NOTE],
            sources=[SourceRef("https://a.example/x")],
        ),
        AnnotationRecord("claim", "statistic", 12, 22, score=0.9, notes=["Fine."]),
        AnnotationRecord("highlight", "", 23, 34, notes=["Also fine."]),
    ]
    md = export_markdown(Article(text=text), anns, exported_at=STAMP)
    definition = md[md.index("[^c1]: ") : md.index("[^c2]: ")]
    assert definition == (
        "[^c1]: Claim (statistic, 0.90, unchecked).\n\n"
        "    Note: First line.\n"
        "    \\[^c9]: a fake definition\n"
        "    \\# A heading\n"
        "    ```\n"
        "    an unclosed fence\n\n"
        "    ## Claims\n"
        "    ```\n\n"
        "    Sources: [https://a.example/x](https://a.example/x) (context)\n\n"
    )
    html = python_markdown(md)
    assert re.findall(r'<li id="fn:([cn]\d+)">', html) == ["c1", "c2", "n1"]
    assert "Sources: <a" in html and "Also fine." in html
    assert strip_markup(md) == text


@pytest.mark.skipif(footnote_plugin is None, reason="mdit-py-plugins is not installed")
def test_commonmark_footnotes_match_when_the_footnote_plugin_is_installed(exported: str) -> None:
    html = commonmark(exported)
    assert len(re.findall(r'<li id="fn\d+" class="footnote-item">', html)) == 4
    assert html.count('class="footnote-ref"') == 4
    assert squash(visible_text(body_html(html))) == squash(SAMPLE.read_text(encoding="utf-8"))


def test_sources_link_only_web_mail_and_doi_addresses() -> None:
    sources = [
        SourceRef("https://example.com/a b(c)", "Web", "supports"),
        SourceRef("mailto:desk@example.com", "Desk", "context"),
        SourceRef("doi:10.1000/xyz123", "Paper", "refutes"),
        SourceRef("javascript:alert(1)", "Script", "context"),
        SourceRef("file:///etc/passwd", "", "context"),
        SourceRef("ftp://example.com/x", "Archive", "supports"),
    ]
    md = export_markdown(
        Article(text="Claim here."),
        [AnnotationRecord("claim", "statistic", 0, 10, score=0.9, sources=sources)],
        exported_at=STAMP,
    )
    line = next(line for line in md.split("\n") if line.startswith("[^c1]: "))
    assert "[Web](https://example.com/a%20b%28c%29) (supports)" in line
    assert "[Desk](mailto:desk@example.com) (context)" in line
    assert "[Paper](https://doi.org/10.1000/xyz123) (refutes)" in line
    assert "Script: javascript:alert(1) (context)" in line
    assert "file:///etc/passwd (context)" in line
    assert "Archive: ftp://example.com/x (supports)" in line
    html = python_markdown(md) + commonmark(md)
    assert "javascript" not in "".join(re.findall(r'href="([^"]*)"', html))
    assert 'href="https://example.com/a%20b%28c%29"' in html


def test_article_notes_are_listed_after_the_entities(
    article: Article, annotations: list[AnnotationRecord]
) -> None:
    notes = ["Reads like *PR*.", "Two\n\nparagraphs\n[^x]: no"]
    md = export_markdown(article, annotations, exported_at=STAMP, min_claim_score=0.5, article_notes=notes)
    notes = md[md.index("## Notes") : md.index("[^c1]: ")]
    assert notes == "## Notes\n\n- Reads like *PR*.\n\n- Two\n\n    paragraphs\n    \\[^x]: no\n\n"
    assert md.index("## Entities") < md.index("## Notes")
    assert "## Notes" not in export_markdown(article, annotations, exported_at=STAMP)
    html = python_markdown(md)
    assert "<em>PR</em>" in html and len(re.findall(r'<li id="fn:', html)) == 4


# --- article formatting ---------------------------------------------------------------------


def test_article_emphasis_and_links_are_kept_as_html() -> None:
    text = "An important and linked word, a bad link, some code."
    inlines = [
        Inline("emphasis", 3, 12),
        Inline("strong", 17, 23),
        Inline("link", 17, 28, href="https://example.com/?a=1&b=2"),
        Inline("link", 32, 40, href="javascript:alert(1)"),
        Inline("code", 47, 51),
    ]
    md = export_markdown(Article(text=text, inlines=inlines), [], exported_at=STAMP)
    body = _body(md).strip()
    assert body == (
        'An <em>important</em> and <a href="https://example.com/?a=1&amp;b=2"><b>linked</b> word</a>,'
        " a bad link, some <code>code</code>."
    )
    assert strip_markup(md) == text
    for html in (python_markdown(md), commonmark(md)):
        _assert_well_nested(body_html(html))


# --- both renderers, determinism, stripping ---------------------------------------------------


def test_no_stray_syntax_in_either_renderer(article: Article, exported: str) -> None:
    for shown in (python_markdown_body_text(exported), commonmark_body_text(exported)):
        assert squash(shown) == squash(article.text)
        for stray in ("**", "==", "<mark", "[^", "\\", "&#", "&amp;"):
            assert stray not in shown


def test_commonmark_renders_the_table_and_lists(exported: str) -> None:
    html = commonmark(exported)
    assert "<table>" in html and html.count("<th>") == 6
    assert "<li>Organisation: Nvidia (" in html


def test_export_is_deterministic(
    article: Article, annotations: list[AnnotationRecord], exported: str
) -> None:
    shuffled = list(annotations)
    random.Random(7).shuffle(shuffled)
    again = export_markdown(article, shuffled, exported_at=STAMP, min_claim_score=0.5)
    assert again == exported
    assert export_markdown(article, annotations, exported_at=STAMP, min_claim_score=0.5) == exported


@pytest.mark.parametrize("mode", [m.value for m in EntityMode])
def test_strip_markup_gives_back_the_sample_text(
    article: Article, annotations: list[AnnotationRecord], mode: str
) -> None:
    notes = ["A note."]
    md = export_markdown(article, annotations, entities=mode, exported_at=STAMP, article_notes=notes)
    assert strip_markup(md) == article.text


def test_strip_markup_refuses_text_that_is_not_an_export() -> None:
    with pytest.raises(ReadError):
        strip_markup("# Just some Markdown\n")
    with pytest.raises(ReadError):
        strip_markup(f"{BODY_START}\n\na * b\n\n{BODY_END}\n")


def test_entity_index_counts_mentions_under_the_canonical_name() -> None:
    text = "Liang Wenfeng spoke. Later Liang said more. Liang left."
    records = [
        AnnotationRecord("entity", "PERSON", 0, 13, attrs={"canonical": "Liang Wenfeng"}),
        AnnotationRecord("entity", "PERSON", 27, 32, attrs={"canonical": "Liang Wenfeng"}),
        AnnotationRecord("entity", "PERSON", 44, 49, attrs={"canonical": "Liang Wenfeng"}),
    ]
    md = export_markdown(Article(text=text), records, exported_at=STAMP)
    assert "- Person: Liang Wenfeng (3)" in md


def test_raw_html_in_a_note_is_shown_as_text() -> None:
    import markdown as python_markdown

    text = "Prices rose 5% in May."
    claim = AnnotationRecord("claim", "statistic", 0, len(text), score=0.9,
                             notes=['<script>alert("x")</script> **check**'])
    md = export_markdown(Article(text=text), [claim], exported_at=STAMP)
    html = python_markdown.markdown(md, extensions=["extra"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "<strong>check</strong>" in html


def test_links_in_notes_follow_only_safe_schemes() -> None:
    import markdown as python_markdown

    text = "Prices rose 5% in May."
    note = "[bad](javascript:alert(1)) and [ok](https://example.org/a) and [also bad](data:text/html,x)"
    claim = AnnotationRecord("claim", "statistic", 0, len(text), score=0.9, notes=[note])
    md = export_markdown(Article(text=text), [claim], exported_at=STAMP)
    html = python_markdown.markdown(md, extensions=["extra"])
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert '<a href="https://example.org/a">ok</a>' in html
    assert "javascript:alert(1)" in html  # still shown, as text


@pytest.mark.parametrize(("genre", "line"), [("news", 'genre: "news"'), ("fiction", 'genre: "fiction"'),
                                             ("unknown", None), (None, None)])
def test_front_matter_names_the_kind_of_text(genre, line) -> None:
    text = "Exports rose by 4% in March, the ministry said."
    metadata = {"genre": genre} if genre else {}
    article = Article(text=text, blocks=paragraph_blocks(text), title="Exports", metadata=metadata)
    front = export_markdown(article, [], exported_at=STAMP).split("\n---\n", 1)[0].splitlines()
    found = [f for f in front if f.startswith("genre:")]
    assert found == ([line] if line else [])
