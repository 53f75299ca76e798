"""The learned check-worthiness model: a logistic regression over hashed sentence features,
shipped as two files in ``glossator.resources/models``.

``checkworthiness.json`` is the header (the data file's hash, the split rule, the features,
the seed, the training settings, the calibration and the dev figures);
``checkworthiness.npz`` holds the weights. ``tools/train_claims.py`` writes both.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

MODEL_NAME = "checkworthiness"
FORMAT = 1

_lock = threading.Lock()
_shipped: "CheckWorthinessModel | None" = None


@dataclass
class CheckWorthinessModel:
    """One weight per hashed feature, and the calibration that maps margins to [0, 1].

    The calibrated score is ``sigmoid(scale * margin + offset)``; the offset is set so that
    0.5 is the cut-off chosen on out-of-fold training predictions.
    """

    weights: np.ndarray
    scale: float
    offset: float
    header: dict

    def margin(self, indices: np.ndarray) -> float:
        """The raw linear score of one sentence from its feature indices."""
        return float(self.weights[indices].sum())

    def probability(self, margin: float) -> float:
        """A margin as a calibrated score in [0, 1]."""
        z = self.scale * margin + self.offset
        if z < -40:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, indices: np.ndarray) -> float:
        """The calibrated check-worthiness of one sentence from its feature indices."""
        return self.probability(self.margin(indices))

    def save(self, folder: Path) -> None:
        """Write the weights and the header to ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / f"{MODEL_NAME}.npz", weights=self.weights.astype(np.float32))
        header = dict(self.header, format=FORMAT, calibration={"scale": self.scale, "offset": self.offset})
        (folder / f"{MODEL_NAME}.json").write_text(json.dumps(header, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder) -> "CheckWorthinessModel":
        """Read a model written by :meth:`save` (``folder`` may be a package resource)."""
        header = json.loads((folder / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
        if header.get("format") != FORMAT:
            raise ValueError(f"check-worthiness model format {header.get('format')!r}, expected {FORMAT}")
        with (folder / f"{MODEL_NAME}.npz").open("rb") as handle:
            weights = np.load(handle)["weights"].astype(np.float64)
        calibration = header["calibration"]
        return cls(weights, float(calibration["scale"]), float(calibration["offset"]), header)


def shipped_model() -> CheckWorthinessModel:
    """The model shipped in the package, loaded once per process."""
    global _shipped
    with _lock:
        if _shipped is None:
            _shipped = CheckWorthinessModel.load(resources.files("glossator.resources") / "models")
    return _shipped
