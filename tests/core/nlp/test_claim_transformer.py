"""The shipped claim encoder and how its opinion is combined with the linear model's."""

import hashlib
import json

import numpy as np
import pytest

from glossator.core.nlp import claim_score, claim_transformer
from glossator.core.nlp.claim_combiner import Combiner, fit_logistic
from glossator.core.nlp.claim_score import ClaimScorer
from glossator.core.nlp.claims_component import score_lines
from tests.samples import ROOT

FOLDER = ROOT / "resources" / "models" / "claim_minilm"


def test_the_window_and_the_command_line_score_with_the_encoder(nlp):
    scorer = ClaimScorer.for_pipeline(nlp)
    assert scorer.which == "transformer"
    assert nlp.get_pipe("glossator_claims").scorer.which == "transformer"


def test_the_shipped_files_are_small_and_say_where_they_came_from():
    assert (FOLDER / "model.onnx").stat().st_size <= 30 * 1024 * 1024
    card = (FOLDER / "MODEL_CARD.md").read_text(encoding="utf-8")
    header = json.loads((FOLDER / "combiner.json").read_text(encoding="utf-8"))
    base_sha = header["encoder"]["base_sha256"]
    assert len(base_sha) == 64 and base_sha in card
    assert header["metrics"]["claimbuster_dev"]["combined"]["sentences"] == 862


def test_a_sentence_scores_the_same_alone_and_in_a_batch():
    encoder = claim_transformer.shipped_transformer()
    texts = ["Unemployment fell to 3.5% in March.", "What a day!",
             "The senator said the bill would cost taxpayers $40 billion over ten years, more than the last one."]
    together = encoder.logits(texts)
    alone = np.vstack([encoder.logits([t]) for t in texts])
    assert np.abs(together - alone).max() < 1e-4
    assert encoder.logits([]).shape == (0, 2)


def test_check_worthy_sentences_score_above_chatter(nlp):
    scores = score_lines(nlp, ["Unemployment fell to 3.5% in March, the lowest rate since 1969.",
                               "Thank you all for being here tonight.",
                               "We spent $2 trillion on the war in Iraq.",
                               "I think that's a great question."])
    assert min(scores[0], scores[2]) >= 0.5 > max(scores[1], scores[3])


def test_without_the_encoder_the_linear_model_scores_alone(nlp, monkeypatch):
    monkeypatch.setattr(claim_score, "shipped_transformer", lambda: None)
    scorer = ClaimScorer.for_pipeline(nlp)
    assert scorer.which == "linear"
    linear = ClaimScorer.for_meta(nlp.meta, use_transformer=False)
    lines = ["Unemployment fell to 3.5% in March.", "What a day!"]
    assert score_lines(nlp, lines, scorer) == score_lines(nlp, lines, linear)


def test_a_missing_model_file_means_no_encoder(tmp_path, monkeypatch):
    monkeypatch.setattr(claim_transformer, "shipped_folder", lambda: tmp_path)
    monkeypatch.setattr(claim_transformer, "_loaded", False)
    monkeypatch.setattr(claim_transformer, "_shipped", None)
    assert claim_transformer.shipped_transformer() is None


def test_combiner_round_trip_and_score(tmp_path):
    combiner = Combiner({"vectors": [1.0, 0.5, 0.25, -1.0], "words": [1.0, 0.0, 0.0, 0.0]}, {"name": "test"})
    combiner.save(tmp_path / "combiner.json")
    loaded = Combiner.load(tmp_path / "combiner.json")
    assert loaded.weights == combiner.weights and loaded.header["name"] == "test"
    # 1*2 + 0.5*(-2) + 0.25*4 - 1 = 1
    assert loaded.combined_logit([2.0, -2.0], 4.0, "vectors") == pytest.approx(1.0)
    assert loaded.score([0.0, 0.0], 0.0, "words") == 0.5


def test_fit_logistic_recovers_known_weights():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(4000, 2))
    y = (rng.random(4000) < 1 / (1 + np.exp(-(2.0 * x[:, 0] - 1.0 * x[:, 1] + 0.5)))).astype(float)
    w = fit_logistic(x, y, l2=1e-6)
    assert w == pytest.approx([2.0, -1.0, 0.5], abs=0.2)


def test_the_training_script_checks_the_base_weights_it_names():
    source = (ROOT / "tools" / "train_claim_transformer.py").read_text(encoding="utf-8")
    header = json.loads((FOLDER / "combiner.json").read_text(encoding="utf-8"))
    assert f'BASE_SHA256 = "{header["encoder"]["base_sha256"]}"' in source
    assert "hashlib.sha256" in source and hashlib.sha256(b"").hexdigest() not in source


def test_a_novel_is_scored_without_the_encoder_and_a_report_with_it(nlp, monkeypatch):
    from glossator.core.nlp.analysis import analyze_text

    calls = []
    real = claim_transformer.ClaimTransformer.logits
    monkeypatch.setattr(claim_transformer.ClaimTransformer, "logits",
                        lambda self, texts: calls.append(len(texts)) or real(self, texts))
    novel = (ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt").read_text(encoding="utf-8")
    result = analyze_text(novel, nlp)
    assert result.genre.kind == "fiction" and sum(calls) == 0
    assert all(c.score < 0.5 for c in result.claims)
    assert nlp.get_pipe("glossator_claims").scorer.which == "transformer"  # put back afterwards
    report = analyze_text((ROOT / "resources" / "samples" / "deepseek-r1-news.txt").read_text(encoding="utf-8"), nlp)
    assert report.genre.kind == "news" and sum(calls) > 0
