"""A PDF's characters with their boxes and fonts, page by page, through PDFium (pypdfium2).

PDFium opens the file, decrypts it with a password, and gives each character of a page's text
layer with its box, font size and font; it also inserts the spaces and line ends it infers
from the layout, marked as generated. Everything here is read-only: no form, script or link
of the document runs or is followed.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from glossator.core.errors import ReadError


class PasswordNeeded(ReadError):
    """The PDF is encrypted: it opens only with its password (``wrong`` when one was given)."""

    def __init__(self, message: str, *, wrong: bool) -> None:
        super().__init__(message)
        self.wrong = wrong


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character on a page: PDF points, origin at the page's bottom left."""

    char: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    generated: bool  # a space or line end PDFium inferred, not in the file


@dataclass(frozen=True)
class PageGlyphs:
    number: int  # from 1
    width: float
    height: float
    glyphs: list[Glyph]
    bold_runs: list[tuple[int, int]]  # glyph index ranges set in a bold font


def open_pdf(data: bytes, label: str, password: str | None = None) -> pdfium.PdfDocument:
    """The document in ``data``; PasswordNeeded or ReadError with a reason otherwise."""
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password:
                raise PasswordNeeded(f"cannot open {label}: the password is wrong", wrong=True) from None
            raise PasswordNeeded(f"{label} is encrypted: it opens only with its password", wrong=False) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError(f"cannot read {label}: it uses a kind of encryption Glossator cannot open") from None
        raise ReadError(f"cannot read {label}: it is not a readable PDF (damaged or not a PDF: {exc})") from None


def metadata(document: pdfium.PdfDocument) -> dict[str, str]:
    """The document's information dictionary (Title, Author, CreationDate…), blanks left out."""
    try:
        return {k: v.strip() for k, v in document.get_metadata_dict(skip_empty=True).items() if v.strip()}
    except pdfium.PdfiumError:
        return {}


def pages(document: pdfium.PdfDocument, label: str) -> Iterator[PageGlyphs]:
    """Each page's glyphs in PDFium's text order; a page that cannot be loaded is skipped empty."""
    for index in range(len(document)):
        try:
            page = document[index]
        except pdfium.PdfiumError:
            yield PageGlyphs(index + 1, 0.0, 0.0, [], [])
            continue
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                glyphs, bold = _glyphs(textpage.raw)
            finally:
                textpage.close()
        finally:
            page.close()
        yield PageGlyphs(index + 1, width, height, glyphs, bold)


def _glyphs(raw) -> tuple[list[Glyph], list[tuple[int, int]]]:
    count = pdfium_c.FPDFText_CountChars(raw)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    get_box, get_size = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetFontSize
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    glyphs: list[Glyph] = []
    bold: list[tuple[int, int]] = []
    last_size = -1.0
    bold_start = -1
    line_start = True
    for i in range(max(count, 0)):
        code = get_unicode(raw, i)
        char = chr(code) if 0 < code < 0x110000 else "\ufffd"
        get_box(raw, i, left, right, bottom, top)
        size = get_size(raw, i)
        generated = is_generated(raw, i) == 1
        glyphs.append(Glyph(char, left.value, bottom.value, right.value, top.value, size, generated))
        if char in "\r\n":
            line_start = True
        if generated or char.isspace():
            continue
        # The font is asked at each line start, each size change and every 16th character.
        if line_start or size != last_size or i % 16 == 0:
            line_start = False
            is_bold = _bold(raw, i)
            if is_bold and bold_start < 0:
                bold_start = i
            elif not is_bold and bold_start >= 0:
                bold.append((bold_start, i))
                bold_start = -1
            last_size = size
    if bold_start >= 0:
        bold.append((bold_start, len(glyphs)))
    return glyphs, bold


_NAME = ctypes.create_string_buffer(256)


def _bold(raw, index: int) -> bool:
    """Whether the character's font is bold: by its weight, else by its name."""
    weight = pdfium_c.FPDFText_GetFontWeight(raw, index)
    if weight >= 600:
        return True
    flags = ctypes.c_int()
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, _NAME, len(_NAME), ctypes.byref(flags))
    name = _NAME.value[: max(length - 1, 0)].decode("latin-1", "replace").lower()
    return any(word in name for word in ("bold", "black", "heavy", "semibold", "demi"))
