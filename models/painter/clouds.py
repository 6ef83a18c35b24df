"""Clouds with form: a lit crown and a shaded belly, not flat white blobs.

The layout gives a cloud as one region of one colour; painted so it reads as a paper cut-out ("the cloud is a
flat white blob", "a heavy blob of cloud"). A painter lights a cloud from above: its crown the lightest, its
underside a step darker and cooler, taking some of the sky's colour, the edge between them soft.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from models.painter.scene_layout import CLASSES

CLOUD, SKY = CLASSES.index("cloud"), CLASSES.index("sky")
CROWN_LIFT = 0.06  # the crown against the cloud's own colour
BELLY = 0.84  # the underside's value against it
BELLY_SKY = 0.3  # the share of the sky's colour the underside takes


def model_clouds(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place on the underpainting: each cloud lighter at its crown and darker, cooler below, by how much of
    the cloud lies above each of its points."""
    cloud = labels == CLOUD
    if cloud.sum() < labels.size * 0.002:
        return
    size = labels.shape[0]
    mask = Image.fromarray((cloud * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(size / 90))
    soft = np.asarray(mask, np.float32) / 255
    depth = np.zeros_like(soft)
    for step in (size // 24, size // 12):  # cloud this far above: the point is low in it, under the crown
        depth[step:] += 0.5 * soft[:-step]
    depth = np.clip(depth, 0, 1)[..., None]
    sky = labels == SKY
    sky_colour = ref[sky].mean(0) if sky.any() else ref[cloud].mean(0)
    crown = np.clip(ref * (1 + CROWN_LIFT), 0, 1)
    belly = (1 - BELLY_SKY) * BELLY * ref + BELLY_SKY * BELLY * sky_colour
    ref[cloud] = ((1 - depth) * crown + depth * belly)[cloud]
