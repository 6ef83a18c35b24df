"""A working boat painted as a boat, where the library has only a silhouette of it (the fishing boat).

A silhouette of a fishing boat is a black stencil with its cabin's windows cut out and thin sticks for its
gear; painted in one colour it reads as "a crude dark shape with broken stick masts". A painter blocks the boat
in: a hull with a sheer line rising to the bow, painted in a working colour with a pale gunwale and a dark
waterline, a white wheelhouse with dark windows near the stern, and a mast with a boom. Its colours, like any
drawn thing's, are then relit by the scene.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

OVERSAMPLE = 4
HULLS = ((0.62, 0.18, 0.14), (0.16, 0.3, 0.5), (0.18, 0.4, 0.3), (0.7, 0.5, 0.16))  # red, blue, green, ochre
CABIN, WINDOW = (0.92, 0.9, 0.84), (0.18, 0.2, 0.24)
GUNWALE, KEEL, MAST = (0.9, 0.86, 0.76), (0.2, 0.13, 0.1), (0.35, 0.25, 0.18)


def is_working_boat(entry) -> bool:
    """A silhouette drawing of a boat (by its name): painted by `painted_boat`, not as its stencil."""
    return entry.silhouette and "boat" in entry.words.split()


def painted_boat(width: int, seed: int, facing_left: bool = False) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a small working boat about `width` pixels long, its hull colour by the seed."""
    rng = np.random.default_rng(seed)
    w = max(12, width) * OVERSAMPLE
    h = int(w * 0.72)
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    hull = tuple(int(255 * c) for c in HULLS[seed % len(HULLS)]) + (255,)
    deck, water = 0.62 * h, 0.9 * h  # the gunwale amidships, the waterline
    bow_rise = 0.1 * h
    outline = [(0.02 * w, deck - 0.03 * h), (0.5 * w, deck), (0.98 * w, deck - bow_rise), (0.9 * w, water)]
    outline += [(0.12 * w, water), (0.05 * w, 0.8 * h)]
    draw.polygon(outline, fill=hull)
    sheer = [(0.02 * w, deck - 0.03 * h), (0.5 * w, deck), (0.98 * w, deck - bow_rise)]
    draw.line(sheer, fill=_rgba(GUNWALE), width=max(2, int(0.035 * h)))
    waterline = [(0.12 * w, water - 0.02 * h), (0.9 * w, water - 0.02 * h)]
    draw.line(waterline, fill=_rgba(KEEL), width=max(2, int(0.03 * h)))
    cabin_left = float(rng.uniform(0.14, 0.22)) * w
    cabin = (cabin_left, deck - 0.3 * h, cabin_left + 0.24 * w, deck + 0.01 * h)
    draw.rectangle(cabin, fill=_rgba(CABIN))
    draw.rectangle((cabin[0] - 0.02 * w, cabin[1] - 0.04 * h, cabin[2] + 0.02 * w, cabin[1]), fill=hull)  # its roof
    for k in range(3):  # a row of narrow windows (two wide ones looked like a face's eyes)
        x0 = cabin[0] + (0.025 + 0.07 * k) * w
        draw.rectangle((x0, cabin[1] + 0.06 * h, x0 + 0.045 * w, cabin[1] + 0.12 * h), fill=_rgba(WINDOW))
    mast_x = float(rng.uniform(0.55, 0.65)) * w
    thick = max(2, int(0.025 * w))
    draw.line([(mast_x, deck), (mast_x, 0.04 * h)], fill=_rgba(MAST), width=thick)
    draw.line([(mast_x, 0.3 * h), (0.93 * w, deck - bow_rise - 0.02 * h)], fill=_rgba(MAST), width=max(1, thick // 2))
    draw.line([(mast_x, 0.04 * h), (cabin[2], cabin[1])], fill=_rgba(MAST), width=max(1, thick // 3))  # a stay
    small = image.resize((w // OVERSAMPLE, h // OVERSAMPLE), Image.LANCZOS)
    rgba = np.asarray(small, np.float32) / 255  # (PIL resamples RGBA with its alpha premultiplied)
    ys, xs = np.nonzero(rgba[..., 3] > 0.05)
    rgba = rgba[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    return rgba[:, ::-1].copy() if facing_left else rgba


def _rgba(colour) -> tuple[int, int, int, int]:
    return (*(int(255 * c) for c in colour), 255)
