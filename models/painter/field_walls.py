"""A wall, a fence or a hedge running across the land, built into the scene as a line, not a drawing pasted on it.

A stone wall asked beside hills was drawn as its icon, a square block of bricks, which the judge read as a patch
pasted into the picture ("a square block of stone wall over a lake"). A field wall is a long low line: it is
carved into the class map following the land's rise and fall, low and thin in the distance, taller nearer.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_layout import LAYOUT_SIZE, C

N = LAYOUT_SIZE
KINDS = {"wall": "rock", "fence": "trunk", "hedge": "foliage"}  # the last word of a drawing's name -> its class
LAND = (C["grass"], C["earth"], C["sand"], C["snow"], C["petal"], C["bloom"])


def boundary_class(entry) -> int | None:
    """The class a field boundary is built of (a stone wall: rock), by its drawing's name; None for other things."""
    kind = KINDS.get(entry.name.split("-")[-1])
    return C[kind] if kind is not None else None


def carve_boundary(labels: np.ndarray, cls: int, seed: int) -> None:
    """In place: a boundary of class `cls` running across the land from one side to the other, a third of the way
    down the land, rising and falling with it, taller nearer the eye (its near end)."""
    rng = np.random.default_rng([seed, 29])
    land = np.isin(labels, LAND)
    tops = np.where(land.any(0), land.argmax(0), N)
    if (tops >= N).mean() > 0.5:
        return
    x = np.arange(N)
    near_left = rng.random() < 0.5
    depth = np.where(near_left, 1 - x / (N - 1), x / (N - 1))  # 0 far, 1 near along its length
    top = np.median(tops[tops < N])
    line = top + (N - top) * (0.2 + 0.35 * depth) + 1.5 * np.sin(x / rng.uniform(6, 9) + rng.uniform(0, 6))
    height = 1 + np.round(2.5 * depth)
    for col in x:
        rows = np.arange(int(line[col] - height[col]), int(line[col]) + 1)
        rows = rows[(rows >= 0) & (rows < N)]
        rows = rows[land[rows, col] | (labels[rows, col] == cls)]
        labels[rows, col] = cls
