"""A farm silo painted as a tall ribbed cylinder under a dome, not the library's stencil.

The library's round silo is a small grey stencil a blind judge read as "an unclear green lumpy object". A painter
draws what makes it a silo at any size: a tall cylinder of galvanised steel or concrete staves, lit on the side of
the light with the round falling into shade, bands of ribs across it, a domed cap with its vent, a ladder up one
side and a smaller bin beside it. Its colours are then relit by the scene like any drawn thing's (`objects`).
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 0.55  # the drawing's width over its height (the tall silo and the bin beside it)
METALS = ((0.74, 0.75, 0.76), (0.78, 0.74, 0.66), (0.55, 0.6, 0.65))  # galvanised, concrete, blue-grey steel
DARK = (0.2, 0.2, 0.22)


def is_silo(entry) -> bool:
    """The library's round silo (by its name): painted by `painted_silo`."""
    return entry.name == "round-silo"


def painted_silo(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a silo and its bin `height` pixels tall, their metal by the seed."""
    image, draw, w, h = canvas(height, 30, ASPECT)
    metal = METALS[seed % len(METALS)]
    _cylinder(draw, (0.62 * w, 0.98 * w), 0.5 * h, h, metal, light_left)  # the bin beside it
    _cylinder(draw, (0.04 * w, 0.66 * w), 0.14 * h, h, metal, light_left)  # the silo
    for y in np.linspace(0.3 * h, h, 12):  # the ladder's rungs up the silo's side
        draw.line([(0.5 * w, y), (0.56 * w, y)], fill=rgba(DARK), width=max(1, h // 300))
    for x in (0.5 * w, 0.56 * w):
        draw.line([(x, 0.28 * h), (x, h)], fill=rgba(DARK), width=max(1, h // 250))
    return finished(image)


def _cylinder(draw, span: tuple[float, float], top: float, foot: float, metal, light_left: bool) -> None:
    """A round bin from `top` to `foot`: its round shaded across, ribs in bands, and a dome with a vent."""
    left, right = span
    width = right - left
    columns = 16
    for k in range(columns):  # the round: lightest towards the light, darkest at the far edge
        t = (k + 0.5) / columns
        facing = np.cos((t - (0.3 if light_left else 0.7)) * np.pi)
        x0 = left + width * k / columns
        draw.rectangle((x0, top, x0 + width / columns + 1, foot), fill=rgba(shaded(metal, 0.62 + 0.45 * facing)))
    for y in np.arange(top + 0.03 * (foot - top), foot, 0.06 * (foot - top)):  # ribs between the rings of sheet
        draw.line([(left, y), (right, y)], fill=rgba(shaded(metal, 0.55)), width=max(1, int(width // 90)))
    dome = (left, top - 0.35 * width, right, top + 0.35 * width)
    draw.pieslice(dome, 180, 360, fill=rgba(shaded(metal, 1.1)))
    draw.rectangle((left + 0.44 * width, top - 0.42 * width, left + 0.56 * width, top - 0.3 * width), rgba(DARK))
