"""PDFs of awkward text, and PDFs cut short or with bytes changed, give a well-formed Article or
the reader's own ReadError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.readers.structure_checks import read_or_refused
from tests.pdf_documents import SAMPLE, Document, Layout, make_pdf
from tests.reliability.reliability_profile import FUZZ_SETTINGS

# What the standard PDF fonts can draw: their WinAnsi (cp1252) characters.
printable = st.text(alphabet=st.characters(codec="cp1252", exclude_categories=("Cc", "Cs")), max_size=200)
GOOD = make_pdf(SAMPLE, Layout(columns=2, hyphenate=True, running_head="Fuzz")).data


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("pdf-fuzz")


def _read(path) -> None:
    article = read_or_refused(path)
    if article is not None:
        for start, end, page, *_box in article.metadata["line_boxes"]:
            assert 0 <= start <= end <= len(article.text) and page >= 1


@FUZZ_SETTINGS
@given(title=printable, blocks=st.lists(st.tuples(st.sampled_from(["heading", "paragraph"]), printable),
                                        max_size=6),
       columns=st.integers(1, 3), hyphenate=st.booleans())
def test_awkward_text(folder, title, blocks, columns, hyphenate):
    path = folder / "awkward.pdf"
    path.write_bytes(make_pdf(Document(title=title or "x", blocks=blocks),
                              Layout(columns=columns, hyphenate=hyphenate)).data)
    _read(path)


@FUZZ_SETTINGS
@given(changes=st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=30),
       cut=st.one_of(st.none(), st.integers(0, len(GOOD))))
def test_changed_bytes(folder, changes, cut):
    data = bytearray(GOOD)
    for at, value in changes:
        data[at] = value
    path = folder / "changed.pdf"
    path.write_bytes(bytes(data[:cut] if cut is not None else data))
    _read(path)


@FUZZ_SETTINGS
@given(data=st.binary(max_size=2048))
def test_random_bytes_after_a_pdf_header(folder, data):
    path = folder / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + data)
    _read(path)
