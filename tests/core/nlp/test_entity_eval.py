"""The NER benchmark's reading of CoNLL files and its scores (bench/ner_eval.py)."""

import importlib.util
import sys

from tests.samples import ROOT

_spec = importlib.util.spec_from_file_location("ner_eval", ROOT / "bench" / "ner_eval.py")
ner_eval = importlib.util.module_from_spec(_spec)
sys.modules["ner_eval"] = ner_eval  # dataclasses look their module up while being made
_spec.loader.exec_module(ner_eval)


def test_iob1_iob2_and_io_tags_give_the_same_spans():
    iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
    iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]
    expected = [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert ner_eval.tag_spans(iob2) == ner_eval.tag_spans(iob1) == expected
    # IO cannot separate two neighbouring names of one type.
    assert ner_eval.tag_spans(["I-LOC", "I-LOC", "I-MISC"]) == [(0, 2, "LOC"), (2, 3, "MISC")]


def test_documents_sentences_and_offsets(tmp_path):
    path = tmp_path / "tiny.conll"
    path.write_text(
        "Ada I-PER\nLovelace I-PER\nwrote O\n. O\n\nShe O\nlived O\nin O\nLondon I-LOC\n\n"
        "-DOCSTART- O\n\nThe I-ORG\nBBC I-ORG\nsaid O\nso O\n",
        encoding="utf-8",
    )
    first, second = ner_eval.read_conll(path)
    assert first.text == "Ada Lovelace wrote .\nShe lived in London"
    assert {first.text[s:e] + "/" + t for s, e, t in first.gold} == {"Ada Lovelace/PER", "London/LOC"}
    assert {second.text[s:e] for s, e, _ in second.gold} == {"The BBC"}


def test_scores_and_inconsistency():
    gold = [{(0, 3, "PER"), (5, 9, "LOC")}]
    predicted = [{(0, 3, "PER"), (5, 9, "ORG")}]
    table = ner_eval.scores(gold, predicted)
    assert table["PER"]["f1"] == 100.0 and table["LOC"]["r"] == 0.0
    assert table["micro"] == {"p": 50.0, "r": 50.0, "f1": 50.0, "gold": 2, "pred": 2}
    text = "Acme and Acme and Bo"
    assert ner_eval.inconsistency([(text, [(0, 4, "ORG"), (9, 13, "GPE"), (18, 20, "PERSON")])]) == 100.0
    assert ner_eval.inconsistency([(text, [(0, 4, "ORG"), (9, 13, "ORG")])]) == 0.0
