"""Land that stands on the ground: no island of grass or rock floating in the sky, a trunk under each lone
crown, a shadow at a tree's foot.

The layout gives trees as blobs of foliage; at 64x64 the trunk is often lost and a stray blob may sit in the
sky. A lone crown that rests on the ground is lifted onto a trunk (its lower part given back to the ground
around it, a trunk left in the middle); a crown over open sky gets a trunk down to the ground when the ground
is near below it, and is given back to the sky when it is not. Wide masses (a wood, a hedge) keep their
shape. Each lifted tree casts a soft shadow on the ground, away from the light. The layout network sometimes
leaves a patch of land (grass with a tree on it, a rock) alone in the sky: land not joined to the picture's
bottom is given back to the sky.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.painter.scene_layout import CLASSES

FOLIAGE, TRUNK = CLASSES.index("foliage"), CLASSES.index("trunk")
SKY_LIKE = [CLASSES.index(c) for c in ("sky", "cloud", "light")]
GROUND = [CLASSES.index(c) for c in ("grass", "earth", "sand", "snow", "rock", "far")]
LONE_WIDTH = 0.2  # crowns narrower than this share of the side are single trees
LIFT = 0.3  # share of a crown's height given back to the ground under it


@dataclass(frozen=True)
class TreeFoot:
    x: float  # pixels
    y: float
    width: float


def _majority(values: np.ndarray, default: int) -> int:
    values = values[values != FOLIAGE]
    if not values.size:
        return default
    kinds, counts = np.unique(values, return_counts=True)
    return int(kinds[counts.argmax()])


def _trunk(labels, cx, top, bottom, width) -> None:
    half = max(1, int(width / 2))
    labels[top:bottom, max(0, cx - half) : cx + half + 1] = TRUNK


def drop_floating_land(labels: np.ndarray) -> None:
    """In place: every patch of land or water that the sky surrounds (not joined to the bottom of the picture)
    becomes sky."""
    from scipy import ndimage

    patches, count = ndimage.label(~np.isin(labels, SKY_LIKE))
    if count < 2:
        return
    grounded = set(np.unique(patches[-1])) - {0}
    floating = np.isin(patches, [i for i in range(1, count + 1) if i not in grounded])
    labels[floating] = SKY_LIKE[0]


def ground_trees(labels: np.ndarray) -> list[TreeFoot]:
    """In place on the class map at the output size; returns where the lifted trees stand (for shadows)."""
    from scipy import ndimage

    size = labels.shape[0]
    crowns, count = ndimage.label(labels == FOLIAGE)
    feet = []
    for i, (sl_y, sl_x) in enumerate(ndimage.find_objects(crowns), start=1):
        top, bottom, left, right = sl_y.start, sl_y.stop, sl_x.start, sl_x.stop
        width, height = right - left, bottom - top
        if height < size * 0.02 or width > size * LONE_WIDTH or bottom >= size - 2:
            continue
        own = crowns[sl_y, sl_x] == i
        cx = int(left + np.nonzero(own.any(0))[0].mean())
        under = labels[bottom : min(size, bottom + 3), left:right]
        if (labels[bottom : min(size, bottom + height), max(0, cx - 2) : cx + 3] == TRUNK).any():
            continue  # it has its trunk
        if np.isin(under, SKY_LIKE).mean() > 0.5:  # floating
            column = labels[bottom:, cx]
            ground = np.nonzero(np.isin(column, GROUND))[0]
            if len(ground) and ground[0] < size * 0.12:
                _trunk(labels, cx, bottom - 2, bottom + int(ground[0]) + 2, max(2, width * 0.1))
                feet.append(TreeFoot(cx, bottom + ground[0], width))
            else:
                labels[sl_y, sl_x][own] = _majority(
                    labels[max(0, top - 2) : bottom + 2, max(0, left - 2) : right + 2], 0
                )
            continue
        lift = int(height * LIFT)
        if lift < 2:
            continue
        ground_class = _majority(under, GROUND[0])
        cut = own.copy()
        cut[: height - lift] = False
        labels[sl_y, sl_x][cut] = ground_class
        _trunk(labels, cx, bottom - lift - 2, bottom, max(2, width * 0.09))
        feet.append(TreeFoot(cx, bottom, width))
    return feet


def tree_shadows(ref: np.ndarray, feet: list[TreeFoot], light_dx: float) -> None:
    """Soft darker ellipses on the ground at the trees' feet, thrown away from the light (in place)."""
    size = ref.shape[0]
    for foot in feet:
        cx = foot.x - np.sign(light_dx) * foot.width * 0.35
        rx, ry = 0.55 * foot.width + 1, 0.08 * foot.width + 1.5
        y0, y1 = int(max(0, foot.y - 3 * ry)), int(min(size, foot.y + 3 * ry + 1))
        x0, x1 = int(max(0, cx - 2 * rx)), int(min(size, cx + 2 * rx + 1))
        if y1 <= y0 or x1 <= x0:
            continue
        yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
        d = ((xx - cx) / rx) ** 2 + ((yy - foot.y) / ry) ** 2
        ref[y0:y1, x0:x1] *= (1 - 0.35 * np.exp(-2.5 * d))[..., None]


ROCK, WATER, SKY = CLASSES.index("rock"), CLASSES.index("water"), CLASSES.index("sky")
WET = [CLASSES.index(c) for c in ("water", "foam")]
HEADLAND_RISE = 0.2  # a headland's highest point above the horizon, as a share of the side
HEADLAND_REACH = 0.4  # how far it reaches in from the frame's edge
HEADLAND_DEPTH = 0.06  # how far below the horizon its waterline is (the sea lies in front of it)


def shape_headlands(labels: np.ndarray) -> None:
    """In place on a sea or lake's class map: a rock standing alone in the water (the layout network's lumpy
    stack) goes back to the water and sky; rock joined to a side of the frame becomes a headland in the
    distance, highest at the frame's edge and sloping down to the water as it reaches in, with the sea in
    front of it (a coast, not a brown blob filling a side of the picture)."""
    from scipy import ndimage

    size = labels.shape[0]
    sky = np.isin(labels, SKY_LIKE)
    wet = np.isin(labels, WET)
    if not wet.any() or not (labels == ROCK).any():
        return
    horizon = int(np.median(np.argmax(~sky, 0)))
    parts, count = ndimage.label(labels == ROCK)
    rows = np.arange(size)[:, None]
    for i in range(1, count + 1):
        part = parts == i
        cols = np.nonzero(part.any(0))[0]
        side = 0 if cols[0] == 0 else (size - 1 if cols[-1] == size - 1 else None)
        below = np.where(rows >= horizon, WATER, SKY)
        if side is None:  # a lone stack in the water
            labels[part] = below[np.nonzero(part)[0], 0]
            continue
        reach = np.abs(np.arange(size) - side) / max(1.0, HEADLAND_REACH * size)
        width = float(np.abs(cols - side).max() + 1)  # a narrow rock makes a low headland, not a tower
        rise = min(HEADLAND_RISE * size, 0.5 * min(width, HEADLAND_REACH * size))
        peak = max(float(np.nonzero(part[:, side])[0].min()), horizon - rise)
        top = peak + (horizon + 1 - peak) * np.clip(reach, 0, 1) ** 1.4  # the slope down to the water
        foot = np.full(size, horizon + HEADLAND_DEPTH * size)  # its waterline: level, as water is (a foot rising
        # towards its tip, with the sea under it, read as "a cliff floating in the sky")
        cut = part & ((rows < top[None, :]) | (rows > foot[None, :]) | (reach[None, :] > 1))
        labels[cut] = np.broadcast_to(below, labels.shape)[cut]
        _break_at_foot(labels, part & ~cut)


def _break_at_foot(labels: np.ndarray, rock: np.ndarray) -> None:
    """In place: foam in the water just under a headland's rock, where the sea breaks on it (without it the
    rock's flat lower edge over open water read as "a cliff floating in the sky")."""
    size = labels.shape[0]
    for col in np.nonzero(rock.any(0))[0]:
        low = int(np.nonzero(rock[:, col])[0].max()) + 1
        for row in range(low, min(size, low + 2)):
            if labels[row, col] == WATER:
                labels[row, col] = CLASSES.index("foam")
