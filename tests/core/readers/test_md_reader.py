"""Markdown reader: front matter, structure from python-markdown, inline marks, plain text out."""

from glossator.core.readers import read_article, read_text
from tests.core.readers.structure_checks import assert_well_formed, block_texts

ARTICLE = """\
---
title: "Water Bills Set to Rise"
author: Priya Natarajan
date: 2024-11-05T09:30:00Z
source: https://news.example.org/water-bills
tags:
  - utilities
---
# Water bills to rise by a fifth

Households in the region will pay *about 21%* more for water from April, the regulator
said on **Tuesday**, after approving the companies' investment plans. Details are in the
[final determination](https://regulator.example.gov/pr24 "PR24") &amp; its annexes.

## What changes

- Average bills rise by 94 pounds a year
- Social tariffs are extended
    1. first to pensioners
    2. then to low-income families

> "This is the price of decades of under-investment," said the regulator's chief executive.

Run `bills --region north` to see yours:

```
bills --region north

total: 612
```
"""


def read_md(tmp_path, source: str, name: str = "bills.md"):
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return read_article(path)


def test_front_matter_gives_metadata(tmp_path):
    article = read_md(tmp_path, ARTICLE)
    assert article.title == "Water Bills Set to Rise"
    assert article.author == "Priya Natarajan"
    assert article.published == "2024-11-05"
    assert article.source_url == "https://news.example.org/water-bills"
    assert article.format == "md"
    assert article.metadata["front_matter"]["author"] == "Priya Natarajan"
    assert article.metadata["encoding"] == "utf-8"
    assert "utilities" not in article.text and "title:" not in article.text


def test_blocks_follow_the_markdown_structure(tmp_path):
    article = read_md(tmp_path, ARTICLE)
    assert_well_formed(article)
    kinds = [(b.kind, b.level, b.ordered) for b in article.blocks]
    assert kinds == [
        ("heading", 1, False),
        ("paragraph", 0, False),
        ("heading", 2, False),
        ("list_item", 1, False),
        ("list_item", 1, False),
        ("list_item", 2, True),
        ("list_item", 2, True),
        ("quote", 0, False),
        ("paragraph", 0, False),
        ("code", 0, False),
    ]
    assert block_texts(article, "list_item")[2] == "first to pensioners"
    assert block_texts(article, "code") == ["bills --region north\n\ntotal: 612"]


def test_markup_is_removed_and_entities_decoded(tmp_path):
    article = read_md(tmp_path, ARTICLE)
    paragraph = block_texts(article, "paragraph")[0]
    assert paragraph == (
        "Households in the region will pay about 21% more for water from April, the regulator "
        "said on Tuesday, after approving the companies' investment plans. Details are in the "
        "final determination & its annexes."
    )
    for marker in ("**", "](", "&amp;", "# ", "> "):
        assert marker not in article.text
    assert block_texts(article, "quote") == [
        '"This is the price of decades of under-investment," '
        "said the regulator's chief executive."
    ]


def test_inline_marks_with_link_target(tmp_path):
    article = read_md(tmp_path, ARTICLE)
    marks = [(m.kind, article.text[m.start : m.end], m.href) for m in article.inlines]
    assert marks == [
        ("emphasis", "about 21%", ""),
        ("strong", "Tuesday", ""),
        ("link", "final determination", "https://regulator.example.gov/pr24"),
        ("code", "bills --region north", ""),
    ]


def test_title_falls_back_to_first_level_one_heading():
    article = read_text("Intro line.\n\n# The Real Headline\n\nBody text.", format="md")
    assert article.title == "The Real Headline"


def test_title_falls_back_to_file_name(tmp_path):
    source = "## Only a subheading\n\nSome body text."
    article = read_md(tmp_path, source, name="weekly-notes.markdown")
    assert article.title == "weekly-notes"
    assert article.format == "md"


def test_raw_html_scripts_and_footnote_arrows_are_not_text():
    source = "Claim here.[^1]\n\n<script>alert('x')</script>\n\n[^1]: Source of the claim."
    article = read_text(source, format="md")
    assert "alert" not in article.text
    assert "\u21a9" not in article.text
    assert block_texts(article)[-1] == "Source of the claim."
    assert_well_formed(article)


def test_hard_line_break_is_kept_and_soft_break_is_a_space():
    article = read_text("first line  \nsecond line\nthird line", format="md")
    assert article.text == "first line\nsecond line third line"


def test_table_rows_become_paragraphs():
    article = read_text("| City | Rise |\n|---|---|\n| Leeds | 19% |\n", format="md")
    assert block_texts(article) == ["City | Rise", "Leeds | 19%"]


def test_unclosed_front_matter_is_ordinary_text():
    article = read_text("---\ntitle: no closing line\n\nBody.", format="md")
    assert "title: no closing line" in article.text
    assert_well_formed(article)


def test_source_that_is_not_a_link_is_not_a_source_url():
    article = read_text("---\nsource: Reuters\n---\nBody text.", format="md")
    assert article.source_url == ""
    assert article.metadata["front_matter"]["source"] == "Reuters"
    assert article.text == "Body text."
