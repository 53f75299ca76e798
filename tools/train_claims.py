"""Train the check-worthiness model shipped in ``resources/models`` from ClaimBuster's labelled
sentences, with one command and a fixed seed:

    python tools/train_claims.py [--data ../shared/data/claimbuster/train.json] [--seed 13]

Steps: parse every sentence with the installed spaCy pipeline and Glossator's cue rules; hold
out the dev tenth by ``claim_eval.DEV_RULE``; fit an L2 logistic regression (numpy, full
batch, Adam) on the rest; fit Platt scaling on out-of-fold margins from five folds of the
training part and move the cut-off with the best out-of-fold F1 to 0.5; refit on the whole
training part; score dev once and write the figures into the model's header. The dev
sentences are never used to choose anything.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from glossator.core.nlp import claim_eval, claim_features, claim_score  # noqa: E402
from glossator.core.nlp.checkworthiness import CheckWorthinessModel  # noqa: E402
from glossator.core.nlp.claims_component import trim_sentence, sentence_cues  # noqa: E402
from glossator.core.nlp.model import load_model, model_info  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "claimbuster" / "train.json"
DEFAULT_OUT = ROOT / "resources" / "models"
SETTINGS = {"l2": 3e-4, "epochs": 400, "learning_rate": 0.05, "folds": 5}


def parse(nlp, texts: list[str]) -> list[np.ndarray]:
    """Hashed feature indices of each text, read as one sentence."""
    rows = []
    with nlp.select_pipes(disable=["glossator_claims"]):
        for doc in nlp.pipe(texts, batch_size=256):
            sent = trim_sentence(doc[:]) or doc[:]
            found = sentence_cues(sent)
            rows.append(claim_score.sentence_inputs(sent, found.kinds, found.quotes))
    return rows


class Design:
    """The training matrix as flat arrays: every feature index and the row it belongs to."""

    def __init__(self, rows: list[np.ndarray]):
        self.n = len(rows)
        self.indices = np.concatenate(rows)
        self.row_of = np.repeat(np.arange(self.n), [len(r) for r in rows])

    def margins(self, weights: np.ndarray) -> np.ndarray:
        return np.bincount(self.row_of, weights=weights[self.indices], minlength=self.n)


def fit(design: Design, labels: np.ndarray, settings: dict) -> np.ndarray:
    """L2-regularised logistic regression by full-batch Adam; deterministic for given data."""
    weights = np.zeros(claim_features.HASH_SIZE)
    m = np.zeros_like(weights)
    v = np.zeros_like(weights)
    lr, b1, b2 = settings["learning_rate"], 0.9, 0.999
    for step in range(1, settings["epochs"] + 1):
        p = 1.0 / (1.0 + np.exp(-design.margins(weights)))
        g = (p - labels) / design.n
        grad = np.bincount(design.indices, weights=g[design.row_of], minlength=weights.size) + settings["l2"] * weights
        m *= b1
        m += (1 - b1) * grad
        v *= b2
        v += (1 - b2) * grad * grad
        weights -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + 1e-8)
    return weights


def platt(margins: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Scale and offset so that ``sigmoid(a * margin + b)`` is a probability (Newton steps)."""
    a, b = 1.0, 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(a * margins + b)))
        w = p * (1 - p) + 1e-9
        grad = np.array([np.sum((p - labels) * margins), np.sum(p - labels)])
        hess = np.array([[np.sum(w * margins * margins), np.sum(w * margins)],
                         [np.sum(w * margins), np.sum(w)]])
        step = np.linalg.solve(hess + 1e-9 * np.eye(2), grad)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-9:
            break
    return float(a), float(b)


def out_of_fold(rows, labels, settings, rng) -> np.ndarray:
    """Margins for each training sentence from a model that did not see it."""
    fold = rng.permutation(len(rows)) % settings["folds"]
    margins = np.zeros(len(rows))
    for k in range(settings["folds"]):
        train = np.flatnonzero(fold != k)
        held = np.flatnonzero(fold == k)
        weights = fit(Design([rows[i] for i in train]), labels[train], settings)
        margins[held] = Design([rows[i] for i in held]).margins(weights)
        print(f"  fold {k + 1}/{settings['folds']} done", flush=True)
    return margins


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    items = claim_eval.load_claimbuster(args.data)
    nlp = load_model()
    started = time.perf_counter()
    rows = parse(nlp, [item["text"] for item in items])
    print(f"parsed {len(items)} sentences in {time.perf_counter() - started:.0f} s", flush=True)
    labels = np.array([item["label"] for item in items], dtype=float)
    dev = np.array([claim_eval.is_dev(item["sentence_id"]) for item in items])
    train = np.flatnonzero(~dev)
    train_rows = [rows[i] for i in train]

    rng = np.random.default_rng(args.seed)
    oof = out_of_fold(train_rows, labels[train], SETTINGS, rng)
    scale, offset = platt(oof, labels[train])
    calibrated = 1.0 / (1.0 + np.exp(-(scale * oof + offset)))
    cut = claim_eval.best_cut(labels[train], calibrated, np.round(np.arange(0.10, 0.71, 0.01), 2))
    offset -= math.log(cut / (1 - cut))  # the chosen cut-off now sits at 0.5

    model = CheckWorthinessModel(fit(Design(train_rows), labels[train], SETTINGS), scale, offset, {})
    dev_scores = np.array([model.score(rows[i]) for i in np.flatnonzero(dev)])
    oof_scores = 1.0 / (1.0 + np.exp(-(scale * oof + offset)))
    model.header = header(args, items, nlp, labels, dev, cut, oof_scores, labels[train], dev_scores)
    model.save(args.out)
    print(f"dev: {model.header['metrics']['dev']}")
    print(f"wrote {args.out}")
    return 0


def header(args, items, nlp, labels, dev, cut, oof_scores, train_labels, dev_scores) -> dict:
    """Everything needed to know where the shipped model came from and how good it is."""
    def figures(y, s):
        p, r, f = claim_eval.precision_recall_f1(y, s)
        return {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4),
                "average_precision": round(claim_eval.average_precision(y, s), 4), "sentences": int(len(y))}

    info = model_info(nlp)
    return {
        "name": "glossator check-worthiness",
        "data": {"file": args.data.name, "sha256": claim_eval.file_sha256(args.data), "sentences": len(items),
                 "positives": int(labels.sum()), "source": "ClaimBuster 3xNCS (Arslan et al., ICWSM 2020)"},
        "split": {"dev_rule": claim_eval.DEV_RULE, "train": int((~dev).sum()), "dev": int(dev.sum())},
        "features": {"hash_bits": claim_features.HASH_BITS, "hash": "crc32",
                     "sparse": "masked words, word pairs, tags, tag pairs, entity labels, length, root lemma/tag/"
                               "subject/aux, modals, rule cue kinds, opinion signals",
                     "pipeline": f"{info.name} {info.version}"},
        "training": dict(SETTINGS, seed=args.seed, method="logistic regression, full-batch Adam"),
        "calibration_method": "Platt scaling on out-of-fold training margins; best out-of-fold F1 cut "
                              f"{cut:.2f} moved to 0.5",
        "metrics": {"train_out_of_fold": figures(train_labels, oof_scores), "dev": figures(labels[dev], dev_scores)},
    }


if __name__ == "__main__":
    raise SystemExit(main())
