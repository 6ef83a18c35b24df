"""The layout's boats as boats: each `boat` blob becomes a small hull with a sail, not a coloured lump.

The layout network marks where a boat sits on the water with a blob of the boat class; a painter would paint a
dark hull on the waterline and a pale sail above it, with a short reflection under it. Painted into the
underpainting (and the class map, so strokes stop at its edges).
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

BOAT, WATER = CLASSES.index("boat"), CLASSES.index("water")


def _blobs(labels: np.ndarray) -> list[tuple[float, float, float]]:
    """(centre y, centre x, width) of each boat blob big enough to draw."""
    from scipy import ndimage

    found, _ = ndimage.label(labels == BOAT)
    out = []
    for sl_y, sl_x in ndimage.find_objects(found):
        width = sl_x.stop - sl_x.start
        if width >= 4:
            out.append(((sl_y.start + sl_y.stop) / 2, (sl_x.start + sl_x.stop) / 2, float(width)))
    return out


def paint_boats(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    """Replace each boat blob by a hull and a sail (in place), the hull in the accent colour."""
    size = labels.shape[0]
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    hull_colour = hsv_colour(spec.accent_hue, 0.55, 0.38)
    sail_colour = ref.reshape(-1, 3).max(0) * 0.92
    blobs = _blobs(labels)
    labels[labels == BOAT] = WATER  # the blobs go back to the water they sit on
    for cy, cx, width in blobs:
        width = float(np.clip(width * 1.3, size * 0.04, size * 0.16))
        depth = width * 0.22
        base = cy + depth * 0.5
        # hull: a trapezoid, wider at the gunwale than at the keel
        t = np.clip((base - yy) / depth, 0, 1)
        half = width / 2 * (0.7 + 0.3 * t)
        hull = (yy <= base) & (yy >= base - depth) & (np.abs(xx - cx) <= half)
        mast_x = cx + rng.uniform(-0.1, 0.1) * width
        sail_h = width * rng.uniform(0.9, 1.3)
        top = base - depth - sail_h
        s = np.clip((yy - top) / sail_h, 0, 1)  # 0 at the masthead, 1 at the boom
        sail = (yy >= top) & (yy <= base - depth) & (xx >= mast_x) & (xx <= mast_x + s * width * 0.45)
        jib = (yy >= top + sail_h * 0.15) & (yy <= base - depth) & (xx < mast_x) & (xx >= mast_x - s * width * 0.3)
        reflection = (yy > base) & (yy < base + depth * 1.5) & (np.abs(xx - cx) <= width * 0.4) & (labels == WATER)
        ref[reflection] = 0.6 * ref[reflection] + 0.4 * hull_colour
        for mask, colour in ((sail | jib, sail_colour), (hull, hull_colour)):
            ref[mask] = colour
            labels[mask] = BOAT
