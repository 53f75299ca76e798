"""An EPUB's package document (OPF): its metadata, the spine's chapter files and the table of
contents (EPUB 3 navigation document, else EPUB 2 NCX) as chapter file -> name."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree

from glossator.core.errors import ReadError

_DC = "http://purl.org/dc/elements/1.1/"
_OPF_FIELDS = {"language": "language", "publisher": "publisher", "identifier": "identifier", "rights": "rights"}


@dataclass
class Package:
    """What the OPF says: metadata, chapter files in reading order, their types and names."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: str = ""
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)
    media_types: dict[str, str] = field(default_factory=dict)
    toc: dict[str, str] = field(default_factory=dict)


def read_package(
    opf: etree._Element,
    opf_path: str,
    read_xml: Callable[[str], etree._Element | None],
    label: str,
) -> Package:
    """The package in ``opf`` (the parsed file at ``opf_path``); ``read_xml`` reads another member."""
    package = Package()
    _read_metadata(opf, package)
    manifest: dict[str, tuple[str, str, str]] = {}
    for item in _children(opf, "manifest", "item"):
        href = item.get("href")
        if item.get("id") and href:
            path = resolve(opf_path, href)
            manifest[item.get("id", "")] = (path, item.get("media-type", ""), item.get("properties", ""))
            package.media_types[path] = item.get("media-type", "")
    spines = [e for e in opf if _local(e) == "spine"]
    if not spines:
        raise ReadError(f"cannot read {label}: the book is damaged (its package lists no chapters)")
    for ref in spines[0]:
        if _local(ref) == "itemref" and ref.get("linear", "yes") != "no" and ref.get("idref") in manifest:
            package.spine.append(manifest[ref.get("idref", "")][0])
    nav = next((path for path, _, props in manifest.values() if "nav" in props.split()), None)
    ncx_id = spines[0].get("toc")
    ncx = manifest.get(ncx_id, ("", "", ""))[0] if ncx_id else next(
        (path for path, kind, _ in manifest.values() if kind == "application/x-dtbncx+xml"), None
    )
    if nav and (tree := read_xml(nav)) is not None:
        package.toc = _nav_toc(tree, nav)
    if not package.toc and ncx and (tree := read_xml(ncx)) is not None:
        package.toc = _ncx_toc(tree, ncx)
    return package


def resolve(base_path: str, href: str) -> str:
    """The zip member an ``href`` in the file at ``base_path`` points to, without its fragment."""
    target = unquote(urlsplit(href).path)
    if not target:
        return base_path
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_path), target))


def _read_metadata(opf: etree._Element, package: Package) -> None:
    metadata = next((e for e in opf if _local(e) == "metadata"), None)
    if metadata is None:
        return
    for element in metadata.iter():
        if not isinstance(element.tag, str) or etree.QName(element).namespace != _DC:
            continue
        name, value = etree.QName(element).localname, " ".join("".join(element.itertext()).split())
        if not value:
            continue
        if name == "title" and not package.title:
            package.title = value
        elif name == "creator":
            package.authors.append(value)
        elif name == "date" and not package.date:
            package.date = value
        elif name == "source" and not package.source:
            package.source = value
        elif name in _OPF_FIELDS and _OPF_FIELDS[name] not in package.extra:
            package.extra[_OPF_FIELDS[name]] = value
    identifier = package.extra.get("identifier", "")
    if not package.source and identifier.lower().startswith(("http://", "https://")):
        package.source = identifier


def _nav_toc(tree: etree._Element, nav_path: str) -> dict[str, str]:
    navs = [e for e in tree.iter() if isinstance(e.tag, str) and _local(e) == "nav"]
    toc_nav = next((n for n in navs if "toc" in _attribute(n, "type")), navs[0] if navs else None)
    if toc_nav is None:
        return {}
    return _first_names(
        (resolve(nav_path, a.get("href", "")), " ".join("".join(a.itertext()).split()))
        for a in toc_nav.iter()
        if isinstance(a.tag, str) and _local(a) == "a" and a.get("href")
    )


def _ncx_toc(tree: etree._Element, ncx_path: str) -> dict[str, str]:
    pairs = []
    for point in tree.iter():
        if not isinstance(point.tag, str) or _local(point) != "navPoint":
            continue
        label = next((e for e in point if _local(e) == "navLabel"), None)
        content = next((e for e in point if _local(e) == "content"), None)
        if label is not None and content is not None and content.get("src"):
            pairs.append((resolve(ncx_path, content.get("src", "")), " ".join("".join(label.itertext()).split())))
    return _first_names(pairs)


def _first_names(pairs) -> dict[str, str]:
    """Each chapter file's name: the first entry pointing into it."""
    toc: dict[str, str] = {}
    for path, name in pairs:
        if name and path not in toc:
            toc[path] = name
    return toc


def _children(root: etree._Element, parent: str, child: str) -> list[etree._Element]:
    found = next((e for e in root if _local(e) == parent), None)
    return [e for e in found if _local(e) == child] if found is not None else []


def _attribute(element: etree._Element, local_name: str) -> str:
    return next((value for key, value in element.attrib.items() if str(key).split("}")[-1] == local_name), "")


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""
