"""EPUB books with chapters of broken HTML, and books cut short or with bytes changed, give a
well-formed Article or the reader's own ReadError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.readers.epub_books import make_epub
from tests.core.readers.structure_checks import read_or_refused
from tests.core.readers.test_reader_fuzz import html_soup
from tests.reliability.reliability_profile import FUZZ_SETTINGS


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("epub-fuzz")


def _read(path) -> None:
    read_or_refused(path)


@FUZZ_SETTINGS
@given(chapters=st.lists(html_soup, min_size=1, max_size=3), version=st.sampled_from([2, 3]))
def test_chapters_of_broken_html(folder, chapters, version):
    path = make_epub(
        folder / "soup.epub", [(f"c{i}.xhtml", f"Part {i}", body) for i, body in enumerate(chapters)], version=version
    )
    _read(path)


@FUZZ_SETTINGS
@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_damaged_books(folder, cut, flips):
    whole = make_epub(
        folder / "whole.epub",
        [("a.xhtml", "One", "<h1>One</h1><p>The first chapter says a great deal about councils.</p>"),
         ("b.xhtml", "Two", "<p>The second chapter adds more words to the book.</p>")],
    ).read_bytes()
    data = bytearray(whole[: max(1, int(len(whole) * cut))] if cut < 0.95 else whole)
    for where, value in flips:
        data[int(where * (len(data) - 1))] = value
    path = folder / "damaged.epub"
    path.write_bytes(bytes(data))
    _read(path)
