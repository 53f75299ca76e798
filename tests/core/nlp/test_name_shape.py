"""Names as a reader sees them: no dashes, quotes, adverbs or verbs inside, no headings, no
shouted common words, and a merge that keeps the type the model gave."""

import pytest

from glossator.core.nlp.analysis import analyze_text


def _entities(nlp, text):
    return [(text[e.start : e.end], e.label) for e in analyze_text(text, nlp).entities]


@pytest.mark.parametrize(
    "text, absent, present",
    [
        ('Ahab answered—"Aye, aye, sir." Then he went below.', ['Ahab answered—"Aye'], ["Ahab"]),
        ("Soon Starbuck came up to the deck and looked at the sea.", ["Soon Starbuck"], []),
        ("CHAPTER 81. Stubb Kills a Whale\n\nThe Pequod sailed on. Stubb laughed at the mate.",
         ["Stubb Kills", "CHAPTER 81"], ["Stubb"]),
        ("CHAPTER I.\n\nLoomings\n\nCall me Ishmael. Some years ago I went to sea.", ["CHAPTER I."], []),
        ("He gave his Complete and Total Endorsement to the candidate last week.",
         ["Complete and Total Endorsement"], []),
        ("VOTE for him today, as every vote counts in the county.", ["VOTE"], []),
        ("Wherefore art thou so sad, my friend? said the old man.", ["thou"], []),
        ("Death came for the old sailor at dawn. He had feared death all his life.", ["Death"], []),
        # Written with a capital inside a sentence too: a name, although "flask" is a word.
        ("Flask laughed at the whale. Then said Flask to Stubb: fill the flask again.", [], ["Flask"]),
    ],
)
def test_what_is_no_name_is_not_marked(nlp, text, absent, present):
    found = [surface for surface, _ in _entities(nlp, text)]
    assert not set(absent) & set(found)
    assert set(present) <= set(found)


def test_a_group_is_not_a_person_and_its_word_keeps_its_type(nlp):
    text = ("Virginia Democrats won eight seats in the election. The Democrats said they would pass "
            "the budget bill. Virginia Democrats cheered at the rally on Tuesday.")
    found = _entities(nlp, text)
    assert ("Virginia Democrats", "PERSON") not in found
    assert all(label != "PERSON" for surface, label in found if surface == "Democrats")


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Sam Altman said OpenAI would respond. Altman spoke in San Francisco.", "Altman", "PERSON"),
        ("Shares of Procter & Gamble Co. rose 3% on Monday.", "Procter & Gamble Co.", "ORG"),
        ("Jane Austen published Pride and Prejudice in 1813.", "Pride and Prejudice", "WORK_OF_ART"),
        ('He read "The Old Man and the Sea" twice.', "The Old Man and the Sea", "WORK_OF_ART"),
    ],
)
def test_real_names_keep_their_shape(nlp, text, name, label):
    assert (name, label) in _entities(nlp, text)
