"""The foreground over a thing's foot: grass or snow in front of what stands in it, so it stands in the field,
not pasted on top of it; water over the bottom of what floats, so a duck or a hull sits in it.

A drawing laid over the land ends in a clean line along its bottom, which is what makes it read as a sticker.
Where a thing stands on grass or snow, the last few rows of its silhouette are given back to that ground in
upright blades of uneven height (their colour the ground's just in front, shadow included); the brushwork then
strokes them as grass like the rest of the field, so a horse's hooves and a windmill's foot are lost in it.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from models.painter.object_form import OBJECT
from models.painter.scene_layout import CLASSES

TALL_GROUND = tuple(CLASSES.index(c) for c in ("grass", "snow"))  # ground that hides a foot (not sand, a table)
WATER = tuple(CLASSES.index(c) for c in ("water", "foam"))  # ... and water, in which a duck or a hull sits
DEPTH = (0.05, 3, 16)  # blades reach up this share of the thing's height, at least and at most this many pixels
WATERLINE = 1.8  # a floating thing sits this much deeper in its water than a foot in grass
BLADE = 3  # pixels: the width over which a blade's height stays the same


def ground_over_feet(ref: np.ndarray, labels: np.ndarray, seed: int) -> None:
    """In place: each drawn thing standing on grass or snow has its foot overlapped by blades of that ground, and
    one floating on water its bottom by the water (its reflection's colour just below)."""
    mask = labels == OBJECT
    if not mask.any():
        return
    size = mask.shape[0]
    rng = np.random.default_rng([seed, 29])
    parts, _ = ndimage.label(mask)
    for i, (sl_y, sl_x) in enumerate(ndimage.find_objects(parts), start=1):
        part = parts[sl_y, sl_x] == i
        if part.sum() < 30 or sl_y.stop >= size - 1:
            continue
        ground = labels[min(size - 1, sl_y.stop + 1), sl_x][part[-1]]
        if not len(ground) or np.isin(ground, TALL_GROUND + WATER).mean() < 0.6:
            continue
        kind = int(np.bincount(ground).argmax())
        reach = int(np.clip(DEPTH[0] * part.shape[0], DEPTH[1], DEPTH[2]))
        wet = kind in WATER  # a waterline with a little ripple, not blades, a little higher (it floats in it)
        reach = int(WATERLINE * reach) if wet else reach
        spread = (0.85, 1.0) if wet else (0.25, 1.0)
        blades = np.repeat(rng.uniform(*spread, part.shape[1] // BLADE + 1), BLADE)[: part.shape[1]]
        for k, x in enumerate(range(sl_x.start, sl_x.stop)):
            column = np.nonzero(part[:, k])[0]
            if not len(column):
                continue
            foot = sl_y.start + int(column.max())
            if foot < sl_y.stop - 1 - reach:  # not its lowest part (a belly, a bridge's deck above the water)
                continue
            top = foot - int(reach * blades[k])
            if labels[min(size - 1, foot + 1), x] not in TALL_GROUND + WATER:
                continue
            ys = np.arange(max(0, top), foot + 1)
            ys = ys[labels[ys, x] == OBJECT]
            labels[ys, x] = kind
            ref[ys, x] = ref[min(size - 1, foot + 2), x]
