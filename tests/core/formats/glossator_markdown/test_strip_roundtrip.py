"""Properties of the Markdown export over random articles and annotations.

Texts mix Markdown syntax at line starts and inline, Unicode, whitespace runs, tabs and blank
lines; structure is either blank-line-separated blocks of random kinds (the Article
convention) or arbitrary ranges; annotations have random, overlapping, nested, empty,
backwards and out-of-range spans.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossator.core.annotation import CLAIM_STATUSES, AnnotationRecord, SourceRef
from glossator.core.article import Article, Block, Inline
from glossator.core.formats.glossator_markdown.body_layout import BODY_END, BODY_START
from glossator.core.formats.glossator_markdown.markdown import export_markdown, strip_markup
from tests.core.formats.glossator_markdown.markdown_render import (
    commonmark,
    commonmark_body_text,
    python_markdown,
    python_markdown_body_text,
    squash,
)

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
MODES = ("inline", "index", "none")
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LINE_STARTS = [
    "", "", "", "#", "# ", "###### ", "- ", "+ ", "* ", "> ", ">", "1. ", "2) ", "1986. ", "    ",
    "\t", "  ", "=", "===", "---", "- - -", "```", "~~~", ": ", "|", "[^1]: ", "[x]: ", "*[A]: ",
    "<div>", "<!-- ", "{: .c}",
]
FRAGMENTS = [
    "*", "**", "_", "__", "`", "``", "[", "]", "[^", "(", ")", "|", "<", ">", "&", "&amp;", "&#32;",
    "\\", "==", "~~", "~", "%%", "{#x}", "^", "!", "#", ":", "  ", "\t", "<mark>", "</mark>",
    "<!--", "-->", BODY_START, BODY_END, "http://x.y/(z)", "Nvidia", "U.S.", "é", "中文", "😀",
    "\u00a0", "\u2028", "\r", "\x0b", "\x0c", "\x85", "[^c1]", "1.", "-",
]
CONTROLS = ["\x00", "\x01", "\x02", "\x03", "\x1b", "\x7f", "\x9f"]
KINDS = ["heading", "paragraph", "list_item", "quote", "code"]
SEPARATORS = ["\n\n", "\n\n", "\n\n", "\n\n\n", "\n", "\n\n\n\n", " \n\n"]
INLINE_KINDS = ["emphasis", "strong", "code", "link", "other"]
HREFS = ["https://example.com/(a) b", "javascript:alert(1)", "", "mailto:x@y.z", "doi:10.1/2"]


def texts(controls: bool) -> st.SearchStrategy[str]:
    """One to three lines of Markdown-ish text (a line may be empty); controls only if asked."""
    chars = st.characters(blacklist_categories=("Cs",) if controls else ("Cs", "Cc"))
    pieces = [st.sampled_from(FRAGMENTS), st.text(chars, min_size=1, max_size=6), st.just(" ")]
    if controls:
        pieces.append(st.sampled_from(CONTROLS))
    rest = st.lists(st.one_of(*pieces), max_size=8).map("".join)
    line = st.builds(str.__add__, st.sampled_from(LINE_STARTS), rest)
    return st.lists(line, min_size=1, max_size=3).map("\n".join)


@st.composite
def articles(draw, controls: bool = False) -> Article:
    if draw(st.booleans()):
        # Blocks as readers make them: ranges separated by blank lines (sometimes more, or less).
        text, blocks = "", []
        for i in range(draw(st.integers(0, 7))):
            if i:
                text += draw(st.sampled_from(SEPARATORS))
            chunk = draw(texts(controls))
            kind, level = draw(st.sampled_from(KINDS)), draw(st.integers(0, 3))
            blocks.append(Block(kind, len(text), len(text) + len(chunk), level, draw(st.booleans())))
            text += chunk
    else:
        # Any text, any ranges: the exporter must cope with structure that makes no sense.
        text = draw(st.lists(texts(controls), max_size=4).map("\n\n".join))
        bound = st.integers(-2, len(text) + 2)
        kinds = st.sampled_from([*KINDS, "bogus"])
        blocks = [
            Block(draw(kinds), draw(bound), draw(bound), draw(st.integers(-1, 7)), draw(st.booleans()))
            for _ in range(draw(st.integers(0, 6)))
        ]
    bound = st.integers(-2, len(text) + 2)
    inline_kinds = st.sampled_from(INLINE_KINDS)
    inlines = [
        Inline(draw(inline_kinds), draw(bound), draw(bound), draw(st.sampled_from(HREFS)))
        for _ in range(draw(st.integers(0, 3)))
    ]
    title = draw(st.sampled_from(["", "Title", 'A "quoted" <b>#title</b>', "Nvidia"]))
    return Article(text=text, blocks=blocks, inlines=inlines, title=title)


NOTE_PIECES = [
    "[^x]: y", "\n# h\n", "\n```\nx", "\n    <div>\n", "\n## Claims\n", "\n\n", "**b**", "- item", "\n> q",
]
URLS = [
    "https://a.example/c (d)", "javascript:x", "doi:10.1/x", "mailto:a@b", "", "ftp://x", "http://x/<y>&amp;z",
]
note_piece = st.one_of(st.sampled_from(NOTE_PIECES + FRAGMENTS), st.text(max_size=4))
notes = st.lists(note_piece, max_size=6).map("".join)
sources = st.builds(
    SourceRef,
    url=st.sampled_from(URLS),
    title=st.text(max_size=8),
    stance=st.sampled_from(["supports", "refutes", "context", ""]),
    note=st.text(max_size=8),
)


@st.composite
def annotations(draw, size: int) -> list[AnnotationRecord]:
    bound = st.integers(-3, size + 3)
    return [
        AnnotationRecord(
            kind=draw(st.sampled_from(["entity", "claim", "claim", "highlight", "other"])),
            label=draw(st.sampled_from(["ORG", "PERSON", "statistic", "", "a|b*"])),
            start=draw(bound),
            end=draw(bound),
            score=draw(st.one_of(st.none(), st.floats(0, 1))),
            status=draw(st.sampled_from(CLAIM_STATUSES)),
            attrs={
                "speaker": draw(st.sampled_from(["", "Marc", "x|*y"])),
                "cue": draw(st.sampled_from(["", "plunged", "`a`"])),
            },
            notes=draw(st.lists(notes, max_size=2)),
            sources=draw(st.lists(sources, max_size=2)),
            tags=draw(st.lists(st.sampled_from(["t", "#x", "a|b"]), max_size=2)),
        )
        for _ in range(draw(st.integers(0, 10)))
    ]


def expected_footnotes(text: str, records: list[AnnotationRecord], min_score: float) -> int:
    """Shown claims plus noted highlights: those covering something besides line breaks."""
    count = 0
    for r in records:
        start, end = max(0, r.start), min(len(text), r.end)
        if start >= end or not text[start:end].strip("\n"):
            continue
        if r.kind == "claim":
            count += r.status != "not-a-claim" and (r.score is None or r.score >= min_score)
        elif r.kind == "highlight":
            count += any(n.strip() for n in r.notes) or bool(r.sources)
    return count


@SETTINGS
@given(st.data())
def test_strip_markup_gives_back_the_article_text(data) -> None:
    article = data.draw(articles(controls=True))
    records = data.draw(annotations(len(article.text)))
    for mode in MODES:
        note = data.draw(notes)
        md = export_markdown(article, records, entities=mode, exported_at=STAMP, article_notes=[note])
        assert strip_markup(md) == article.text


@SETTINGS
@given(st.data())
def test_exports_render_with_every_footnote_and_the_text_unchanged(data) -> None:
    article = data.draw(articles())
    records = data.draw(annotations(len(article.text)))
    mode = data.draw(st.sampled_from(MODES))
    note = data.draw(notes)
    md = export_markdown(
        article, records, entities=mode, exported_at=STAMP, min_claim_score=0.3, article_notes=[note]
    )
    html = python_markdown(md)
    expected = expected_footnotes(article.text, records, 0.3)
    assert len(re.findall(r'<li id="fn:[cn]\d+">', html)) == expected
    assert html.count('class="footnote-ref"') == expected
    assert squash(python_markdown_body_text(md)) == squash(article.text)
    assert squash(commonmark_body_text(md)) == squash(article.text)
    if "\n## Claims\n\n| # |" in md:
        assert "<table>" in commonmark(md) and "<table>" in html


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_same_input_gives_the_same_bytes(data) -> None:
    article = data.draw(articles())
    records = data.draw(annotations(len(article.text)))
    first = export_markdown(article, records, exported_at=STAMP)
    assert export_markdown(article, data.draw(st.permutations(records)), exported_at=STAMP) == first
