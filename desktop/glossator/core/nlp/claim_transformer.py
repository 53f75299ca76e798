"""The fine-tuned sentence encoder that judges check-worthiness, run with onnxruntime.

``resources/models/claim_minilm/`` holds ``model.onnx`` (MiniLM-L6 fine-tuned by
``tools/train_claim_transformer.py``, int8), its ``tokenizer.json`` and ``combiner.json`` (how
its two logits and the linear model's become one score, see ``claim_combiner``). torch is not
needed here. When the files or the two libraries are missing, ``shipped_transformer()`` is
None and the linear model scores alone.
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path

import numpy as np

FOLDER = "claim_minilm"
MAX_TOKENS = 96
BATCH = 32

_lock = threading.Lock()
_loaded = False
_shipped: ClaimTransformer | None = None


class ClaimTransformer:
    """Two logits per text: ``claimbuster`` (a check-worthy factual claim) and ``clef`` (a
    line that fact-checkers picked)."""

    def __init__(self, folder: Path, threads: int = 2):
        import onnxruntime
        from tokenizers import Tokenizer

        self.folder = folder
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(folder / "model.onnx"), options,
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

    def logits(self, texts: list[str]) -> np.ndarray:
        """An (n, 2) array of logits, in the order of ``texts``."""
        out = np.zeros((len(texts), 2), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch([" ".join(t.split()) for t in texts])
        # Batches of similar length: padding costs as much as real tokens.
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(order), BATCH):
            group = order[start : start + BATCH]
            width = max(len(encoded[i].ids) for i in group)
            ids = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=np.int64)
            for row, i in enumerate(group):
                tokens = encoded[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            out[group] = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out


def shipped_folder():
    return resources.files("glossator.resources") / "models" / FOLDER


THREADS_ENV = "GLOSSATOR_CLAIM_THREADS"


def encoder_threads() -> int:
    """Threads the encoder uses: 2, or GLOSSATOR_CLAIM_THREADS (a batch import's worker
    processes use 1 each, so they do not fight over the cores)."""
    value = os.environ.get(THREADS_ENV, "")
    return int(value) if value.isdigit() and 0 < int(value) <= 64 else 2


def shipped_transformer() -> ClaimTransformer | None:
    """The shipped encoder, loaded once per process; None if it cannot be loaded here."""
    global _loaded, _shipped
    with _lock:
        if not _loaded:
            _loaded = True
            folder = Path(str(shipped_folder()))
            try:
                if (folder / "model.onnx").is_file() and (folder / "combiner.json").is_file():
                    _shipped = ClaimTransformer(folder, threads=encoder_threads())
            except ImportError:
                _shipped = None
    return _shipped
