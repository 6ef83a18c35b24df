"""Paint laid through soft masks on an RGBA drawing: how the painter's own heads and what they wear are built."""

from __future__ import annotations

import numpy as np
from scipy import ndimage


def ellipse(yy, xx, cy, cx, ry, rx) -> np.ndarray:
    """Bool mask of an axis-aligned ellipse on the pixel grids yy, xx."""
    return ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1


def soft(mask: np.ndarray, sigma: float) -> np.ndarray:
    """The mask as 0..1 paint with edges blurred by sigma pixels."""
    return ndimage.gaussian_filter(mask.astype(np.float32), sigma)


def lay(out: np.ndarray, amount: np.ndarray, colour: np.ndarray) -> None:
    """In place: `colour` laid over out's RGB by `amount` [H, W] (0..1), opaque where it lands."""
    a = np.clip(amount, 0, 1)[..., None]
    out[..., :3] = (1 - a) * out[..., :3] + a * colour
    out[..., 3] = np.maximum(out[..., 3], a[..., 0])
