"""Claims on the DeepSeek sample: kinds, scores and speakers the issue names."""

import statistics

import pytest

from glossator.core.nlp.claim_score import ClaimScorer
from glossator.core.nlp.claims_component import sentence_score
from tests.samples import sample_text


def _claim_containing(text, result, needle):
    matches = [c for c in result.claims if needle in text[c.start : c.end]]
    assert matches, f"no claim contains {needle!r}"
    return matches[0]


def test_share_price_drop_is_a_statistic(sample_analysis):
    text, result = sample_analysis
    claim = _claim_containing(text, result, "17%")
    assert claim.label == "statistic"
    assert claim.score >= 0.5


def test_sputnik_quote_has_its_speaker(sample_analysis):
    text, result = sample_analysis
    claim = _claim_containing(text, result, "Sputnik moment")
    assert claim.label == "quote"
    assert claim.attrs["speaker"] == "Marc Andreessen"


def test_according_to_reports_is_unnamed_attribution(sample_analysis):
    text, result = sample_analysis
    claim = _claim_containing(text, result, "According to reports")
    assert claim.label == "attribution"
    assert claim.attrs["speaker"] == "unnamed"
    assert claim.attrs["speaker_phrase"] == "reports"


def test_pronoun_speaker_resolves_to_previous_person(sample_analysis):
    text, result = sample_analysis
    claim = _claim_containing(text, result, "He emphasized")
    assert claim.attrs["speaker"] == "Marc Andreessen"


def test_surname_speaker_gets_full_name(sample_analysis):
    text, result = sample_analysis
    claim = _claim_containing(text, result, "Altman indicated")
    assert claim.attrs["speaker"] == "Sam Altman"


def test_claims_are_sentences_not_paragraphs(sample_analysis):
    text, result = sample_analysis
    for claim in result.claims:
        assert "\n" not in text[claim.start : claim.end]
        assert 0.0 <= claim.score <= 1.0
        assert claim.attrs["cue"]


def test_headline_and_dateline_are_not_claims(sample_analysis):
    text, result = sample_analysis
    for claim in result.claims:
        assert not text[claim.start : claim.end].startswith("DeepSeek R1 AI Model Disrupts")
        assert "Jan 31, 2025" not in text[claim.start : claim.end]


def _gold():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "data" / "deepseek_claims_gold.json"
    return json.loads(path.read_text(encoding="utf-8"))["sentences"]


@pytest.mark.parametrize("item", [s for s in _gold() if s["claim"] and s["speaker"]], ids=lambda s: s["starts"][:30])
def test_every_quote_and_report_has_its_gold_speaker(sample_analysis, item):
    text, result = sample_analysis
    matches = [c for c in result.claims if text[c.start : c.end].startswith(item["starts"])]
    assert matches, f"no claim starts with {item['starts']!r}"
    assert matches[0].attrs.get("speaker") == item["speaker"]


def test_share_price_sentence_scores_above_point_eight(sample_analysis):
    text, result = sample_analysis
    assert _claim_containing(text, result, "17%").score > 0.8


def test_closing_sentence_scores_below_the_median(nlp):
    doc = nlp(sample_text())
    scorer = ClaimScorer.for_pipeline(nlp)
    scores = {s.text.strip(): sentence_score(s, scorer) for s in doc.sents if s.text.strip()}
    closing = next(score for sent, score in scores.items() if sent.startswith("Through all this"))
    assert closing < statistics.median(scores.values())


def test_spokesperson_speaks_for_the_company(sample_analysis):
    text, result = sample_analysis
    claim = _claim_containing(text, result, "Inference requires")
    assert claim.label == "quote"
    assert claim.attrs["speaker"] == "Nvidia's spokesperson"
