"""A PDF page drawn to pixels, for the window's Page view: RGBA bytes and their geometry.

Forms are not drawn and nothing in the document runs; the page is drawn as it prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from glossator.core.errors import ReadError
from glossator.core.readers.pdf.glyphs import open_pdf


@dataclass(frozen=True)
class PageImage:
    """``pixels`` are RGBA rows of ``stride`` bytes; ``scale`` pixels per PDF point."""

    page: int
    page_count: int
    width: int
    height: int
    stride: int
    pixels: bytes
    scale: float
    page_width: float  # in PDF points
    page_height: float


def render_page(path: str | Path, page: int, *, scale: float = 1.5, password: str | None = None) -> PageImage:
    """Page ``page`` (from 1) of the PDF at ``path``; ReadError when it cannot be drawn."""
    label = f"'{path}'"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read {label}: {exc.strerror or exc}") from None
    document = open_pdf(data, label, password)
    try:
        count = len(document)
        if not 1 <= page <= count:
            raise ReadError(f"{label} has no page {page} (it has {count})")
        pdf_page = document[page - 1]
        try:
            width, height = pdf_page.get_size()
            bitmap = pdf_page.render(scale=scale, may_draw_forms=False,
                                     force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA, rev_byteorder=True)
            try:
                pixels = bytes(bitmap.buffer)
                image = PageImage(page, count, bitmap.width, bitmap.height, bitmap.stride, pixels, scale, width, height)
            finally:
                bitmap.close()
        finally:
            pdf_page.close()
    except pdfium.PdfiumError as exc:
        raise ReadError(f"cannot draw page {page} of {label}: {exc}") from None
    finally:
        document.close()
    return image
