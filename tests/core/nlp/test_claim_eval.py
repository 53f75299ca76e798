"""The fixed splits of the claim data and the measures reported on them."""

import hashlib

import pytest

from glossator.core.nlp import claim_eval


def test_the_splits_follow_their_stated_rules_and_sizes():
    ids = range(20_000)
    splits = [claim_eval.split_of(i) for i in ids]
    for i, split in zip(ids, splits):
        dev = int(hashlib.sha256(f"glossator-dev:{i}".encode()).hexdigest(), 16) % 10 == 0
        assert (split == "dev") == dev
    share = {name: splits.count(name) / len(splits) for name in ("dev", "calibration", "train")}
    assert share["dev"] == pytest.approx(0.1, abs=0.01)
    assert share["calibration"] == pytest.approx(0.9 / 8, abs=0.01)


def test_clef_dev_transcripts_follow_their_rule():
    names = [f"2016{m:02d}{d:02d}_debate.tsv" for m in range(1, 13) for d in range(1, 29)]
    dev = [name for name in names if claim_eval.is_clef_dev(name)]
    for name in names:
        expected = int(hashlib.sha256(f"glossator-dev:{name}".encode()).hexdigest(), 16) % 4 == 0
        assert claim_eval.is_clef_dev(name) == expected
    assert len(dev) == pytest.approx(len(names) / 4, rel=0.25)


def test_average_precision_and_its_mean_over_transcripts():
    # Positives at ranks 1 and 3: (1/1 + 2/3) / 2.
    assert claim_eval.average_precision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) == pytest.approx(5 / 6)
    assert claim_eval.average_precision([0, 0], [0.2, 0.1]) == 0.0
    groups = [([1, 0], [0.9, 0.1]), ([0, 1], [0.9, 0.1])]
    assert claim_eval.mean_average_precision(groups) == pytest.approx((1.0 + 0.5) / 2)
    assert claim_eval.mean_average_precision([]) == 0.0


def test_clef_lines_are_read_in_order_with_their_labels(tmp_path):
    path = tmp_path / "clef.csv"
    path.write_text('line_number,speaker,text,label,file_name\n'
                    '1,TODD,"Good evening, all.",0,a.tsv\n2,SANDERS,We lost 800000 jobs.,1,a.tsv\n',
                    encoding="utf-8")
    lines = claim_eval.load_clef(path)
    found = [(line["line_number"], line["speaker"], line["label"]) for line in lines]
    assert found == [(1, "TODD", 0), (2, "SANDERS", 1)]
    assert lines[0]["text"] == "Good evening, all."


def test_precision_recall_f1_and_the_best_cut():
    labels, scores = [1, 1, 0, 0], [0.9, 0.4, 0.6, 0.1]
    assert claim_eval.precision_recall_f1(labels, scores) == pytest.approx((0.5, 0.5, 0.5))
    assert claim_eval.best_cut(labels, scores) == pytest.approx(0.4)
