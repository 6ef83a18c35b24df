"""A salt flat's crust painted as salt, not as a snowfield.

Salt flats were asked in five blind tests and named "a snow-covered field under a full moon" each time: the
layout's 64-pixel map can only block the crust in as white plates with brown gaps, which read as snow on a
ploughed field. What says salt is the crust's pattern: a net of thin raised white ridges closing round five- and
six-sided plates of warm off-white salt, the plates shrinking evenly towards the horizon as a flat plain's do, and
nothing else on the plain. The net is laid on the underpainting at full size, after the plates are tinted.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_colours import hsv_colour

PLATE = (38, 0.07, 0.93)  # the salt's colour (HSV): a warm off-white, never snow's blue
RIDGE = (40, 0.03, 1.0)  # the ridges' crests, the brightest thing on the plain
SHADE = 0.82  # each ridge's shaded side, as a share of the plate's value
CELLS_ACROSS = 7  # plates across the picture's width at its foot
RIDGE_WIDTH = 0.045  # a ridge's width as a share of a plate's


def salt_crust(ref: np.ndarray, salt: np.ndarray, horizon: int, seed: int) -> None:
    """In place on the underpainting [H, W, 3]: the `salt` pixels (bool [H, W], the plain below the `horizon` row)
    tinted to salt at their own light and netted with the crust's ridges in perspective."""
    if not salt.any():
        return
    size = ref.shape[1]
    y, x = np.nonzero(salt)
    depth = np.maximum(y - horizon, 1.0) / max(1.0, ref.shape[0] - horizon)  # 1 at the foot, 0 at the horizon
    across = (x / size - 0.5) / depth * CELLS_ACROSS  # ground coordinates: plates keep their size in these
    back = 1.0 / depth * CELLS_ACROSS * 0.35
    near, second = _nearest_two(across, back, seed)
    edge = (second - near) < RIDGE_WIDTH * (0.6 + 0.4 * depth)
    shade = ~edge & ((second - near) < 2.2 * RIDGE_WIDTH) & (across % 1 < 0.5)
    light = ref[y, x].max(-1) / max(float(ref[y, x].max(-1).mean()), 1e-3)
    ref[y, x] = hsv_colour(*PLATE) * np.clip(0.85 + 0.15 * light, 0.7, 1.1)[:, None]
    ref[y[shade], x[shade]] *= SHADE
    ref[y[edge], x[edge]] = hsv_colour(*RIDGE)
    np.clip(ref, 0, 1, out=ref)


def _nearest_two(u: np.ndarray, v: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Distances from each (u, v) to its nearest and second-nearest jittered cell centre (a Voronoi net)."""
    cu, cv = np.floor(u), np.floor(v)
    best = np.full(u.shape, np.inf)
    second = np.full(u.shape, np.inf)
    for du in (-1, 0, 1):
        for dv in (-1, 0, 1):
            gu, gv = cu + du, cv + dv
            jitter_u, jitter_v = _hash(gu, gv, seed), _hash(gv, gu, seed + 7)
            d = np.hypot(u - (gu + 0.15 + 0.7 * jitter_u), v - (gv + 0.15 + 0.7 * jitter_v))
            second = np.where(d < best, best, np.minimum(second, d))
            best = np.minimum(best, d)
    return best, second


def _hash(a: np.ndarray, b: np.ndarray, seed: int) -> np.ndarray:
    """A repeatable 0-1 number per integer cell (a, b)."""
    h = np.sin(a * 127.1 + b * 311.7 + seed * 74.7) * 43758.5453
    return h - np.floor(h)
