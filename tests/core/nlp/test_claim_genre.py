"""The kind of text, told from surface signs, and how it moves claim scores."""

import pytest

from glossator.core.annotation import Span
from glossator.core.nlp.analysis import in_genre
from glossator.core.nlp.claim_combiner import shifted
from glossator.core.nlp.claim_genre import Genre, detect_genre, genre_shift
from tests.samples import ROOT, sample_text

NOVEL = (ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt").read_text(encoding="utf-8")


def test_a_novel_is_fiction_and_the_news_sample_is_news():
    assert detect_genre(NOVEL).kind == "fiction"
    assert detect_genre(sample_text()).kind == "news"


def test_a_play_is_fiction_not_a_transcript():
    speech = ("ROMEO. But soft, what light through yonder window breaks? It is the east, and Juliet is the sun.\n\n"
              "JULIET. O Romeo, Romeo, wherefore art thou Romeo? Deny thy father and refuse thy name.\n\n"
              "ROMEO. Shall I hear more, or shall I speak at this? Thou art thyself, though not a Montague.\n\n")
    assert detect_genre("ACT II. SCENE II. Capulet's orchard.\n\n" + speech * 6).kind == "fiction"


def test_a_debate_with_speaker_labels_is_a_transcript():
    lines = [
        "MODERATOR: Senator, your plan would cost $1.2 trillion over ten years. How do you pay for it?",
        "SANDERS: Look, we are the only major country on earth that doesn't guarantee health care to all.",
        "CLINTON: I think we have to be honest about the numbers. Families are paying 20 percent more.",
        "MODERATOR: Let's turn to trade. You voted for the agreement in 2005, didn't you?",
    ]
    assert detect_genre("\n\n".join(lines * 5)).kind == "transcript"


def test_a_short_text_is_not_judged():
    genre = detect_genre("Unemployment fell to 4 percent in March, the ministry said.")
    assert genre == Genre("unknown", genre.signs) and genre.signs["words"] < 150


def test_the_shift_follows_the_base_rates():
    assert genre_shift("transcript") == 0.0 and genre_shift("unknown") == 0.0
    assert genre_shift("fiction") < -4.5
    assert genre_shift("fiction") < genre_shift("opinion") < genre_shift("news") < 0.0


def test_fiction_pulls_claims_down_and_drops_those_below_the_floor():
    strong = Span("claim", "statistic", 0, 10, 0.99, {"cue": "40"})
    weak = Span("claim", "statistic", 20, 30, 0.6, {"cue": "3"})
    kept = in_genre([strong, weak], Genre("fiction", {}))
    assert [(c.start, c.score) for c in kept] == [(0, shifted(0.99, genre_shift("fiction")))]
    assert kept[0].score < 0.5
    assert in_genre([strong, weak], Genre("transcript", {}), 0.25) == [strong, weak]
    moved = in_genre([strong, weak], Genre("news", {}), 0.25)
    assert [c.start for c in moved] == [0, 20] and moved[1].score < weak.score


@pytest.mark.parametrize("score", [0.01, 0.3, 0.5, 0.9])
def test_shifting_keeps_the_order_and_no_shift_keeps_the_score(score):
    assert shifted(score, 0.0) == score
    assert shifted(score, -1.0) <= score <= shifted(score, 1.0)
