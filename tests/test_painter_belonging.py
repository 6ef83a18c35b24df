"""Things that belong to their scene (issue 36): a thing's role and scene by meaning, bridges across the water,
windmills as tower mills, a street of houses built into the layout."""

import numpy as np
import pytest

from models.painter.bridges import STONE_HEIGHT, is_bridge, painted_bridge, suspension
from models.painter.object_library import ObjectEntry, installed
from models.painter.placement_rules import across_water
from models.painter.scene_layout import LAYOUT_SIZE, C
from models.painter.streets import carve_street, is_house, street_of_houses
from models.painter.windmills import is_windmill, painted_windmill

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")
N = LAYOUT_SIZE


@needs_icons
@pytest.mark.parametrize(
    "subject,name,role,stage,family",
    [
        ("a lemon", "lemon", "still_life", "interior", None),  # on a table, not a giant in the sky over a meadow
        ("some pears and a jug, still life", "pear", "still_life", "interior", None),
        ("flamingos standing in a shallow lagoon", "flamingo", "stands", "landscape", "lake"),  # not flying
        ("a little country church with a steeple", "church", "building", "landscape", "meadow"),  # not by the sea
    ],
)
def test_a_things_role_and_scene_are_where_it_belongs(subject, name, role, stage, family):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.0, 0.0)
    assert scene.objects[0].entry.name == name and scene.objects[0].role == role
    assert scene.stage == stage and (family is None or scene.family == family)


@needs_icons
def test_rocks_a_lighthouse_stands_on_are_the_scenes_not_drawings_in_the_air():
    from tools.scene_mapping import read_scene

    scene = read_scene("a lighthouse on the rocks with a stormy sea", 0.0, 0.0)
    assert [m.entry.name for m in scene.objects] == ["lighthouse"] and scene.family == "sea"


def test_a_bridge_spans_the_water_with_open_arches():
    assert is_bridge(ObjectEntry("game-icons", "stone-bridge")) and not is_bridge(ObjectEntry("noto", "boat"))
    assert suspension(ObjectEntry("game-icons", "suspension-bridge"))
    assert not suspension(ObjectEntry("game-icons", "arch-bridge"))
    stone = painted_bridge(300, seed=1)
    h, w = stone.shape[:2]
    assert w == 300 and abs(h / w - STONE_HEIGHT) < 0.02
    assert stone[2, :, 3].min() > 0.9  # the deck runs the whole length
    assert (stone[-2, :, 3] < 0.1).mean() > 0.5  # under the arches the water shows
    hanging = painted_bridge(300, seed=1, hanging=True)
    assert hanging.shape[0] > 2 * h and (hanging[hanging.shape[0] // 3, :, 3] < 0.1).mean() > 0.6  # open between


def test_a_bridge_is_placed_across_the_water_beyond_the_frame():
    labels = np.full((N, N), C["sky"])
    labels[24:] = C["water"]
    labels[56:] = C["grass"]
    cx, base, longer = across_water(labels, ObjectEntry("game-icons", "stone-bridge"))
    assert cx == 0.5 and longer > 1.0  # off both sides
    assert 24 / 63 < base < 56 / 63  # its feet in the water, in front of the far shore
    _, back, smaller = across_water(labels, ObjectEntry("game-icons", "stone-bridge"), copy=1)
    assert back < base and smaller < longer


def test_a_windmill_has_a_tower_and_four_sails():
    assert is_windmill(ObjectEntry("game-icons", "windmill"))
    assert not is_windmill(ObjectEntry("game-icons", "paper-windmill"))
    mill = painted_windmill(200, seed=0)
    assert mill.shape[0] == 200 and mill[-1, :, 3].max() > 0.9  # standing on its foot
    assert (mill[-1, :, 3] > 0.5).mean() < 0.6  # a tower, narrower than the sails' sweep
    assert (mill[:, :, 3] > 0.5).any(0).mean() > 0.6  # the sails sweep most of its width


class _Request:
    def __init__(self, name, count, role="building"):
        self.entry, self.count, self.role = ObjectEntry("noto", name), count, role


def test_several_houses_make_a_street_built_into_the_layout():
    assert is_house(ObjectEntry("noto", "houses")) and not is_house(ObjectEntry("noto", "lighthouse"))
    assert street_of_houses([_Request("house", 3), _Request("house", 2)]) == 5
    assert street_of_houses([_Request("house", 1), _Request("barn", 4)]) == 0  # one house stays a drawing
    labels = np.full((N, N), C["sky"])
    labels[30:] = C["grass"]
    carve_street(labels, 5, "meadow", seed=3)
    building = labels == C["building"]
    rows = np.nonzero(building.any(1))[0]
    assert rows.min() < 36 and 30 < rows.max() < 50  # standing on one line on the near ground
    assert building.any(0).mean() > 0.6  # a row across the picture
    assert (labels[rows.max() + 1] == C["earth"]).any()  # on a street


def test_houses_asked_in_a_city_replace_its_towers():
    labels = np.full((N, N), C["sky"])
    labels[10:44, :] = C["building"]
    labels[44:] = C["water"]
    carve_street(labels, 4, "city", seed=0)
    assert not (labels[:20] == C["building"]).any()  # no tower blocks above the houses
    assert (labels[43] == C["building"]).any() and (labels[45:] == C["water"]).all()  # on the canal's edge
    assert (labels[44] == C["earth"]).all()  # on a quay, not standing in the water


def test_grass_in_front_hides_a_things_foot_but_not_on_sand():
    from models.painter.object_form import OBJECT
    from models.painter.overlap import ground_over_feet

    for ground, hidden in ((C["grass"], True), (C["sand"], False)):
        labels = np.full((128, 128), C["sky"])
        labels[60:] = ground
        labels[40:90, 50:80] = OBJECT  # a thing standing at row 89
        ref = np.zeros((128, 128, 3), np.float32)
        ref[90:] = 0.3
        ground_over_feet(ref, labels, seed=0)
        foot = labels[84:90, 50:80]
        assert (foot == ground).any() == hidden and (labels[40:70, 50:80] == OBJECT).all()
        if hidden:  # the blades in the ground's colour just in front of the foot
            assert np.allclose(ref[84:90, 50:80][foot == ground], 0.3)


@pytest.mark.parametrize(
    "subject,family",
    [("a church with a blue dome on a Greek island", "sea"), ("a little country church with a steeple", "meadow")],
)
@needs_icons
def test_a_building_stands_in_the_land_its_words_lean_to(subject, family):
    from tools.scene_mapping import read_scene

    assert read_scene(subject, 0.0, 0.0).family == family


def test_a_lighthouse_is_a_banded_tower_with_a_lantern_on_rocks():
    from models.painter.lighthouses import ASPECT, is_lighthouse, painted_lighthouse
    from models.painter.placement_rules import aspect

    assert is_lighthouse(ObjectEntry("noto", "lighthouse")) and not is_lighthouse(ObjectEntry("noto", "house"))
    assert aspect(ObjectEntry("noto", "lighthouse")) == ASPECT  # placed at the size of what is painted
    tower = painted_lighthouse(200, seed=0)
    h, w = tower.shape[:2]
    assert h == 200 and abs(w / h - ASPECT) < 0.03
    middle = tower[int(0.3 * h) : int(0.85 * h), w // 2 - 2, :3]
    assert middle.max(0).min() > 0.8 and middle[:, 1].min() < 0.3  # white bands and coloured (red) ones
    lantern = tower[int(0.2 * h), w // 2 - 5 : w // 2 + 5, :3].max(0)
    assert lantern[0] > 0.8 and lantern[2] < lantern[0]  # warm glass
    assert (tower[-3, :, 3] > 0.5).mean() > 0.6  # boulders wider than the tower at its foot


def test_a_citys_ground_is_painted_as_a_street_under_its_blocks():
    from models.painter.city_street import paint_city_street
    from models.painter.scene_spec import SceneSpec

    labels = np.full((128, 128), C["sky"])
    labels[30:80] = C["building"]
    labels[80:] = C["earth"]
    ref = np.full((128, 128, 3), 0.45, np.float32)
    paint_city_street(ref, labels, SceneSpec(family="city"))
    pavement, road = ref[82, 10], ref[110, 10]
    assert pavement.mean() > road.mean() + 0.1  # a pale pavement along the blocks' feet, a dark road
    assert np.ptp(ref[80:].mean(2), axis=1).max() > 0.1  # a dashed centre line along the road
    untouched = np.full((128, 128, 3), 0.45, np.float32)
    paint_city_street(untouched, labels, SceneSpec(family="meadow"))
    assert np.allclose(untouched, 0.45)  # only a city's ground


def test_water_covers_the_bottom_of_what_floats():
    from models.painter.object_form import OBJECT
    from models.painter.overlap import ground_over_feet

    labels = np.full((128, 128), C["sky"])
    labels[60:] = C["water"]
    labels[50:90, 40:90] = OBJECT
    ref = np.zeros((128, 128, 3), np.float32)
    ground_over_feet(ref, labels, seed=0)
    assert (labels[87:90, 40:90] == C["water"]).all()  # a waterline, the whole width
    assert (labels[50:80, 40:90] == OBJECT).all()


@needs_icons
def test_a_lone_subject_is_drawn_in_towards_the_middle():
    from models.painter.objects import PlacedObject
    from models.painter.placement_rules import settle

    labels = np.full((N, N), C["sky"])
    labels[30:] = C["grass"]
    tractor = PlacedObject(ObjectEntry("noto", "tractor"), "stands", 0.92, 0.8, 0.3)
    assert abs(settle([tractor], labels, "meadow")[0].cx - 0.5) < 0.3


def test_a_log_cabin_is_painted_in_logs_under_a_roof():
    from models.painter.cabins import ASPECT, is_cabin, painted_cabin
    from models.painter.placement_rules import aspect

    assert is_cabin(ObjectEntry("game-icons", "wood-cabin")) and not is_cabin(ObjectEntry("noto", "house"))
    assert aspect(ObjectEntry("game-icons", "wood-cabin")) == ASPECT
    cabin = painted_cabin(120, seed=0)
    assert cabin.shape[0] == 120 and abs(cabin.shape[1] / 120 - ASPECT) < 0.03
    wall = cabin[60:, int(0.45 * cabin.shape[1]), :3].mean(1)  # down the wall between window and door
    assert cabin[60:, int(0.45 * cabin.shape[1]), 3].min() > 0.9  # solid, not see-through bars
    assert np.ptp(wall) > 0.2  # logs, each lit on top and dark in its joint


def test_only_a_things_lowest_part_goes_under_the_water():
    from models.painter.object_form import OBJECT
    from models.painter.overlap import ground_over_feet

    labels = np.full((128, 128), C["sky"])
    labels[60:] = C["water"]
    labels[30:90, 20:24] = OBJECT  # a bridge's tower, standing in the water
    labels[70:74, 20:110] = OBJECT  # its deck, above the water
    ground_over_feet(labels=labels, ref=np.zeros((128, 128, 3), np.float32), seed=0)
    assert (labels[70:74, 24:110] == OBJECT).all()  # the deck stays whole
    assert (labels[88:90, 20:24] == C["water"]).all()  # the tower's foot is in the water
