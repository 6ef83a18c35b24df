"""Things set against a wall, a bicycle's wheel and a bus stop (issue 36): each painted as what it is named, not
as the library's nearest drawing in a meadow (a car tyre in a meadow, a sewing machine in a meadow, a small sign
lost in a rainy street)."""

import numpy as np
import pytest

from models.painter.bus_shelters import is_bus_shelter, painted_bus_shelter
from models.painter.object_library import ObjectEntry, installed
from models.painter.room_kinds import dress_of
from models.painter.spoked_wheels import is_spoked_wheel, painted_wheel

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def test_a_wheel_is_a_thin_tyre_round_fine_spokes_not_a_car_tyre():
    assert is_spoked_wheel(ObjectEntry("noto", "wheel")) and not is_spoked_wheel(ObjectEntry("noto", "bicycle"))
    wheel = painted_wheel(200, seed=3)
    h, w = wheel.shape[:2]
    assert h == w == 200
    ring = wheel[100, :12, 3].max(), wheel[100, -12:, 3].max()
    assert min(ring) > 0.9  # the tyre at the rim
    between = wheel[40:160, 40:160, 3]
    assert 0.05 < (between > 0.5).mean() < 0.45  # spokes with the world showing between them, not a solid disc
    assert wheel[100, 100, 3] > 0.9  # the hub


def test_a_bus_stop_is_a_roofed_glass_shelter_with_a_bench_and_its_sign():
    assert is_bus_shelter(ObjectEntry("game-icons", "bus-stop")) and is_bus_shelter(ObjectEntry("noto", "bus-stop"))
    shelter = painted_bus_shelter(200, seed=0)
    h, w = shelter.shape[:2]
    assert abs(w / h - 1.45) < 0.03
    roof = shelter[int(0.17 * h), int(0.05 * w) : int(0.74 * w), 3]
    assert roof.min() > 0.9  # one roof across
    glass = shelter[int(0.5 * h), int(0.25 * w) : int(0.45 * w), 3]
    assert 0.1 < np.median(glass) < 0.6  # the street shows through the glass
    assert shelter[-2, :, 3].max() > 0.9  # standing on the pavement


def test_a_wall_and_a_bike_shop_are_their_own_rooms():
    assert dress_of("wall").wall == "brick" and not dress_of("wall").table  # the thing stands before the wall
    assert dress_of("bike shop") != dress_of("garage")


@needs_icons
@pytest.mark.parametrize(
    "subject, room, thing",
    [
        ("a bicycle wheel leaning against a brick wall", "wall", "wheel"),
        ("a red bicycle leaning against a brick wall", "wall", "bicycle"),
        ("the inside of a cluttered bike repair shop", "bike shop", "bicycle"),
    ],
)
def test_a_thing_against_a_wall_stands_before_it_and_a_bike_shop_holds_bicycles(subject, room, thing):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)
    assert reading.stage == "interior" and reading.room == room
    assert thing in [m.entry.name for m in reading.objects]


@needs_icons
def test_an_old_sewing_machine_is_indoors_not_in_a_meadow():
    from tools.scene_mapping import read_scene

    for subject in ("my grandma's old cast iron sewing machine", "an old sewing machine on a little oak table"):
        reading = read_scene(subject, 0.0, 0.0)
        assert reading.stage == "interior" and "sewing-machine" in [m.entry.name for m in reading.objects]
