"""Claims on the DeepSeek sample: kinds, scores and speakers the issue names."""


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
