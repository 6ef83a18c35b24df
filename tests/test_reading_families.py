"""Families and animal groups (issue 36): "an elephant family" is several elephants and "a happy family" parents
with their children painted as figures; neither is a pictogram of heads (blind test 25: "a giant people-group icon
block floating over a meadow")."""

import pytest

from models.painter.figure import Person, partner
from models.painter.object_library import installed
from tools.plurals import plural, singular
from tools.thing_phrases import group_written_first

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def test_plural_inverts_singular_for_regular_irregular_and_unchanging_nouns():
    for word in ("elephant", "pony", "fox", "wolf", "goose", "sheep", "church"):
        assert singular(plural(word)) == word
    assert plural("pony") == "ponies" and plural("wolf") == "wolves" and plural("sheep") == "sheep"


def test_an_animal_group_written_after_its_animal_reads_as_the_group_of_them():
    nouns = {"elephant", "wolf", "duck", "family"}.__contains__
    assert group_written_first("an elephant family", nouns) == "a family of elephants"
    assert group_written_first("a wolf pack", nouns) == "a pack of wolves"
    assert group_written_first("a happy family", nouns) == "a happy family"  # happy is no noun
    assert group_written_first("a family of ducks", nouns) == "a family of ducks"


def test_a_familys_third_and_fourth_copies_are_children_and_the_second_the_other_parent():
    mother = Person(dress=True, long_hair=True, couple=True, family=True)
    copies = [partner(mother, k) for k in range(4)]
    assert [c.age for c in copies] == ["adult", "adult", "child", "child"]
    assert copies[0].dress and not copies[1].dress  # a woman and a man
    assert copies[2].dress != copies[3].dress  # a girl and a boy


@needs_icons
def test_an_elephant_family_is_elephants_not_a_pictogram_of_a_family():
    from tools.scene_mapping import read_scene

    herd = read_scene("elephant family walking across the savanna", 0.0, 0.0).objects[0]
    assert herd.entry.name == "elephant" and herd.count >= 3


@needs_icons
@pytest.mark.parametrize("subject", ["a happy family on a picnic", "a family walking on the beach at sunset"])
def test_a_family_is_parents_and_children_painted_as_people_outdoors(subject):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)
    family = reading.objects[0]
    assert family.role == "figure" and family.person is not None and family.person.family
    assert family.count >= 3 and family.exact  # painted as asked, no "I can't draw" note
    assert reading.stage == "landscape" and "family" not in family.entry.name
