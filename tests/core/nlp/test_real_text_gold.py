"""The gold set of names and speakers that went wrong on real books and news pages
(``tests/data/real_text_gold.json``): every item must come out as a reader expects."""

import json

import pytest

from glossator.core.nlp.analysis import analyze_text
from tests.samples import ROOT

GOLD = json.loads((ROOT / "tests" / "data" / "real_text_gold.json").read_text(encoding="utf-8"))["items"]


def test_the_gold_set_is_large_enough():
    assert len(GOLD) >= 40
    assert {item["source"].split(" (")[0] for item in GOLD} >= {"Moby Dick", "Pride and Prejudice", "Frankenstein"}


@pytest.mark.parametrize("item", GOLD, ids=[item["text"][:40] for item in GOLD])
def test_gold_item(nlp, item):
    text = item["text"]
    result = analyze_text(text, nlp)
    found = [(text[e.start : e.end], e.label) for e in result.entities]
    surfaces = {surface for surface, _ in found}
    for name, label in item["names"]:
        assert name in surfaces, f"{name!r} is not marked: {found}"
        if label is not None:
            assert (name, label) in found, f"{name!r} is not {label}: {found}"
    for junk in item["not_names"]:
        assert junk not in surfaces, f"{junk!r} is marked as a name: {found}"
    for name, label in item.get("not_labels", []):
        assert (name, label) not in found, f"{name!r} is marked {label}: {found}"
    if "speaker" in item:
        start, speaker = item["speaker"]
        said = [c.attrs.get("speaker") for c in result.claims if text[c.start : c.end].startswith(start)]
        assert said == [speaker]
