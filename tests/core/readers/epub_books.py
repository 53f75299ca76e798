"""Small EPUB books written with zipfile, EPUB 3 (navigation document) or EPUB 2 (NCX)."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def chapter_page(body: str, title: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f'<head><title>{title}</title><link rel="stylesheet" href="https://fonts.example.com/x.css"/></head>'
        f"<body>{body}</body></html>"
    )


def make_epub(
    path: Path,
    chapters: list[tuple[str, str, str]],
    *,
    title: str = "The Book",
    authors: tuple[str, ...] = ("Ann Author",),
    date: str = "2024-05-01",
    version: int = 3,
    extra_files: dict[str, bytes] | None = None,
    spine_order: list[int] | None = None,
) -> Path:
    """Write an EPUB of ``chapters`` (file name, table-of-contents name, XHTML body)."""
    creators = "".join(f"<dc:creator>{a}</dc:creator>" for a in authors)
    items = "".join(
        f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>'
        for i, (name, _, _) in enumerate(chapters)
    )
    order = spine_order if spine_order is not None else list(range(len(chapters)))
    spine_refs = "".join(f'<itemref idref="c{i}"/>' for i in order)
    if version == 3:
        items += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        spine = f"<spine>{spine_refs}</spine>"
    else:
        items += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        spine = f'<spine toc="ncx">{spine_refs}</spine>'
    opf = (
        f'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="{version}.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title>{creators}<dc:date>{date}</dc:date><dc:language>en</dc:language>"
        "<dc:identifier>urn:uuid:1234</dc:identifier></metadata>"
        f"<manifest>{items}</manifest>{spine}</package>"
    )
    links = "".join(f'<li><a href="text/{name}">{toc}</a></li>' for name, toc, _ in chapters)
    nav = chapter_page(f'<nav epub:type="toc"><h1>Contents</h1><ol>{links}</ol></nav>', "Contents")
    points = "".join(
        f'<navPoint id="p{i}"><navLabel><text>{toc}</text></navLabel><content src="text/{name}"/></navPoint>'
        for i, (name, toc, _) in enumerate(chapters)
    )
    ncx = f'<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>{points}</navMap></ncx>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", CONTAINER)
        book.writestr("OEBPS/content.opf", opf)
        book.writestr("OEBPS/nav.xhtml" if version == 3 else "OEBPS/toc.ncx", nav if version == 3 else ncx)
        for name, _, body in chapters:
            book.writestr(f"OEBPS/text/{name}", chapter_page(body))
        for name, data in (extra_files or {}).items():
            book.writestr(name, data)
    return path
