"""A wood's edge and a wooded shore: trees shoulder to shoulder along the far edge of the ground or the water.

The tree field a layout decodes is diffuse, so the trees drawn from it stood scattered: a forest read as a few
round trees floating over the snow, a lake's trees as dots hanging over its far water line. A painter lays the
far wood first, as one mass of crowns whose feet stand on the ground's far edge (a forest's whole width; a lake's
far shore for a stretch or two, on a low bank of grass), and the nearer trees in front of it.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_layout import CONIFER_SHARE, LAYOUT_SIZE, TREE_SIZE, C, tree_shape

N = LAYOUT_SIZE
TREES = (C["foliage"], C["trunk"])
GROUND = (C["grass"], C["snow"], C["earth"], C["sand"])
WATER = (C["water"], C["foam"])
SPACING = (0.45, 0.75)  # crowns this share of their width apart: touching, a mass
SHORE_REACH = (0.35, 0.7)  # a lake's wooded stretch of shore, as a share of the width
FAMILIES = ("forest", "lake", "snow")


def _far_edge(labels: np.ndarray, family: str) -> np.ndarray:
    """int [N]: each column's first row of the lake's water, or of the ground elsewhere (N where none)."""
    holds = np.isin(labels, WATER if family == "lake" else GROUND + TREES)
    return np.where(holds.any(0), holds.argmax(0), N)


def _stretch(family: str, rng: np.random.Generator) -> tuple[float, float]:
    """(left, right) of the wooded edge: a forest's whole width, a lake's shore from one side."""
    if family != "lake":
        return -0.05, 1.05
    reach = rng.uniform(*SHORE_REACH)
    return (-0.05, reach) if rng.random() < 0.5 else (1 - reach, 1.05)


def lay_tree_line(labels: np.ndarray, family: str, rng: np.random.Generator, conifers: float | None = None) -> None:
    """In place on the 64x64 class map: the far wood along the edge, behind the trees already there (never over
    them); on a lake a bank of grass under its feet; `conifers` the share of pines (else the family's)."""
    if family not in FAMILIES or family not in TREE_SIZE:
        return
    edge = _far_edge(labels, family)
    known = edge < N
    if known.mean() < 0.5:
        return
    left, right = _stretch(family, rng)
    share = CONIFER_SHARE.get(family, rng.uniform(0.3, 1.0)) if conifers is None else conifers
    behind = ~np.isin(labels, TREES)  # what the wood may cover: not the nearer trees
    trunks, crowns = np.zeros_like(behind), np.zeros_like(behind)
    x = left
    while x < right:
        col = int(np.clip(x, 0, 0.999) * N)
        row = edge[col] if known[col] else int(np.median(edge[known]))
        base = (row + (0.0 if family == "lake" else rng.uniform(0, 1.5))) / (N - 1)
        scale = TREE_SIZE[family] * (0.5 + base) * rng.uniform(0.85, 1.3)
        trunk, crown = tree_shape(rng, base, x, scale, bool(rng.random() < share))
        trunks |= trunk
        crowns |= crown
        x += scale * 1.6 * rng.uniform(*SPACING)
        if family == "lake":  # the bank the tree stands on, as wide as its crown
            labels[max(0, row - 1) : row + 2, crown.any(0) | trunk.any(0)] = C["grass"]
    labels[trunks & behind] = C["trunk"]
    labels[crowns & behind] = C["foliage"]


def on_open_water(labels: np.ndarray, base: float, cx: float) -> bool:
    """True when a tree standing at (base, cx) (picture shares) would stand in water, not on ground."""
    row, col = int(np.clip(base, 0, 1) * (N - 1)), int(np.clip(cx, 0, 0.999) * N)
    return bool(np.isin(labels[min(N - 1, row + 1), col], WATER))
