"""Structures the painter builds by hand (issue 36): a petrol station's forecourt, a water tower on its legs and a
multi-storey car park, each read as a building of its own size and placed at the shape that is painted."""

import numpy as np
import pytest

from models.painter.built_by_hand import HAND_DRAWN, built_size, drawn_by_hand, hand_drawn
from models.painter.car_parks import painted_car_park
from models.painter.fuel_stations import painted_fuel_station
from models.painter.object_library import ObjectEntry, installed
from models.painter.water_towers import painted_water_tower

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")
PUMP, TOWER, GARAGE = (
    ObjectEntry("noto", "fuel-pump"),
    ObjectEntry("game-icons", "water-tower"),
    ObjectEntry("game-icons", "home-garage"),
)


def test_each_built_thing_is_painted_at_its_own_shape_and_stands_on_its_foot():
    for entry in (PUMP, TOWER, GARAGE, ObjectEntry("noto", "lighthouse")):
        painter, ratio = hand_drawn(entry)
        drawing = drawn_by_hand(entry, 240, seed=1, light_left=True)
        h, w = drawing.shape[:2]
        assert abs(w / h - ratio) < 0.03 and max(h, w) in range(236, 244)  # its longer side as asked
        assert drawing[-2, :, 3].max() > 0.9  # on the ground
    assert (
        hand_drawn(ObjectEntry("noto", "house")) is None
        and drawn_by_hand(ObjectEntry("noto", "house"), 99, 0, 1) is None
    )
    assert len({kind for kind, *_ in HAND_DRAWN}) == len(HAND_DRAWN)


def test_a_petrol_station_has_a_canopy_over_its_pumps_and_a_shop():
    station = painted_fuel_station(200, seed=0)
    h, w = station.shape[:2]
    canopy = station[int(0.22 * h), int(0.1 * w) : int(0.6 * w), 3]
    assert canopy.min() > 0.9  # one roof across the forecourt
    under = station[int(0.5 * h), int(0.06 * w) : int(0.5 * w), 3]
    assert (under < 0.1).mean() > 0.5  # open under it, between the columns and pumps
    assert station[int(0.7 * h), int(0.75 * w), 3] > 0.9  # the shop behind


def test_a_water_tower_is_a_tank_on_open_legs():
    tower = painted_water_tower(300, seed=0)
    h, w = tower.shape[:2]
    tank = tower[int(0.3 * h), int(0.15 * w) : int(0.85 * w), 3]
    legs = tower[int(0.75 * h), :, 3]
    assert tank.min() > 0.9 and (legs > 0.5).mean() < 0.3  # a solid tank, legs with sky between
    assert (tower[-2, :, 3] > 0.5).any() and (tower[int(0.05 * h), :, 3] > 0.5).mean() < 0.3  # a pointed roof


def test_a_car_park_has_dark_open_decks_between_concrete_slabs_and_a_blue_p():
    park = painted_car_park(300, seed=0)
    h, w = park.shape[:2]
    rows = park[int(0.12 * h) :, int(0.05 * w) : int(0.8 * w), :3].mean((1, 2))
    dark = rows < 0.55
    assert 3 <= np.count_nonzero(np.diff(dark.astype(int)) == 1) <= 6  # one opening a deck, four or five of them
    blue = (park[..., 2] > 0.5) & (park[..., 0] < 0.25)
    assert blue.sum() > 0.002 * h * w  # the parking sign


@needs_icons
def test_a_petrol_station_is_read_as_a_building_of_a_buildings_size():
    from tools.object_matching import real_size
    from tools.scene_mapping import read_scene

    scene = read_scene("a lonely gas station on an empty desert highway", 0.0, 0.0)
    assert [m.entry.words for m in scene.objects] == ["fuel pump"] and scene.objects[0].role == "building"
    assert real_size(scene.objects[0].entry) == built_size(PUMP) >= 20


@needs_icons
@pytest.mark.parametrize(
    "subject,name",
    [
        ("a brutalist concrete parking garage", "home-garage"),
        ("a multi-storey car park", "home-garage"),
        ("a parking lot at night", "automobile"),
    ],
)
def test_a_parking_garage_is_the_built_car_park_and_a_parking_lot_its_cars(subject, name):
    from tools.scene_mapping import read_scene

    assert read_scene(subject, 0.0, 0.0).objects[0].entry.name == name


def test_a_glasshouse_is_framed_glass_with_leaves_behind_it():
    from models.painter.glasshouses import painted_glasshouse

    house = painted_glasshouse(300, seed=0)
    h, w = house.shape[:2]
    wall = house[int(0.7 * h), int(0.05 * w) : int(0.95 * w), :3]
    white_bars = (wall.min(1) > 0.85).mean()
    green = ((wall[:, 1] > wall[:, 0] + 0.1) & (wall[:, 1] > wall[:, 2] + 0.05)).mean()
    assert 0.05 < white_bars < 0.4 and green > 0.05  # glazing bars across glass, plants seen through it
    assert (house[int(0.1 * h), :, 3] > 0.5).mean() < 0.3  # a tall centre above lower wings


@needs_icons
@pytest.mark.parametrize(
    "subject,greenhouse",
    [
        ("a big Victorian glass greenhouse full of palm trees", True),
        ("an old greenhouse in the rain", True),
        ("a sunny conservatory with wicker chairs", False),
    ],
)
def test_a_greenhouse_is_the_glass_building_and_a_conservatory_a_room(subject, greenhouse):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.0, 0.0)
    assert (scene.stage == "landscape" and scene.objects[0].entry.name == "greenhouse") == greenhouse
    assert (scene.room == "greenhouse") != greenhouse


def test_a_silo_is_a_tall_ribbed_cylinder_with_a_bin_beside_it():
    from models.painter.silos import painted_silo

    silo = painted_silo(300, seed=0)
    h, w = silo.shape[:2]
    assert silo[int(0.3 * h), int(0.35 * w), 3] > 0.9 and silo[int(0.3 * h), int(0.8 * w), 3] < 0.1  # tall, bin low
    across = silo[int(0.6 * h), int(0.06 * w) : int(0.64 * w), :3].mean(1)
    assert across.max() - across.min() > 0.15  # its round lit on one side, in shade on the other
    assert hand_drawn(ObjectEntry("game-icons", "round-silo")) is not None


def test_washing_on_a_line_hangs_between_two_posts_in_clean_colours():
    from models.painter.clotheslines import is_clothesline, painted_clothesline

    assert is_clothesline(ObjectEntry("game-icons", "clothesline"))
    line = painted_clothesline(120, seed=4)
    h, w = line.shape[:2]
    assert abs(w / h - 2.2) < 0.03
    assert line[-2, : w // 10, 3].max() > 0.9 and line[-2, -w // 10 :, 3].max() > 0.9  # a post at each end
    hung = line[int(0.35 * h), int(0.1 * w) : int(0.9 * w)]
    assert (hung[:, 3] > 0.9).mean() > 0.4  # washing along most of the line
    colours = hung[hung[:, 3] > 0.9, :3]
    assert np.ptp(colours, axis=0).max() > 0.3  # more than one colour of cloth


def test_a_market_stall_is_a_striped_awning_over_a_counter_of_produce():
    from models.painter.market_stalls import is_market_stall, painted_market_stall

    assert is_market_stall(ObjectEntry("game-icons", "shop"))
    stall = painted_market_stall(160, seed=0)
    h, w = stall.shape[:2]
    awning = stall[int(0.1 * h), int(0.1 * w) : int(0.9 * w), :3]
    assert np.abs(np.diff(awning, axis=0)).sum(-1).max() > 0.5  # stripes
    assert stall[int(0.8 * h), int(0.5 * w), 3] > 0.9  # the counter's front
    assert stall[-2, :, 3].max() > 0.9  # its poles on the ground


@needs_icons
@pytest.mark.parametrize(
    "subject, drawn",
    [
        ("a busy market square at midday", "shop"),
        ("laundry flapping on a clothesline on a windy afternoon", "clothesline"),
        ("washing hung out to dry in a back garden", "clothesline"),
    ],
)
def test_a_market_holds_stalls_and_laundry_hangs_on_its_line(subject, drawn):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)
    assert reading.stage == "landscape" and drawn in [m.entry.name for m in reading.objects]


def test_a_reply_calls_a_hand_drawn_thing_by_what_is_painted():
    from models.painter.built_by_hand import painted_name

    assert painted_name(ObjectEntry("game-icons", "shop")) == "market stall"  # not "shop"
    assert painted_name(ObjectEntry("noto", "bus-stop")) == "bus shelter"
    assert painted_name(ObjectEntry("noto", "house")) == "house"
