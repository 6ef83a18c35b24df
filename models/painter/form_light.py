"""Light on forms: the side of a tree, rock, hill or house that faces the light is lighter, the far side darker.

A flat region reads as a cut-out; a painter models it with a light side and a shadow side. We take each solid
class's mask, blur it at a scale of the form, and its gradient along the light's direction says which edge faces
the light. The light comes from the sun or moon when there is one, else from the upper left.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from models.painter.scene_layout import CLASSES

SOLID = [
    CLASSES.index(c)
    for c in ("foliage", "rock", "building", "far", "trunk", "boat", "earth", "snow", "field_accent")  # + things
]


def light_direction(size: int, discs) -> np.ndarray:
    """Unit (dy, dx) pointing from the scene towards its light."""
    if discs:
        d = np.array([discs[0].y - size * 0.7, discs[0].x - size * 0.5], np.float32)
        return d / max(float(np.linalg.norm(d)), 1e-6)
    return np.array([-0.7, -0.7], np.float32)


def model_forms(ref: np.ndarray, labels: np.ndarray, direction: np.ndarray, strength: float = 0.35) -> np.ndarray:
    """float32 [H, W, 3]: solid regions lit on their light-facing side and shaded on the other."""
    size = labels.shape[0]
    solid = np.isin(labels, SOLID)
    if not solid.any():
        return ref
    mask = Image.fromarray((solid * 255).astype(np.uint8))
    shade = np.zeros((size, size), np.float32)
    for scale in (size / 60, size / 20):  # small forms (a tree) and big ones (a hill)
        blurred = np.asarray(mask.filter(ImageFilter.GaussianBlur(scale)), np.float32) / 255
        gy, gx = np.gradient(blurred)
        # inside a form, the mask falls off towards the light on the lit side: -gradient . light
        shade += -(gy * direction[0] + gx * direction[1]) * scale
    shade = np.clip(shade, -1, 1) * solid
    return np.clip(ref * (1 + strength * shade)[..., None], 0, 1)
