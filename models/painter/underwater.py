"""Under the sea: a reef, the sea floor, deep water, seen from inside the water, not from the shore.

Asked for an octopus in a coral reef or jellyfish in deep water, the painter drew the sea from the beach with
the animal floating on its surface like a sticker. Under water there is no sky and no horizon: the water
itself is the backdrop, pale and green-blue near the surface, deepening to blue and then to near-black below;
the sun comes down through it in slanting shafts; a sandy floor with rocks lies at the bottom, and the light
dancing on it (caustics) shows it is seen through water.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import LAYOUT_SIZE, C

N = LAYOUT_SIZE
FLOOR = (0.72, 0.82)  # where the sea floor begins, a share of the picture from the top
SHALLOW, DEEP = (172, 0.55, 0.82), (214, 0.85, 0.3)  # the water's colour near the surface and far below (HSV)
DARK_HOURS = {"night": 0.35, "dusk": 0.7}  # how much light reaches down at these hours
SHAFTS = 5  # slanting shafts of sunlight
SHAFT_LIGHT = 0.22
CAUSTICS = 0.18  # the floor's dancing light
RESTATE = {C["water"]: 0.55, C["sand"]: 0.35}  # share of the smooth light laid back over the strokes (the water's long
# strokes read as a surface's waves; the floor's broke its caustics into blotches)


def carve(labels: np.ndarray, rng: np.random.Generator) -> None:
    """In place on the 64x64 layout: water everywhere (no sky), a sandy floor along the bottom with a wavy top,
    and a few rocks on it towards the sides."""
    y, x = np.mgrid[0:N, 0:N].astype(np.float32)
    labels[:] = C["water"]
    top = N * rng.uniform(*FLOOR) + 2.0 * np.sin(x[0] / rng.uniform(5, 9) + rng.uniform(0, 6))
    labels[y >= top[None, :]] = C["sand"]
    for _ in range(int(rng.integers(2, 4))):
        cx = rng.choice([rng.uniform(-2, N * 0.3), rng.uniform(N * 0.7, N + 2)])
        width, height = N * rng.uniform(0.08, 0.16), N * rng.uniform(0.06, 0.14)
        base = float(top[int(np.clip(cx, 0, N - 1))]) + 3
        rock = ((x - cx) / width) ** 2 + ((y - base) / height) ** 2 <= 1
        labels[rock & (y <= base + 1)] = C["rock"]


def paint(ref: np.ndarray, labels: np.ndarray, time: str, rng: np.random.Generator) -> None:
    """In place on the underpainting: the water as a column of light, the floor lit by caustics."""
    size = labels.shape[0]
    rows = (np.arange(size, dtype=np.float32) / size)[:, None, None]
    light = DARK_HOURS.get(time, 1.0)
    shallow, deep = hsv_colour(*SHALLOW), hsv_colour(*DEEP)
    own = np.median(ref[labels == C["water"]], axis=0) if (labels == C["water"]).any() else shallow
    shallow = 0.75 * shallow + 0.25 * own  # the palette's water leans the colour (a turquoise asked for)
    column = (1 - rows**0.8) * shallow + rows**0.8 * deep
    column = np.broadcast_to(column * light, ref.shape).copy()
    column += SHAFT_LIGHT * light * _shafts(size, rng)[..., None] * (1 - rows)
    water = labels == C["water"]
    ref[water] = np.clip(column, 0, 1)[water]
    floor = labels == C["sand"]
    if floor.any():
        sand = ref[floor] * (0.55 + 0.45 * light) * (0.7 + 0.3 * column[floor] / max(float(column.max()), 1e-3))
        ref[floor] = np.clip(sand + CAUSTICS * light * _caustics(size, rng)[floor][:, None], 0, 1)


def _shafts(size: int, rng: np.random.Generator) -> np.ndarray:
    """[S, S] in [0, 1]: soft slanting bands of light from the surface, fading downwards."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    slant = rng.uniform(-0.35, 0.35)
    across = x - slant * y
    bands = np.zeros((size, size), np.float32)
    for _ in range(SHAFTS):
        centre, width = rng.uniform(-0.1, 1.1), rng.uniform(0.015, 0.05)
        bands += np.exp(-(((across - centre) / width) ** 2)) * rng.uniform(0.5, 1.0)
    return np.clip(bands, 0, 1) * np.exp(-2.2 * y)


def _caustics(size: int, rng: np.random.Generator) -> np.ndarray:
    """[S, S] in [0, 1]: the net of bright lines the surface's ripples throw on the floor."""
    cells = rng.normal(0, 1, (size // 24 + 2, size // 12 + 2)).astype(np.float32)
    field = np.asarray(Image.fromarray(cells).resize((size, size), Image.BICUBIC), np.float32)
    lines = np.clip(1 - np.abs(field) / 0.25, 0, 1)
    img = Image.fromarray((lines * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(max(1, size // 256)))
    return np.asarray(img, np.float32) / 255
