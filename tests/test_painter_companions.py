"""A person's small animal stands beside them, not in front of them (issue 36, stop 42)."""

from dataclasses import replace

from models.painter.companions import FIGURE_WIDTH, beside_their_person
from models.painter.figure import Person
from models.painter.object_library import ObjectEntry
from models.painter.objects import PlacedObject


def _placed():
    woman = PlacedObject(ObjectEntry("noto", "woman-walking"), "figure", 0.45, 0.85, 0.5, person=Person(pose="walk"))
    dog = PlacedObject(ObjectEntry("noto", "dog"), "stands", 0.47, 0.95, 0.45, size=1.0)
    return woman, dog


def test_a_dog_in_front_of_its_walker_is_set_beside_her_at_its_size_against_hers():
    woman, dog = _placed()
    moved = beside_their_person([woman, dog], lambda entry: 1.3)[1]
    assert abs(moved.cx - woman.cx) >= woman.height * FIGURE_WIDTH / 2  # clear of her
    assert abs(moved.base_y - woman.base_y) < 0.02  # on her ground line
    assert moved.height < woman.height  # a dog is smaller than a woman


def test_an_animal_already_clear_of_the_person_a_horse_and_two_people_are_left_alone():
    woman, dog = _placed()
    clear = replace(dog, cx=0.85)
    assert beside_their_person([woman, clear], lambda entry: 1.3)[1] == clear
    horse = replace(dog, entry=ObjectEntry("noto", "horse"), size=2.6)  # ridden, led: not a dog at heel
    assert beside_their_person([woman, horse], lambda entry: 1.3)[1] == horse
    two = [woman, replace(woman, cx=0.2), dog]
    assert beside_their_person(two, lambda entry: 1.3) == two
