"""One check-worthiness score from three opinions, and the kind of text it is read in.

The opinions are logits: the fine-tuned encoder's two heads (``claimbuster``, ``clef``) and
the linear model's calibrated logit. A logistic regression fitted on the calibration part of
ClaimBuster (sentences neither model was trained on) weighs them; its cut-off with the best
out-of-fold F1 is moved to 0.5. ``tools/fit_claim_combiner.py`` writes ``combiner.json``.

A score is meant as the chance that a fact-checker would check the sentence in the document
it is in, so the text's kind moves it (``shifted``, by a number of logits): a figure in a news report
is a claim, the same sentence shape in a novel is not (see ``claim_genre``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

FORMAT = 1
FEATURES = ("claimbuster", "clef", "linear")


def sigmoid(z: float) -> float:
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


@dataclass
class Combiner:
    """``weights`` per linear scorer ("vectors", "words"): one per feature, then the bias."""

    weights: dict[str, list[float]]
    header: dict = field(default_factory=dict)

    def combined_logit(self, transformer_logits, linear_logit: float, linear_name: str) -> float:
        w = self.weights[linear_name]
        return float(w[0] * transformer_logits[0] + w[1] * transformer_logits[1] + w[2] * linear_logit + w[3])

    def score(self, transformer_logits, linear_logit: float, linear_name: str) -> float:
        return sigmoid(self.combined_logit(transformer_logits, linear_logit, linear_name))

    def save(self, path: Path) -> None:
        data = dict(self.header, format=FORMAT, features=list(FEATURES), weights=self.weights)
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path) -> Combiner:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"claim combiner format {data.get('format')!r}, expected {FORMAT}")
        weights = {name: [float(v) for v in values] for name, values in data["weights"].items()}
        header = {k: v for k, v in data.items() if k not in ("format", "features", "weights")}
        return cls(weights, header)


def shifted(score: float, shift: float) -> float:
    """A score moved by ``shift`` logits, rounded like every shown score."""
    if not shift:
        return score
    return round(sigmoid(logit(score) + shift), 3)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, iterations: int = 50) -> np.ndarray:
    """Weights (then bias) of an L2 logistic regression by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2 * len(x)
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(design @ w)))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w
