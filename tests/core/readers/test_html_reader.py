"""HTML reader: main text without boilerplate, metadata, charsets, broken and tiny pages."""

import codecs
from pathlib import Path

import pytest

from glossator.core.readers import read_article, read_text
from tests.core.readers.structure_checks import assert_well_formed, block_texts

DATA = Path(__file__).resolve().parent / "data"
NEWS = DATA / "news_article.html"
JSONLD = DATA / "jsonld_article.html"


@pytest.fixture(scope="module")
def news():
    return read_article(NEWS)


@pytest.fixture(scope="module")
def jsonld():
    return read_article(JSONLD)


def test_news_page_metadata(news):
    assert news.title == "Harbour city votes to rebuild its 1950s flood wall"
    assert news.author == "Maria Okonkwo"
    assert news.published == "2024-03-14"
    assert news.source_url == "https://www.coastal-ledger.example/news/2024/03/harbour-flood-wall"
    assert news.format == "html"
    assert news.source_path == str(NEWS)
    assert news.metadata["sitename"] == "The Coastal Ledger"
    assert news.metadata["encoding"] == "utf-8"
    assert news.metadata["extractor"] == "trafilatura"


@pytest.mark.parametrize(
    "boilerplate",
    [
        "We use cookies",
        "Accept all",
        "Subscribe for 1 pound a week",
        "Sport",
        "Most read",
        "Ferry timetable",
        "morning newsletter",
        "Copyright 2024",
        "Privacy policy",
        "window.dataLayer",
        ".cookie-banner",
    ],
)
def test_news_page_boilerplate_is_gone(news, boilerplate):
    assert boilerplate not in news.text


def test_news_page_keeps_article_structure(news):
    assert_well_formed(news)
    paragraphs = block_texts(news, "paragraph")
    assert paragraphs[0].startswith("Councillors in Porthaven voted on Wednesday night")
    assert paragraphs[-1].endswith("Read the full engineering report.")
    assert len(paragraphs) == 5
    assert block_texts(news, "heading") == [
        "Harbour city votes to rebuild its 1950s flood wall",
        "What the plan includes",
    ]
    assert block_texts(news, "list_item") == [
        "A raised concrete wall along 2.4 kilometres of the harbour front",
        "Two new pumping stations at the mouth of the River Tawel",
        "Flood gates at the three slipways used by the fishing fleet",
    ]
    assert block_texts(news, "quote") == [
        "We cannot keep pumping out people's kitchens every January and calling that a policy."
    ]
    assert "Siân Mathews" in news.text


def test_news_page_inline_marks(news):
    marks = [(m.kind, news.text[m.start : m.end], m.href) for m in news.inlines]
    assert marks == [
        ("strong", "48 million pound", ""),
        ("emphasis", "roughly half", ""),
        ("link", "engineering report", "https://www.coastal-ledger.example/docs/flood-report.pdf"),
    ]


def test_jsonld_page_metadata(jsonld):
    assert jsonld.title == "Rail fares to rise by 4.9% in March"
    assert jsonld.author == "Tom Ashworth"
    assert jsonld.published == "2025-01-09"
    assert jsonld.source_url == "https://midlands-daily.example/transport/rail-fares-rise-march"
    assert jsonld.metadata["sitename"] == "Midlands Daily News"


def test_jsonld_page_text_without_comments_sidebar_or_banner(jsonld):
    assert_well_formed(jsonld)
    for boilerplate in (
        "Skip to content", "Puzzles", "This site uses cookies", "12 comments",
        "Absolutely ridiculous", "Related articles", "Bus routes axed", "Advertisement",
        "Registered in England", "Cookie settings",
    ):
        assert boilerplate not in jsonld.text
    assert jsonld.text.startswith("Regulated rail fares in England will rise by 4.9% from 2 March")
    assert "“another blow”" in jsonld.text
    items = [b for b in jsonld.blocks if b.kind == "list_item"]
    assert len(items) == 3 and all(b.ordered and b.level == 1 for b in items)
    assert "Coventry to Birmingham | £2,144 | £2,249" in block_texts(jsonld, "paragraph")


PAGE = (
    "<html><head>{meta}<title>Café prices</title></head><body>"
    "<h1>Café prices climb again</h1>"
    "<p>Owners said “costs are up” and a crème brûlée now costs €7 in the old "
    "town, up from €5 last spring, according to a survey of forty cafés.</p></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "codec"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        ("", "cp1252"),
        ('<meta charset="utf-8">', "utf-8"),
        ("", "utf-16"),
    ],
    ids=["meta-charset", "http-equiv-latin1", "undeclared-cp1252", "utf-8", "utf-16-bom"],
)
def test_page_charsets(tmp_path, meta, codec):
    path = tmp_path / "prices.html"
    path.write_bytes(PAGE.format(meta=meta).encode(codec))
    article = read_article(path)
    assert "Owners said “costs are up” and a crème brûlée now costs €7" in article.text
    assert article.title.startswith("Café prices")
    assert_well_formed(article)


def test_wrong_utf8_declaration_falls_back_to_detection(tmp_path):
    path = tmp_path / "liar.html"
    path.write_bytes(PAGE.format(meta='<meta charset="utf-8">').encode("cp1252"))
    assert "€7" in read_article(path).text


def test_xhtml_with_xml_declaration(tmp_path):
    body = PAGE.format(meta="").replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">')
    path = tmp_path / "page.xhtml"
    path.write_bytes(b'<?xml version="1.0" encoding="windows-1252"?>\n' + body.encode("cp1252"))
    article = read_article(path)
    assert "€7 in the old town" in article.text
    assert "<?xml" not in article.text
    assert article.format == "html"


def test_broken_html_still_gives_its_text(tmp_path):
    path = tmp_path / "broken.htm"
    path.write_bytes(
        b"<html><body><p>The mayor <b>resigned <i>late on</b> Friday</i> after a vote"
        b"<p>Her deputy takes over until the election in May </div></span>"
    )
    article = read_article(path)
    assert "The mayor resigned late on Friday after a vote" in article.text
    assert "Her deputy takes over until the election in May" in article.text
    assert_well_formed(article)


def test_tiny_page_keeps_headline_without_navigation_or_site_header():
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
        "<header><p>Site tagline</p></header>"
        "<main><h1>Short notice</h1><p>The library closes early today.</p></main>"
        "<footer>Contact the webmaster</footer></body></html>"
    )
    article = read_text(html, format="html", source_path="notice.html")
    assert block_texts(article) == ["Short notice", "The library closes early today."]
    assert article.blocks[0].kind == "heading" and article.blocks[0].level == 1
    assert article.title == "Short notice"


def test_plain_fallback_keeps_structure_and_drops_sidebar_and_footer():
    html = (
        "<html><body><div class='sidebar'>Popular this week</div>"
        "<h1>Closing notice</h1><div>The library <b>closes</b> early today.</div>"
        "<div>Back at nine tomorrow.</div><footer>Contact the webmaster</footer></body></html>"
    )
    article = read_text(html, format="html")
    assert article.metadata["extractor"] == "fallback"
    assert block_texts(article) == [
        "Closing notice",
        "The library closes early today.",
        "Back at nine tomorrow.",
    ]
    marks = [(m.kind, article.text[m.start : m.end]) for m in article.inlines]
    assert marks == [("strong", "closes")]
    assert_well_formed(article)


def test_text_without_any_tags_is_read_as_one_paragraph(tmp_path):
    path = tmp_path / "plain.html"
    path.write_bytes(b"just some words saved with the wrong suffix")
    assert read_article(path).text == "just some words saved with the wrong suffix"


def test_utf8_bom_page(tmp_path):
    path = tmp_path / "bom.html"
    path.write_bytes(codecs.BOM_UTF8 + PAGE.format(meta="").encode("utf-8"))
    article = read_article(path)
    assert article.metadata["encoding"] == "utf-8-sig"
    assert "\ufeff" not in article.text
