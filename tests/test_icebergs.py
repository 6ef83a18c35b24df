"""Icebergs are carved into an open sea as ice that floats (issue 36): the library's drawings were a badge and a
diagram, read blind as "a grey sphere with rock shapes on it by the sea"."""

import numpy as np
import pytest

from models.painter.landforms import CARVE
from models.painter.object_library import installed
from models.painter.scene_layout import LAYOUT_SIZE, C


def _sea() -> np.ndarray:
    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["water"], np.int64)
    labels[:24] = C["sky"]
    labels[50:] = C["sand"]  # a beach in the layout: an arctic sea has none
    return labels


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_icebergs_stand_on_open_water_below_the_horizon_the_nearest_largest(seed):
    from scipy import ndimage

    labels = _sea()
    CARVE["icebergs"](labels, np.random.default_rng(seed))
    assert not (labels == C["sand"]).any() and (labels[:24] == C["sky"]).all()
    bergs, count = ndimage.label(labels == C["snow"])
    assert count >= 2
    boxes = ndimage.find_objects(bergs)
    for sl_y, sl_x in boxes:  # each floats: water right under its foot
        assert sl_y.start >= 24 - 2 and (labels[min(LAYOUT_SIZE - 1, sl_y.stop), sl_x] == C["water"]).any()
    lowest = max(boxes, key=lambda b: b[0].stop)
    assert (lowest[1].stop - lowest[1].start) == max(b[1].stop - b[1].start for b in boxes)


@pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")
def test_icebergs_asked_are_the_landform_and_no_drawing():
    from tools.scene_mapping import read_scene

    scene = read_scene("icebergs floating in the arctic sea", 0.0, 0.0)
    assert (scene.landform, scene.family, scene.objects) == ("icebergs", "sea", ())
