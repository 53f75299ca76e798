"""What kind of text an article is (narrative fiction, news, opinion, a transcript), from
surface signs of the whole text, and how that moves the chance that a sentence is worth
checking.

The signs are counted per thousand words, so they do not depend on the length:
- fiction: dialogue (paragraphs that open with a quotation mark), the verbs of told speech
  that news does not use ("replied", "cried", "exclaimed"), archaic pronouns ("thou", "thee"),
  chapter, act and scene headings, few figures;
- transcript: paragraphs that open with a speaker's label ("SANDERS:", "Q."), and the spoken
  first and second person;
- news: figures (digits, per cent, currency), "said" with "according to", days and months;
- opinion: a first person who argues ("I think", "we must", "should").
A text under ``MIN_WORDS`` words is "unknown": too short to tell.

``BASE_RATES`` is the share of sentences worth checking in each kind, against the share in
the training data (ClaimBuster's debates, ``TRAINING_BASE_RATE``); ``claim_combiner`` turns
the ratio into a shift of the score's logit.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

MIN_WORDS = 150
KINDS = ("fiction", "news", "opinion", "transcript", "unknown")
TRAINING_BASE_RATE = 0.25
# The share of sentences a fact-checker would pick out to check. A debate is what the
# training sentences are. A news report also carries scene-setting, background and
# attribution around its claims, so about one sentence in eight is picked; an opinion piece
# argues more than it reports; a novel holds almost nothing to check. A text of no known
# kind is scored as the training sentences are.
BASE_RATES = {"fiction": 0.002, "opinion": 0.08, "news": 0.12, "transcript": 0.25, "unknown": 0.25}
NAMES = {"fiction": "narrative fiction", "news": "news report", "opinion": "opinion",
         "transcript": "transcript", "unknown": "not determined"}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_FIGURE = re.compile(r"\d|%|\$|€|£|\bper ?cent\b|\bmillion\b|\bbillion\b", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[ \t]*[\"“‘'A-Z][A-Za-z .'’-]{0,30}:)")
_DIALOGUE_OPEN = re.compile(r"^\s*[\"“‘«]")
_SPEAKER_LABEL = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]{1,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?|Q|A)\s*[:.]\s+\S")
_HEADING = re.compile(r"^\s*(?:CHAPTER|Chapter|BOOK|Book|ACT|Act|SCENE|Scene|PART|Part)\s+[IVXLC\d]+\b",
                      re.MULTILINE)
_TOLD = {"replied", "cried", "exclaimed", "whispered", "muttered", "answered", "returned", "sighed",
         "murmured", "shouted", "retorted", "rejoined", "ejaculated", "laughed", "smiled"}
_ARCHAIC = {"thou", "thee", "thy", "thine", "hath", "doth", "ye", "art", "wilt", "shalt", "hast", "dost"}
_NARRATIVE = {"he", "she", "his", "her", "him", "himself", "herself"}
_SPOKEN = {"i", "you", "we", "i'm", "you're", "we're", "don't", "let's", "gonna"}
_NEWS = {"said", "according", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "january", "february", "march", "april", "june", "july", "august", "september", "october",
         "november", "december", "reported", "announced", "percent", "officials", "spokesperson",
         "spokesman", "spokeswoman", "company", "government", "statement"}
_ARGUE = re.compile(r"\b(?:I|we) (?:think|believe|argue|must|should|need)\b|\bshould\b|\bmust\b|\bought to\b",
                    re.IGNORECASE)


@dataclass(frozen=True)
class Genre:
    """The kind of a text, with the signs it was told by (per thousand words)."""

    kind: str
    signs: dict[str, float]

    @property
    def name(self) -> str:
        return NAMES[self.kind]


def detect_genre(text: str) -> Genre:
    """The kind of ``text``: one of ``KINDS``."""
    words = [w.lower() for w in _WORD.findall(text)]
    n = len(words)
    if n < MIN_WORDS:
        return Genre("unknown", {"words": float(n)})
    per_k = 1000.0 / n
    paragraphs = [p for p in _PARAGRAPH.split(text) if p.strip()]
    para_share = 1000.0 / max(len(paragraphs), 1)
    counts = Counter(words)

    def rate(vocabulary) -> float:
        return sum(counts.get(w, 0) for w in vocabulary) * per_k

    signs = {
        "words": float(n),
        "dialogue": sum(1 for p in paragraphs if _DIALOGUE_OPEN.match(p)) * para_share,
        "speaker_labels": sum(1 for p in paragraphs if _SPEAKER_LABEL.match(p)) * para_share,
        "headings": len(_HEADING.findall(text)) * per_k,
        "told": rate(_TOLD),
        "archaic": rate(_ARCHAIC),
        "narrative": rate(_NARRATIVE),
        "spoken": rate(_SPOKEN),
        "news": rate(_NEWS),
        "figures": len(_FIGURE.findall(text)) * per_k,
        "argue": len(_ARGUE.findall(text)) * per_k,
    }
    return Genre(_decide(signs), {k: round(v, 2) for k, v in signs.items()})


def _decide(s: dict[str, float]) -> str:
    # Each sign as a multiple of what is typical of its kind (1 = typical), capped at 3 so
    # that no single sign outweighs all the others.
    def sign(name: str, typical: float) -> float:
        return min(s[name] / typical, 3.0)

    told, archaic = sign("told", 2.0), sign("archaic", 6.0)
    fiction = (told + archaic + sign("dialogue", 250.0) + sign("narrative", 45.0) + min(s["headings"], 1.0)
               - sign("figures", 15.0) - sign("news", 12.0))
    transcript = sign("speaker_labels", 250.0) + sign("spoken", 60.0) - told - archaic
    news = sign("news", 8.0) + sign("figures", 10.0) - told - archaic - sign("speaker_labels", 500.0)
    opinion = sign("argue", 5.0) + sign("spoken", 40.0) - sign("speaker_labels", 300.0) - told
    scored = {"fiction": fiction, "transcript": transcript, "news": news, "opinion": opinion}
    kind = max(scored, key=lambda k: scored[k])
    # Fiction moves scores most, so it needs the strongest evidence.
    needed = 1.5 if kind == "fiction" else 1.0
    return kind if scored[kind] >= needed else "unknown"


def genre_shift(kind: str) -> float:
    """How far (in logits) the kind of text moves a sentence's score: the log odds of its base
    rate against the training data's."""
    rate = BASE_RATES.get(kind, TRAINING_BASE_RATE)

    def log_odds(p: float) -> float:
        return math.log(p / (1 - p))

    return log_odds(rate) - log_odds(TRAINING_BASE_RATE)
