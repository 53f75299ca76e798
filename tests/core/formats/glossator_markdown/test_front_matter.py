"""The front matter's title reads back exactly as YAML, and is inert as Markdown.

A renderer that does not know front matter shows the block as text with live inline Markdown
(a thematic break, then a paragraph or setext heading). Whatever the title holds, rendering
the whole export with python-markdown and with a CommonMark renderer, with no front-matter
plugin, must give the same elements as an export with a plain title: no image, link, code,
footnote reference, raw HTML or attribute comes from the title.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.core.annotation import AnnotationRecord
from glossator.core.article import Article
from glossator.core.formats.glossator_markdown.escaping import one_line
from glossator.core.formats.glossator_markdown.markdown import export_markdown
from glossator.core.formats.glossator_markdown.sections import front_matter, yaml_quoted
from tests.core.formats.glossator_markdown.markdown_render import commonmark, python_markdown

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
HOSTILE = [
    "![x](http://tracker.example/p.png)", "[click](javascript:alert(1))", "`code`", "[^1]",
    "Sales rose[^c1]", "*x*{: onclick=alert(1)}", "`c`{: onmouseover=alert(1)}",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<http://tracker.example/>",
    "<javascript:alert(1)>", "[x][1]\n[1]: http://tracker.example/", "[x]", "&#60;b&#62;",
    "&lt;script&gt;", "\\[x](http://tracker.example/)", "\\<b>", "\\`x`", '"quoted" \\ back',
    "![x](data:image/png;base64,AAAA)", "<!-- c -->", "*[HTML]: Hyper", "{: #id }", "`",
    "[", "{", "<", "\t\x00\x1b\x85\u2028\ufeff", "é 日本 🙂 \u202e",
]
ORDINARY = "Markets Rally: Q3's Jobs, Rates - What Next? (2026) #1 & more, 50% off; it's *fine*_ok"
# Elements a plain-text title may add: the emphasis that title text can make, nothing else.
FORMATTING = {"em", "strong"}

hostile_title = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=5).map(
    "".join
)

_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def yaml_double_quoted(scalar: str) -> str:
    """Decode one YAML double-quoted scalar written on a single line (YAML 1.2, 7.3.1)."""
    assert scalar.startswith('"') and scalar.endswith('"') and len(scalar) >= 2, scalar
    body, out, i = scalar[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        assert ch != '"', f"unescaped quote in {scalar!r}"
        # A raw character must be printable (c-printable), or YAML readers refuse the file.
        code = ord(ch)
        assert ch == "\t" or 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or (
            code >= 0x10000), f"raw U+{code:04X} in {scalar!r}"
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        kind = body[i + 1]
        if kind in _HEX_ESCAPES:
            width = _HEX_ESCAPES[kind]
            digits = body[i + 2 : i + 2 + width]
            assert re.fullmatch(f"[0-9A-Fa-f]{{{width}}}", digits), scalar
            out.append(chr(int(digits, 16)))
            i += 2 + width
        else:
            out.append(_SIMPLE_ESCAPES[kind])
            i += 2
    return "".join(out)


def front_matter_fields(md: str) -> dict[str, str]:
    """The front matter's quoted fields, decoded as a YAML reader would."""
    assert md.startswith("---\n")
    block = md[4 : md.index("\n---\n", 4)]
    fields = {}
    for line in block.split("\n"):
        key, _, value = line.partition(": ")
        if value.startswith('"'):
            fields[key] = yaml_double_quoted(value)
    return fields


class _Elements(HTMLParser):
    """Every start tag in rendered HTML, and whether any carries an attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attributes += [(tag, name) for name, _value in attrs]

    handle_startendtag = handle_starttag


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def _export(title: str) -> str:
    """An export with one claim, so that a footnote ``[^c1]`` is defined for a title to point at."""
    article = Article(text="Body text of the article.", title=title)
    claim = AnnotationRecord(kind="claim", label="statistic", start=0, end=9, score=0.9, status="unchecked")
    return export_markdown(article, [claim], exported_at=STAMP, source=title)


RENDERERS = {
    "python-markdown": python_markdown,
    "commonmark+footnotes": lambda md: commonmark(md, footnotes=True),
    "commonmark": lambda md: commonmark(md, footnotes=False),
}


@functools.cache
def _plain(renderer: str) -> _Elements:
    return _elements(RENDERERS[renderer](_export("Plain Title")))


def _assert_inert(title: str) -> None:
    hostile = _export(title)
    for name, render in RENDERERS.items():
        html = render(hostile)
        expected, got = _plain(name), _elements(html)
        extra = got.tags - expected.tags
        assert not set(extra) - FORMATTING, f"{name}: {dict(extra)} from the title {title!r}: {html[:600]}"
        assert got.attributes == expected.attributes, f"{name}: attributes from the title {title!r}"


@pytest.mark.parametrize("title", HOSTILE)
def test_title_round_trips_through_yaml(title: str) -> None:
    md = front_matter(title, title, STAMP, "glossator 1.0") + "\n"
    assert front_matter_fields(md) == {"title": title, "source": title}


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_title_renders_as_text(title: str) -> None:
    _assert_inert(title)


def test_examples_from_the_escaping_rule() -> None:
    assert yaml_quoted("![x](http://t/p.png)") == '"!\\x5Bx](http://t/p.png)"'
    assert yaml_quoted("`code` {: x}") == '"\\x60code\\x60 \\x7B: x}"'
    assert yaml_quoted("<b>") == '"\\x3Cb>"'


def test_ordinary_titles_stay_readable() -> None:
    assert yaml_quoted(ORDINARY) == f'"{ORDINARY}"'
    assert yaml_quoted("Être ou ne pas être — 日本") == '"Être ou ne pas être — 日本"'


@settings(max_examples=150, deadline=None)
@given(hostile_title)
def test_any_title_round_trips_and_stays_inert(title: str) -> None:
    md = front_matter(title, title, STAMP, "glossator 1.0") + "\n"
    assert front_matter_fields(md) == {"title": title, "source": title}
    exported = front_matter_fields(_export(title))
    assert exported["title"] == one_line(title)
    if one_line(title):
        _assert_inert(title)
