"""Wet ground after rain: a dark mirror for what stands on it.

In the rain the ground mirrors what stands above it (houses, lit windows, trees) in soft vertical smears, laid
into the underpainting (`wet_ground`). At dusk or at night that was not enough: a rainy city street was "a muddy
smear" with "an empty grey foreground band" (blind judges), though its windows were lit, because the value plan
then pressed the smears down with the rest. So after the plan the lights alone are mirrored again (`mirror_lights`):
each lit window, lamp or sign laid down into the wet street below it, drawn out into long streaks that fade with
distance from the ground line, over ground a little darker for the wet.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec
from models.painter.surfaces import LAND

GROUND = tuple(CLASSES.index(c) for c in ("earth", "sand", "rock", "grass", "snow"))
NOT_A_LIGHT = tuple(CLASSES.index(c) for c in ("sky", "cloud", "light"))  # (the sky's glow is no lamp)
BRIGHT = 0.5  # a light's value: only what is lighter than this is mirrored
SHINE = 0.6  # how strongly the wet ground gives the lights back
WET = 0.85  # the wet ground's value, as a share of the dry ground's
STREAK = 0.06  # the vertical smear of a reflection, as a share of the picture


def wet_ground(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec) -> None:
    """In place, in the rain: the ground is wet, so it mirrors what stands above it (houses, lit windows, trees)
    in soft vertical smears, strongest just below where things meet the ground, fading towards the viewer."""
    if spec.weather != "rain":
        return
    ground = np.isin(labels, LAND)
    size = labels.shape[0]
    columns = ground.any(0)
    if ground.sum() < size * size * 0.05 or not columns.any():
        return
    top = np.where(columns, ground.argmax(0), size)  # each column's first ground row
    rows = np.arange(size)[:, None]
    mirrored = _mirrored(ref, top, shift=0)
    mirrored = (
        np.asarray(
            Image.fromarray((mirrored * 255).astype(np.uint8)).resize((size, size // 6)).resize((size, size)),
            np.float32,
        )
        / 255
    )  # smeared up and down, as a wet street blurs a reflection
    fade = np.clip(1 - (rows - top[None, :]) / (0.5 * size), 0, 1) * 0.45
    amount = (fade * ground)[..., None]
    ref[:] = (1 - amount) * ref + amount * mirrored


def is_wet_dark(spec: SceneSpec) -> bool:
    return spec.weather == "rain" and spec.time in ("dusk", "night")


def mirror_lights(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place, after the value plan: the lights above each column's ground mirrored down into it, streaked and
    fading, on ground made a little darker."""
    size = labels.shape[0]
    ground = np.isin(labels, GROUND)
    top = _ground_top(ground)
    rows = np.arange(size)[:, None]
    below = (rows >= top[None, :]) & ground
    if not below.any():
        return
    value = ref.mean(-1)
    lights = ref * (np.clip((value - BRIGHT) / (1 - BRIGHT), 0, 1) * ~np.isin(labels, NOT_A_LIGHT))[..., None]
    streaked = ndimage.uniform_filter1d(_mirrored(lights, top, shift=1), max(3, int(STREAK * size)), axis=0)
    streaked = ndimage.uniform_filter1d(streaked, max(1, size // 256), axis=1)
    depth = np.clip((rows - top[None, :]) / max(1.0, 0.45 * size), 0, 1)
    fade = (1 - depth) ** 1.5 * below
    ref[below] *= WET
    ref[:] = np.clip(ref + SHINE * streaked * fade[..., None], 0, 1)


def _mirrored(image: np.ndarray, top: np.ndarray, shift: int) -> np.ndarray:
    """[H, W, C]: each column of the image mirrored about its row `top`, read `shift` rows further up (1: the row
    `top` itself shows the row above it); rows mirrored from above the frame repeat its first."""
    size = image.shape[0]
    rows = np.arange(size)[:, None]
    source = np.clip(2 * top[None, :] - rows - shift, 0, size - 1)
    return image[source, np.arange(image.shape[1])[None, :]]


def _ground_top(ground: np.ndarray) -> np.ndarray:
    """int [W]: per column, the first row from which the ground runs on for a few rows (the picture's height
    where a column has none)."""
    size = ground.shape[0]
    run = max(2, size // 64)
    solid = ndimage.minimum_filter1d(ground.astype(np.uint8), run, axis=0, origin=-(run // 2)).astype(bool)
    return np.where(solid.any(0), solid.argmax(0), size)
