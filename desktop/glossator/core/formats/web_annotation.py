"""An article's annotations as W3C Web Annotations (JSON-LD), for other annotation tools.

The file is one ``AnnotationCollection`` whose ``first`` (and ``last``) is a single embedded
``AnnotationPage`` holding every annotation in ``items``, in text order. That is the form the
Web Annotation Data Model (section 5) gives for handing over a set of annotations, and the one
its own Example 44 uses: a bare JSON array is not part of the model, so it has no ``@context``
of its own and nowhere to say how many annotations there are, what they are about or who made
them. A file is one complete answer, so there is one page and no paging. Each item carries the
``@context`` as well, so any single annotation can be taken out and still stands on its own.
An article without annotations gives a collection with ``total`` 0 and no page.

What maps to what:

* claim → motivation ``assessing`` once the reader has set a status, ``classifying`` before;
  bodies: the kind (``classifying``), score, speaker and cue (``describing``), the status
  (``assessing``);
* highlight → ``commenting`` with notes, ``linking`` with only sources, ``tagging`` with only
  tags, ``highlighting`` otherwise;
* entity (only with ``include_entities``, or when it carries notes, sources or tags) →
  ``classifying``, its label as the body;
* note → ``TextualBody`` (``commenting``, ``text/markdown``); source → ``SpecificResource``
  (``linking``) plus its stance as a ``TextualBody`` (``assessing`` for supports/refutes,
  ``commenting`` for context); tag → ``TextualBody`` (``tagging``);
* article-level note → an annotation whose target is the article itself.

The target is a ``SpecificResource``: its ``source`` is the article's URL, or, for an article
read from a file, a ``urn:uuid`` made from the text's hash; its selectors are a
``TextQuoteSelector`` (the passage with up to 32 characters either side) and a
``TextPositionSelector`` (code-point offsets into the stored text: NFC, ``\\n`` line ends, so
for a web page the quote is the selector to trust). Ids are ``urn:uuid``s made from the text
hash and the annotation's id, so the same library exports the same ids every time. In a PDF
a third selector gives the page: a ``FragmentSelector`` ``page=N`` (RFC 3778) refined by the
quote.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from glossator import __version__
from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.article import Article
from glossator.core.formats.glossator_markdown.links import link_target
from glossator.core.formats.glossator_markdown.selection import select
from glossator.core.pages import page_span

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
CONTEXT_CHARS = 32
# Any fixed namespace gives stable ids; this one is Glossator's and never changes.
_NAMESPACE = uuid.UUID("6f1d8f52-3a0e-5c4b-9a57-2f0e4b1c7d10")
# Characters RFC 3986 allows in a URI; any other is percent-encoded as UTF-8.
_URI_CHAR = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]")
_BROKEN_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CHECKED = frozenset({"supported", "disputed", "false", "not-a-claim"})


@dataclass(frozen=True)
class ArticleNote:
    """A note on the article as a whole, with its id and times when they are known."""

    body: str
    id: int | None = None
    created: datetime | None = None
    modified: datetime | None = None


def web_annotations(
    article: Article,
    annotations: Iterable[AnnotationRecord],
    *,
    include_entities: bool = False,
    min_claim_score: float = 0.0,
    times: Mapping[int, tuple[datetime, datetime]] | None = None,
    article_notes: Sequence[ArticleNote] = (),
    exported_at: datetime | None = None,
) -> dict:
    """The ``AnnotationCollection`` of ``article`` as a JSON-ready dict.

    Claims are chosen as in the Markdown export (``min_claim_score``, no ``not-a-claim``).
    ``times`` maps an annotation id to its (created, modified) times; without them those keys
    are left out. Naive times are taken as UTC; ``exported_at`` defaults to now.
    """
    digest = article.text_hash
    run = _Run(
        text=article.text,
        digest=digest,
        source=_source_iri(article.source_url) or _urn(f"text:{digest}"),
        generated=_stamp(exported_at or datetime.now(UTC)),
        times=times or {},
        metadata=article.metadata,
    )
    chosen = select(article.text, annotations, (), min_claim_score=min_claim_score, bold_entities=False)
    entities = [s for s in chosen.entities if include_entities or _has_remarks(s.record)]
    shown = sorted([*chosen.claims, *chosen.highlights, *entities], key=lambda s: (s.start, s.end))
    items = [_article_note(run, note, i) for i, note in enumerate(article_notes)]
    items += [_annotation(run, s.record, s.start, s.end) for s in shown]
    collection: dict = {"@context": CONTEXT, "id": _urn(f"collection:{digest}"), "type": "AnnotationCollection"}
    if article.title.strip():
        collection["label"] = f"Annotations on “{' '.join(article.title.split())}”"
    collection.update(total=len(items), generator=_generator(), generated=run.generated)
    if items:
        page_id = _urn(f"page:{digest}:1")
        collection["first"] = {"id": page_id, "type": "AnnotationPage", "startIndex": 0, "items": items}
        collection["last"] = page_id
    return collection


def export_web_annotations(article: Article, annotations: Iterable[AnnotationRecord], **options) -> str:
    """``web_annotations`` serialised: indented UTF-8 JSON, safe to embed in an HTML ``<script>``."""
    data = json.dumps(web_annotations(article, annotations, **options), indent=2, ensure_ascii=False)
    # "<\/" is the same string to every JSON reader, and "</script>" in a note cannot end a script.
    return data.replace("</", "<\\/") + "\n"


@dataclass(frozen=True)
class _Run:
    """What every annotation of one export shares."""

    text: str
    digest: str  # the text's SHA-256: the root of every id
    source: str  # the article's IRI
    generated: str
    times: Mapping[int, tuple[datetime, datetime]]
    metadata: Mapping | None = None  # the article's: a paged document's pages


def _annotation(run: _Run, record: AnnotationRecord, start: int, end: int) -> dict:
    key = f"annotation:{record.id}" if record.id is not None else f"{record.kind}:{record.label}:{start}:{end}"
    anno: dict[str, object] = {"@context": CONTEXT, "id": _urn(f"{run.digest}:{key}"), "type": "Annotation",
                               "motivation": _motivation(record)}
    anno.update(_times(run.times.get(record.id) if record.id is not None else None))
    if record.origin != "user":
        anno["creator"] = _generator()
    anno.update(generator=_generator(), generated=run.generated)
    bodies = _bodies(record)
    if bodies:
        anno["body"] = bodies
    selectors = [
        _quote_selector(run.text, start, end),
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]
    span = page_span(run.metadata, start, end)
    if span is not None:
        # The PDF page (RFC 3778 fragment), refined by the quote on it.
        selectors.append({"type": "FragmentSelector", "conformsTo": PDF_FRAGMENT, "value": f"page={span[0]}",
                          "refinedBy": _quote_selector(run.text, start, end)})
    anno["target"] = {"type": "SpecificResource", "source": run.source, "selector": selectors}
    return anno


def _quote_selector(text: str, start: int, end: int) -> dict:
    selector = {"type": "TextQuoteSelector", "exact": text[start:end]}
    prefix, suffix = text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    if prefix:  # at the very start or end of the text there is nothing to quote
        selector["prefix"] = prefix
    if suffix:
        selector["suffix"] = suffix
    return selector


def _article_note(run: _Run, note: ArticleNote, index: int) -> dict:
    key = f"note:{note.id}" if note.id is not None else f"article-note:{index}"
    anno: dict[str, object] = {"@context": CONTEXT, "id": _urn(f"{run.digest}:{key}"), "type": "Annotation",
                               "motivation": "commenting"}
    if note.created and note.modified:
        anno.update(_times((note.created, note.modified)))
    anno.update(generator=_generator(), generated=run.generated)
    anno["body"] = [_text_body(note.body, "commenting", "text/markdown")]
    anno["target"] = run.source  # the whole article
    return anno


def _motivation(record: AnnotationRecord) -> str:
    if record.kind == "claim":
        return "assessing" if record.status in _CHECKED else "classifying"
    if record.kind == "entity":
        return "classifying"
    if any(n.strip() for n in record.notes):
        return "commenting"
    if record.sources:
        return "linking"
    return "tagging" if record.tags else "highlighting"


def _bodies(record: AnnotationRecord) -> list[dict]:
    bodies = []
    if record.kind in ("claim", "entity") and record.label.strip():
        bodies.append(_text_body(record.label, "classifying"))
    if record.kind == "claim":
        details = _claim_details(record)
        if details:
            bodies.append(_text_body(details, "describing"))
        if record.status in _CHECKED:
            bodies.append(_text_body(record.status, "assessing"))
    bodies += [_text_body(n, "commenting", "text/markdown") for n in record.notes if n.strip()]
    for source in record.sources:
        bodies += _source_bodies(source)
    bodies += [_text_body(tag, "tagging") for tag in record.tags if tag.strip()]
    return bodies


def _claim_details(record: AnnotationRecord) -> str:
    parts = []
    if record.score is not None:
        parts.append(f"check-worthiness {record.score:.2f}")
    for name in ("speaker", "cue"):
        value = " ".join(str(record.attrs.get(name) or "").split())
        if value:
            parts.append(f"{name}: {value}")
    return "; ".join(parts)


def _source_bodies(source: SourceRef) -> list[dict]:
    iri = _source_iri(source.url)
    url = " ".join(source.url.split())
    named = " ".join(source.title.split()) or url
    stance = source.stance if source.stance in ("supports", "refutes") else "context"
    said = {"supports": "supports this", "refutes": "refutes this", "context": "gives context"}[stance]
    remark = f"Source “{named}”" + (f" <{url}>" if url and named != url else "") + f" {said}"
    if source.note.strip():
        remark += f": {source.note.strip()}"
    purpose = "commenting" if stance == "context" else "assessing"
    if iri is None:  # not an address that can be linked: say it in words
        return [_text_body(remark, purpose)]
    return [{"type": "SpecificResource", "source": iri, "purpose": "linking"}, _text_body(remark, purpose)]


def _text_body(value: str, purpose: str, media_type: str = "text/plain") -> dict:
    return {"type": "TextualBody", "value": value, "format": media_type, "purpose": purpose}


def _generator() -> dict:
    return {"type": "Software", "name": f"Glossator {__version__}"}


def _times(pair: tuple[datetime, datetime] | None) -> dict:
    return {"created": _stamp(pair[0]), "modified": _stamp(pair[1])} if pair else {}


def _stamp(moment: datetime) -> str:
    """ISO 8601 in UTC to the second, as the model asks (``xsd:dateTime`` with ``Z``)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}"


def _source_iri(url: str) -> str | None:
    """``url`` as an absolute URI (web, mail or DOI address), or None if it is none of those."""
    target = link_target(url or "")
    if target is None:
        return None
    encoded = "".join(ch if _URI_CHAR.match(ch) else _percent(ch) for ch in target)
    return _BROKEN_PERCENT.sub("%25", encoded)


def _percent(ch: str) -> str:
    return "".join(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))


def _has_remarks(record: AnnotationRecord) -> bool:
    return any(n.strip() for n in record.notes) or bool(record.sources) or bool(record.tags)
