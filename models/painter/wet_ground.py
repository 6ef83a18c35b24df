"""After rain at dusk or at night the ground is a dark mirror for the lights.

A rainy city street at night was "a muddy smear" with "an empty grey foreground band" (blind judges), though
its windows were lit. A painter lays each light's reflection down into the wet street below it: the lit windows,
lamps and signs mirrored about the line where the ground meets them, drawn out into long vertical streaks that
fade with distance from that line, over ground a little darker for the wet.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

GROUND = tuple(CLASSES.index(c) for c in ("earth", "sand", "rock", "grass", "snow"))
NOT_A_LIGHT = tuple(CLASSES.index(c) for c in ("sky", "cloud", "light"))  # (the sky's glow is no lamp)
BRIGHT = 0.5  # a light's value: only what is lighter than this is mirrored
SHINE = 0.6  # how strongly the wet ground gives the lights back
WET = 0.85  # the wet ground's value, as a share of the dry ground's
STREAK = 0.06  # the vertical smear of a reflection, as a share of the picture


def is_wet_dark(spec: SceneSpec) -> bool:
    return spec.weather == "rain" and spec.time in ("dusk", "night")


def mirror_lights(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place: the lights above each column's ground mirrored down into it, streaked and fading, on ground made
    a little darker."""
    size = labels.shape[0]
    ground = np.isin(labels, GROUND)
    top = _ground_top(ground)
    rows = np.arange(size)[:, None]
    below = (rows >= top[None, :]) & ground
    if not below.any():
        return
    value = ref.mean(-1)
    lights = ref * (np.clip((value - BRIGHT) / (1 - BRIGHT), 0, 1) * ~np.isin(labels, NOT_A_LIGHT))[..., None]
    source = np.clip(2 * top[None, :] - rows - 1, 0, size - 1)  # the row mirrored about each column's ground line
    mirrored = lights[source, np.arange(size)[None, :]]
    streaked = ndimage.uniform_filter1d(mirrored, max(3, int(STREAK * size)), axis=0)
    streaked = ndimage.uniform_filter1d(streaked, max(1, size // 256), axis=1)
    depth = np.clip((rows - top[None, :]) / max(1.0, 0.45 * size), 0, 1)
    fade = (1 - depth) ** 1.5 * below
    ref[below] *= WET
    ref[:] = np.clip(ref + SHINE * streaked * fade[..., None], 0, 1)


def _ground_top(ground: np.ndarray) -> np.ndarray:
    """int [W]: per column, the first row from which the ground runs on for a few rows (the picture's height
    where a column has none)."""
    size = ground.shape[0]
    run = max(2, size // 64)
    solid = ndimage.minimum_filter1d(ground.astype(np.uint8), run, axis=0, origin=-(run // 2)).astype(bool)
    return np.where(solid.any(0), solid.argmax(0), size)
