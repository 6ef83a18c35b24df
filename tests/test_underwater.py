"""Sea creatures asked in a reef or deep water are painted from under the water, not floating on its surface."""

import numpy as np
import pytest

from models.painter import underwater
from models.painter.object_library import installed
from models.painter.scene_layout import LAYOUT_SIZE, C

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def test_under_water_the_layout_is_water_over_a_floor_with_no_sky():
    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    underwater.carve(labels, np.random.default_rng(0))
    assert not np.isin(labels, (C["sky"], C["cloud"], C["light"])).any()
    assert (labels[: LAYOUT_SIZE // 2] == C["water"]).all() and (labels[-1] == C["sand"]).mean() > 0.5


def test_the_water_lightens_towards_the_surface_and_darkens_at_night():
    labels = np.full((128, 128), C["water"], np.int64)
    labels[100:] = C["sand"]
    day, night = (np.full((128, 128, 3), 0.5, np.float32) for _ in range(2))
    underwater.paint(day, labels, "day", np.random.default_rng(1))
    underwater.paint(night, labels, "night", np.random.default_rng(1))
    assert day[:10].mean() > day[80:95].mean() + 0.15  # light from above
    b, g, r = day[50:60].mean((0, 1))[::-1]
    assert b > r and g > r  # blue-green water, not grey
    assert night[:95].mean() < 0.6 * day[:95].mean()


@needs_icons
@pytest.mark.parametrize(
    "subject,under",
    [
        ("octopus hiding in a coral reef", True),
        ("jellyfish glowing in dark deep water", True),
        ("a coral reef", True),
        ("can u paint an octopus hiding among coral", True),
        ("a boat on deep water", False),  # seen from above: only swimmers and reefs are seen from under water
        ("a whale jumping out of the ocean", False),
        ("a coral necklace on a table", False),
    ],
)
def test_swimmers_in_a_reef_or_deep_water_are_seen_from_under_water(subject, under):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.0, 0.0)
    assert (scene.landform == "underwater") == under
    assert scene.objects  # the animal, the boat, the reef's coral: drawn


def test_a_swimmer_seen_from_under_the_water_has_no_reflection():
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import ObjectPainter, PlacedObject
    from models.painter.scene_spec import SceneSpec

    if not installed():
        return
    spec = SceneSpec(family="sea", time="day")
    made = []
    for sky_rows in (40, 0):
        ref = np.full((128, 128, 3), 0.5, np.float32)
        labels = np.full((128, 128), C["water"], np.int64)
        labels[:sky_rows] = C["sky"]
        fish = PlacedObject(ObjectEntry("noto", "octopus"), "swims", 0.5, 0.6, 0.3)
        ObjectPainter([fish], spec, light_x=0.2).underpaint(ref, labels)
        made.append(np.abs(ref[int(0.68 * 128) :, 40:88] - 0.5).sum())
    assert made[0] > made[1]  # below it: its mirror image on the surface's water, none under water


def test_the_seabed_is_a_place_not_a_doing_word():
    import re

    from tools.subject_phrases import subject_phrases

    words = re.findall(r"[a-z']+", "an octopus on the seabed")
    assert subject_phrases(words, set()) == [("an octopus", "subject"), ("the seabed", "setting")]  # was dropped
