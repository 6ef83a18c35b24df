"""A market stall painted as a stall, where the library has only a shop's stencil.

"A busy market square at midday" was painted as a beach umbrella and a basket standing in an empty street: the
library has no stall. What says market at any size is the stall: a striped awning on thin poles over a trestle
counter heaped with crates of fruit and vegetables in bright colours. Several stand along a square or a street.
Its colours are then relit by the scene like any drawn thing's (`objects`).
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 1.25  # the drawing's width over its height
AWNINGS = ((0.78, 0.15, 0.14), (0.16, 0.5, 0.3), (0.15, 0.35, 0.65), (0.92, 0.62, 0.12))  # striped with white
STRIPE, POLE, COUNTER = (0.97, 0.96, 0.92), (0.35, 0.28, 0.22), (0.6, 0.42, 0.26)
PRODUCE = ((0.95, 0.55, 0.1), (0.85, 0.15, 0.12), (0.35, 0.62, 0.2), (0.95, 0.85, 0.2), (0.5, 0.2, 0.45))


def is_market_stall(entry) -> bool:
    """The library's shop stencil (by its name and set): painted by `painted_market_stall`."""
    return entry.silhouette and entry.name == "shop"


def painted_market_stall(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a market stall `height` pixels tall; its awning's colour and goods by the seed."""
    rng = np.random.default_rng(seed)
    image, draw, w, h = canvas(height, 30, ASPECT)
    awning = AWNINGS[seed % len(AWNINGS)]
    pole = max(2, int(0.015 * w))
    for x in (0.06 * w, 0.94 * w):
        draw.rectangle((x - pole, 0.2 * h, x + pole, h), fill=rgba(POLE))
    stripes = 8
    for k in range(stripes):  # the awning, sloping down to the front, then its scalloped valance
        x0, x1 = k * w / stripes, (k + 1) * w / stripes
        colour = awning if k % 2 == 0 else STRIPE
        draw.polygon(
            [
                (x0 + 0.03 * w * (1 - 2 * k / stripes), 0.02 * h),
                (x1 + 0.03 * w * (1 - 2 * (k + 1) / stripes), 0.02 * h),
                (x1, 0.26 * h),
                (x0, 0.26 * h),
            ],
            fill=rgba(colour),
        )
        draw.pieslice((x0, 0.2 * h, x1, 0.33 * h), 0, 180, fill=rgba(shaded(colour, 0.9)))
    draw.rectangle((0.04 * w, 0.62 * h, 0.96 * w, 0.68 * h), fill=rgba(shaded(COUNTER, 1.15)))  # the counter
    draw.rectangle((0.06 * w, 0.68 * h, 0.94 * w, 0.9 * h), fill=rgba(shaded(COUNTER, 0.7)))
    crates = int(rng.integers(3, 5))
    for k in range(crates):  # crates heaped with produce on the counter
        x0 = 0.07 * w + k * 0.86 * w / crates
        x1 = x0 + 0.86 * w / crates - 0.02 * w
        draw.rectangle((x0, 0.55 * h, x1, 0.63 * h), fill=rgba(shaded(COUNTER, 0.9)))
        fruit = PRODUCE[int(rng.integers(len(PRODUCE)))]
        r = 0.028 * w
        for j in range(int((x1 - x0) / (1.6 * r))):
            for row in range(2):
                cx = x0 + r + j * 1.6 * r + row * 0.8 * r
                cy = 0.55 * h - row * 1.2 * r
                if cx + r <= x1:
                    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(shaded(fruit, 0.85 + 0.15 * row)))
    return finished(image)
