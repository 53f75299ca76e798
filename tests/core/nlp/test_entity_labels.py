"""Document-level entity decisions as pure functions over mentions."""

from glossator.core.nlp.entity_labels import resolve_entities
from glossator.core.nlp.mentions import Mention, surface_key


def _m(start, text, label, evidence=None, tokens=None):
    m = Mention(start, start + len(text), text, label, tokens or len(text.split()))
    m.evidence = evidence
    return m


def test_surface_key_ignores_case_possessive_and_article():
    assert surface_key("Nvidia's") == surface_key("NVIDIA") == surface_key("nvidia")
    assert surface_key("The Wall Street Journal") == "wall street journal"


def test_evidence_beats_majority():
    mentions = [_m(0, "Acme", "GPE"), _m(10, "Acme", "GPE"), _m(20, "Acme", "PRODUCT", evidence="ORG")]
    assert {s.label for s in resolve_entities(mentions)} == {"ORG"}


def test_majority_without_evidence():
    mentions = [_m(0, "Zorba", "PERSON"), _m(10, "Zorba", "PERSON"), _m(20, "Zorba", "GPE")]
    assert {s.label for s in resolve_entities(mentions)} == {"PERSON"}


def test_surname_takes_longest_person_name():
    mentions = [_m(0, "Ada Lovelace", "PERSON"), _m(20, "Lovelace", "GPE"), _m(40, "Lovelace", "ORG")]
    spans = resolve_entities(mentions)
    assert [s.label for s in spans] == ["PERSON"] * 3
    assert {s.attrs["canonical"] for s in spans} == {"Ada Lovelace"}


def test_user_rules_relabel_and_ignore():
    mentions = [_m(0, "Foo", "GPE"), _m(10, "Bar", "ORG")]
    spans = resolve_entities(mentions, {"foo": "ORG", "Bar": "IGNORE"})
    assert [(s.start, s.label) for s in spans] == [(0, "ORG")]


def test_name_with_model_number_is_split():
    mentions = [_m(0, "Boeing", "ORG"), _m(20, "Boeing 737", "ORG", evidence="PRODUCT")]
    spans = resolve_entities(mentions)
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 6, "ORG"), (20, 26, "ORG"), (27, 30, "PRODUCT")]
