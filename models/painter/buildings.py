"""Buildings that read as buildings: each block of a town gets its own facade colour, a roof (a pitched gable on
the smaller houses, a dark cornice on the taller ones), rows of windows (lit at dusk and night, the sky's
reflection by day) and a door on the houses.

The layout gives a town as one building class cut into upright blocks; here the blocks are found again from the
silhouette (a change in roof height starts a new block) and painted into the underpainting, so the strokes
carry them like everything else. Roof pixels join the building class so strokes stop at the roof line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

BUILDING, SKY = CLASSES.index("building"), CLASSES.index("sky")
# facade (hue, saturation, value) choices: ochre, cream, brick, grey-blue, terracotta, white
FACADES = ((38, 0.45, 0.72), (45, 0.18, 0.86), (12, 0.5, 0.55), (215, 0.12, 0.62), (22, 0.55, 0.68), (40, 0.06, 0.9))
ROOFS = ((10, 0.6, 0.42), (215, 0.15, 0.3), (20, 0.45, 0.3))  # terracotta, slate, brown
HOUSE_LIGHT = 0.6  # the least light a house's facade colour is laid in at
LIT_SHARE = {"night": 0.6, "dusk": 0.4, "dawn": 0.15, "day": 0.0}


@dataclass(frozen=True)
class Block:
    left: int
    right: int  # exclusive
    top: int
    bottom: int  # exclusive


def find_blocks(labels: np.ndarray, min_width: int) -> list[Block]:
    """Upright blocks of the building class: runs of columns whose roof height stays within a few pixels."""
    size = labels.shape[0]
    building = labels == BUILDING
    has = building.any(0)
    rows = np.arange(size)[:, None]
    top = np.where(building, rows, size).min(0)
    bottom = np.where(building, rows, -1).max(0) + 1
    blocks, start = [], None
    for x in range(size + 1):
        if start is not None and (x == size or not has[x] or abs(int(top[x]) - int(top[start])) > max(2, size // 150)):
            if x - start >= min_width:
                blocks.append(Block(start, x, int(np.median(top[start:x])), int(np.median(bottom[start:x]))))
            start = None
        if x < size and has[x] and start is None:
            start = x
    return [part for b in blocks for part in _split_wide(b, size)]


def _split_wide(block: Block, size: int) -> list[Block]:
    """A very wide block is a row of houses wall to wall: split it into house widths."""
    count = max(1, round((block.right - block.left) / (size * 0.11)))
    edges = np.linspace(block.left, block.right, count + 1).astype(int)
    return [Block(int(a), int(b), block.top, block.bottom) for a, b in zip(edges[:-1], edges[1:])]


def _tone(hsv: tuple[float, float, float], base: np.ndarray, house: bool = False) -> np.ndarray:
    """A facade or roof colour in the scene's light: its own hue and saturation at the lighting of `base`; a
    house's walls keep more of their own colour and at least HOUSE_LIGHT (a street of houses, not dark blocks)."""
    own, share = hsv_colour(*hsv), 0.75 if house else 0.55
    light = max(float(base.max()), HOUSE_LIGHT) if house else float(base.max())
    return np.clip(share * own * (light / max(own.max(), 1e-3)) + (1 - share) * base, 0, 1)


def _roof(ref, labels, block: Block, colour: np.ndarray, rng: np.random.Generator) -> None:
    width, height = block.right - block.left, block.bottom - block.top
    xs = np.arange(block.left, block.right)
    if height < 2.2 * width and block.top > 4:  # a house: a pitched roof above the wall
        rise = int(min(width * 0.45, block.top - 1))
        centre = (block.left + block.right - 1) / 2
        peak = block.top - rise * (1 - np.abs(xs - centre) / (width / 2))
        rows = np.arange(labels.shape[0])[:, None]
        mask = (rows >= peak[None, :]) & (rows < block.top + max(2, height // 14)) & (labels[:, xs] != BUILDING)
        mask |= (rows >= block.top) & (rows < block.top + max(2, height // 14))
        sub = ref[:, xs]
        sub[mask] = colour
        ref[:, xs] = sub
        lab = labels[:, xs]
        lab[mask] = BUILDING
        labels[:, xs] = lab
    else:  # a tall block: a dark cornice
        ref[block.top : block.top + max(2, height // 30), block.left : block.right] = colour * 0.7


def _windows(ref, block: Block, spec: SceneSpec, size: int, rng: np.random.Generator) -> None:
    width, height = block.right - block.left, block.bottom - block.top
    cell = max(4, size // 36)
    cols, rows = max(1, int(width * 0.8 / cell)), max(1, int((height - cell) / (cell * 1.5)))
    margin_x = (width - cols * cell) / 2
    lit_share = LIT_SHARE[spec.time]
    wall = ref[block.top + height // 2, block.left + width // 2].copy()
    glass_day = np.clip(wall * 0.45 + np.array([0.05, 0.08, 0.14]), 0, 1)
    lit = hsv_colour(42, 0.6, 1.0)
    top = block.top + max(2, height // 14) + cell // 2
    for r in range(rows):
        y = int(top + r * cell * 1.5)
        if y + cell > block.bottom - cell:
            break
        for c in range(cols):
            x = int(block.left + margin_x + c * cell + cell * 0.2)
            on = rng.random() < lit_share
            ref[y : y + int(cell * 0.9), x : x + max(2, int(cell * 0.6))] = lit if on else glass_day
    if height < 2.2 * width and width > cell * 2:  # a house has a door
        x = int(block.left + width / 2 - cell * 0.4)
        ref[block.bottom - int(cell * 1.4) : block.bottom, x : x + max(2, int(cell * 0.8))] = wall * 0.35


def dress_buildings(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    """Facades, roofs, windows and doors of every block, painted into the underpainting (in place)."""
    size = labels.shape[0]
    blocks = find_blocks(labels, min_width=max(6, size // 60))
    for block in blocks:
        base = ref[block.top : block.bottom, block.left : block.right].reshape(-1, 3).mean(0)
        house = block.bottom - block.top < 2.2 * (block.right - block.left)
        facade = _tone(FACADES[int(rng.integers(len(FACADES)))], base, house)
        region = labels[block.top : block.bottom, block.left : block.right] == BUILDING
        shade = np.linspace(1.05, 0.85, block.right - block.left)[None, :, None]  # a side in shadow
        patch = ref[block.top : block.bottom, block.left : block.right]
        patch[region] = (facade[None, None] * shade * np.ones_like(patch))[region]
        _windows(ref, block, spec, size, rng)
        _roof(ref, labels, block, _tone(ROOFS[int(rng.integers(len(ROOFS)))], base * 0.8), rng)
