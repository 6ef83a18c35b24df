"""What the painter's own drawings of things share: drawn OVERSAMPLE times larger than they are painted, colours as
0-1 RGB triples, and the finished drawing as float32 RGBA [h, w, 4] at its size."""

from __future__ import annotations

import numpy as np
from PIL import Image

OVERSAMPLE = 3


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
