"""What people play or work at, drawn with them (`models/painter/held_things.py`), read from the words
(`tools/figure_words.activity`), and placed: two chess players face each other across one board (`herds`)."""

from dataclasses import replace

import numpy as np
import pytest

from models.painter.figure import Person, painted_figure
from models.painter.held_things import ARMS, PROPS, REACH
from models.painter.object_library import installed

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def _ink(rgba):
    ys, xs = np.nonzero(rgba[..., 3] > 0.5)
    return ys.min(), ys.max(), xs.min(), xs.max()


def test_every_held_thing_has_its_hands_and_its_room():
    assert set(PROPS) == set(ARMS) == set(REACH)


@pytest.mark.parametrize(
    "prop,pose", [("drums", "sit"), ("chess", "sit"), ("sandcastle", "kneel"), ("pot", "stand"), ("piano", "sit")]
)
def test_a_thing_before_the_person_widens_their_drawing(prop, pose):
    plain, _ = painted_figure(Person(pose=pose), 140, 3, 200)
    with_thing, _ = painted_figure(Person(pose=pose, prop=prop), 140, 3, 200)
    width = lambda rgba: _ink(rgba)[3] - _ink(rgba)[2]  # noqa: E731
    assert width(with_thing) > 1.4 * width(plain)


def test_an_accordion_is_red_at_the_chest_and_a_kneeling_child_is_lower_than_a_standing_one():
    rgba, _ = painted_figure(Person(prop="accordion"), 140, 4, 200)
    top, bottom, _, _ = _ink(rgba)
    chest = rgba[top + int(0.25 * (bottom - top)) : top + int(0.45 * (bottom - top))]
    red = (chest[..., 0] > 0.55) & (chest[..., 1] < 0.25) & (chest[..., 3] > 0.5)
    assert red.sum() > 30
    standing, _ = painted_figure(Person(age="child"), 140, 4, 200)
    kneeling, _ = painted_figure(Person(age="child", pose="kneel"), 140, 4, 200)
    assert _ink(kneeling)[1] - _ink(kneeling)[0] < 0.85 * (_ink(standing)[1] - _ink(standing)[0])


@needs_icons
@pytest.mark.parametrize(
    "subject,prop",
    [
        ("a street musician playing the accordion", "accordion"),
        ("a woman playing the cello on a street corner", "cello"),
        ("two old men playing chess in the park", "chess"),
        ("two little kids building a sandcastle", "sandcastle"),
        ("a beekeeper in a white suit holding up a frame of honeycomb", "frame"),
        ("a sweaty jazz drummer mid-solo in a dark club", "drums"),
        ("a baker pulling loaves out of a brick oven", "loaves"),
        ("a girl reading a book under a tree", "book"),
        ("grandpa playing the piano", "piano"),
        ("a concert pianist on stage", "piano"),
    ],
)
def test_what_a_person_plays_or_works_at_is_read_from_the_words(subject, prop):
    from tools.scene_mapping import read_scene

    person = read_scene(subject, 0.0, 0.0).objects[0].person
    assert person is not None and person.prop == prop


@needs_icons
def test_a_potter_is_a_person_at_her_wheel_and_her_hands_are_her_own():
    from tools.scene_mapping import read_scene

    for subject in ("a potter at her wheel with her hands covered in clay", "a woman potter at her wheel"):
        things = read_scene(subject, 0.0, 0.0).objects
        assert [m.role for m in things] == ["figure"] and things[0].person.prop == "wheel"


@needs_icons
def test_a_portrait_of_a_beekeeper_is_a_person_not_a_bee():
    from tools.scene_mapping import read_scene

    reading = read_scene("a portrait of a beekeeper in a full suit holding up a honeycomb frame", 0.0, 0.0)
    assert reading.objects[0].role == "figure" and reading.objects[0].person.headwear == "veil"


def test_two_chess_players_sit_face_to_face_about_the_middle():
    from models.painter.herds import spread
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import PlacedObject
    from models.painter.scene_layout import LAYOUT_SIZE

    player = Person(pose="sit", prop="chess", age="old")
    entry = ObjectEntry("noto", "man-standing")
    placed = [
        PlacedObject(entry=entry, role="figure", cx=x, base_y=0.8, height=0.25, person=player) for x in (0.15, 0.85)
    ]
    labels = np.zeros((LAYOUT_SIZE, LAYOUT_SIZE), np.int64)
    left, right = sorted(o.cx for o in spread(placed, labels, lambda e: 1.2, lambda role: (0,)))
    assert left < 0.55 < right  # the left one faces right, the right one left (`objects`)
    assert right - left < 0.3  # touching across the board, not at either edge of the picture
    apart = spread([replace(o, person=Person(pose="sit")) for o in placed], labels, lambda e: 1.2, lambda r: (0,))
    assert sorted(o.cx for o in apart) == [0.15, 0.85]  # people at nothing shared stay where they were put


def test_a_grand_pianos_black_case_and_raised_lid_stand_beside_the_player_within_the_frame():
    rgba, _ = painted_figure(Person(pose="sit", prop="piano"), 140, 2, 200)
    top, bottom, left, right = _ink(rgba)
    far = rgba[top:bottom, left + int(0.6 * (right - left)) :]  # the piano's half of the drawing
    black = (far[..., :3].max(-1) < 0.2) & (far[..., 3] > 0.5)
    assert black.sum() > 0.2 * far[..., 3].__gt__(0.5).sum()  # mostly the black case and lid
    assert (far[: (bottom - top) // 3, ..., 3] > 0.5).any()  # the lid rises into the top third


@needs_icons
def test_a_pianist_is_a_person_at_the_piano_and_no_stencil_of_one_is_drawn():
    from models.painter.object_library import entries
    from tools.scene_mapping import read_scene

    assert not any(e.name == "pianist" for e in entries())
    things = read_scene("grandpa playing the piano", 0.0, 0.0).objects
    assert [m.role for m in things] == ["figure"] and things[0].person.prop == "piano"
