"""A pair of a thing that is one object (glasses, scissors, jeans) is drawn once; a pair of boots is two."""

import pytest

from tools.object_matching import count_of


@pytest.mark.parametrize(
    "phrase,count",
    [
        ("a pair of scissors", 1),  # was two pairs of scissors on the table
        ("a pair of glasses", 1),
        ("a pair of jeans", 1),
        ("a pair of hiking boots", 2),
        ("a pair of swans", 2),
        ("two pairs of jeans", 2),
    ],
)
def test_a_pair_counts_its_things_not_its_words(phrase, count):
    assert count_of(phrase) == count


@pytest.mark.parametrize(
    "phrase,count",
    [
        ("sheep", 3),  # "rolling green hills dotted with sheep" painted one
        ("deer", 3),
        ("a sheep", 1),
        ("the sheep", 1),
        ("a lone deer", 1),
        ("two sheep", 2),
    ],
)
def test_a_noun_the_same_in_both_numbers_said_bare_is_several(phrase, count):
    assert count_of(phrase) == count


def test_a_bare_noun_on_a_table_stays_one():
    assert count_of("grilled salmon", bare_many=False) == 1
