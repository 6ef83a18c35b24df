"""Things that give light: a lantern, a candle, a lamp, a fire in the hearth.

A drawing of a lantern painted like any other thing is a dark shape; a painter makes it the picture's light:
its heart is the lightest, warmest paint in the picture, and its light falls warm on what is around it, more
in a dark room or at night than by day. Which drawings give light is read from the drawing's own name (its
last word: "red-paper-lantern", "desk-lamp", "fireplace"), so "fire-engine" or "fire-extinguisher" do not.
"""

from __future__ import annotations

import numpy as np

from models.painter.object_form import OBJECT
from models.painter.scene_layout import CLASSES

SKY_SEEN = [CLASSES.index(c) for c in ("sky", "cloud", "light", "far")]  # what a window shows
GIVES_LIGHT = {"lantern", "lamp", "candle", "candles", "candlebright", "flame", "fire", "fireplace", "campfire", "bulb"}
FLAME = np.array([1.0, 0.7, 0.28], np.float32)  # the warm light of a flame
HEART = np.array([1.0, 0.92, 0.62], np.float32)  # its heart, near white


def gives_light(name: str) -> bool:
    return name.split("-")[-1] in GIVES_LIGHT


def glow_strength(time: str, indoors: bool) -> float:
    """How far a flame's light carries: most at night, much in a room, a little by day outdoors."""
    if time == "night":
        return 1.0
    if indoors or time == "dusk":
        return 0.75
    return 0.35


def _heart(obj, size: int) -> tuple[float, float, float]:
    """(y, x, radius) in pixels of where the light sits in the drawing: the firebox low in a hearth, the
    middle of a lantern or a lamp's shade, the top of a candle."""
    name = obj.entry.name.split("-")[-1]
    height = obj.height * size
    share = {"fireplace": 0.3, "campfire": 0.35, "candle": 0.85, "candles": 0.8, "candlebright": 0.85}.get(name, 0.55)
    return obj.base_y * size - share * height, obj.cx * size, 0.22 * height


def light_the_lights(ref: np.ndarray, labels: np.ndarray, objects, time: str, indoors: bool) -> None:
    """In place on the underpainting: each light-giving thing's heart painted as the warm light, and its light
    spread over the scene around it (warm, falling off with distance)."""
    size = ref.shape[0]
    lights = [o for o in objects if gives_light(o.entry.name)]
    if not lights:
        return
    strength = glow_strength(time, indoors)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    thing = labels == OBJECT
    for obj in lights:
        y, x, r = _heart(obj, size)
        d2 = ((yy - y) ** 2 + (xx - x) ** 2) / max(r, 2.0) ** 2
        spread = np.exp(-d2 / 18.0)[..., None] * strength  # the light on the surroundings, ~4 radii out
        warm = np.clip(FLAME * np.maximum(ref.mean(-1, keepdims=True) * 1.7, 0.6), 0, 1)  # lit by the flame
        ref[:] = ref + (warm - ref) * 0.6 * spread
        flame = (np.exp(-d2 / 2.0) * thing)[..., None] * min(1.0, 0.5 + strength)  # within the drawing only
        ref[:] = ref + (FLAME - ref) * flame
        ref[:] = ref + (HEART - ref) * (np.exp(-d2 / 0.5) * thing)[..., None] * min(1.0, 0.5 + strength)
    np.clip(ref, 0, 1, out=ref)


def dim_the_room(ref: np.ndarray, labels: np.ndarray, time: str) -> None:
    """In place: a room after dark is dim (its window shows the night); its lamps and fires then carry it."""
    factor = {"night": 0.42, "dusk": 0.7}.get(time)
    if factor is None:
        return
    inside = ~np.isin(labels, SKY_SEEN)
    ref[inside] *= factor
