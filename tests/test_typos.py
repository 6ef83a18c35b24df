"""A typo is one edit away from a known word and is no real English word."""

from tools.typos import one_edit, typo_of


def test_one_edit_is_one_letter_added_dropped_changed_or_two_swapped():
    assert one_edit("meldoy", "melody") and one_edit("pome", "poem") and one_edit("paintng", "painting")
    assert one_edit("tuen", "tune") and not one_edit("melody", "melody") and not one_edit("mldy", "melody")


def test_a_typo_is_read_only_for_an_unknown_word_of_four_letters_or_more():
    known = {"melody", "poem", "tune"}
    assert typo_of("meldoy", known) == "melody" and typo_of("pome", known) == "poem"
    assert typo_of("tone", known) is None and typo_of("tun", known) is None and typo_of("poem", known) is None
    assert typo_of("lune", known) == "tune" and typo_of("lune", known, same_first=True) is None


def test_a_misspelt_colour_is_the_colour():
    from tools.palette import read_colour

    assert read_colour("yelow").name == "yellow" and read_colour("purpel").name == "purple"
    assert read_colour("mountains") is None  # no colour, and no typo of one
