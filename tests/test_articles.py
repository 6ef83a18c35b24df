"""'a' or 'an' as the next word sounds (`tools/articles.py`)."""

from tools.articles import agreed


def test_each_article_agrees_with_the_sound_of_the_next_word():
    assert agreed("A old dog sleeps by the fire,\nits fur,\nA old friend") == (
        "An old dog sleeps by the fire,\nits fur,\nAn old friend"
    )  # a poem's line the model wrote
    assert agreed("a hour, a university, an European, an cat") == "an hour, a university, a European, a cat"


def test_a_capital_a_that_is_a_letter_stays():
    assert agreed("vitamin A is plan A") == "vitamin A is plan A"
