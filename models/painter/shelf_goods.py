"""Many small copies of what a room holds, standing in rows on the shelves along its back wall.

A kind of room is read from its shelves before anything else: loaves on a baker's, jars on a grocer's or an
apothecary's, bottles behind a bar, flasks and test tubes in a laboratory, glazed pots in a potter's studio.
Each shelf (`rooms.SHELF_TOP`, `rooms.SHELF_PITCH`) holds a row of items of one kind, each its own width,
height and colour, drawn as a silhouette (a dome, a jar with a lid, a bottle with a neck, a bellied pot), lit
from above and darker under the board; between them the shelf's dark back shows.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_colours import hsv_colour

BOARD = 0.025  # a shelf board's thickness, as `rooms._bookcase` draws it
ROWS = 10
# goods: (hue choices, saturation, value range, width range in picture shares, height range in row shares)
GOODS = {
    "loaves": ((28, 33, 38, 24), 0.62, (0.5, 0.78), (0.05, 0.08), (0.25, 0.42)),
    "jars": ((5, 28, 45, 95, 350), 0.55, (0.45, 0.7), (0.025, 0.04), (0.55, 0.8)),
    "bottles": ((100, 130, 30, 40, 200), 0.55, (0.3, 0.55), (0.016, 0.026), (0.7, 0.92)),
    "pots": ((18, 24, 30, 200, 40), 0.5, (0.45, 0.72), (0.035, 0.06), (0.45, 0.8)),
    "cups": ((40, 200, 10, 0), 0.12, (0.8, 0.95), (0.028, 0.04), (0.3, 0.45)),
    "flasks": ((200, 130, 300, 50), 0.6, (0.55, 0.8), (0.02, 0.045), (0.55, 0.9)),
    "lotions": ((330, 180, 45, 280, 0), 0.5, (0.6, 0.85), (0.018, 0.028), (0.45, 0.7)),
}


def paint_goods(
    ref: np.ndarray, shelves: np.ndarray, goods: str, top: float, pitch: float, light, rng: np.random.Generator
) -> None:
    """In place: `goods` on every shelf of the `shelves` mask (rows of `pitch` from `top`, picture shares)."""
    if not shelves.any() or goods not in GOODS:
        return
    hues, sat, values, widths, heights = GOODS[goods]
    size = shelves.shape[0]
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    row = np.clip(((y - top) // pitch).astype(int), 0, ROWS - 1)
    v = np.clip((((y - top) % pitch) - BOARD) / (pitch - BOARD), 0, 1)  # 0 under the board above, 1 standing
    edges = np.cumsum(rng.uniform(*widths, int(1 / widths[0]) + 3))
    shift = rng.uniform(0, widths[1], ROWS)
    across = x + shift[row]
    item = np.searchsorted(edges, across)
    left = np.concatenate([[0.0], edges])[item]
    u = 2 * (across - left) / np.diff(np.concatenate([[0.0], edges]))[item] - 1  # -1..1 across the item
    tall = rng.uniform(*heights, (ROWS, len(edges) + 1))[row, item]
    t = (1 - v) / tall  # 0 at the item's foot, 1 at its top
    inside, part = _silhouette(goods, u, t, rng.integers(0, 3, (ROWS, len(edges) + 1))[row, item])
    hue = rng.choice(hues, (ROWS, len(edges) + 1))[row, item]
    value = rng.uniform(*values, (ROWS, len(edges) + 1))[row, item]
    colour = _colours(hue, sat, value)
    lit = 0.75 + 0.35 * np.clip(1 - np.abs(u + 0.35), 0, 1)  # rounded: lit on the window's side
    colour = colour * lit[..., None] * np.where(part == 1, 1.25, 1.0)[..., None]  # lids, necks, glints lighter
    back = hsv_colour(25, 0.45, 0.2)[None, None] * np.where(v < 0.25, 0.6, 1.0)[..., None]  # under the board
    rgb = np.where(inside[..., None], colour, back) * light
    ref[shelves] = rgb[shelves]


def _colours(hue: np.ndarray, sat: float, value: np.ndarray) -> np.ndarray:
    """float32 [S, S, 3] of per-pixel hue (degrees) and value at one saturation (HSV, vectorised)."""
    h = (hue % 360) / 60.0
    c = value * sat
    xx = c * (1 - np.abs(h % 2 - 1))
    m = value - c
    k = h.astype(int) % 6
    zero = np.zeros_like(c)
    table = [(c, xx, zero), (xx, c, zero), (zero, c, xx), (zero, xx, c), (xx, zero, c), (c, zero, xx)]
    rgb = np.zeros((*hue.shape, 3), np.float32)
    for i, (r, g, b) in enumerate(table):
        sel = k == i
        rgb[sel] = np.stack([r[sel], g[sel], b[sel]], -1)
    return rgb + m[..., None]


def _silhouette(goods: str, u: np.ndarray, t: np.ndarray, variant: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(inside, part) per pixel: whether it is on the item, and 1 where it is its lighter part (a lid, a glint)."""
    a, below = np.abs(u), (t >= 0) & (t <= 1)
    part = np.zeros(u.shape, np.int8)
    if goods == "loaves":  # a dome loaf, a long low baguette, a round cob with a score across it
        flat = np.where(variant == 1, 0.55, 1.0)
        inside = (t >= 0) & (u**2 + (t * flat) ** 2 < 0.85)
        part[inside & (np.abs(t - 0.55 + 0.25 * u) < 0.06)] = 1  # the score mark, paler
    elif goods in ("jars", "lotions"):
        inside = below & (a < np.where(t > 0.8, 0.55, 0.82))
        part[inside & ((t > 0.82) | (np.abs(u + 0.45) < 0.1))] = 1  # the lid and a glint down the glass
    elif goods == "bottles":
        inside = below & (a < np.where(t < 0.55, 0.8, np.where(t < 0.7, 0.8 - 3.5 * (t - 0.55), 0.27)))
        part[inside & (t > 0.18) & (t < 0.42)] = 1  # the label
    elif goods == "pots":  # a bellied pot, a bowl, a tall vase
        belly = np.where(variant == 1, 0.95 - 0.3 * (1 - t), 0.55 + 0.4 * np.sin(np.pi * np.clip(t * 1.15, 0, 1)))
        inside = below & (a < np.where(variant == 2, 0.45 + 0.25 * np.sin(np.pi * t), belly))
        part[inside & (t > 0.85)] = 1
    elif goods == "cups":  # a stack of cups, a handle on one side
        inside = (below & (a < 0.7 - 0.15 * (1 - t))) | ((t > 0.3) & (t < 0.75) & (u > 0.7) & (u < 0.95))
        part[inside & (np.abs((t * 2) % 1 - 0.5) < 0.06)] = 1
    else:  # flasks: a round-bottomed flask with a neck, or test tubes in a rack
        bulb = u**2 + ((t - 0.32) / 0.34) ** 2 < 1
        flask = (t >= 0) & (bulb | ((t < 1) & (a < 0.22)))
        tubes = below & (np.abs((u * 1.5) % 1 - 0.5) < 0.22)
        inside = np.where(variant == 0, tubes, flask)
        part[inside & (t > np.where(variant == 0, 0.55, 0.5))] = 1  # glass above the coloured liquid
    return inside, part
