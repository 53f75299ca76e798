"""The learned check-worthiness scorer: its features, its file format, its metrics and split."""

import json

import numpy as np
import pytest

from glossator.core.nlp import claim_eval, claim_features
from glossator.core.nlp.checkworthiness import CheckWorthinessModel, LinearScorer, shipped_model
from glossator.core.nlp.claim_score import ClaimScorer
from glossator.core.nlp.claims_component import score_lines, sentence_score


def test_average_precision_of_a_perfect_and_a_mixed_ranking():
    assert claim_eval.average_precision([1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1]) == 1.0
    # Positives at ranks 1 and 3: (1/1 + 2/3) / 2.
    assert claim_eval.average_precision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) == pytest.approx(5 / 6)


def test_precision_recall_f1_at_the_cut_off():
    p, r, f = claim_eval.precision_recall_f1([1, 1, 0, 0], [0.7, 0.4, 0.6, 0.1])
    assert (p, r, f) == (0.5, 0.5, 0.5)


def test_dev_split_is_fixed_and_about_a_tenth():
    ids = range(5000)
    dev = [i for i in ids if claim_eval.is_dev(i)]
    assert dev == [i for i in ids if claim_eval.is_dev(i)]
    assert 400 < len(dev) < 600


def test_feature_hash_is_stable_across_runs():
    # crc32 is fixed by its definition; Python's salted hash() would break shipped weights.
    assert claim_features.feature_hash("w:the") == 157683
    assert 0 <= claim_features.feature_hash("anything") < claim_features.HASH_SIZE


def test_figures_and_names_are_masked(nlp):
    doc = nlp("Nvidia's share price plunged by 17%, wiping out $600 billion.")
    names = claim_features.sparse_names(doc[:], {"statistic"}, {})
    assert "w:<PERCENT>" in names and "w:<MONEY>" in names
    assert names.count("w:<MONEY>") == 1  # one figure, one word
    assert "kind:statistic" in names
    assert "w:nvidia" not in names


def _inputs(indices, values, vectors=None):
    return claim_features.SentenceInputs(np.array(indices), np.array(values, dtype=float),
                                         None if vectors is None else np.array(vectors, dtype=float))


def test_model_round_trip(tmp_path):
    sparse = np.zeros(claim_features.HASH_SIZE)
    sparse[[3, 7]] = [1.5, -0.5]
    vectors = LinearScorer(sparse.copy(), np.array([1.0, -2.0]), 0.25, 2.0, -1.0)
    words = LinearScorer(sparse.copy(), None, 0.0, 1.0, 0.0)
    model = CheckWorthinessModel(vectors, words, {"seed": 1})
    model.save(tmp_path)
    loaded = CheckWorthinessModel.load(tmp_path)
    inputs = _inputs([3, 7], [1.0, 2.0], [0.5, 0.5])
    # 1.5 - 1.0 + 0.25 + (0.5 - 1.0) = 0.25, then sigmoid(2 * 0.25 - 1)
    assert loaded.vectors.margin(inputs) == pytest.approx(0.25)
    assert loaded.score(inputs, use_vectors=True) == pytest.approx(1 / (1 + np.exp(0.5)))
    assert loaded.score(inputs, use_vectors=False) == pytest.approx(1 / (1 + np.exp(-0.5)))
    assert json.loads((tmp_path / "checkworthiness.json").read_text())["seed"] == 1


def test_vector_scorer_falls_back_to_words_without_matching_vectors():
    sparse = np.zeros(claim_features.HASH_SIZE)
    sparse[3] = 1.0
    model = CheckWorthinessModel(LinearScorer(sparse, np.array([5.0, 5.0]), 0.0, 1.0, 0.0),
                                 LinearScorer(np.zeros(claim_features.HASH_SIZE), None, 0.0, 1.0, 0.0), {})
    assert model.score(_inputs([3], [1.0], None), use_vectors=True) == 0.5
    assert model.score(_inputs([3], [1.0], [1.0, 1.0, 1.0]), use_vectors=True) == 0.5
    assert model.score(_inputs([3], [1.0], [1.0, 1.0]), use_vectors=True) > 0.99


def test_vectors_are_read_only_from_the_pipeline_they_were_trained_with(nlp):
    model = shipped_model()
    assert model.reads_vectors_of(nlp.meta)
    assert model.reads_vectors_of({"lang": "en", "name": "core_web_sm", "version": "3.8.0"})
    assert not model.reads_vectors_of({"lang": "en", "name": "core_web_lg", "version": "3.8.0"})
    assert not model.reads_vectors_of({"lang": "en", "name": "core_web_sm", "version": "3.7.1"})
    assert ClaimScorer.for_pipeline(nlp).use_vectors


def test_feature_values_are_log_counts_of_fixed_length():
    indices, values = claim_features.feature_values(np.array([5, 2, 5, 5, 9]))
    assert indices.tolist() == [2, 5, 9]
    assert values[1] / values[0] == pytest.approx(1 + np.log(3))
    assert np.linalg.norm(values) == pytest.approx(claim_features.VALUE_NORM)


def test_context_vectors_summarise_the_sentence_tensor(nlp):
    doc = nlp("Prices rose by 4% in May. Nobody was surprised.")
    first = next(iter(doc.sents))
    vectors = claim_features.context_vectors(first)
    width = doc.tensor.shape[1]
    assert vectors.shape == (2 * width,)
    assert np.allclose(vectors[:width], doc.tensor[first.start:first.end].mean(axis=0), atol=1e-5)
    assert np.allclose(vectors[width:], doc.tensor[first.start:first.end].max(axis=0), atol=1e-5)


def test_shipped_model_records_its_data_and_settings():
    header = shipped_model().header
    assert len(header["data"]["sha256"]) == 64
    assert header["split"]["dev_rule"] == claim_eval.DEV_RULE
    assert header["training"]["seed"] == 13
    assert header["features"]["hash_bits"] == claim_features.HASH_BITS
    for name in ("vectors", "words"):
        dev = header["metrics"][name]["dev"]
        assert dev["sentences"] == header["split"]["dev"]
        assert 0.0 < dev["f1"] <= 1.0 and 0.0 < dev["average_precision"] <= 1.0


def test_score_lines_is_the_component_score(nlp):
    lines = ["Unemployment fell to 3.5% in March.", "What a day!"]
    scores = score_lines(nlp, lines)
    scorer = ClaimScorer.for_pipeline(nlp)
    assert scores == [sentence_score(nlp(line)[:], scorer) for line in lines]
    assert scores[0] >= 0.5 > scores[1]


def test_model_files_ship_in_the_wheel_and_stay_small():
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["glossator.resources"]
    assert "**/*.npz" in patterns and "**/*.json" in patterns
    folder = root / "resources" / "models"
    assert (folder / "checkworthiness.json").exists()
    assert (folder / "checkworthiness.npz").stat().st_size < 2_000_000


def test_sentence_view_entities_are_the_spans_own(nlp):
    from glossator.core.nlp.sentence_view import SentenceView, entities_within

    doc = nlp("Sam Altman met Nvidia in Paris on Monday. Then the New York Times wrote about OpenAI and Microsoft.")
    for sent in doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sent.ents]
        assert [(e.start, e.end, e.label_) for e in SentenceView(sent).ents] == expected
    # A span cutting an entity in two holds neither half.
    times = next(e for e in doc.ents if "York" in e.text)
    cut = doc[times.start + 1 : len(doc)]
    assert [(e.start, e.end) for e in entities_within(cut, list(cut))] == [(e.start, e.end) for e in cut.ents]
    assert all(e.start >= cut.start for e in entities_within(cut, list(cut)))
