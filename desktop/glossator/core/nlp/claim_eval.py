"""How the claim scorer is measured: the fixed train/dev split of the ClaimBuster data and the
figures reported for it (precision, recall, F1 of the positive class, average precision).

The training script and the benchmark both use these, so they can never disagree on which
sentences are held out.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import numpy as np

DEV_RULE = 'int(sha256(f"glossator-dev:{sentence_id}").hexdigest(), 16) % 10 == 0'
CALIBRATION_RULE = 'not dev and int(sha256(f"glossator-calibration:{sentence_id}").hexdigest(), 16) % 8 == 0'
CLEF_DEV_RULE = 'int(sha256(f"glossator-dev:{file_name}").hexdigest(), 16) % 4 == 0'


def _hashed(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def is_dev(sentence_id) -> bool:
    """True for the tenth of the sentences held out for evaluation (see ``DEV_RULE``)."""
    return _hashed(f"glossator-dev:{sentence_id}") % 10 == 0


def split_of(sentence_id) -> str:
    """"dev", "calibration" (held out from the transformer, for fitting how scores combine) or "train"."""
    if is_dev(sentence_id):
        return "dev"
    return "calibration" if _hashed(f"glossator-calibration:{sentence_id}") % 8 == 0 else "train"


def is_clef_dev(file_name: str) -> bool:
    """True for the CLEF transcripts held out for evaluation (see ``CLEF_DEV_RULE``)."""
    return _hashed(f"glossator-dev:{file_name}") % 4 == 0


def load_clef(path) -> list[dict]:
    """CLEF CheckThat! 2019 lines: dicts with ``file_name``, ``line_number``, ``speaker``,
    ``text`` and ``label`` (0/1), in transcript order."""
    with Path(path).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [{"file_name": r["file_name"], "line_number": int(r["line_number"]), "speaker": r["speaker"],
             "text": r["text"], "label": int(r["label"])} for r in rows]


def mean_average_precision(groups) -> float:
    """CLEF's measure: the average precision of each group's ranking, averaged over groups
    (``groups`` yields (labels, scores) per transcript)."""
    values = [average_precision(labels, scores) for labels, scores in groups]
    return float(np.mean(values)) if values else 0.0


def load_claimbuster(path) -> list[dict]:
    """The labelled sentences: dicts with ``sentence_id``, ``label`` (0/1) and ``text``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def file_sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def precision_recall_f1(labels, scores, cut: float = 0.5) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class when ``score >= cut`` means positive."""
    labels = np.asarray(labels, dtype=bool)
    predicted = np.asarray(scores) >= cut
    tp = float(np.sum(predicted & labels))
    precision = tp / predicted.sum() if predicted.any() else 0.0
    recall = tp / labels.sum() if labels.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)


def average_precision(labels, scores) -> float:
    """Mean of the precision at each positive, ranking by score (ties broken by order)."""
    labels = np.asarray(labels, dtype=float)
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    ranked = labels[order]
    if not ranked.any():
        return 0.0
    precision = np.cumsum(ranked) / np.arange(1, len(ranked) + 1)
    return float((precision * ranked).sum() / ranked.sum())


def best_cut(labels, scores, candidates=None) -> float:
    """The cut-off with the highest F1 among ``candidates`` (default: every distinct score)."""
    values = np.unique(np.asarray(scores)) if candidates is None else np.asarray(candidates)
    best, best_f1 = 0.5, -1.0
    for cut in values:
        f1 = precision_recall_f1(labels, scores, float(cut))[2]
        if f1 > best_f1:
            best, best_f1 = float(cut), f1
    return best
