"""Named-entity accuracy of the raw spaCy model and of Glossator's entity layer on CoNLL data.

    python bench/ner_eval.py [CONLL_FILE] [--model PACKAGE] [--docs N]

The file has one ``token ... TAG`` per line (the tag is the last column), blank lines
between sentences and ``-DOCSTART-`` lines between documents; tags may be IOB1, IOB2 or IO
over PER/ORG/LOC/MISC (WikiGold, CoNLL-2003). Each document's tokens are joined with spaces
(sentences with line breaks) and analysed as one text: the raw model's ``doc.ents`` against
Glossator's ``analyze_text`` with no user rules. OntoNotes labels are mapped to the four
CoNLL types; dates, amounts and numbers are left out. Scores are exact-span precision,
recall and F1 per type and micro-averaged. The label-inconsistency rate is the share of
names written two or more times in a document whose mentions got more than one label.
The last line of output is the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "wikigold" / "wikigold.conll.txt"
TYPES = ("PER", "ORG", "LOC", "MISC")
ONTONOTES_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}


@dataclass
class Document:
    """One document's text and its gold entities as (start, end, type) character spans."""

    text: str
    gold: set[tuple[int, int, str]] = field(default_factory=set)


def tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, type) from IOB1, IOB2 or IO tags.

    A span starts at ``B-`` or where the type changes; in IO, two neighbouring names of
    one type cannot be told apart and count as one, as the format itself says.
    """
    spans: list[tuple[int, int, str]] = []
    start, current = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        kind = kind if prefix in ("B", "I") else None
        if current is not None and (kind != current or prefix == "B"):
            spans.append((start, i, current))
            start, current = None, None
        if kind is not None and current is None:
            start, current = i, kind
    return spans


def read_conll(path: Path) -> list[Document]:
    """The documents of a CoNLL-style file, their texts rebuilt from the tokens."""
    documents: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sentence:
                documents[-1].append(sentence)
                sentence = []
            if parts and documents[-1]:
                documents.append([])
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        documents[-1].append(sentence)
    return [_document(sentences) for sentences in documents if sentences]


def _document(sentences: list[list[tuple[str, str]]]) -> Document:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    tags: list[str] = []
    offset = 0
    for s, sentence in enumerate(sentences):
        for t, (token, tag) in enumerate(sentence):
            if s or t:
                separator = " " if t else "\n"
                pieces.append(separator)
                offset += 1
            starts.append(offset)
            pieces.append(token)
            offset += len(token)
            ends.append(offset)
            tags.append(tag)
        tags.append("O")  # a name never runs across a sentence break
        starts.append(offset)
        ends.append(offset)
    gold = {(starts[a], ends[b - 1], kind) for a, b, kind in tag_spans(tags)}
    return Document("".join(pieces), gold)


def mapped(spans) -> set[tuple[int, int, str]]:
    """(start, end, CoNLL type) of the spans whose OntoNotes label has a CoNLL type."""
    return {(start, end, ONTONOTES_TO_CONLL[label]) for start, end, label in spans if label in ONTONOTES_TO_CONLL}


def scores(gold: list[set], predicted: list[set]) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per type and micro-averaged, in percent."""
    counts = {kind: Counter() for kind in (*TYPES, "micro")}
    for g, p in zip(gold, predicted):
        for kind in TYPES:
            gk = {s for s in g if s[2] == kind}
            pk = {s for s in p if s[2] == kind}
            for bucket in (kind, "micro"):
                counts[bucket]["tp"] += len(gk & pk)
                counts[bucket]["gold"] += len(gk)
                counts[bucket]["pred"] += len(pk)
    table = {}
    for kind, c in counts.items():
        precision = 100 * c["tp"] / c["pred"] if c["pred"] else 0.0
        recall = 100 * c["tp"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[kind] = {"p": round(precision, 2), "r": round(recall, 2), "f1": round(f1, 2),
                       "gold": c["gold"], "pred": c["pred"]}
    return table


def inconsistency(documents: list[tuple[str, list[tuple[int, int, str]]]]) -> float:
    """Percent of names written twice or more in a document that got more than one label."""
    from glossator.core.nlp.mentions import NAME_LABELS, surface_key

    repeated = mixed = 0
    for text, spans in documents:
        labels: dict[str, list[str]] = defaultdict(list)
        for start, end, label in spans:
            if label in NAME_LABELS:
                labels[surface_key(text[start:end])].append(label)
        for found in labels.values():
            if len(found) > 1:
                repeated += 1
                mixed += len(set(found)) > 1
    return round(100 * mixed / repeated, 2) if repeated else 0.0


def _print_table(name: str, table: dict) -> None:
    print(f"\n{name}")
    print(f"  {'type':<5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for kind in (*TYPES, "micro"):
        row = table[kind]
        print(f"  {kind:<5} {row['p']:6.2f} {row['r']:6.2f} {row['f1']:6.2f} {row['gold']:6d} {row['pred']:6d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--model", help="spaCy model package (default: the one Glossator picks)")
    parser.add_argument("--docs", type=int, default=0, help="use only the first N documents (0: all)")
    args = parser.parse_args()

    from glossator.core.nlp.analysis import analyze_text
    from glossator.core.nlp.model import choose_model, load_model

    documents = read_conll(args.file)
    if args.docs:
        documents = documents[: args.docs]
    package = choose_model(args.model)
    raw_nlp = importlib.import_module(package).load()
    nlp = load_model(package)

    texts = [d.text for d in documents]
    raw = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in raw_nlp.pipe(texts, batch_size=8)]
    # Claims are not part of the entity layer; leaving them out only saves time.
    with nlp.select_pipes(disable=["glossator_claims"]):
        ours = [[(s.start, s.end, s.label) for s in analyze_text(text, nlp).entities] for text in texts]

    gold = [d.gold for d in documents]
    raw_table = scores(gold, [mapped(spans) for spans in raw])
    ours_table = scores(gold, [mapped(spans) for spans in ours])
    figures = {
        "file": args.file.name,
        "model": package,
        "documents": len(documents),
        "tokens": sum(len(t.split()) for t in texts),
        "gold_entities": raw_table["micro"]["gold"],
        "raw": raw_table,
        "glossator": ours_table,
        "inconsistency_raw": inconsistency(list(zip(texts, raw))),
        "inconsistency_glossator": inconsistency(list(zip(texts, ours))),
        "micro_f1_gain": round(ours_table["micro"]["f1"] - raw_table["micro"]["f1"], 2),
    }
    print(f"{args.file.name}: {figures['documents']} documents, {figures['tokens']:,} tokens, "
          f"{figures['gold_entities']:,} gold entities; model {package}")
    _print_table("Raw model", raw_table)
    _print_table("Glossator entity layer", ours_table)
    print(f"\nLabel inconsistency (names repeated in a document with more than one label): "
          f"raw {figures['inconsistency_raw']:.2f}%, Glossator {figures['inconsistency_glossator']:.2f}%")
    print(f"Micro F1: raw {raw_table['micro']['f1']:.2f}, Glossator {ours_table['micro']['f1']:.2f} "
          f"({figures['micro_f1_gain']:+.2f} points)")
    print(json.dumps(figures, separators=(",", ":")))


if __name__ == "__main__":
    main()
