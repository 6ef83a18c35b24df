"""What a room's walls and floor are made of: plaster, whitewash, tiles, brick, panelling or wallpaper; boards,
tiles, a chequered floor or stone flags.

Each material is a colour and a pattern of light and dark (grout, mortar, a board's groove, a paper's stripe)
that multiplies the room's light; a floor's pattern is laid in perspective, its joints closing towards the eye's
height, so tiles read as tiles lying flat. The plaster keeps the mood's colour (`rooms._plaster`).
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_colours import hsv_colour

WALL_TILE, BRICK_W, BRICK_H = 0.055, 0.075, 0.03  # a tile's side, a brick's width and height (picture shares)
PANEL = 0.09  # a board of panelling
DADO = 0.5  # panelling and tiles rise to here on the wall; above it, plaster


def wall_colour(material: str, hue: float | None, plaster: np.ndarray) -> np.ndarray:
    """float32 [3]: the wall's colour (a whitewash near white, tiles pale in their hue, brick a red earth)."""
    if material == "whitewash":
        return hsv_colour(40, 0.06, 0.93)
    if hue is None:
        return plaster
    if material == "tiles":
        return hsv_colour(hue, 0.22, 0.88)
    if material == "brick":
        return hsv_colour(hue, 0.55, 0.58)
    if material == "panelling":
        return hsv_colour(hue, 0.5, 0.42)
    if material == "wallpaper":
        return hsv_colour(hue, 0.25, 0.8)
    return plaster


def wall_pattern(material: str, x: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """float32 [S, S] near 1: the material's joints and grain (grout lines, mortar, grooves, stripes)."""
    flat = np.ones_like(x)
    if material == "tiles":
        grout = (np.abs((x / WALL_TILE) % 1 - 0.5) > 0.44) | (np.abs((y / WALL_TILE) % 1 - 0.5) > 0.44)
        return flat - 0.22 * grout
    if material == "brick":
        course = np.floor(y / BRICK_H)
        offset = (course % 2) * 0.5
        mortar = (np.abs(((x / BRICK_W + offset) % 1) - 0.5) > 0.45) | (np.abs((y / BRICK_H) % 1 - 0.5) > 0.38)
        tone = rng.uniform(0.82, 1.12, 4096)[((course * 97 + np.floor(x / BRICK_W + offset) * 13) % 4096).astype(int)]
        return np.where(mortar, 1.3, tone)
    if material == "panelling":
        groove = np.abs((x / PANEL) % 1 - 0.5) > 0.46
        rail = np.abs(y - DADO) < 0.012
        return flat - 0.3 * groove - 0.25 * rail + 0.05 * np.sin(x * 300 + 3 * np.sin(y * 40))
    if material == "wallpaper":
        return flat - 0.12 * (np.abs((x / 0.045) % 1 - 0.5) > 0.38)
    if material == "whitewash":
        return flat - 0.05 * np.sin(x * 23 + np.sin(y * 17) * 2) * np.sin(y * 19)
    return flat


def floor_pattern(material: str, x: np.ndarray, y: np.ndarray, top: float, eye: float, boards: int):
    """(float32 [S, S] pattern near 1, bool [S, S] the chequer's dark squares) of a floor in perspective from
    the wall's foot `top` towards the eye's height `eye`."""
    depth = np.maximum(y - eye, 0.02)
    across, far = (x - 0.5) / depth, 1 / depth  # ground coordinates: equal steps are equal lengths on the floor
    squares = np.zeros(x.shape, bool)
    if material == "boards":
        joints = np.abs((((x - 0.5) / depth * (top - eye)) * boards) % 1.0 - 0.5) > 0.475
        return 1 - 0.3 * joints, squares
    size = {"tiles": 0.36, "chequer": 0.5, "stone": 0.55}.get(material, 0.4)
    i, j = across / size, far / size
    if material == "stone":  # flags in courses, each course's joints offset, each flag its own tone
        i = i + 0.5 * (np.floor(j) % 2) + 0.23 * np.floor(j)
    joint = (np.abs(i % 1 - 0.5) > 0.46) | (np.abs(j % 1 - 0.5) > 0.46)
    tone = 1 + (0.08 * np.sin(np.floor(i) * 12.9 + np.floor(j) * 7.3) if material == "stone" else 0)
    if material == "chequer":
        squares = (np.floor(i) + np.floor(j)) % 2 == 1
    return tone * (1 - 0.25 * joint), squares


def floor_colours(material: str, wood: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the floor's colour, a chequer's dark squares' colour)."""
    if material == "tiles":
        return hsv_colour(30, 0.45, 0.62), hsv_colour(30, 0.45, 0.62)  # terracotta
    if material == "chequer":
        return hsv_colour(45, 0.08, 0.88), hsv_colour(220, 0.15, 0.2)
    if material == "stone":
        return hsv_colour(35, 0.1, 0.6), hsv_colour(35, 0.1, 0.6)
    return wood, wood
