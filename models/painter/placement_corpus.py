"""Composed scenes: the placement network's training data, drawn as a painter composes.

Each example is a stage (a procedural landscape layout of `scene_layout`, an interior or a portrait),
one role, a count, and where that many objects of the role go: boats on the water, smaller towards the
horizon; birds and balloons in the sky; buildings on the land near the horizon or on a cliff's top;
animals and plants in the foreground; things on a table in a group at its middle; a portrait's figure
centred and large. Several objects are spread over the width (thirds, not stacked), nearer ones lower
and larger. The network learns these arrangements and their variety; placement at run time is its own.
"""

from __future__ import annotations

import numpy as np

from models.painter.placement import LAND, MAX_SLOTS, OUT_DIM, ROLES, SKY, WATER, condition
from models.painter.scene_layout import LAYOUT_SIZE, draw_layout
from models.painter.scene_spec import random_scene_spec

# The stages each role is composed on (a boat needs water; a vase a table).
ROLE_STAGES = {
    "floats": ("sea", "lake"),
    "swims": ("sea", "lake"),
    "flies": ("sea", "mountains", "forest", "meadow", "lake", "desert", "snow", "city", "night_sky", "garden", "sky"),
    "stands": ("mountains", "forest", "meadow", "lake", "desert", "snow", "garden", "sea", "interior"),
    "building": ("sea", "mountains", "forest", "meadow", "lake", "desert", "snow", "city", "garden", "night_sky"),
    "plant": ("meadow", "garden", "desert", "sea", "forest", "snow", "interior"),
    "still_life": ("interior",),
    "figure": ("portrait", "meadow", "sea", "garden", "city"),
}
HEIGHT = {  # (near, far) height as a share of the side; near = at the bottom of the picture
    "floats": (0.4, 0.14),
    "swims": (0.35, 0.15),
    "flies": (0.24, 0.1),
    "stands": (0.35, 0.12),
    "building": (0.55, 0.3),
    "plant": (0.45, 0.2),
    "figure": (0.5, 0.2),
}


def _spread(rng: np.random.Generator, n: int, lo: float = 0.12, hi: float = 0.88) -> np.ndarray:
    """n centres over [lo, hi], one per equal strip, jittered within it; a single one off-centre on a third."""
    if n == 1:
        return np.array([rng.choice([1 / 3, 2 / 3]) + rng.normal(0, 0.05)])
    edges = np.linspace(lo, hi, n + 1)
    return edges[:-1] + (edges[1:] - edges[:-1]) * rng.uniform(0.25, 0.75, n)


def _rows(labels: np.ndarray, cx: float, group: tuple[int, ...]) -> np.ndarray:
    """Rows (as picture fractions) where the column at cx holds the group's classes."""
    col = int(np.clip(cx, 0, 0.999) * LAYOUT_SIZE)
    return np.nonzero(np.isin(labels[:, col], group))[0] / (LAYOUT_SIZE - 1)


def _landscape_slot(labels, role: str, cx: float, rng: np.random.Generator) -> tuple[float, float, float] | None:
    horizon = float(np.mean([(_rows(labels, x, SKY).max(initial=0)) for x in np.linspace(0.05, 0.95, 10)]))
    if role in ("floats", "swims"):
        rows = _rows(labels, cx, WATER)
        rows = rows[rows > horizon + 0.04] if role == "floats" else rows[rows > horizon + 0.15]
    elif role == "flies":
        rows = _rows(labels, cx, SKY)
        rows = rows[(rows > 0.12) & (rows < horizon - 0.05)]
    else:
        rows = _rows(labels, cx, LAND)
        if role == "building" and len(rows):
            rows = rows[:3]  # on the land's top edge in that column: a hilltop, a cliff, the horizon
        else:
            rows = rows[rows > horizon + 0.12]
    if not len(rows):
        return None
    base = float(rng.choice(rows))
    depth = np.clip((base - horizon) / max(0.05, 1 - horizon), 0, 1) if role != "flies" else rng.uniform(0, 1)
    near, far = HEIGHT[role]
    if role == "building":
        depth = rng.uniform(0.3, 1)
    return cx, base + (0.0 if role == "flies" else 0.01), float(far + (near - far) * depth) * rng.uniform(0.85, 1.15)


def interior_numbers(rng: np.random.Generator) -> tuple[float, float, float]:
    """(table edge y, window centre x, window width) of a composed interior."""
    return rng.uniform(0.55, 0.72), float(rng.choice([0.3, 0.7])) + rng.normal(0, 0.04), rng.uniform(0.25, 0.38)


def _indoor_slots(role: str, n: int, table_y: float, rng: np.random.Generator) -> list[tuple[float, float, float]]:
    if role == "figure":  # a portrait: centred, large, standing on the frame's bottom edge
        xs = [0.5 + rng.normal(0, 0.02)] if n == 1 else _spread(rng, n, 0.2, 0.8)
        h = rng.uniform(0.72, 0.85) / (1 if n == 1 else 1.3)
        return [(float(x), 1.02, h) for x in xs]
    h = rng.uniform(0.38, 0.5) / np.sqrt(n)  # things on the table, grouped about its middle
    xs = _spread(rng, n, 0.5 - 0.12 * n**0.7, 0.5 + 0.12 * n**0.7) if n > 1 else [0.5 + rng.normal(0, 0.05)]
    return [(float(x), table_y + rng.uniform(0.06, 0.12), h * rng.uniform(0.85, 1.1)) for x in xs]


def composed_example(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """(condition [COND_DIM], placements [OUT_DIM], count) of one composed scene."""
    role = str(rng.choice(ROLES))
    stage = str(rng.choice(ROLE_STAGES[role]))
    count = int(rng.choice(np.arange(1, MAX_SLOTS + 1), p=[0.45, 0.15, 0.15, 0.1, 0.08, 0.07]))
    out = np.zeros(OUT_DIM, dtype=np.float32)
    labels = None
    if stage in ("interior", "portrait"):
        table_y, window_cx, window_w = interior_numbers(rng)
        slots = _indoor_slots(role, count, table_y, rng)
        out[-3:] = table_y, window_cx, window_w
    else:
        spec = random_scene_spec(rng)
        spec = type(spec)(**{**spec.as_dict(), "family": stage})
        labels = draw_layout(spec, rng)
        slots = [s for cx in _spread(rng, count) if (s := _landscape_slot(labels, role, cx, rng)) is not None]
        count = max(1, len(slots))
        if not slots:  # no room for it in this layout: an object in the foreground's middle
            slots = [(0.5, 0.9, HEIGHT.get(role, (0.3, 0.1))[0])]
    slots = sorted(slots)
    for i, slot in enumerate(slots[:MAX_SLOTS]):
        out[3 * i : 3 * i + 3] = slot
    return condition(stage, role, count, labels), out, count


def make_placement_corpus(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(conditions [n, COND_DIM], placements [n, OUT_DIM], counts [n]); the same for the same n and seed."""
    rng = np.random.default_rng(seed)
    rows = [composed_example(rng) for _ in range(n)]
    return (np.stack([r[0] for r in rows]), np.stack([r[1] for r in rows]), np.array([r[2] for r in rows]))
