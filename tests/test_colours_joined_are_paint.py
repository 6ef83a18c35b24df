"""Two colours joined are paint, not a thing: "hot air balloon, orange and purple" drew an orange (the fruit) in
the field; "oranges and lemons" is still fruit, and "an orange" alone."""

import pytest

from tools.thing_phrases import names_colours_only


@pytest.mark.parametrize(
    "phrase,colours",
    [
        ("orange and purple", True),
        ("red and gold", True),
        ("lots of orange", True),
        ("oranges and lemons", False),
        ("an orange", False),
        ("a black and white cat", False),
    ],
)
def test_colours_joined_are_paint(phrase, colours):
    assert names_colours_only(phrase) is colours
