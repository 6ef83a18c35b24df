"""Autumn's crowns: each tree turned its own colour, red, orange, gold or still half green.

One orange for every crown read as "brown bushes" (stop 27). A painter of an autumn wood lays in many hues: each
crown (a connected patch of foliage) gets its own hue from the season's range, varied again across a big crown
(a forest's one canopy) by a slow noise, at a brighter, more saturated value than summer's green.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

from models.painter.scene_colours import hsv_to_rgb
from models.painter.scene_layout import CLASSES

FOLIAGE = CLASSES.index("foliage")
HUES = (6.0, 18.0, 28.0, 38.0, 46.0, 56.0)  # red, orange-red, orange, amber, gold, yellow
WEIGHTS = (0.14, 0.2, 0.24, 0.2, 0.14, 0.08)
WANDER = 10.0  # how far (degrees) a hue wanders across one crown
SATURATION = (0.68, 0.88)  # each crown's, in this range
LIFT = 1.3  # autumn leaves this much lighter than summer's green at the same light (gold glows, green is dark)
CANOPY = 0.02  # a patch of foliage over this share of the picture is many crowns (a wood's canopy, a hedge)
CROWNS_ACROSS = 9  # ... each about this many to the picture's width, each its own hue


def turn_crowns(ref: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> None:
    """In place on the underpainting: every crown of foliage in autumn colours at its own light (each pixel's
    value, lifted), so the crowns keep their form and the hour's light (a dusk wood stays dark). A canopy (one big
    patch) is split into crown-sized cells of their own hues, not painted one red wall."""
    crowns, count = ndimage.label(labels == FOLIAGE)
    if not count:
        return
    size = labels.shape[0]
    hue_of = rng.choice(HUES, size=count + 1, p=WEIGHTS).astype(np.float32)
    saturation_of = rng.uniform(*SATURATION, count + 1).astype(np.float32)
    cell_hue = _crown_cells(size, rng)
    coarse = rng.uniform(-1, 1, (5, 5)).astype(np.float32)
    wander = np.asarray(Image.fromarray(coarse).resize((size, size), Image.BICUBIC), np.float32) * WANDER
    areas = np.bincount(crowns.ravel(), minlength=count + 1)
    canopy = (areas > CANOPY * size * size)[crowns]
    hue = np.where(canopy, cell_hue, hue_of[crowns]) + wander
    inside = crowns > 0
    which = crowns[inside]
    hsv = np.stack([hue[inside] % 360, saturation_of[which], np.clip(ref[inside].max(-1) * LIFT, 0, 1)], -1)
    ref[inside] = hsv_to_rgb(hsv)


def _crown_cells(size: int, rng: np.random.Generator) -> np.ndarray:
    """[size, size] hues of round, irregular crown-sized cells (the nearest of scattered centres, their borders
    wobbled by noise), so a canopy reads as many trees, not a grid of squares."""
    grid = 96
    n = CROWNS_ACROSS * CROWNS_ACROSS
    centres = rng.uniform(0, grid, (n, 2)).astype(np.float32)
    hues = rng.choice(HUES, size=n, p=WEIGHTS).astype(np.float32)
    y, x = np.mgrid[0:grid, 0:grid].astype(np.float32)
    coarse = rng.uniform(-1, 1, (2, 12, 12)).astype(np.float32)
    wobble = [np.asarray(Image.fromarray(c).resize((grid, grid), Image.BICUBIC)) * grid / 40 for c in coarse]
    wy, wx = (y + wobble[0])[..., None], (x + wobble[1])[..., None]
    cells = hues[((wy - centres[:, 0]) ** 2 + (wx - centres[:, 1]) ** 2).argmin(-1)]
    return np.asarray(Image.fromarray(cells).resize((size, size), Image.NEAREST), np.float32)
