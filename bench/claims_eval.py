"""How good and how fast the claim detector is.

    python bench/claims_eval.py [--data CLAIMBUSTER_JSON] [--clef CLEF_CSV] [--books NOVEL ...]

Prints, on the dev tenth of the ClaimBuster data (the split the training scripts held out):
precision, recall and F1 of the positive class at the 0.5 cut-off and average precision,
scored with exactly the function behind ``glossator claims --score-lines``, and the same for
the linear model alone; CLEF-style mean average precision over the held-out CLEF 2019
transcripts (each ranked on its own); how fast the pipeline with the scorer runs and how many
claim candidates per second the scorer alone takes; on the hand-made gold set of the DeepSeek
sample (``tests/data/deepseek_claims_gold.json``), claim detection, kind and speaker accuracy
and the share of its sentences flagged; and the share of sentences flagged (a claim scoring
0.5 or more) in whole novels, with the kind of text each was read as. The last line is all
the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import bisect
import json
import statistics
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from glossator.core.nlp import claim_eval  # noqa: E402
from glossator.core.nlp.analysis import analyze_text  # noqa: E402
from glossator.core.nlp.claim_score import ClaimScorer  # noqa: E402
from glossator.core.nlp.claims_component import score_lines, sentence_score, sentence_scores  # noqa: E402
from glossator.core.nlp.model import load_model, model_info  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "claimbuster" / "train.json"
DEFAULT_CLEF = ROOT.parent / "shared" / "data" / "clef2019" / "train.csv"
DEFAULT_BOOKS = [ROOT.parent / "shared" / "data" / "gutenberg" / f"{name}.txt" for name in ("pg2701", "pg1342")]
GOLD = ROOT / "tests" / "data" / "deepseek_claims_gold.json"


def dev_figures(nlp, data: Path) -> dict:
    items = [item for item in claim_eval.load_claimbuster(data) if claim_eval.is_dev(item["sentence_id"])]
    texts = [item["text"] for item in items]
    labels = [item["label"] for item in items]
    scorer = ClaimScorer.for_pipeline(nlp)
    started = time.process_time()
    scores = score_lines(nlp, texts, scorer)
    with_pipeline = len(texts) / (time.process_time() - started)
    linear = score_lines(nlp, texts, ClaimScorer.for_meta(nlp.meta, use_transformer=False))
    with nlp.select_pipes(disable=["glossator_claims"]):
        docs = list(nlp.pipe(texts, batch_size=256))
    # Best of three passes, as timeit does: other programs on the machine slow the clock, not
    # the work. Wall time, since the encoder runs on both cores.
    passes = []
    for _ in range(3):
        started = time.perf_counter()
        sentence_scores([doc[:] for doc in docs], scorer)
        passes.append(time.perf_counter() - started)
    scorer_only = len(docs) / min(passes)
    precision, recall, f1 = claim_eval.precision_recall_f1(labels, scores)
    lp, lr, lf = claim_eval.precision_recall_f1(labels, linear)
    return {
        "scorer": scorer.which,
        "dev_sentences": len(items),
        "dev_positives": int(sum(labels)),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "average_precision": round(claim_eval.average_precision(labels, scores), 4),
        "linear_f1": round(lf, 4),
        "linear_average_precision": round(claim_eval.average_precision(labels, linear), 4),
        "sentences_per_s_pipeline_and_scorer": round(with_pipeline),
        "candidates_per_s_scorer": round(scorer_only),
    }


def clef_figures(nlp, data: Path) -> dict:
    """Mean average precision over the held-out CLEF 2019 transcripts, each ranked alone."""
    lines = [line for line in claim_eval.load_clef(data) if claim_eval.is_clef_dev(line["file_name"])]
    found = {}
    for name, scorer in (("map", ClaimScorer.for_pipeline(nlp)),
                         ("linear_map", ClaimScorer.for_meta(nlp.meta, use_transformer=False))):
        scores = score_lines(nlp, [line["text"] for line in lines], scorer)
        groups: dict[str, tuple[list, list]] = {}
        for line, score in zip(lines, scores):
            labels, ranked = groups.setdefault(line["file_name"], ([], []))
            labels.append(line["label"])
            ranked.append(score)
        found[f"clef_{name}"] = round(claim_eval.mean_average_precision(groups.values()), 4)
        found["clef_transcripts"] = len(groups)
    found["clef_lines"] = len(lines)
    return found


def flag_rate(nlp, text: str) -> dict:
    """The share of sentences that analysis flags (a claim scoring at least 0.5), and the
    kind of text it took the text for."""
    started = time.perf_counter()
    result = analyze_text(text, nlp)
    seconds = time.perf_counter() - started
    flagged_claims = sorted((c.start, c.end) for c in result.claims if (c.score or 0.0) >= 0.5)
    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")
    sentencizer.max_length = max(sentencizer.max_length, len(text) + 1)
    spans = [(s.start_char, s.end_char) for s in sentencizer(text).sents if s.text.strip()]
    sentences = len(spans)
    # A sentence is flagged when a claim scoring 0.5 or more starts in it (a sentence with two
    # flagged clauses counts once).
    starts = [start for start, _ in spans]
    flagged = len({bisect.bisect_right(starts, start) for start, _ in flagged_claims})
    return {"sentences": sentences, "flagged": flagged, "rate": round(flagged / max(sentences, 1), 4),
            "genre": result.genre.kind if result.genre else "", "seconds": round(seconds, 1)}


def book_figures(nlp, books: list[Path]) -> dict:
    return {path.stem: flag_rate(nlp, path.read_text(encoding="utf-8-sig")) for path in books}


def gold_figures(nlp) -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = (ROOT / gold["article"]).read_text(encoding="utf-8")
    result = analyze_text(text, nlp)
    claims = {text[c.start : c.end]: c for c in result.claims}

    def claim_for(starts: str):
        return next((c for quote, c in claims.items() if quote.startswith(starts)), None)

    detected = kinds_right = kinds_total = speakers_right = 0
    found_true = found_false = 0
    misses = []
    for item in gold["sentences"]:
        claim = claim_for(item["starts"])
        flagged = claim is not None and claim.score >= 0.5
        if item["claim"]:
            detected += flagged
            if item["kinds"]:
                kinds_total += 1
                ok = claim is not None and claim.label in item["kinds"]
                kinds_right += ok
                if not ok:
                    misses.append(f"kind {claim.label if claim else None!r} for {item['starts']!r}")
            said = claim.attrs.get("speaker") if claim is not None else None
            speakers_right += said == item["speaker"]
            if said != item["speaker"]:
                misses.append(f"speaker {said!r} for {item['starts']!r}, expected {item['speaker']!r}")
        elif flagged:
            found_false += 1
        found_true += flagged and item["claim"]
    gold_claims = sum(1 for item in gold["sentences"] if item["claim"])
    precision = found_true / (found_true + found_false) if found_true + found_false else 0.0
    recall = detected / gold_claims
    doc = nlp(text)
    scorer = ClaimScorer.for_pipeline(nlp)
    all_scores = sentence_scores([s for s in doc.sents if s.text.strip()], scorer)
    sample = flag_rate(nlp, text)
    stat = claim_for("Following the launch, Nvidia's share price")
    closing = next(s for s in doc.sents if s.text.strip().startswith("Through all this"))
    return {
        "gold_sentences": len(gold["sentences"]),
        "gold_claims": gold_claims,
        "gold_claim_precision": round(precision, 4),
        "gold_claim_recall": round(recall, 4),
        "kind_accuracy": round(kinds_right / kinds_total, 4),
        "speaker_accuracy": round(speakers_right / gold_claims, 4),
        "statistic_17pct_score": stat.score if stat else None,
        "closing_sentence_score": sentence_score(closing, scorer),
        "median_sentence_score": round(statistics.median(all_scores), 3),
        "sample_flag_rate": sample["rate"],
        "sample_genre": sample["genre"],
        "misses": misses,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clef", type=Path, default=DEFAULT_CLEF)
    parser.add_argument("--books", type=Path, nargs="*", default=DEFAULT_BOOKS,
                        help="novels to measure the flag rate on (none: skip)")
    args = parser.parse_args(argv)
    nlp = load_model()
    info = model_info(nlp)
    figures: dict = {"model": f"{info.name} {info.version}",
                     "context_vectors": ClaimScorer.for_pipeline(nlp).use_vectors}
    figures.update(dev_figures(nlp, args.data))
    if args.clef.is_file():
        figures.update(clef_figures(nlp, args.clef))
    figures.update(gold_figures(nlp))
    figures["books"] = book_figures(nlp, [b for b in args.books if b.is_file()])
    print(f"model: {figures['model']} (context vectors {'read' if figures['context_vectors'] else 'not read'}); "
          f"scorer: {figures['scorer']}")
    print(f"ClaimBuster dev split ({figures['dev_sentences']} sentences, {figures['dev_positives']} check-worthy):")
    print(f"  precision {figures['precision']:.4f}  recall {figures['recall']:.4f}  F1 {figures['f1']:.4f} at 0.5")
    print(f"  average precision {figures['average_precision']:.4f}   (linear model alone: F1 "
          f"{figures['linear_f1']:.4f}, AP {figures['linear_average_precision']:.4f})")
    if "clef_map" in figures:
        print(f"CLEF 2019 dev transcripts ({figures['clef_transcripts']}, {figures['clef_lines']} lines): "
              f"MAP {figures['clef_map']:.4f}   (linear model alone: {figures['clef_linear_map']:.4f})")
    print(f"  speed: {figures['sentences_per_s_pipeline_and_scorer']:,} sentences/s with the spaCy pipeline "
          f"(CPU time), {figures['candidates_per_s_scorer']:,} candidates/s for the scorer alone (wall time)")
    print(f"DeepSeek gold set ({figures['gold_sentences']} sentences, {figures['gold_claims']} claims):")
    print(f"  claims at 0.5: precision {figures['gold_claim_precision']:.4f}  "
          f"recall {figures['gold_claim_recall']:.4f}")
    print(f"  kind accuracy {figures['kind_accuracy']:.4f}  speaker accuracy {figures['speaker_accuracy']:.4f}")
    print(f"  17% / $600 billion sentence {figures['statistic_17pct_score']}; closing sentence "
          f"{figures['closing_sentence_score']} (median {figures['median_sentence_score']})")
    print(f"  sentences flagged (score >= 0.5): {figures['sample_flag_rate']:.1%}, read as {figures['sample_genre']}")
    for miss in figures["misses"]:
        print(f"  miss: {miss}")
    for name, book in figures["books"].items():
        print(f"{name}: {book['flagged']} of {book['sentences']} sentences flagged ({book['rate']:.2%}), "
              f"read as {book['genre']}, analysed in {book['seconds']} s")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
