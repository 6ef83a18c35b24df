"""Several of one thing on the ground spread so that each reads (`models/painter/herds.py`)."""

import numpy as np

from models.painter.herds import GAP, MARGIN, OFF_MIDDLE, spread
from models.painter.object_library import ObjectEntry
from models.painter.objects import PlacedObject
from models.painter.scene_layout import LAYOUT_SIZE, C

GRASS = (C["grass"],)


def _field() -> np.ndarray:
    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"])
    labels[24:] = C["grass"]
    return labels


def _sheep(cx: float, height: float = 0.2, source: str = "noto") -> PlacedObject:
    return PlacedObject(ObjectEntry(source, "ewe"), "stands", cx, 0.8, height)


def test_a_flock_shoulder_to_shoulder_is_moved_apart_inside_the_frame():
    flock = [_sheep(0.45 + 0.02 * k, source=("noto", "fluent-emoji-flat")[k % 2]) for k in range(4)]
    spread_out = sorted(spread(flock, _field(), lambda entry: 1.0, lambda role: GRASS), key=lambda o: o.cx)
    gaps = [b.cx - a.cx for a, b in zip(spread_out, spread_out[1:])]
    assert min(gaps) >= GAP * 0.2 - 1e-6  # before: 0.02 apart, one blob of four
    assert all(MARGIN <= o.cx - o.height / 2 and o.cx + o.height / 2 <= 1 - MARGIN + 1e-6 for o in spread_out)


def test_a_flock_too_wide_for_one_row_steps_every_other_one_back():
    flock = [_sheep(0.5, height=0.3) for _ in range(5)]
    spread_out = spread(flock, _field(), lambda entry: 1.0, lambda role: GRASS)
    back = [o for o in spread_out if o.base_y < 0.8]
    assert back and all(o.height < 0.3 for o in back)


def test_two_things_already_apart_and_a_lone_thing_stay_where_they_are():
    apart = [_sheep(0.2), _sheep(0.8)]
    assert [o.cx for o in spread(apart, _field(), lambda entry: 1.0, lambda role: GRASS)] == [0.2, 0.8]
    assert spread([_sheep(0.3)], _field(), lambda entry: 1.0, lambda role: GRASS)[0].cx == 0.3


def test_two_kids_in_their_own_skin_tones_stand_side_by_side_and_of_a_height():
    from models.painter.figure import Person

    kid = Person(age="child")
    kids = [
        PlacedObject(ObjectEntry("noto", "person-standing-dark-skin-tone"), "figure", 0.25, 0.8, 0.5, person=kid),
        PlacedObject(ObjectEntry("noto", "person-standing-light"), "figure", 0.25, 0.8, 0.31, person=kid),
    ]
    left, right = sorted(spread(kids, _field(), lambda entry: 0.4, lambda role: GRASS), key=lambda o: o.cx)
    assert right.cx - left.cx >= GAP * 0.4 * right.height - 1e-6  # before: one drawn exactly over the other
    assert min(left.height, right.height) >= 0.9 * max(left.height, right.height)  # not one a head over the other


def test_three_in_a_row_stand_in_depth_one_in_front_the_others_smaller_by_perspective():
    row = [_sheep(0.2), _sheep(0.5), _sheep(0.8)]  # before: three equals in a row, evenly spaced
    group = sorted(spread(row, _field(), lambda entry: 1.0, lambda role: GRASS), key=lambda o: -o.base_y)
    far = 24 / 64  # the field's far edge
    assert group[0].base_y > group[1].base_y > group[2].base_y > far
    distances = [(o.height, o.base_y - far) for o in group]
    assert all(abs(h / d - distances[0][0] / distances[0][1]) < 1e-6 for h, d in distances)  # size goes with distance
    assert abs(group[0].cx - 0.5) >= OFF_MIDDLE - 1e-9  # the front one off the middle
    assert group[1].cx > group[0].cx > group[2].cx  # the others behind it, on either side
    assert all(MARGIN - 1e-6 <= o.cx - o.height / 2 and o.cx + o.height / 2 <= 1 - MARGIN + 1e-6 for o in group)


def test_a_group_keeps_its_row_where_no_ground_lies_behind_it_and_fish_keep_theirs():
    strip = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"])
    strip[60:] = C["grass"]  # a strip of grass at the foot of the picture: nowhere to stand further back
    row = [PlacedObject(ObjectEntry("noto", "ewe"), "stands", x, 0.97, 0.1) for x in (0.2, 0.5, 0.8)]
    assert {o.base_y for o in spread(row, strip, lambda entry: 1.0, lambda role: GRASS)} == {0.97}
    fish = [PlacedObject(ObjectEntry("noto", "fish"), "swims", x, 0.8, 0.1) for x in (0.2, 0.5, 0.8)]
    assert {o.base_y for o in spread(fish, _field(), lambda entry: 1.0, lambda role: GRASS)} == {0.8}
