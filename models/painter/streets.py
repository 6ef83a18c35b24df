"""Houses in a row along a street, built into the scene, not a heap of house drawings pasted on the field.

A town, a village or "a row of houses" asked as several house drawings was placed as a pile of overlapping
emoji houses, which the judge read as stickers. A painter sets them side by side on one street line: each house
a block of the layout's building class, a little wider or taller than its neighbour, standing on a strip of
street (or at the water's edge of a canal or a harbour, which mirrors them), and the renderer's town painting
(`buildings`) gives each its facade colour, pitched roof, windows and door in the scene's light and strokes.
"""

from __future__ import annotations

import numpy as np

from models.painter.placement_rules import NEAR_GROUND, WATER_CLASSES, lay_ground
from models.painter.scene_layout import LAYOUT_SIZE, C

N = LAYOUT_SIZE
ROW = 3  # this many house drawings asked together are a street of houses, not a few things
WIDTH, WALL = (9, 13), (7, 10)  # a house's width and wall height in layout cells, at the front of the ground
CITY_SCALE = 1.3  # in a city the houses are the street's whole front, larger
DEPTH = 0.3  # the street's line this share of the ground's depth in front of the horizon
QUAY = 0.22  # a harbour's quay this share of the water's depth in front of the horizon, the boats in front of it
SPAN = 0.7  # the row runs across at least this share of the picture's width
HARBOUR_SCALE = 0.85  # a harbour town's houses across the water, a little smaller than a street's


def is_house(entry) -> bool:
    """A drawing of a house or houses (by its name; not a lighthouse or a greenhouse)."""
    return bool({"house", "houses"} & set(entry.name.split("-")))


def street_of_houses(objects) -> int:
    """How many houses the requests ask for when they make a street (0 when they are one or two houses)."""
    count = sum(r.count for r in objects if r.role == "building" and is_house(r.entry))
    return count if count >= ROW else 0


def _open_water_in_front(labels: np.ndarray) -> bool:
    """True when the picture's lower part is water with almost no ground: a sea or a lake's front."""
    lower = labels[int(0.6 * N) :]
    return np.isin(lower, WATER_CLASSES).mean() > 0.5 and np.isin(lower, NEAR_GROUND).mean() < 0.15


def _far_quay(labels: np.ndarray) -> int:
    """The quay's row across the water's far part (in place): the land behind it, up to the horizon, becomes a
    far hillside for the town to stand on, the quay itself a strip of earth; returns the row the houses stand on."""
    water = np.isin(labels, WATER_CLASSES)
    tops = np.where(water.any(0), water.argmax(0), N)
    horizon = int(np.median(tops))
    quay = int(horizon + QUAY * (N - 1 - horizon))
    rows = np.arange(N)[:, None]
    labels[(rows >= tops[None, :]) & (rows < quay) & water] = C["far"]
    labels[(rows >= quay) & (rows < quay + 2) & water] = C["earth"]
    return quay


def carve_street(labels: np.ndarray, count: int, family: str, seed: int) -> None:
    """`count` houses side by side on one street line, carved into the class map as building blocks (in place);
    in a city in front of its blocks, in a harbour along the far quay with the water in front, elsewhere on the
    near ground with a strip of street under them."""
    rng = np.random.default_rng([seed, 23])
    city = labels == C["building"]
    if family == "city" and city.any():  # houses asked, not towers: the street line kept, the blocks gone
        base = int(np.nonzero(city.any(1))[0].max())
        labels[city] = C["sky"]
        scale = CITY_SCALE
    elif _open_water_in_front(labels):  # a harbour: the town along the far quay, the water and boats in front
        base = _far_quay(labels)
        scale = HARBOUR_SCALE
    else:
        if np.isin(labels[int(0.6 * N) :], NEAR_GROUND).mean() < 0.15:
            lay_ground(labels, family, seed)
        ground = np.isin(labels, NEAR_GROUND)
        tops = np.where(ground.any(0), ground.argmax(0), N)  # the near ground's top edge (not the water's)
        top = int(np.median(tops))
        base = int(top + DEPTH * (N - 1 - top)) + 2
        scale = 0.7 + 0.3 * (base - top) / max(1, N - 1 - top)  # nearer the horizon, smaller houses
    widths = [max(4, int(round(rng.integers(*WIDTH) * scale))) for _ in range(count)]
    while sum(widths) < SPAN * N:  # a row is a row: a few houses in a corner of an empty band read as crude
        widths.append(max(4, int(round(rng.integers(*WIDTH) * scale))))
    left = int(rng.integers(1, N - sum(widths))) if sum(widths) < N - 2 else -int(rng.integers(0, 4))
    for width in widths:
        wall = int(round(rng.integers(*WALL) * scale))
        labels[max(0, base - wall) : base + 1, max(0, left) : max(0, min(N, left + width))] = C["building"]
        left += width
    street = labels[base + 1 : base + 3]
    street[np.isin(street, NEAR_GROUND)] = C["earth"]  # a street where they stand on land
    quay = labels[base + 1]
    quay[np.isin(quay, WATER_CLASSES)] = C["earth"]  # a quay's edge where a canal or the harbour is
