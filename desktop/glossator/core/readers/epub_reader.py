"""EPUB books: the chapters of the OPF spine, in order, each read like a saved page's body.

An EPUB is a zip. ``META-INF/container.xml`` names the package document (OPF), whose metadata
gives the title, authors, date and language, whose manifest maps ids to files and whose spine
orders the chapters. The table of contents (the EPUB 3 navigation document, else the EPUB 2
NCX) names the chapters; a chapter that does not open with a heading gets its name as one.
Nothing is fetched: images, fonts and style sheets are never read, inside the book or out.
"""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

from lxml import etree

from glossator.core.article import Article
from glossator.core.errors import ReadError
from glossator.core.readers.encoding import decode_bytes
from glossator.core.readers.epub_package import Package, read_package
from glossator.core.readers.html_charset import declared_charset, without_xml_declaration
from glossator.core.readers.html_parse import parse_page
from glossator.core.readers.html_structure import layout_from_html
from glossator.core.readers.layout import ArticleLayout
from glossator.core.readers.metadata_fields import clean_title, iso_date, one_line, source_url, title_from_path

# A zip can expand far beyond its size: each chapter and the whole book are capped unpacked.
MAX_UNPACKED_FACTOR = 10
TOC_HEADING_LEVEL = 2
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False)
_CONTAINER_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container"}
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
_WEB_SCHEMES = ("http", "https", "mailto")


def parse_epub(data: bytes, *, label: str, source_path: str = "", max_bytes: int) -> Article:
    """An Article from the bytes of an EPUB file; ReadError for anything that is not a readable book."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ReadError(f"cannot read {label}: it is not an EPUB book (not a zip archive, or a damaged one)") from None
    with book:
        reader = _Book(book, label, max_bytes * MAX_UNPACKED_FACTOR)
        package = reader.package()
        layout = ArticleLayout()
        for path in package.spine:
            reader.add_chapter(layout, path, package)
    if reader.skipped:
        package.extra["unreadable_chapters"] = ", ".join(reader.skipped)
    if not layout.blocks:
        raise ReadError(f"{label} has no text to read (its chapters are empty or images only)")
    first_heading = next((b for b in layout.blocks if b.kind == "heading"), None)
    heading = layout.text[first_heading.start : first_heading.end] if first_heading else ""
    return Article(
        text=layout.text,
        blocks=layout.blocks,
        inlines=layout.inlines,
        title=clean_title(package.title) or clean_title(heading) or title_from_path(source_path),
        author=one_line(", ".join(package.authors)),
        published=iso_date(package.date) if package.date else "",
        source_url=source_url(package.source),
        source_path=source_path,
        format="epub",
        metadata={k: one_line(v) for k, v in package.extra.items() if v},
    )


class _Book:
    """Reading members of the zip within the unpacked-size budget, with messages that name the file."""

    def __init__(self, archive: zipfile.ZipFile, label: str, budget: int) -> None:
        self.archive = archive
        self.label = label
        self.budget = budget
        self.names = set(archive.namelist())
        self.skipped: list[str] = []

    def package(self) -> Package:
        if _ENCRYPTION in self.names and self._encrypts_content():
            raise ReadError(f"cannot read {self.label}: the book is protected by DRM (its chapters are encrypted)")
        if _CONTAINER not in self.names:
            raise ReadError(f"cannot read {self.label}: it is not an EPUB book (no {_CONTAINER})")
        container = self.xml(_CONTAINER)
        rootfiles = container.xpath("//c:rootfile/@full-path", namespaces=_CONTAINER_NS)
        if not rootfiles or rootfiles[0] not in self.names:
            raise ReadError(f"cannot read {self.label}: the book is damaged (its package document is missing)")
        opf_path = str(rootfiles[0])
        return read_package(self.xml(opf_path), opf_path, self._toc_reader(), self.label)

    def add_chapter(self, layout: ArticleLayout, path: str, package: Package) -> None:
        if path not in self.names or package.media_types.get(path) not in _CHAPTER_TYPES:
            return
        data = self.member(path)
        try:
            decoded = decode_bytes(data, self.label, declared=declared_charset(data))
        except ReadError:
            # One chapter of garbage must not cost the reader the rest of the book.
            self.skipped.append(path)
            return
        tree = parse_page(without_xml_declaration(decoded.text), self.label)
        if tree is None:
            return
        body = tree.find("body")
        chapter = layout_from_html(body if body is not None else tree)
        name = package.toc.get(path, "")
        opens_with_heading = bool(chapter.blocks) and chapter.blocks[0].kind == "heading"
        if name and chapter.blocks and not opens_with_heading:
            layout.add("heading", one_line(name), level=TOC_HEADING_LEVEL)
        _append(layout, chapter)

    def member(self, path: str) -> bytes:
        info = self.archive.getinfo(path)
        if info.file_size > self.budget:
            raise ReadError(f"cannot read {self.label}: it unpacks to more than the size limit allows")
        try:
            with self.archive.open(info) as handle:
                data = handle.read(self.budget + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ReadError(f"cannot read {self.label}: the book is damaged ({path}: {exc})") from None
        if len(data) > self.budget:
            raise ReadError(f"cannot read {self.label}: it unpacks to more than the size limit allows")
        self.budget -= len(data)
        return data

    def xml(self, path: str) -> etree._Element:
        try:
            return etree.fromstring(self.member(path), parser=_XML_PARSER)
        except etree.XMLSyntaxError as exc:
            raise ReadError(f"cannot read {self.label}: the book is damaged ({path}: {exc})") from None

    def _toc_reader(self):
        def read(path: str) -> etree._Element | None:
            if path not in self.names:
                return None
            data = self.member(path)
            try:
                return etree.fromstring(data, parser=_XML_PARSER)
            except etree.XMLSyntaxError:
                return parse_page(without_xml_declaration(decode_bytes(data, self.label).text), self.label)

        return read

    def _encrypts_content(self) -> bool:
        """Font obfuscation also lives in encryption.xml; only encrypted chapters stop reading."""
        root = self.xml(_ENCRYPTION)
        uris = [str(uri) for uri in root.xpath("//*[local-name()='CipherReference']/@URI")]
        return any(not uri.lower().endswith((".otf", ".ttf", ".woff", ".woff2")) for uri in uris)


def _append(layout: ArticleLayout, chapter: ArticleLayout) -> None:
    """Add a chapter's blocks to the book, with their inline marks and without links into the book."""
    text = chapter.text
    for block in chapter.blocks:
        marks = [
            type(mark)(mark.kind, mark.start - block.start, mark.end - block.start, mark.href)
            for mark in chapter.inlines
            if block.start <= mark.start and mark.end <= block.end and _kept(mark.kind, mark.href)
        ]
        layout.add(block.kind, text[block.start : block.end], marks, level=block.level, ordered=block.ordered)


def _kept(kind: str, href: str) -> bool:
    return kind != "link" or urlsplit(href).scheme.lower() in _WEB_SCHEMES

