"""A bed of flowers is planted in mixed colours (issue 36): one colour repeated over a bed read as "strange pale
spotted shapes"; colours the person named stay theirs."""

import colorsys

import numpy as np

from models.painter.scene_colours import FLOWER_MIX_AT, underpainting
from models.painter.scene_layout import C
from models.painter.scene_spec import SceneSpec


def _bed(heads: int) -> np.ndarray:
    labels = np.full((128, 128), C["grass"], np.int64)
    labels[:40] = C["sky"]
    for k in range(heads):
        y, x = 60 + 12 * (k // 8), 8 + 14 * (k % 8)
        labels[y : y + 5, x : x + 5] = C["petal"]
    return labels


def _head_colours(spec: SceneSpec, labels: np.ndarray) -> int:
    rgb = underpainting(labels, spec, np.random.default_rng(0))
    centres = [rgb[60 + 12 * (k // 8) + 2, 8 + 14 * (k % 8) + 2] for k in range(24)]
    hues = {round(colorsys.rgb_to_hsv(*c)[0] * 360 / 25) % 15 for c in centres if c.max() - c.min() > 0.08}
    return len(hues)  # (a cream white has no hue to count)


def test_a_bed_of_flowers_has_several_colours_unless_one_was_named():
    labels = _bed(24)
    assert 24 >= FLOWER_MIX_AT
    assert _head_colours(SceneSpec(family="garden"), labels) >= 3
    assert _head_colours(SceneSpec(family="garden", palette_strength=0.9), labels) <= 2
