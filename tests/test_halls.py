"""Long rooms seen down their length (a carriage, a theatre, a ward ...) and a cockpit: their walls, windows and
rows in perspective, things standing in the aisle at their sizes, and the words that name them."""

import numpy as np
import pytest

from models.painter.cockpit import DIAL, PANEL, cockpit_layout
from models.painter.halls import (
    CURTAIN,
    FLOOR,
    FRONT,
    HALLS,
    SIDE_WALL,
    SKY,
    WALL,
    draw_rows,
    hall_layout,
    paint_rows,
    stand_in_aisle,
)
from models.painter.object_library import installed
from models.painter.objects import PlacedObject

needs_icons = pytest.mark.skipif(
    not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)"
)
SIZE = 256


def test_a_carriage_has_side_walls_a_floor_a_far_wall_and_windows_down_both_sides():
    labels = hall_layout(SIZE, HALLS["carriage"])
    middle = SIZE // 2
    assert labels[middle, 2] == SIDE_WALL and labels[middle, -3] == SIDE_WALL
    assert labels[-2, middle] == FLOOR and labels[int(0.3 * SIZE), middle] == WALL  # the ceiling over the aisle
    left, right = labels[:, : SIZE // 3], labels[:, -SIZE // 3 :]
    assert (left == SKY).mean() > 0.05 and (right == SKY).mean() > 0.05  # windows down both sides
    far_wall = labels[int(0.36 * SIZE) : int(0.5 * SIZE), int(0.46 * SIZE) : int(0.54 * SIZE)]
    assert not (far_wall == FLOOR).any()


def test_a_theatre_has_no_side_windows_and_a_curtain_at_its_far_end():
    labels = hall_layout(SIZE, HALLS["theatre"])
    assert not (labels == SKY).any()
    assert labels[int(0.45 * SIZE), SIZE // 2] == CURTAIN


def test_rows_stand_both_sides_of_the_aisle_and_grow_towards_the_eye():
    labels = hall_layout(SIZE, HALLS["carriage"])
    draw_rows(labels, HALLS["carriage"])
    front = labels == FRONT
    assert front[:, : SIZE // 2 - 20].any() and front[:, SIZE // 2 + 20 :].any()
    assert not front[:, SIZE // 2 - 4 : SIZE // 2 + 4].any()  # the aisle is free
    near = front[int(0.75 * SIZE)].sum()
    far = front[int(0.52 * SIZE)].sum()
    assert near > far  # the nearer rows are wider in the picture


def test_a_bus_has_grab_poles_in_its_aisle_and_a_waiting_room_a_clock():
    bus = hall_layout(SIZE, HALLS["bus"])
    draw_rows(bus, HALLS["bus"])
    aisle = bus[:, SIZE // 2 - 40 : SIZE // 2 + 40]
    assert (aisle == CURTAIN).sum() > 200 and not (hall_layout(SIZE, HALLS["carriage"]) == CURTAIN).any()
    waiting = hall_layout(SIZE, HALLS["waiting room"])
    assert (waiting == CURTAIN).any()  # the clock's face beside the door


def test_upholstered_rows_take_the_asked_colour():
    ref = np.zeros((SIZE, SIZE, 3), np.float32)
    labels = hall_layout(SIZE, HALLS["carriage"])
    draw_rows(labels, HALLS["carriage"])
    paint_rows(ref, HALLS["carriage"], 120.0, 1.0)  # green seats
    front = ref[labels == FRONT]
    assert (front.argmax(-1) == 1).mean() > 0.6  # green the strongest channel (the headrests' cloths are white)


@needs_icons
def test_things_stand_in_the_aisle_at_their_size_and_fliers_stay_small():
    from models.painter.object_library import entries

    library = {e.name: e for e in entries()}
    person = PlacedObject(library["person"], "figure", 0.1, 0.3, 0.9, size=1.8)
    books = PlacedObject(library["books"], "building", 0.9, 0.9, 0.5, size=25.0)  # a size table's library
    plane = PlacedObject(library["airplane"], "flies", 0.5, 0.2, 0.6, size=40.0)
    placed = stand_in_aisle([person, books, plane], HALLS["carriage"])
    standing = [o for o in placed if o.role != "flies"]
    assert [o.entry.name for o in standing] == ["books", "person"]  # farthest first: painted under the nearer
    assert all(0.35 < o.cx < 0.65 for o in standing)
    assert standing[1].height > standing[0].height and standing[0].height < 0.25
    assert next(o for o in placed if o.role == "flies").height <= 0.1


def test_a_cockpit_has_sky_through_its_windscreen_and_dials_on_its_panel():
    labels = cockpit_layout(SIZE)
    assert labels[int(0.3 * SIZE), int(0.35 * SIZE)] == SKY
    assert (labels[int(0.6 * SIZE) :] == DIAL).any() and labels[-2, 2] == PANEL
    assert not (labels[: int(0.55 * SIZE)] == DIAL).any()


@needs_icons
@pytest.mark.parametrize(
    "subject, room",
    [
        ("the inside of an old train carriage with red velvet seats", "carriage"),
        ("a city bus interior in the evening rush hour", "bus"),
        ("a hospital ward in the early morning with empty beds", "ward"),
        ("an empty theatre with red velvet seats and the curtain down", "theatre"),
        ("the interior of a gothic cathedral with rows of wooden pews", "church"),
        ("the cockpit of an airliner seen from the pilot's seat", "cockpit"),
        ("an open plan office late at night", "office"),
        ("a brutalist concrete parking garage", None),  # a car park's building, no mechanic's
    ],
)
def test_long_rooms_and_cockpits_are_read_from_the_words(subject, room):
    from tools.scene_mapping import read_scene

    assert read_scene(subject, 0.0, 0.0).room == room


@needs_icons
def test_a_time_words_late_and_a_things_state_are_no_part_of_its_name():
    from tools.scene_mapping import read_scene

    office = read_scene("an open plan office late at night", 0.0, 0.0)
    assert office.time == "night" and all("late" not in m.phrase for m in office.objects)
    theatre = read_scene("an empty theatre with red velvet seats and the curtain down", 0.0, 0.0)
    assert all(m.entry.name != "fall-down" for m in theatre.objects)  # an arrow pointing down was drawn
