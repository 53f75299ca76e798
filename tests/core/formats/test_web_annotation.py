"""The W3C Web Annotation (JSON-LD) export, checked against the W3C test schemas."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from glossator.core import store
from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.article import Article
from glossator.core.formats.web_annotation import (
    CONTEXT,
    CONTEXT_CHARS,
    ArticleNote,
    export_web_annotations,
    web_annotations,
)
from glossator.core.services import articles, exports
from tests.samples import SAMPLE_ARTICLE
from tests.web_annotation_schemas import (
    ANNOTATION_MUSTS,
    ANNOTATION_OPTIONALS,
    FORMATS,
    collection_failures,
    failures,
    items,
    manifest,
)

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
URL = "https://example.com/deepseek-r1"
STATISTIC = "Nvidia's share price plunged by 17%, wiping out approximately $600 billion from its market cap"
SPUTNIK = "AI’s Sputnik moment"
# Optional features of the model the export claims to implement: every annotation must show them.
IMPLEMENTED = [
    "annotations/3.3.1-annotationGeneratedImplemented.json",
    "annotations/3.3.5-annotationMotivationImplemented.json",
    "annotations/3.3.5-annotationSingleMotivationImplemented.json",
    "annotations/bodiesTargets/4-targSpecificResource.json",
    "annotations/specificResource/4.2-selectorFound.json",
    "annotations/specificResource/4.2.4-textQuoteSelector.json",
    "annotations/specificResource/4.2.5-textPositionSelector.json",
]
TIMED = [
    "annotations/3.3.1-annotationCreatedImplemented.json",
    "annotations/3.3.1-annotationModifiedImplemented.json",
]


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture(scope="module")
def article() -> Article:
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    return Article(text=text, title="DeepSeek R1 AI Model Disrupts Global Tech Market", source_url=URL)


@pytest.fixture(scope="module")
def records(article: Article) -> list[AnnotationRecord]:
    text = article.text
    statistic = AnnotationRecord(
        "claim", "statistic", *_span(text, STATISTIC), score=0.91, status="disputed", id=1,
        attrs={"speaker": "", "cue": "plunged"},
        notes=["Reuters put the loss at **$589 billion**; check the close."],
        sources=[SourceRef("https://www.reuters.com/technology/nvidia-(loss) 2025", "Reuters | markets",
                           "refutes", "a lower figure")],
        tags=["markets"],
    )
    sputnik = AnnotationRecord("claim", "quote", *_span(text, SPUTNIK), score=0.84, id=2,
                               attrs={"speaker": "Marc Andreessen", "cue": "characterized"})
    weak = AnnotationRecord("claim", "prediction", *_span(text, "will shape the evolution of AI"), score=0.2, id=3)
    noted = AnnotationRecord("highlight", "", *_span(text, "costing under $6 million"), origin="user", id=4,
                             notes=["Compare with Meta's *Llama* budget."])
    linked = AnnotationRecord("highlight", "", *_span(text, "Hangzhou"), origin="user", id=5,
                              sources=[SourceRef("not a link", "Desk memo")])
    plain = AnnotationRecord("highlight", "", *_span(text, "Liang Wenfeng"), origin="user", id=6)
    entities = [
        AnnotationRecord("entity", "ORG", m.start(), m.end(), id=100 + i)
        for i, m in enumerate(re.finditer("Nvidia", text))
    ]
    return [statistic, sputnik, weak, noted, linked, plain, *entities]


@pytest.fixture(scope="module")
def collection(article, records) -> dict:
    times = {r.id: (datetime(2026, 11, 1, 9, 30), datetime(2026, 11, 2, 9, 30)) for r in records}
    notes = [ArticleNote("Read alongside the *Reuters* piece.", 7, datetime(2026, 11, 3), datetime(2026, 11, 3))]
    text = export_web_annotations(article, records, min_claim_score=0.5, times=times,
                                  article_notes=notes, exported_at=STAMP)
    return json.loads(text)


def by_quote(collection: dict, quote: str) -> dict:
    (found,) = [a for a in items(collection) if _quote(a) == quote]
    return found


def _quote(annotation: dict) -> str | None:
    target = annotation["target"]
    return target["selector"][0]["exact"] if isinstance(target, dict) else None


def test_every_part_of_the_export_meets_the_w3c_musts(collection):
    # Without these checkers ids, sources and times would not really be checked.
    assert {"uri", "date-time"} <= set(FORMATS.checkers)
    assert len(manifest(ANNOTATION_MUSTS)) == 54
    assert collection_failures(collection) == []
    assert collection["total"] == len(items(collection)) == 6  # 3 claims shown of 3, weak left out
    assert collection["first"]["startIndex"] == 0 and collection["last"] == collection["first"]["id"]


def test_every_annotation_implements_the_features_it_claims(collection):
    for annotation in items(collection):
        implemented = IMPLEMENTED + TIMED if annotation["target"] != URL else TIMED
        assert failures(annotation, implemented) == [], annotation["id"]
        assert set(implemented) <= set(manifest(ANNOTATION_OPTIONALS))


def test_the_schemas_do_catch_a_broken_annotation(collection):
    good = items(collection)[1]
    for broken in ({**good, "id": "not a uri"}, {k: v for k, v in good.items() if k != "target"},
                   {**good, "@context": "http://example.org/context"}, {**good, "created": "yesterday"}):
        assert failures(broken, manifest(ANNOTATION_MUSTS))


def test_selectors_quote_the_text_at_their_positions(article, collection):
    text = article.text
    for annotation in items(collection):
        if annotation["target"] == URL:
            continue
        target = annotation["target"]
        assert target["source"] == URL and target["type"] == "SpecificResource"
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert quote["exact"] == text[start:end] != ""
        assert quote.get("prefix", "") == text[max(0, start - CONTEXT_CHARS) : start]
        assert quote.get("suffix", "") == text[end : end + CONTEXT_CHARS]
        # The quote with its context finds the same place again.
        found = text.index(quote.get("prefix", "") + quote["exact"] + quote.get("suffix", ""))
        assert found + len(quote.get("prefix", "")) == start


def test_claims_notes_sources_and_tags_map_to_bodies(collection):
    claim = by_quote(collection, STATISTIC)
    assert claim["motivation"] == "assessing" and claim["creator"]["type"] == "Software"
    purposes = [(b.get("purpose"), b.get("value", b.get("source"))) for b in claim["body"]]
    assert ("classifying", "statistic") in purposes
    assert ("describing", "check-worthiness 0.91; cue: plunged") in purposes
    assert ("assessing", "disputed") in purposes
    assert ("commenting", "Reuters put the loss at **$589 billion**; check the close.") in purposes
    assert ("tagging", "markets") in purposes
    link = next(b for b in claim["body"] if b["type"] == "SpecificResource")
    assert link == {"type": "SpecificResource", "purpose": "linking",
                    "source": "https://www.reuters.com/technology/nvidia-%28loss%29%202025"}
    stance = next(b for b in claim["body"] if b.get("purpose") == "assessing" and "Source" in b["value"])
    assert "refutes this: a lower figure" in stance["value"]
    note = next(b for b in claim["body"] if b.get("purpose") == "commenting")
    assert note["format"] == "text/markdown" and "language" not in note

    quote = by_quote(collection, SPUTNIK)
    assert quote["motivation"] == "classifying"  # unchecked: what the detector says, no verdict yet
    assert any(b.get("value") == "check-worthiness 0.84; speaker: Marc Andreessen; cue: characterized"
               for b in quote["body"])
    noted = by_quote(collection, "costing under $6 million")
    assert noted["motivation"] == "commenting" and "creator" not in noted  # the reader's own
    linked = by_quote(collection, "Hangzhou")
    assert linked["motivation"] == "linking"
    assert linked["body"] == [{"type": "TextualBody", "value": "Source “Desk memo” <not a link> gives context",
                               "format": "text/plain", "purpose": "commenting"}]
    plain = by_quote(collection, "Liang Wenfeng")
    assert plain["motivation"] == "highlighting" and "body" not in plain


def test_times_and_the_article_note(collection):
    claim = by_quote(collection, STATISTIC)
    assert (claim["created"], claim["modified"]) == ("2026-11-01T09:30:00Z", "2026-11-02T09:30:00Z")
    assert claim["generated"] == collection["generated"] == "2026-11-29T10:00:00Z"
    assert collection["generator"]["name"].startswith("Glossator ")
    (note,) = [a for a in items(collection) if a["target"] == URL]
    assert note["motivation"] == "commenting" and note["body"][0]["value"] == "Read alongside the *Reuters* piece."


def test_entities_only_on_request_or_when_the_reader_remarked_on_them(article, records):
    plain = web_annotations(article, records, exported_at=STAMP)
    assert not any(a["motivation"] == "classifying" and a["body"][0]["value"] == "ORG" for a in items(plain))
    with_entities = web_annotations(article, records, include_entities=True, exported_at=STAMP)
    orgs = [a for a in items(with_entities) if a["motivation"] == "classifying" and a["body"][0]["value"] == "ORG"]
    assert len(orgs) == len(re.findall("Nvidia", article.text)) and collection_failures(with_entities) == []
    first = records[-1]
    noted = [*records[:-1], AnnotationRecord("entity", "ORG", first.start, first.end, id=first.id, notes=["Which?"])]
    exported = items(web_annotations(article, noted, exported_at=STAMP))
    kept = [a for a in exported if a.get("body") and a["body"][0]["value"] == "ORG"]
    assert len(kept) == 1 and kept[0]["body"][1]["value"] == "Which?"


def test_ids_are_unique_and_the_same_in_every_export(article, records):
    first = web_annotations(article, records, include_entities=True, exported_at=STAMP)
    again = web_annotations(article, list(reversed(records)), include_entities=True,
                            exported_at=STAMP + timedelta(days=3))
    ids = [a["id"] for a in items(first)]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)
    assert ids == [a["id"] for a in items(again)]
    assert (first["id"], first["first"]["id"]) == (again["id"], again["first"]["id"])
    other = Article(text=article.text + " ", source_url=URL)
    assert not set(ids) & {a["id"] for a in items(web_annotations(other, records, exported_at=STAMP))}


def test_an_article_without_annotations_gives_an_empty_valid_collection():
    collection = json.loads(export_web_annotations(Article(text="Nothing marked here."), [], exported_at=STAMP))
    assert collection["total"] == 0 and "first" not in collection and "label" not in collection
    assert collection["@context"] == CONTEXT and collection["type"] == "AnnotationCollection"
    assert collection_failures(collection) == []


HOSTILE = 'Il a dit « 17 % » — "quoted" \\ back\nslash </script><script>alert(1)</script> 東京 😀\n\n'


def test_hostile_and_non_ascii_text_stays_valid_json():
    text = HOSTILE * 3
    start = text.index("</script>")
    record = AnnotationRecord(
        "highlight", "", start, start + 40, origin="user", id=9,
        notes=['a "note"\nwith </script> and ]]> and \u2028 line separators'],
        sources=[SourceRef("https://例え.jp/パス?q=a b&c=%zz#frag", "Ünïcode </title>", "supports")],
        tags=["東京", '"quoted"'],
    )
    article = Article(text=text, title='</script> "title"', source_url="https://example.org/a b/ü")
    out = export_web_annotations(article, [record], exported_at=STAMP)
    assert "</script" not in out and "東京" in out and "😀" in out  # written as itself, not \\u-escaped
    data = json.loads(out)
    (annotation,) = items(data)
    # The line break at the end of the range is not part of the passage (as in the Markdown export).
    assert annotation["target"]["selector"][0]["exact"] == text[start : start + 40].rstrip("\n")
    assert annotation["body"][0]["value"] == record.notes[0]
    assert collection_failures(data) == []
    link = next(b for b in annotation["body"] if b["type"] == "SpecificResource")
    assert link["source"].isascii() and " " not in link["source"] and "%25zz" in link["source"]
    assert annotation["target"]["source"] == "https://example.org/a%20b/%C3%BC"


def test_an_article_read_from_a_file_is_named_by_its_text():
    text = "A file with no address. Prices fell 17%."
    start = text.index("Prices")
    record = AnnotationRecord("claim", "statistic", start, len(text), score=0.9, id=1)
    data = web_annotations(Article(text=text, source_path="/tmp/a.txt"), [record], exported_at=STAMP)
    source = items(data)[0]["target"]["source"]
    assert source.startswith("urn:uuid:")
    assert source == items(web_annotations(Article(text=text), [record], exported_at=STAMP))[0]["target"]["source"]
    assert collection_failures(data) == []


def test_the_stored_and_analysed_sample_exports_valid_annotations(tmp_path):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    text = row.text
    start, end = _span(text, "costing under $6 million")
    store.add_note(row.id, start, end, "Compare with *Llama*.")
    store.add_source(row.id, start, end, "https://example.org/costs", "Costs", "refutes")
    store.add_article_note(row.id, "Whole-article remark </script>")
    written = exports.export_article(row.id, tmp_path / "sample.jsonld", fmt="jsonld", exported_at=STAMP)
    data = json.loads(written.read_text(encoding="utf-8"))
    assert collection_failures(data) == []
    kinds = {a["motivation"] for a in items(data)}
    assert {"commenting", "classifying"} <= kinds
    for annotation in items(data):
        if isinstance(annotation["target"], dict):
            quote, position = annotation["target"]["selector"]
            assert quote["exact"] == text[position["start"] : position["end"]]
        assert annotation["created"] <= annotation["modified"]
    again = exports.render_web_annotations(row.id, exported_at=STAMP)
    assert again == written.read_text(encoding="utf-8")
    with_entities = json.loads(exports.render_web_annotations(row.id, include_entities=True, exported_at=STAMP))
    assert with_entities["total"] > data["total"]  # entity annotations are validated above
