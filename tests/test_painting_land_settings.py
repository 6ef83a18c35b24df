"""Landforms named beside the subject, scene words that are no things, field walls and rows of houses."""

import numpy as np
import pytest

from models.painter.scene_layout import LAYOUT_SIZE, C


@pytest.mark.parametrize(
    "subject, family, landform",
    [
        ("a desert with huge sand dunes", "desert", "dunes"),  # the scene holds it
        ("castle ruins on top of a hill", "meadow", "hill"),  # the thing stands on it
        ("a rocky coastline with big waves crashing", "sea", "cliffs"),
        ("a glacier meeting the sea", "sea", "glacier"),
        ("rolling hills with an old stone wall running across them", "meadow", "hills"),
    ],
)
def test_a_landform_named_beside_the_subject_is_carved(subject, family, landform):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)
    assert (reading.family, reading.landform) == (family, landform)


def test_what_stands_on_a_landform_is_still_drawn_and_counted_right():
    from tools.scene_mapping import read_scene

    lighthouse = read_scene("a lighthouse on a cliff above the sea", 0.0, 0.0)
    assert lighthouse.landform == "cliffs" and [m.entry.name for m in lighthouse.objects] == ["lighthouse"]
    ruins = read_scene("castle ruins on top of a hill", 0.0, 0.0).objects
    assert len(ruins) == 1 and ruins[0].count == 1  # "ruins" is one ruin, not four castles


def test_waves_are_the_seas_own_not_creatures_standing_on_the_beach():
    from tools.scene_mapping import read_scene

    reading = read_scene("a rocky coastline with big waves crashing", 0.0, 0.0)
    assert not reading.objects


@pytest.mark.parametrize("subject", ["a birch forest in autumn", "a bamboo forest"])
def test_a_forest_of_some_tree_is_a_forest_not_the_bigfoot_whose_keyword_is_forest(subject):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.2, 0.0)
    assert reading.family == "forest"
    assert all("creature" not in m.entry.name for m in reading.objects)


def test_a_stone_wall_stands_on_the_land_and_is_carved_as_a_line_across_it():
    from models.painter.field_walls import boundary_class, carve_boundary
    from models.painter.object_library import ObjectEntry
    from tools.scene_mapping import read_scene

    wall = read_scene("rolling hills with an old stone wall running across them", 0.0, 0.0).objects[0]
    assert wall.role == "stands" and boundary_class(wall.entry) == C["rock"]
    assert boundary_class(ObjectEntry("game-icons", "lighthouse")) is None
    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[24:] = C["grass"]
    carve_boundary(labels, C["rock"], 3)
    wall = labels == C["rock"]
    assert wall.any(0).mean() > 0.9  # from one side to the other
    assert wall.sum() < 0.1 * wall.size and not wall[:24].any()  # a low line, on the land only


@pytest.mark.parametrize("landform", ["hill", "hills", "glacier"])
def test_the_new_landforms_carve_land_into_the_picture(landform):
    from models.painter.landforms import carve_landform

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[30:] = C["water"] if landform == "glacier" else C["grass"]
    before = labels.copy()
    carve_landform(labels, landform, 5)
    risen = (np.isin(before[:30], (C["sky"],)) & ~np.isin(labels[:30], (C["sky"], C["cloud"]))).sum()
    assert risen > 40  # land (or ice) rises into the sky
    if landform == "glacier":
        assert (labels == C["snow"]).sum() > 100 and not (labels == C["grass"]).any()  # ice, no green cap


def test_a_row_of_houses_runs_across_the_picture():
    from models.painter.streets import SPAN, carve_street

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[30:] = C["grass"]
    carve_street(labels, 3, "meadow", 11)
    assert (labels == C["building"]).any(0).mean() >= SPAN - 0.05


@pytest.mark.parametrize(
    "subject, landform",
    [("snowcapped mountains reflected in a still alpine lake", "peaks"), ("a canyon with rocks in Arizona", "canyon")],
)
def test_beside_a_landform_its_rocks_and_peaks_are_carved_not_drawn(subject, landform):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)
    assert reading.landform == landform and not reading.objects


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_waterfalls_cliff_runs_off_one_side_not_a_symmetrical_block(seed):
    from models.painter.landforms import carve_landform

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[30:] = C["grass"]
    carve_landform(labels, "waterfall", seed)
    rock = labels == C["rock"]
    assert rock[:, 0].any() != rock[:, -1].any()  # it leaves the frame on one side only
