"""Fit how the claim encoder's two logits and the linear model's become one score, and write
``combiner.json`` and the model card next to the encoder:

    python tools/fit_claim_combiner.py [--folder resources/models/claim_minilm]

Runs with the shipped run-time libraries only (onnxruntime, tokenizers, spaCy). The fit uses
the calibration eighth of ClaimBuster (``claim_eval.CALIBRATION_RULE``), which neither model
was trained on: an L2 logistic regression over the three logits, then the cut-off with the
best out-of-fold F1 moved to 0.5. The dev figures are computed once, after everything is
chosen, and written into the header.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from glossator.core.nlp import claim_eval  # noqa: E402
from glossator.core.nlp.checkworthiness import shipped_model  # noqa: E402
from glossator.core.nlp.claim_combiner import Combiner, fit_logistic, logit  # noqa: E402
from glossator.core.nlp.claim_genre import BASE_RATES, TRAINING_BASE_RATE, genre_shift  # noqa: E402
from glossator.core.nlp.claim_score import ClaimScorer, sentence_inputs  # noqa: E402
from glossator.core.nlp.claim_transformer import ClaimTransformer  # noqa: E402
from glossator.core.nlp.claims_component import sentence_cues, trim_sentence  # noqa: E402
from glossator.core.nlp.model import load_model  # noqa: E402
from glossator.core.nlp.sentence_view import SentenceView  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DEFAULT_FOLDER = ROOT / "resources" / "models" / "claim_minilm"
L2 = 1e-3
FOLDS = 5


def opinions(nlp, transformer: ClaimTransformer, texts: list[str]) -> dict[str, np.ndarray]:
    """Per text: the encoder's two logits and the linear model's calibrated logit per scorer."""
    model = shipped_model()
    linear = {"vectors": [], "words": []}
    with nlp.select_pipes(disable=["glossator_claims"]):
        for doc in nlp.pipe(texts, batch_size=256):
            sent = SentenceView(trim_sentence(doc[:]) or doc[:])
            found = sentence_cues(sent)
            inputs = sentence_inputs(sent, found.kinds, found.quotes)
            linear["vectors"].append(model.calibrated_logit(inputs, True))
            linear["words"].append(model.calibrated_logit(inputs, False))
    return {"encoder": transformer.logits(texts), "vectors": np.array(linear["vectors"]),
            "words": np.array(linear["words"])}


def design(found: dict[str, np.ndarray], name: str) -> np.ndarray:
    return np.column_stack([found["encoder"][:, 0], found["encoder"][:, 1], found[name]])


def fit(x: np.ndarray, y: np.ndarray) -> tuple[list[float], float]:
    """The weights with the out-of-fold best-F1 cut moved to 0.5, and that cut."""
    folds = np.arange(len(y)) % FOLDS
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        w = fit_logistic(x[folds != k], y[folds != k], L2)
        oof[folds == k] = 1 / (1 + np.exp(-(x[folds == k] @ w[:-1] + w[-1])))
    cut = claim_eval.best_cut(y, oof, np.round(np.arange(0.2, 0.8, 0.01), 2))
    w = fit_logistic(x, y, L2)
    w[-1] -= logit(cut)
    return [float(v) for v in w], cut


def figures(labels, scores) -> dict:
    p, r, f = claim_eval.precision_recall_f1(labels, scores)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "average_precision": round(claim_eval.average_precision(labels, scores), 4), "sentences": len(labels)}


def clef_map(lines, scores) -> float:
    by_file: dict[str, tuple[list, list]] = {}
    for line, score in zip(lines, scores):
        labels, found = by_file.setdefault(line["file_name"], ([], []))
        labels.append(line["label"])
        found.append(score)
    return round(claim_eval.mean_average_precision(by_file.values()), 4)


def write_card(folder: Path, header: dict) -> None:
    """``MODEL_CARD.md``: what the shipped encoder is, what it was trained on, how, and how good."""
    encoder, metrics = header["encoder"], header["metrics"]
    settings = encoder["settings"]
    cb, clef = metrics["claimbuster_dev"], metrics["clef_dev_map"]

    def row(name, f):
        return f"| {name} | {f['precision']:.4f} | {f['recall']:.4f} | {f['f1']:.4f} | {f['average_precision']:.4f} |"

    model_bytes = (folder / "model.onnx").stat().st_size
    lines = [
        "# Glossator claim encoder",
        "",
        "Judges whether a sentence is worth checking. Used by Glossator's claims component, with the",
        "linear model in `../checkworthiness.*` as a second opinion (see `combiner.json`).",
        "",
        "## Model",
        f"- Base: {encoder['base']}, weights file sha256 `{encoder['base_sha256']}` (checked before training).",
        "- Architecture: the 6-layer MiniLM encoder, mean pooling over tokens, two logistic heads:",
        "  `claimbuster` (a check-worthy factual claim) and `clef` (a line fact-checkers picked).",
        f"- File: `model.onnx`, {model_bytes / 1e6:.1f} MB: layer weights int8 and embedding tables int4 in",
        "  blocks of 32 with their own scales; the layers multiply in int8 with each row's",
        "  activations quantised on their own, so a sentence scores the same in any batch.",
        "  `tokenizer.json` is the base model's WordPiece tokenizer. Runs with onnxruntime.",
        "",
        "## Data",
        "- ClaimBuster 3xNCS (`claimbuster/train.json`): the training part, without the dev tenth",
        "  (`sha256(\"glossator-dev:{sentence_id}\") % 10 == 0`) and the calibration eighth of the rest.",
        "- CLEF CheckThat! 2019 task 1 training transcripts (`clef2019/train.csv`), without the dev",
        f"  transcripts ({', '.join(clef['transcripts'])}): every selected line and "
        f"{settings['clef_negatives']:,} others drawn with the seed.",
        f"- {encoder['training_sentences']:,} training sentences in all.",
        "",
        "## Training",
        f"- `python tools/train_claim_transformer.py` (seed {settings['seed']}, {settings['epochs']} epochs, "
        f"batch {settings['batch_size']}, AdamW lr {settings['learning_rate']:g}, warm-up {settings['warmup']:.0%}, "
        f"weight decay {settings['weight_decay']:g}, at most {settings['max_tokens']} tokens, "
        f"{settings['threads']} CPU threads): {encoder['training_minutes']} minutes on this machine.",
        "- `python tools/fit_claim_combiner.py`: the score is a logistic regression over the two",
        "  heads' logits and the linear model's calibrated logit, fitted on the calibration eighth",
        f"  ({header['calibration']['sentences']} sentences); the cut-off with the best out-of-fold F1",
        f"  ({header['calibration']['best_out_of_fold_cut']['vectors']:.2f}) is moved to 0.5.",
        "- The kind of text moves the logit by the log odds of its base rate against ClaimBuster's",
        "  25 %: " + ", ".join(f"{k} {v:+.2f}" for k, v in header["genre_shift_logits"].items()) + ".",
        "",
        "## Figures on held-out data",
        "",
        "ClaimBuster dev tenth (862 sentences, positive class at 0.5):",
        "",
        "| scorer | precision | recall | F1 | average precision |",
        "|---|---|---|---|---|",
        row("combined (shipped)", cb["combined"]),
        row("encoder, claimbuster head", cb["encoder_claimbuster_head"]),
        row("linear model alone", cb["linear"]),
        "",
        f"CLEF 2019 dev transcripts, mean average precision: combined {clef['combined']:.4f}, "
        f"clef head {clef['encoder_clef_head']:.4f}, claimbuster head {clef['encoder_claimbuster_head']:.4f}, "
        f"linear {clef['linear']:.4f}.",
        "",
    ]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args(argv)

    nlp = load_model()
    transformer = ClaimTransformer(args.folder)
    items = claim_eval.load_claimbuster(SHARED / "claimbuster" / "train.json")
    split = [claim_eval.split_of(item["sentence_id"]) for item in items]
    calibration = [item for item, s in zip(items, split) if s == "calibration"]
    dev = [item for item, s in zip(items, split) if s == "dev"]
    y = np.array([item["label"] for item in calibration], dtype=float)
    found = opinions(nlp, transformer, [item["text"] for item in calibration])

    weights, cuts = {}, {}
    for name in ("vectors", "words"):
        weights[name], cuts[name] = fit(design(found, name), y)
    combiner = Combiner(weights)

    dev_y = [item["label"] for item in dev]
    dev_found = opinions(nlp, transformer, [item["text"] for item in dev])
    clef_lines = [line for line in claim_eval.load_clef(SHARED / "clef2019" / "train.csv")
                  if claim_eval.is_clef_dev(line["file_name"])]
    clef_found = opinions(nlp, transformer, [line["text"] for line in clef_lines])

    def combined(found_, name):
        return [combiner.score(row, lin, name) for row, lin in zip(found_["encoder"], found_[name])]

    def sig(values):
        return list(1 / (1 + np.exp(-np.asarray(values, dtype=float))))

    metrics = {
        "claimbuster_dev": {
            "combined": figures(dev_y, combined(dev_found, "vectors")),
            "combined_words": figures(dev_y, combined(dev_found, "words")),
            "encoder_claimbuster_head": figures(dev_y, sig(dev_found["encoder"][:, 0])),
            "linear": figures(dev_y, sig(dev_found["vectors"])),
        },
        "clef_dev_map": {
            "combined": clef_map(clef_lines, combined(clef_found, "vectors")),
            "encoder_claimbuster_head": clef_map(clef_lines, list(clef_found["encoder"][:, 0])),
            "encoder_clef_head": clef_map(clef_lines, list(clef_found["encoder"][:, 1])),
            "linear": clef_map(clef_lines, list(clef_found["vectors"])),
            "transcripts": sorted({line["file_name"] for line in clef_lines}),
        },
    }
    training = json.loads((args.folder / "training.json").read_text(encoding="utf-8"))
    combiner.header = {
        "name": "glossator claim combiner",
        "calibration": {"rule": claim_eval.CALIBRATION_RULE, "sentences": len(calibration),
                        "positives": int(y.sum()), "l2": L2, "folds": FOLDS,
                        "best_out_of_fold_cut": cuts, "method": "logistic regression (Newton), cut moved to 0.5"},
        "genre_base_rates": BASE_RATES, "training_base_rate": TRAINING_BASE_RATE,
        "genre_shift_logits": {genre: round(genre_shift(genre), 3) for genre in BASE_RATES},
        "encoder": training, "metrics": metrics,
    }
    combiner.save(args.folder / "combiner.json")
    write_card(args.folder, combiner.header)
    print(json.dumps(metrics, indent=2))
    print(f"weights {weights}; wrote {args.folder / 'combiner.json'}")
    scorer = ClaimScorer.for_pipeline(nlp)
    print(f"scorer in use here: {scorer.which}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
