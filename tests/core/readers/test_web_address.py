"""A web address is fetched once, within limits, from a server on 127.0.0.1, and read like a saved page."""

import time

import pytest

from glossator.core.errors import ReadError
from glossator.core.readers import read_article
from glossator.core.readers.web_address import is_address, looks_like_address, read_address
from glossator.core.readers.web_fetch import USER_AGENT, check_address, fetch_page
from glossator.core.services import articles
from tests.page_server import NEWS_PAGE, RUSSIAN_TEXT, PageServer


@pytest.fixture(scope="module")
def site():
    server = PageServer()
    yield server
    server.close()


def refusal(url: str, **options) -> str:
    with pytest.raises(ReadError) as caught:
        read_address(url, **options)
    message = str(caught.value)
    assert "\n" not in message and url in message
    return message


def test_a_saved_page_reads_as_it_does_from_a_file(site):
    article = read_address(site.url("/news"))
    saved = read_article(NEWS_PAGE)
    assert (article.title, article.text, article.blocks) == (saved.title, saved.text, saved.blocks)
    assert article.title == "Harbour city votes to rebuild its 1950s flood wall"
    assert article.source_url == "https://www.coastal-ledger.example/news/2024/03/harbour-flood-wall"
    assert article.source_path == site.url("/news")
    assert article.metadata["fetched_url"] == site.url("/news")
    assert article.metadata["media_type"] == "text/html"
    assert time.strptime(article.metadata["fetched_at"], "%Y-%m-%dT%H:%M:%SZ")


def test_the_request_is_honest_and_asks_for_one_page(site):
    read_address(site.url("/news?from=test"))
    path, headers = site.requests[-1]
    assert path == "/news?from=test"
    assert headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("Glossator/")
    assert sum(1 for p, _ in site.requests if p.startswith("/news?from=test")) == 1


def test_five_redirects_are_followed_and_the_final_address_kept(site):
    article = read_address(site.url("/hop/5"))
    assert article.metadata["requested_url"] == site.url("/hop/5")
    assert article.metadata["fetched_url"] == site.url("/news")
    assert "flood wall" in article.text


def test_a_sixth_redirect_is_refused(site):
    assert "redirects more than 5 times" in refusal(site.url("/hop/6"))


def test_a_redirect_off_the_web_is_refused(site):
    message = refusal(site.url("/to-ftp"))
    assert "redirect" in message or "http" in message


def test_the_charset_comes_from_the_header(site):
    article = read_address(site.url("/koi8"))
    assert RUSSIAN_TEXT in article.text
    assert article.title == "Дамба"


def test_plain_text_is_read_as_text(site):
    assert read_address(site.url("/plain")).text == "The council voted 7 to 2 for the wall."


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/missing", "the server answered 404"),
        ("/image", "image/png, not a page or document"),
        ("/empty", "empty"),
    ],
)
def test_bad_answers_are_refused_with_a_reason(site, path, expected):
    assert expected in refusal(site.url(path))


def test_a_declared_huge_length_is_refused_before_reading(site):
    started = time.monotonic()
    message = refusal(site.url("/huge-length"))
    assert "is 9.3 GB, over the 20 MB limit" in message
    assert time.monotonic() - started < 5


def test_an_endless_body_stops_at_the_size_cap(site):
    message = refusal(site.url("/huge-stream"), max_bytes=3 * 1024 * 1024)
    assert "larger than the 3 MB limit" in message


def test_a_slow_server_times_out(site):
    started = time.monotonic()
    message = refusal(site.url("/slow"), read_timeout=0.2)
    assert "timed out" in message
    assert time.monotonic() - started < 5


def test_a_trickling_server_meets_the_deadline(site):
    started = time.monotonic()
    message = refusal(site.url("/slow"), read_timeout=2, deadline=1.5)
    assert "longer than 2 s" in message or "longer than 1 s" in message
    assert time.monotonic() - started < 6


def test_a_closed_port_is_refused():
    message = refusal("http://127.0.0.1:9/nothing")
    assert "refused" in message or "could not" in message


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "javascript:alert(1)"])
def test_only_http_and_https(url):
    with pytest.raises(ReadError, match="only http and https"):
        check_address(url)
    with pytest.raises(ReadError, match="only http and https"):
        fetch_page(url, max_bytes=1024)


def test_what_counts_as_an_address():
    assert is_address("https://example.org/a") and is_address("  http://x.example/ ")
    assert not is_address("https://example.org/a b") and not is_address("report.html")
    assert looks_like_address("https:/www.example.com/a.html") and looks_like_address("ftp://x")
    assert not looks_like_address("C:\\news\\a.html") and not looks_like_address("notes/a.txt")


def test_the_library_finds_a_page_it_fetched(site):
    url = site.url("/news")
    assert articles.article_for_address(url) is None
    stored = articles.import_address(url).value.article
    found = articles.article_for_address(url)
    assert found is not None and found.id == stored.id
    canonical = articles.article_for_address("https://www.coastal-ledger.example/news/2024/03/harbour-flood-wall")
    assert canonical is not None and canonical.id == stored.id


def test_a_pdf_by_its_address_reads_as_a_pdf_and_keeps_its_pages(site):
    from glossator.core import originals

    stored = articles.import_address(site.url("/report.pdf")).value.article
    assert stored.article.format == "pdf" and stored.article.metadata["page_count"] == 1
    assert originals.find(stored.article.metadata["document_sha256"]) is not None
