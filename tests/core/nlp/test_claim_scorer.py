"""The learned check-worthiness scorer: its features, its file format, its metrics and split."""

import json

import numpy as np
import pytest

from glossator.core.nlp import claim_eval, claim_features
from glossator.core.nlp.checkworthiness import CheckWorthinessModel, shipped_model
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


def test_model_round_trip(tmp_path):
    weights = np.zeros(claim_features.HASH_SIZE)
    weights[[3, 7]] = [1.5, -0.5]
    model = CheckWorthinessModel(weights, 2.0, -1.0, {"seed": 1})
    model.save(tmp_path)
    loaded = CheckWorthinessModel.load(tmp_path)
    indices = np.array([3, 7, 7])
    assert loaded.margin(indices) == pytest.approx(0.5)
    assert loaded.score(indices) == pytest.approx(model.score(indices)) == pytest.approx(0.5)
    assert json.loads((tmp_path / "checkworthiness.json").read_text())["seed"] == 1


def test_shipped_model_records_its_data_and_settings():
    header = shipped_model().header
    assert len(header["data"]["sha256"]) == 64
    assert header["split"]["dev_rule"] == claim_eval.DEV_RULE
    assert header["training"]["seed"] == 13
    assert header["features"]["hash_bits"] == claim_features.HASH_BITS
    dev = header["metrics"]["dev"]
    assert dev["sentences"] == header["split"]["dev"]
    assert 0.0 < dev["f1"] <= 1.0 and 0.0 < dev["average_precision"] <= 1.0


def test_score_lines_is_the_component_score(nlp):
    lines = ["Unemployment fell to 3.5% in March.", "What a day!"]
    scores = score_lines(nlp, lines)
    assert scores == [sentence_score(nlp(line)[:]) for line in lines]
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
