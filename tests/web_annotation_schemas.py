"""The W3C Web Annotation test schemas (tests/data/web-annotation), ready to check exports.

Each assertion schema of a test manifest is one requirement of the Web Annotation Data Model;
``failures`` names those a JSON object does not meet. References between the schema files are
file names, looked up ignoring case (one schema's own id differs in case from its file name),
and the formats ``uri`` and ``date-time`` are checked (rfc3986-validator, rfc3339-validator).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

DATA = Path(__file__).resolve().parent / "data" / "web-annotation"
ANNOTATION_MUSTS = "annotations/annotationMusts.test"
ANNOTATION_OPTIONALS = "annotations/annotationOptionals.test"
COLLECTION_MUSTS = "collections/collectionMusts.test"
PAGE_MUSTS = "collections/pages/pageMusts.test"
FORMATS = Draft4Validator.FORMAT_CHECKER


@cache
def _files() -> dict[str, Path]:
    return {path.name.lower(): path for path in DATA.rglob("*.json")}


@cache
def _load(name: str) -> dict:
    return json.loads(_files()[name.lower()].read_text(encoding="utf-8"))


def _retrieve(uri: str) -> Resource:
    name = uri.split("#", 1)[0].rsplit("/", 1)[-1]
    return Resource.from_contents(_load(name), default_specification=DRAFT4)


# Every definition file is loaded up front, so no validation has to look one up again.
REGISTRY = Registry(retrieve=_retrieve).with_resources(
    (path.name, Resource.from_contents(_load(path.name), default_specification=DRAFT4))
    for path in sorted((DATA / "definitions").glob("*.json"))
).crawl()


def manifest(path: str) -> list[str]:
    """The assertion files a ``.test`` manifest lists."""
    return json.loads((DATA / path).read_text(encoding="utf-8"))["assertions"]


@cache
def validator(assertion: str) -> Draft4Validator:
    """A validator for one assertion file (a path as the manifests give it)."""
    schema = _load(Path(assertion).name)
    return Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS)


def failures(instance: dict, assertions: list[str]) -> list[str]:
    """The assertions (all expect "valid") that ``instance`` fails, each with the schema's message."""
    failed = []
    for assertion in assertions:
        schema = validator(assertion).schema
        assert schema.get("expectedResult", "valid") == "valid", assertion
        if not validator(assertion).is_valid(instance):
            failed.append(f"{assertion}: {schema.get('errorMessage', schema.get('title', ''))}")
    return failed


def collection_failures(collection: dict) -> list[str]:
    """Every MUST the collection, its page and each of its annotations fail, in one list."""
    failed = [f"collection {f}" for f in failures(collection, manifest(COLLECTION_MUSTS))]
    page = collection.get("first")
    if page is not None:
        # The page manifest is written for "a single Page or a Collection with an embedded Page".
        failed += [f"page {f}" for f in failures(collection, manifest(PAGE_MUSTS))]
        for item in page["items"]:
            failed += [f"{item.get('id')} {f}" for f in failures(item, manifest(ANNOTATION_MUSTS))]
    return failed


def items(collection: dict) -> list[dict]:
    """The annotations of an exported collection (none if it has no page)."""
    return collection["first"]["items"] if "first" in collection else []
