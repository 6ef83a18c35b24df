"""A flock painted as a painter paints birds in the distance: each one a few strokes, not a drawing of a bird.

Far off, a bird is its wings: two curved strokes meeting at a small body, thick where they meet and tapering to
the tips, lifted or lowered by the wing beat. A flock of emoji birds reads as stickers in the sky; these read as
gulls over the sea or swallows over a field, and each is different (its wing beat, its tilt, its span).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

BIRD_COLOUR = (0.2, 0.19, 0.22)  # a dark warm grey: relit by the scene like any drawn thing
OVERSAMPLE = 4  # drawn this much larger and reduced, for soft edges


def _wing(beat: float, side: int, rng: np.random.Generator) -> np.ndarray:
    """[P, 2] points (x, y) of one wing from the body (0, 0) to its tip, in units of the half span."""
    t = np.linspace(0, 1, 9)
    lift = beat + rng.normal(0, 0.08)
    y = -lift * np.sin(np.pi * t * 0.9) * 0.55 + (lift * 0.35 + 0.1) * t**2  # up from the body, tip drooping
    return np.stack([side * t, y], -1)


def painted_bird(longer: int, seed: int) -> np.ndarray:
    """float32 RGBA [h, w, 4] of one bird in flight, about `longer` pixels across its wings."""
    rng = np.random.default_rng(seed)
    span = max(6, longer) * OVERSAMPLE
    half = span / 2
    beat = float(rng.uniform(0.2, 0.9))  # wings high or flat
    tilt = float(rng.normal(0, 0.15))
    size = int(span * 1.2)
    image = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(image)
    centre = np.array([size / 2, size / 2])
    rotate = np.array([[np.cos(tilt), -np.sin(tilt)], [np.sin(tilt), np.cos(tilt)]])
    thick = max(2.0, span * 0.07)
    for side in (-1, 1):
        points = _wing(beat, side, rng) * half * rng.uniform(0.85, 1.0)
        points = points @ rotate.T + centre
        for k in range(len(points) - 1):  # thick at the body, thin at the tip
            width = int(round(thick * (1 - 0.8 * k / (len(points) - 1))))
            draw.line([tuple(points[k]), tuple(points[k + 1])], fill=255, width=max(1, width))
            draw.ellipse([*(points[k + 1] - width / 2), *(points[k + 1] + width / 2)], fill=255)
    draw.ellipse([*(centre - thick * 0.9), *(centre + thick * 0.9)], fill=255)  # the body
    alpha = np.asarray(image.resize((size // OVERSAMPLE, size // OVERSAMPLE), Image.LANCZOS), np.float32) / 255
    ys, xs = np.nonzero(alpha > 0.05)
    alpha = alpha[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    rgba = np.zeros((*alpha.shape, 4), np.float32)
    rgba[..., :3] = BIRD_COLOUR
    rgba[..., 3] = alpha
    return rgba
