"""What the check-worthiness model reads in a sentence: hashed words, tags, parse roles,
entity labels, rule cues and signs of opinion, and the pipeline's own context vectors.

Names are replaced by their entity label and figures by their kind ("$300 million" ->
``<MONEY>``), so the model learns that a figure makes a sentence checkable, not which
figures the training debates happened to mention. The rule cues of ``claim_cues`` are
features too, so the learned score and the rules speak through one model.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.tokens import Token

from glossator.core.nlp import lexicon

HASH_BITS = 18
HASH_SIZE = 1 << HASH_BITS
# Feature values are log counts scaled to this Euclidean length, so long and short sentences
# weigh alike and a word said five times does not count five times.
VALUE_NORM = 8.0

# Entity labels that stand in for their words: the label matters, the name does not.
MASKED_LABELS = frozenset("PERSON ORG GPE NORP LOC FAC MONEY PERCENT QUANTITY CARDINAL DATE TIME ORDINAL".split())


@lru_cache(maxsize=1 << 18)
def feature_hash(name: str) -> int:
    """A stable index for a feature name (Python's own ``hash`` changes between runs)."""
    return zlib.crc32(name.encode("utf-8")) & (HASH_SIZE - 1)


def _word(tok) -> str:
    if tok.ent_type_ in MASKED_LABELS:
        return "<" + tok.ent_type_ + ">"
    if tok.like_num:
        return "<NUM>"
    return tok.lower_


def _words(sent) -> list[tuple[str, Token]]:
    """The sentence's words with masked names; one entity becomes one word."""
    out = []
    previous = None
    for tok in sent:
        if tok.is_space:
            continue
        word = _word(tok)
        # "$600 billion" is one figure: keep one <MONEY>, not three.
        if word.startswith("<") and word == previous and tok.ent_iob_ == "I":
            continue
        out.append((word, tok))
        previous = word
    return out


def _length_bucket(n: int) -> str:
    for limit in (4, 8, 14, 22, 35):
        if n <= limit:
            return str(limit)
    return "long"


def sparse_names(sent, kinds: set[str], signals: dict[str, bool], tokens=None) -> list[str]:
    """Feature names of a sentence: words, word pairs, tags, parse roles, entities, cues.

    ``tokens`` is ``list(sent)`` when the caller has it already (spaCy builds a new token
    object on every pass over a span, and that dominates the cost of scoring)."""
    pairs = _words(tokens if tokens is not None else sent)
    words = [w for w, _ in pairs]
    names = ["bias"]
    names += ["w:" + w for w in words]
    padded = ["<s>"] + words + ["</s>"]
    names += ["b:" + a + " " + b for a, b in zip(padded, padded[1:])]
    tags = [tok.tag_ for _, tok in pairs]
    names += ["t:" + t for t in tags]
    names += ["tt:" + a + " " + b for a, b in zip(tags, tags[1:])]
    names += ["e:" + ent.label_ for ent in sent.ents]
    names.append("len:" + _length_bucket(len(words)))
    for _, tok in pairs:
        if tok.dep_ == "ROOT":
            names.append("root:" + tok.lemma_.lower())
            names.append("roottag:" + tok.tag_)
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    names.append("subj:" + _word(child))
                if child.dep_ in ("aux", "auxpass", "neg"):
                    names.append("rootaux:" + child.lower_)
        elif tok.tag_ == "MD":
            names.append("modal:" + tok.lower_)
    # The first word of each masked name as well, weakly: some names ("Medicare") carry topic.
    names += ["r:" + tok.lower_ for w, tok in pairs if w.startswith("<")]
    names += ["l:" + tok.lemma_.lower() for _, tok in pairs if not tok.is_stop and not tok.is_punct]
    # A verb with its tense ("VBD:vote") separates a record from a promise.
    names += ["v:" + tok.tag_ + ":" + tok.lemma_.lower() for _, tok in pairs if tok.pos_ in ("VERB", "AUX")]
    names += ["dh:" + tok.dep_ + ":" + tok.head.lemma_.lower() for _, tok in pairs
              if tok.dep_ in ("nsubj", "dobj", "pobj")]
    names += ["kind:" + kind for kind in sorted(kinds)]
    names.append("kinds:" + str(min(len(kinds), 3)))
    names += ["sig:" + name for name, on in sorted(signals.items()) if on]
    return names


def sparse_indices(sent, kinds: set[str], signals: dict[str, bool], tokens=None) -> np.ndarray:
    """The hashed feature indices of a sentence, repeats kept (a count per feature)."""
    return np.array([feature_hash(n) for n in sparse_names(sent, kinds, signals, tokens)], dtype=np.int64)


def opinion_signals(sent, quote_ranges: list[tuple[int, int]], tokens=None) -> dict[str, bool]:
    """Signs of opinion and of specificity outside quotes, as named on/off features."""
    def outside(tok) -> bool:
        return not any(a <= tok.i < b for a, b in quote_ranges)

    words = [t for t in (tokens if tokens is not None else sent) if not (t.is_punct or t.is_space)]
    own = [t for t in words if outside(t)]
    lowers = {t.lower_ for t in own}
    return {
        "question": sent.text.rstrip().rstrip('"”\'’)').endswith("?"),
        "first_person_singular": bool(lowers & lexicon.FIRST_PERSON_SINGULAR),
        "first_person_plural": bool(lowers & lexicon.FIRST_PERSON_PLURAL),
        "second_person": bool(lowers & {"you", "your", "yours"}),
        "normative": bool(lowers & lexicon.NORMATIVE_MODALS),
        "hedge": bool(lowers & lexicon.HEDGES),
        "past_tense": any(t.tag_ in ("VBD", "VBN") and t.dep_ in ("ROOT", "ccomp") for t in own),
        "fragment": len(words) < 5 or not any(t.pos_ in ("VERB", "AUX") for t in words),
        "quoted": bool(quote_ranges),
    }


@dataclass(frozen=True)
class SentenceInputs:
    """What the model scores: distinct feature indices with their values, and the sentence's
    context vectors (None when the pipeline gave the document none)."""

    indices: np.ndarray
    values: np.ndarray
    vectors: np.ndarray | None


def feature_values(indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct indices and their values: ``1 + log(count)``, scaled to length ``VALUE_NORM``."""
    counts = Counter(indices.tolist())  # much quicker than np.unique on a few dozen indices
    keys = sorted(counts)
    unique = np.array(keys, dtype=np.int64)
    values = 1.0 + np.log(np.array([counts[k] for k in keys], dtype=np.float64))
    return unique, values * (VALUE_NORM / np.sqrt(np.dot(values, values)))


def context_vectors(sent) -> np.ndarray | None:
    """The mean and the maximum of the pipeline's token vectors (``doc.tensor``, written by its
    tok2vec layer) over the sentence: what the tagger and parser saw, summed up."""
    tensor = sent.doc.tensor
    if tensor is None or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(sent.doc) or not tensor.shape[1]:
        return None
    rows = np.asarray(tensor[sent.start : sent.end], dtype=np.float64)
    if not len(rows):
        return None
    return np.concatenate([rows.mean(axis=0), rows.max(axis=0)])
