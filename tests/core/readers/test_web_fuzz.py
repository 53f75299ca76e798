"""Whatever a server sends, under whatever type and charset it claims, fetching it gives a
well-formed Article or one ReadError line naming the address, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossator.core.errors import ReadError
from glossator.core.readers.web_address import read_address
from tests.core.readers.structure_checks import assert_well_formed
from tests.core.readers.test_reader_fuzz import html_soup, mixed_text
from tests.page_server import PageServer
from tests.reliability.reliability_profile import FUZZ_SETTINGS

MEDIA_TYPES = ["text/html", "text/html; charset=utf-8", "text/html; charset=koi8-r", "text/html; charset=bogus",
               "text/plain", "text/plain; charset=utf-16", "text/markdown", "application/xhtml+xml",
               "application/pdf", "application/epub+zip", "application/octet-stream", "image/png", "", ";;;"]


@pytest.fixture(scope="module")
def site():
    server = PageServer()
    yield server
    server.close()


@FUZZ_SETTINGS
@given(media_type=st.sampled_from(MEDIA_TYPES),
       body=st.one_of(st.binary(max_size=2048), html_soup.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      mixed_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_anything_a_server_sends(site, media_type, body):
    site.served = (media_type, body)
    url = site.url("/served")
    try:
        article = read_address(url)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc) and url in str(exc), str(exc)
        return
    assert_well_formed(article)
    assert article.metadata["fetched_url"] == url
