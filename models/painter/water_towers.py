"""A water tower painted as a tank on stilts, not the library's silhouette.

The library's water tower is a stencil of thin bars that blind judges read as "a strange pagoda-like structure"
and "a grey stacked structure". A painter draws what makes it one at any size: a round tank of staves bound by
hoops under a conical roof, lit on the side of the light, standing on four splayed legs tied by cross braces, a
ladder up one leg to the walkway round the tank's foot. Its colours are then relit by the scene (`objects`).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 0.55  # the drawing's width over its height
TANKS = ((0.52, 0.38, 0.26), (0.66, 0.68, 0.68), (0.58, 0.27, 0.2))  # weathered wood, galvanised steel, red oxide
LEGS, ROOF, DARK = (0.34, 0.3, 0.27), (0.3, 0.28, 0.27), (0.16, 0.15, 0.15)
TANK_TOP, TANK_FOOT = 0.14, 0.46  # the tank's top and foot, as shares of the height


def is_water_tower(entry) -> bool:
    """The library's water tower (by its name): painted by `painted_water_tower`."""
    return entry.words == "water tower"


def painted_water_tower(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a water tower `height` pixels tall, its tank's material by the seed."""
    image, draw, w, h = canvas(height, 30, ASPECT)
    tank = TANKS[seed % len(TANKS)]
    _legs(draw, w, h)
    top, foot, left, right = TANK_TOP * h, TANK_FOOT * h, 0.1 * w, 0.9 * w
    draw.rectangle((left, top, right, foot), fill=rgba(tank))
    draw.ellipse((left, foot - 0.04 * h, right, foot + 0.04 * h), fill=rgba(shaded(tank, 0.8)))
    for x in np.linspace(left, right, 12)[1:-1]:  # staves, closer together towards the edges of the round
        bend = (x - w / 2) / (w * 0.4)
        x = w / 2 + np.sin(bend * np.pi / 2) * w * 0.4
        draw.line([(x, top), (x, foot)], fill=rgba(shaded(tank, 0.82)), width=max(1, h // 260))
    near, far = (left, top, w / 2 - 0.12 * w, foot), (w / 2 + 0.15 * w, top, right, foot)
    if not light_left:
        near, far = (w - near[2], top, w - near[0], foot), (w - far[2], top, w - far[0], foot)
    shade = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    ImageDraw.Draw(shade).rectangle(far, fill=(15, 15, 25, 80))
    ImageDraw.Draw(shade).rectangle(near, fill=(255, 250, 235, 40))
    image = Image.alpha_composite(image, shade)
    draw = ImageDraw.Draw(image)
    for y in np.linspace(top + 0.05 * h, foot - 0.03 * h, 4):  # the hoops
        draw.line([(left, y), (right, y)], fill=rgba(DARK), width=max(1, h // 200))
    draw.polygon([(left - 0.04 * w, top + 0.01 * h), (w / 2, 0.01 * h), (right + 0.04 * w, top + 0.01 * h)], rgba(ROOF))
    roof_lit = [(left - 0.04 * w, top + 0.01 * h), (w / 2, 0.01 * h), (w / 2, top + 0.01 * h)]
    if not light_left:
        roof_lit = [(w - x, y) for x, y in roof_lit]
    draw.polygon(roof_lit, fill=rgba(shaded(ROOF, 1.4)))
    draw.rectangle((left - 0.05 * w, foot + 0.03 * h, right + 0.05 * w, foot + 0.045 * h), fill=rgba(DARK))  # walkway
    return finished(image)


def _legs(draw: ImageDraw.ImageDraw, w: int, h: int) -> None:
    """Four legs splayed from under the tank to the ground, braced in two bays, and a ladder up the right one."""
    line = max(2, h // 70)
    top = TANK_FOOT * h
    feet = ((0.2 * w, 0.04 * w), (0.4 * w, 0.34 * w), (0.6 * w, 0.66 * w), (0.8 * w, 0.96 * w))
    for head, foot in feet:
        draw.line([(head, top), (foot, h)], fill=rgba(LEGS), width=line)
    outer = (feet[0], feet[3])
    levels = np.linspace(top, h, 4)
    for y0, y1 in zip(levels[:-1], levels[1:]):
        xs0 = [a + (b - a) * (y0 - top) / (h - top) for a, b in outer]
        xs1 = [a + (b - a) * (y1 - top) / (h - top) for a, b in outer]
        draw.line([(xs0[0], y0), (xs0[1], y0)], fill=rgba(LEGS), width=max(1, line // 2))
        draw.line([(xs0[0], y0), (xs1[1], y1)], fill=rgba(LEGS), width=max(1, line // 3))
        draw.line([(xs0[1], y0), (xs1[0], y1)], fill=rgba(LEGS), width=max(1, line // 3))
    for offset in (0.0, 0.035 * w):  # the ladder's rails beside the right leg
        draw.line([(0.72 * w + offset, top), (0.76 * w + offset, h)], fill=rgba(DARK), width=max(1, line // 3))
    for y in np.linspace(top, h, 14):
        x = 0.72 * w + 0.04 * w * (y - top) / (h - top)
        draw.line([(x, y), (x + 0.035 * w, y)], fill=rgba(DARK), width=max(1, line // 4))
