"""The learned check-worthiness model: calibrated logistic regressions over hashed sentence
features, shipped as two files in ``glossator.resources/models``.

There are two regressions. One also reads the context vectors of the spaCy pipeline it was
trained with (``doc.tensor`` of en_core_web_sm 3.8); the other reads words, parse and cues
only and serves every other pipeline, whose vectors mean something else.

``checkworthiness.json`` is the header (the data file's hash, the split rule, the features,
the seed, the training settings, the calibrations and the dev figures);
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

from glossator.core.nlp.claim_features import SentenceInputs

MODEL_NAME = "checkworthiness"
FORMAT = 2
SCORER_NAMES = ("vectors", "words")

_lock = threading.Lock()
_shipped: CheckWorthinessModel | None = None


@dataclass
class LinearScorer:
    """One weight per hashed feature (and per context-vector dimension, if it reads them), a
    bias, and the calibration that maps margins to [0, 1].

    The calibrated score is ``sigmoid(scale * margin + offset)``; the offset is set so that
    0.5 is the cut-off chosen on out-of-fold training predictions.
    """

    sparse: np.ndarray
    dense: np.ndarray | None
    bias: float
    scale: float
    offset: float

    def reads(self, inputs: SentenceInputs) -> bool:
        """Whether this scorer has everything it needs in ``inputs``."""
        if self.dense is None:
            return True
        return inputs.vectors is not None and inputs.vectors.shape == self.dense.shape

    def margin(self, inputs: SentenceInputs) -> float:
        """The raw linear score of one sentence."""
        total = self.bias + float(np.dot(self.sparse[inputs.indices], inputs.values))
        if self.dense is not None and inputs.vectors is not None:
            total += float(np.dot(self.dense, inputs.vectors))
        return total

    def probability(self, margin: float) -> float:
        """A margin as a calibrated score in [0, 1]."""
        z = self.scale * margin + self.offset
        if z < -40:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, inputs: SentenceInputs) -> float:
        """The calibrated check-worthiness of one sentence."""
        return self.probability(self.margin(inputs))


@dataclass
class CheckWorthinessModel:
    """The two scorers and the header that says where they came from."""

    vectors: LinearScorer
    words: LinearScorer
    header: dict

    def reads_vectors_of(self, meta: dict) -> bool:
        """Whether the context vectors of the pipeline described by ``meta`` (``nlp.meta``)
        are the ones the vector scorer was trained on: same package, same minor version."""
        name = f"{meta.get('lang', '')}_{meta.get('name', '')}"
        version = ".".join(str(meta.get("version", "")).split(".")[:2])
        accepted = self.header.get("features", {}).get("vectors", {}).get("pipelines", [])
        return f"{name} {version}" in accepted

    def score(self, inputs: SentenceInputs, use_vectors: bool) -> float:
        """The calibrated score, from the vector scorer when allowed and possible."""
        return self.scorer_for(inputs, use_vectors).score(inputs)

    def scorer_name(self, inputs: SentenceInputs, use_vectors: bool) -> str:
        """"vectors" or "words": which regression scores ``inputs``."""
        return "vectors" if use_vectors and self.vectors.reads(inputs) else "words"

    def scorer_for(self, inputs: SentenceInputs, use_vectors: bool) -> LinearScorer:
        return getattr(self, self.scorer_name(inputs, use_vectors))

    def calibrated_logit(self, inputs: SentenceInputs, use_vectors: bool) -> float:
        """The calibrated score before the sigmoid (0 at the cut-off)."""
        scorer = self.scorer_for(inputs, use_vectors)
        return scorer.scale * scorer.margin(inputs) + scorer.offset

    def save(self, folder: Path) -> None:
        """Write the weights and the header to ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays, calibration = {}, {}
        for name in SCORER_NAMES:
            scorer: LinearScorer = getattr(self, name)
            arrays[f"{name}_sparse"] = scorer.sparse.astype(np.float32)
            if scorer.dense is not None:
                arrays[f"{name}_dense"] = scorer.dense.astype(np.float32)
            calibration[name] = {"bias": scorer.bias, "scale": scorer.scale, "offset": scorer.offset}
        np.savez_compressed(folder / f"{MODEL_NAME}.npz", **arrays)  # type: ignore[arg-type]  # numpy's stub types the first keyword
        header = dict(self.header, format=FORMAT, calibration=calibration)
        (folder / f"{MODEL_NAME}.json").write_text(json.dumps(header, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder) -> CheckWorthinessModel:
        """Read a model written by :meth:`save` (``folder`` may be a package resource)."""
        header = json.loads((folder / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
        if header.get("format") != FORMAT:
            raise ValueError(f"check-worthiness model format {header.get('format')!r}, expected {FORMAT}")
        with (folder / f"{MODEL_NAME}.npz").open("rb") as handle:
            arrays = {key: value.astype(np.float64) for key, value in np.load(handle).items()}
        scorers = {}
        for name in SCORER_NAMES:
            calibration = header["calibration"][name]
            scorers[name] = LinearScorer(
                arrays[f"{name}_sparse"], arrays.get(f"{name}_dense"),
                float(calibration["bias"]), float(calibration["scale"]), float(calibration["offset"]),
            )
        return cls(scorers["vectors"], scorers["words"], header)


def shipped_model() -> CheckWorthinessModel:
    """The model shipped in the package, loaded once per process."""
    global _shipped
    with _lock:
        if _shipped is None:
            _shipped = CheckWorthinessModel.load(resources.files("glossator.resources") / "models")
    return _shipped
