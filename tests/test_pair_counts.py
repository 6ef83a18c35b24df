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
