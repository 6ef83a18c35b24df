"""A mood word outside the table takes its nearest table word's place by meaning when a mood is painted or played:
"chaos" was VADER's (-0.9, 0), a calm despair, and a painting of "pure chaos, total energy" was a church in the
rain; it reads as chaotic. Deciding whether a word is a mood at all still asks the table alone."""

import pytest

from tools.mood_lexicon import read_mood


@pytest.mark.parametrize("word,high", [("chaos", True), ("energy", True), ("loneliness", False)])
def test_a_mood_noun_reads_as_its_nearest_table_word(word, high):
    reading = read_mood(word, by_meaning=True)
    assert reading.known == (word,)
    assert (reading.arousal > 0.5) if high else (reading.arousal < -0.3)


def test_pure_and_sheer_say_how_much_not_which_mood():
    assert read_mood("pure chaos", by_meaning=True).arousal >= read_mood("chaos", by_meaning=True).arousal


def test_without_meaning_only_the_table_reads_a_word():
    assert read_mood("chaos").arousal == 0.0  # VADER's valence alone
    assert read_mood("painting", by_meaning=True).known == ()  # near no mood word
