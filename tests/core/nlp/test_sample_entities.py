"""Entities on the DeepSeek sample: the right types, the same type for every mention."""

import re
from collections import defaultdict


def _labels(text, result):
    by_form = defaultdict(set)
    for span in result.entities:
        by_form[text[span.start : span.end]].add(span.label)
    return by_form


def test_people_are_person(sample_analysis):
    text, result = sample_analysis
    labels = _labels(text, result)
    for name in ("Marc Andreessen", "Liang Wenfeng", "Sam Altman", "Stacy Rasgon"):
        assert labels[name] == {"PERSON"}, name


def _occurrences(text, name):
    return {m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)}


def test_companies_are_org_in_every_mention(sample_analysis):
    text, result = sample_analysis
    for name in ("Nvidia", "OpenAI", "DeepSeek"):
        mentions = [s for s in result.entities if text[s.start : s.end].casefold() == name.casefold()]
        # Every written occurrence is a mention, whatever its case ("NVIDIA GPUs").
        assert {s.start for s in mentions} == _occurrences(text, name), name
        assert {s.label for s in mentions} == {"ORG"}, name
        assert {s.attrs["canonical"] for s in mentions} == {name}, name


def test_repeats_the_model_missed_are_marked(sample_analysis):
    text, result = sample_analysis
    repeats = {text[s.start : s.end] for s in result.entities if s.attrs.get("found_by") == "repeat"}
    assert {"NVIDIA", "DeepSeek", "R1"} <= repeats
    r1 = [s for s in result.entities if text[s.start : s.end] == "R1"]
    assert {s.start for s in r1} == _occurrences(text, "R1")
    assert {s.label for s in r1} == {"PRODUCT"}


def test_figures_are_found(sample_analysis):
    text, result = sample_analysis
    found = {text[s.start : s.end] for s in result.entities}
    assert "$6 million" in found
    assert "17%" in found
    assert any(form.endswith("$600 billion") for form in found)


def test_no_bare_ai_entity(sample_analysis):
    text, result = sample_analysis
    assert not [s for s in result.entities if text[s.start : s.end].strip() in ("AI", "AI’s", "AI's")]


def test_surname_joins_the_full_name(sample_analysis):
    text, result = sample_analysis
    liang = [s for s in result.entities if text[s.start : s.end] in ("Liang", "Liang Wenfeng")]
    assert len(liang) == len(_occurrences(text, "Liang")) == 3
    assert {s.label for s in liang} == {"PERSON"}
    assert {s.attrs["canonical"] for s in liang} == {"Liang Wenfeng"}
    altman = [s for s in result.entities if text[s.start : s.end] == "Altman"]
    assert altman and altman[0].attrs["canonical"] == "Sam Altman"
    abraham = [s for s in result.entities if s.attrs.get("canonical") == "Tanishq Abraham"]
    assert [text[s.start : s.end] for s in abraham] == ["Tanishq Abraham", "Abraham"]


def test_place_and_product_from_grammar(sample_analysis):
    text, result = sample_analysis
    labels = _labels(text, result)
    assert labels["Hangzhou"] == {"GPE"}
    assert labels["H800"] == {"PRODUCT"}


def test_one_label_per_surface_form(sample_analysis):
    text, result = sample_analysis
    for form, labels in _labels(text, result).items():
        assert len(labels) == 1, (form, labels)


def test_offsets_match_text(sample_analysis):
    text, result = sample_analysis
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == text[span.start : span.end].strip()
