"""A long thing on a table lies on it: a knife, a wrench, a pen, a baguette.

Library drawings show such things on a slant across their box (an emoji's knife points to a corner); set on a
table as drawn, they stand on their tips, floating over their shadows. A thing whose drawing is long and slanted
is turned until its long axis lies level, at the same longer side.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

LONG = 2.6  # a drawing this many times longer than wide (by its ink's spread) is a long thing
SLANT = (20.0, 70.0)  # ... lying on the table when its long axis slants between these angles (degrees)


def long_axis(alpha: np.ndarray) -> tuple[float, float]:
    """(angle of the ink's long axis in degrees from level, anticlockwise as seen; its length over its width)."""
    ys, xs = np.nonzero(alpha > 0.5)
    if len(xs) < 10:
        return 0.0, 1.0
    cov = np.cov(np.stack([xs - xs.mean(), -(ys - ys.mean())]))
    values, vectors = np.linalg.eigh(cov)
    major = vectors[:, 1]
    angle = float(np.degrees(np.arctan2(major[1], major[0])))
    angle = (angle + 90.0) % 180.0 - 90.0  # the same axis, within -90..90
    return angle, float(np.sqrt(values[1] / max(values[0], 1e-6)))


def laid_flat(rgba: np.ndarray) -> np.ndarray:
    """The drawing (float RGBA, H x W x 4) turned to lie level when it is a long slanted thing, its longer side
    kept; any other drawing as it is."""
    angle, ratio = long_axis(rgba[..., 3])
    if ratio < LONG or not SLANT[0] <= abs(angle) <= SLANT[1]:
        return rgba
    longer = max(rgba.shape[:2])
    image = Image.fromarray((np.clip(rgba, 0, 1) * 255).astype(np.uint8), "RGBA")
    turned = image.rotate(-angle, resample=Image.BICUBIC, expand=True)
    box = turned.getchannel("A").point(lambda v: 255 if v > 8 else 0).getbbox()
    turned = turned.crop(box) if box else turned
    scale = longer / max(turned.size)
    turned = turned.resize((max(1, round(turned.width * scale)), max(1, round(turned.height * scale))), Image.LANCZOS)
    return np.asarray(turned, dtype=np.float32) / 255.0
