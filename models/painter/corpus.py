"""A procedural corpus of small abstract paintings whose labels are exactly the painter's condition.

No painting data set or pretrained image model can be had here, so the painter learns from
compositions we draw: colour fields, geometric compositions, horizon landscapes and
flowing strokes. Each image is drawn from a `PaintingSpec` (main and accent hue, saturation,
brightness, energy, style), which is also its training label.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

import numpy as np

STYLES = ("color_field", "geometric", "horizon", "strokes")
SIZE = 64


@dataclass(frozen=True)
class PaintingSpec:
    """The painter's condition: hues in degrees, the rest in [0, 1]."""

    hue: float
    accent_hue: float
    saturation: float
    brightness: float
    energy: float
    style: str

    def vector(self) -> np.ndarray:
        h1, h2 = np.radians(self.hue), np.radians(self.accent_hue)
        style = [1.0 if s == self.style else 0.0 for s in STYLES]
        return np.array(
            [np.cos(h1), np.sin(h1), np.cos(h2), np.sin(h2), self.saturation, self.brightness, self.energy, *style],
            dtype=np.float32,
        )


COND_DIM = 7 + len(STYLES)


def random_spec(rng: np.random.Generator) -> PaintingSpec:
    hue = float(rng.uniform(0, 360))
    offset = float(rng.choice([0, 30, 60, 120, 180, 210])) * float(rng.choice([-1, 1]))
    return PaintingSpec(
        hue=hue,
        accent_hue=(hue + offset + float(rng.normal(0, 8))) % 360,
        saturation=float(rng.uniform(0.1, 1.0)),
        brightness=float(rng.uniform(0.15, 0.95)),
        energy=float(rng.uniform(0, 1)),
        style=str(rng.choice(STYLES)),
    )


def hsv(h: float, s: float, v: float) -> np.ndarray:
    return np.array(colorsys.hsv_to_rgb((h % 360) / 360, float(np.clip(s, 0, 1)), float(np.clip(v, 0, 1))))


def jitter_colour(spec: PaintingSpec, rng, hue: float, dv: float = 0.0) -> np.ndarray:
    return hsv(
        hue + rng.normal(0, 6), spec.saturation + rng.normal(0, 0.06), spec.brightness + dv + rng.normal(0, 0.05)
    )


def _grid():
    y, x = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1)
    return y, x


def _soft_box(y, x, y0, y1, x0, x1, softness):
    def edge(a, lo, hi):
        return np.clip((a - lo) / softness, 0, 1) * np.clip((hi - a) / softness, 0, 1)

    return edge(y, y0, y1) * edge(x, x0, x1)


def draw_color_field(spec, rng):
    y, x = _grid()
    img = np.ones((SIZE, SIZE, 3)) * jitter_colour(spec, rng, spec.hue, -0.1)
    bands = 2 + int(spec.energy * 2.5)
    cuts = np.sort(rng.uniform(0.08, 0.92, size=bands - 1))
    bounds = np.concatenate([[0.08], cuts, [0.92]])
    gap = rng.uniform(0.01, 0.04)
    for i, (a, b) in enumerate(zip(bounds[:-1] + gap, bounds[1:] - gap)):
        hue = spec.accent_hue if i % 2 == 0 else spec.hue
        rough = 0.02 + 0.05 * spec.energy * rng.uniform(0.5, 1.5)
        wobble = rough * np.sin(x * rng.uniform(4, 14) + rng.uniform(0, 6))
        mask = _soft_box(y + wobble, x, a, b, 0.08, 0.92, 0.03 + 0.05 * (1 - spec.energy))
        img = img * (1 - mask[..., None]) + mask[..., None] * jitter_colour(spec, rng, hue, rng.uniform(-0.1, 0.1))
    return img


def draw_geometric(spec, rng):
    y, x = _grid()
    img = np.ones((SIZE, SIZE, 3)) * jitter_colour(spec, rng, spec.hue, 0.05)
    for _ in range(3 + int(spec.energy * 10)):
        hue = spec.accent_hue if rng.random() < 0.45 else spec.hue
        colour = jitter_colour(spec, rng, hue, rng.uniform(-0.25, 0.15))
        cy, cx, r = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9), rng.uniform(0.06, 0.3 - 0.12 * spec.energy)
        if rng.random() < 0.5:
            mask = np.clip((r - np.hypot(y - cy, x - cx)) / 0.015, 0, 1)
        else:
            mask = _soft_box(y, x, cy - r, cy + r * rng.uniform(0.3, 1.5), cx - r, cx + r, 0.01)
        img = img * (1 - mask[..., None]) + mask[..., None] * colour
    return img


def draw_horizon(spec, rng):
    y, x = _grid()
    level = rng.uniform(0.35, 0.7)
    line = level + (0.02 + 0.12 * spec.energy) * np.sin(x * rng.uniform(2, 9) + rng.uniform(0, 6)) * rng.uniform(0.3, 1)
    sky_top, sky_low = jitter_colour(spec, rng, spec.hue, 0.1), jitter_colour(spec, rng, spec.hue + 15, -0.05)
    sky = sky_top * (1 - y[..., None] / level) + sky_low * (y[..., None] / level)
    ground = jitter_colour(spec, rng, spec.accent_hue, -0.15) * (1 - 0.3 * (y[..., None] - level))
    mask = np.clip((y - line) / 0.02, 0, 1)[..., None]
    img = sky * (1 - mask) + ground * mask
    if rng.random() < 0.6:
        cy, cx, r = rng.uniform(0.1, level - 0.1), rng.uniform(0.15, 0.85), rng.uniform(0.05, 0.12)
        sun = np.clip((r - np.hypot(y - cy, x - cx)) / 0.02, 0, 1)[..., None] * (1 - mask)
        img = img * (1 - sun) + sun * jitter_colour(spec, rng, spec.accent_hue, 0.2)
    return img


def draw_strokes(spec, rng):
    y, x = _grid()
    img = np.ones((SIZE, SIZE, 3)) * jitter_colour(spec, rng, spec.hue, -0.05)
    for _ in range(3 + int(spec.energy * 9)):
        hue = spec.accent_hue if rng.random() < 0.5 else spec.hue
        colour = jitter_colour(spec, rng, hue, rng.uniform(-0.2, 0.2))
        amp, freq = rng.uniform(0.03, 0.08 + 0.2 * spec.energy), rng.uniform(2, 4 + 14 * spec.energy)
        centre = rng.uniform(0.1, 0.9) + amp * np.sin(x * freq + rng.uniform(0, 6))
        width = rng.uniform(0.02, 0.08)
        mask = np.clip((width - np.abs(y - centre)) / 0.015, 0, 1)
        if rng.random() < 0.5:
            mask = mask.T
        img = img * (1 - mask[..., None]) + mask[..., None] * colour
    return img


DRAWERS = {
    "color_field": draw_color_field,
    "geometric": draw_geometric,
    "horizon": draw_horizon,
    "strokes": draw_strokes,
}


def draw_painting(spec: PaintingSpec, rng: np.random.Generator) -> np.ndarray:
    """uint8 [SIZE, SIZE, 3] painting of a spec, with canvas grain."""
    img = DRAWERS[spec.style](spec, rng)
    grain = rng.normal(0, 0.015 + 0.02 * spec.energy, size=(SIZE, SIZE, 1))
    return (np.clip(img + grain, 0, 1) * 255).astype(np.uint8)


def make_corpus(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, list[PaintingSpec]]:
    """(images uint8 [n, H, W, 3], conditions float32 [n, COND_DIM], specs)."""
    rng = np.random.default_rng(seed)
    specs = [random_spec(rng) for _ in range(n)]
    images = np.stack([draw_painting(s, rng) for s in specs])
    return images, np.stack([s.vector() for s in specs]), specs
