"""A lighthouse painted as a lighthouse standing on its rocks, not an emoji with a beam and sparkles.

The library's lighthouses are an emoji (a squat striped tower with a cartoon beam, a star and dots of light, read
as clip-art) and a silhouette. A painter draws the tower a little tapering, in bands of white and red (or black)
lit on the side of the light, with a door and small windows, a dark gallery, a lantern room whose glass glows
warm, and a domed cap; at its foot a few boulders, so it stands on rocks whatever shore it is put on. Its colours
are then relit by the scene like any drawn thing's (`objects`); the lantern is its light at dusk and night.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 0.46  # the drawing's width over its height (the rocks at its foot are wider than the tower)
WHITE, BANDS = (0.93, 0.91, 0.86), ((0.75, 0.16, 0.13), (0.16, 0.17, 0.2))  # red or black bands
ROCK, CAP, GLASS, DARK = (0.42, 0.4, 0.38), (0.45, 0.12, 0.1), (1.0, 0.9, 0.6), (0.15, 0.15, 0.17)


def is_lighthouse(entry) -> bool:
    """A drawing of a lighthouse (by its name): painted by `painted_lighthouse`."""
    return entry.words == "lighthouse"


def painted_lighthouse(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a lighthouse on rocks `height` pixels tall, its bands' colour by the seed."""
    rng = np.random.default_rng(seed)
    image, draw, w, h = canvas(height, 30, ASPECT)
    cx, foot, top = w / 2, 0.86 * h, 0.27 * h
    low, high = 0.1 * h, 0.068 * h  # the tower's half width at its foot and under the gallery
    band = BANDS[seed % len(BANDS)]
    edges = np.linspace(foot, top, 7)
    for k, (y0, y1) in enumerate(zip(edges[:-1], edges[1:])):
        half0, half1 = (low + (high - low) * (foot - y) / (foot - top) for y in (y0, y1))
        colour = band if k % 2 else WHITE
        draw.polygon([(cx - half0, y0), (cx + half0, y0), (cx + half1, y1), (cx - half1, y1)], fill=rgba(colour))
    side = 1 if light_left else -1  # the side away from the light in shade
    shade = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    ImageDraw.Draw(shade).polygon(
        [(cx, foot), (cx + side * low, foot), (cx + side * high, top), (cx, top)], (20, 20, 30, 70)
    )
    image = Image.alpha_composite(image, shade)
    draw = ImageDraw.Draw(image)
    draw.rectangle((cx - 0.025 * h, foot - 0.08 * h, cx + 0.025 * h, foot), fill=rgba(DARK))
    for y in (0.45 * h, 0.63 * h):
        draw.rectangle((cx - 0.012 * h, y, cx + 0.012 * h, y + 0.03 * h), fill=rgba(DARK))
    draw.rectangle((cx - 0.095 * h, top - 0.025 * h, cx + 0.095 * h, top + 0.005 * h), fill=rgba(DARK))  # gallery
    draw.rectangle((cx - 0.05 * h, 0.15 * h, cx + 0.05 * h, top - 0.025 * h), fill=rgba(GLASS))  # lantern room
    for x in (cx - 0.017 * h, cx + 0.017 * h):
        draw.line([(x, 0.15 * h), (x, top - 0.025 * h)], fill=rgba(DARK), width=max(1, h // 150))
    draw.pieslice((cx - 0.06 * h, 0.09 * h, cx + 0.06 * h, 0.21 * h), 180, 360, fill=rgba(CAP))
    draw.rectangle((cx - 0.06 * h, 0.148 * h, cx + 0.06 * h, 0.158 * h), fill=rgba(CAP))
    draw.ellipse((cx - 0.012 * h, 0.075 * h, cx + 0.012 * h, 0.1 * h), fill=rgba(CAP))
    for _ in range(6):  # boulders at its foot, lit on top
        bx, r = cx + rng.uniform(-0.42, 0.42) * w, rng.uniform(0.05, 0.09) * h
        by = h - r * rng.uniform(0.5, 0.9)
        draw.ellipse((bx - 1.3 * r, by - r, bx + 1.3 * r, by + r), fill=rgba(shaded(ROCK, rng.uniform(0.8, 1.1))))
        draw.ellipse((bx - 0.9 * r, by - r, bx + 0.7 * r, by - 0.3 * r), fill=rgba(shaded(ROCK, 1.35)))
    return finished(image)
