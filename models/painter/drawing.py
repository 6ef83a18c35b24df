"""What the painter's own drawings of things share: drawn OVERSAMPLE times larger than they are painted, colours as
0-1 RGB triples, and the finished drawing as float32 RGBA [h, w, 4] at its size."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

OVERSAMPLE = 3


def canvas(height: int, least: int, aspect: float) -> tuple[Image.Image, ImageDraw.ImageDraw, int, int]:
    """(image, its draw, w, h): a clear oversampled RGBA canvas for a drawing `height` pixels tall (at least
    `least`), `aspect` times as wide as tall."""
    h = max(least, height) * OVERSAMPLE
    w = int(h * aspect)
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    return image, ImageDraw.Draw(image), w, h


def finished(image: Image.Image) -> np.ndarray:
    """The oversampled RGBA drawing brought down to its size, as float32 RGBA in 0-1."""
    small = image.resize((image.width // OVERSAMPLE, image.height // OVERSAMPLE), Image.LANCZOS)
    return np.asarray(small, np.float32) / 255


def shaded(colour, factor: float) -> tuple[float, float, float]:
    """The colour lightened (factor > 1) or darkened, kept in 0-1."""
    return tuple(float(np.clip(c * factor, 0, 1)) for c in colour)


def rgba(colour) -> tuple[int, int, int, int]:
    """A 0-1 RGB colour as PIL's opaque RGBA fill."""
    return (*(int(255 * c) for c in colour), 255)
