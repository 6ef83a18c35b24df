"""A windmill painted as a windmill: a tower mill with four lattice sails, not the library's silhouette.

The library's windmill is a dark stencil whose sails and body merge into one blot ("a brown figure"). A painter
draws what makes it a windmill at any size: a tapering tower, lighter on the side of the light, with a door and a
small window, a dark cap, and four long sails crossing at the hub, each a lattice frame of cloth. Its colours
are then relit by the scene like any drawn thing's (`objects`).
"""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from models.painter.drawing import canvas, finished, rgba, shaded

BODIES = ((0.5, 0.36, 0.26), (0.85, 0.82, 0.74), (0.38, 0.4, 0.42))  # tarred wood, whitewash, grey stone
CAP, SAIL, FRAME, DOOR = (0.25, 0.2, 0.18), (0.9, 0.86, 0.78), (0.3, 0.22, 0.16), (0.2, 0.14, 0.1)
ASPECT = 0.9  # the drawing's width over its height (the sails' sweep is about as wide as the mill is tall)


def is_windmill(entry) -> bool:
    """The library's windmill (by its name; not a paper pinwheel)."""
    return entry.words == "windmill"


def painted_windmill(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a tower mill `height` pixels tall, its body colour and sails' angle by the seed."""
    rng = np.random.default_rng(seed)
    image, draw, w, h = canvas(height, 24, ASPECT)
    body = BODIES[seed % len(BODIES)]
    cx, hub_y = w / 2, 0.38 * h
    foot, neck = 0.2 * w, 0.11 * w  # the tower's half width at the ground and under the cap
    draw.polygon(
        [(cx - foot, h), (cx + foot, h), (cx + neck, hub_y + 0.04 * h), (cx - neck, hub_y + 0.04 * h)], fill=rgba(body)
    )
    lit = -1 if light_left else 1  # the side towards the light, lighter
    draw.polygon(
        [(cx, h), (cx + lit * foot, h), (cx + lit * neck, hub_y + 0.04 * h), (cx, hub_y + 0.04 * h)],
        fill=rgba(shaded(body, 1.18)),
    )
    draw.rectangle((cx - 0.05 * w, h - 0.16 * h, cx + 0.05 * w, h), fill=rgba(DOOR))
    draw.rectangle((cx - 0.03 * w, 0.6 * h, cx + 0.03 * w, 0.66 * h), fill=rgba(DOOR))
    draw.pieslice((cx - 0.15 * w, hub_y - 0.1 * h, cx + 0.15 * w, hub_y + 0.12 * h), 180, 360, fill=rgba(CAP))
    draw.rectangle((cx - 0.15 * w, hub_y, cx + 0.15 * w, hub_y + 0.05 * h), fill=rgba(CAP))
    turn = float(rng.uniform(0, np.pi / 2))
    for k in range(4):
        _sail(draw, cx, hub_y, 0.36 * h, turn + k * np.pi / 2, max(2, int(0.012 * h)))
    draw.ellipse((cx - 0.025 * w, hub_y - 0.025 * w, cx + 0.025 * w, hub_y + 0.025 * w), fill=rgba(FRAME))
    return finished(image)


def _sail(draw: ImageDraw.ImageDraw, cx: float, cy: float, length: float, angle: float, line: int) -> None:
    """One sail: a stock from the hub, and beside it a lattice of cloth from a fifth of its length to its tip."""
    along = np.array([np.cos(angle), np.sin(angle)])
    across = np.array([-along[1], along[0]]) * length * 0.17
    hub = np.array([cx, cy])
    draw.line([tuple(hub), tuple(hub + along * length)], fill=rgba(FRAME), width=line)
    a, b = hub + along * length * 0.2, hub + along * length
    draw.polygon([tuple(a), tuple(b), tuple(b + across), tuple(a + across)], fill=rgba(SAIL))
    for t in np.linspace(0.2, 1.0, 6):  # the lattice's bars
        p = hub + along * length * t
        draw.line([tuple(p), tuple(p + across)], fill=rgba(FRAME), width=max(1, line // 2))
    draw.line([tuple(a + across), tuple(b + across)], fill=rgba(FRAME), width=max(1, line // 2))
