"""A petrol station painted as a forecourt, not the library's lone pump beside a car.

Five blind judges in a row saw "a red car and a petrol pump in a meadow" where a petrol station was asked: a pump
the height of a person says a pump, not a station. A painter draws what makes it a station at any size: a flat
canopy on two columns with a coloured fascia, lights under it, two pumps on their island beneath, a small shop
behind with a lit window and a door, a price sign on a tall pole, all on a concrete apron. Its colours are then
relit by the scene like any drawn thing's (`objects`).
"""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 1.5  # the drawing's width over its height
BRANDS = ((0.78, 0.14, 0.12), (0.1, 0.45, 0.25), (0.12, 0.3, 0.62), (0.9, 0.62, 0.1))  # the fascia's and pumps' colour
CANOPY, COLUMN, WALL, APRON = (0.9, 0.89, 0.86), (0.8, 0.8, 0.78), (0.86, 0.83, 0.76), (0.62, 0.61, 0.58)
GLASS, DARK, LAMP = (0.96, 0.86, 0.6), (0.2, 0.2, 0.22), (1.0, 0.97, 0.85)


def is_fuel_station(entry) -> bool:
    """A drawing of a fuel pump (the reading's picture of a petrol station): painted by `painted_fuel_station`."""
    return entry.words in ("fuel pump", "gas pump")


def painted_fuel_station(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a petrol station forecourt `height` pixels tall, its brand colour by the seed."""
    image, draw, w, h = canvas(height, 24, ASPECT)
    brand = BRANDS[seed % len(BRANDS)]
    draw.rectangle((0.0, 0.93 * h, w, h), fill=rgba(APRON))
    _shop(draw, w, h, light_left)
    _sign(draw, w, h, brand)
    for x in (0.16 * w, 0.52 * w):  # the canopy's columns
        draw.rectangle((x - 0.012 * w, 0.3 * h, x + 0.012 * w, 0.94 * h), fill=rgba(COLUMN))
        draw.rectangle((x - 0.012 * w, 0.3 * h, x - 0.004 * w, 0.94 * h), fill=rgba(shaded(COLUMN, 0.75)))
    draw.rectangle((0.2 * w, 0.86 * h, 0.48 * w, 0.93 * h), fill=rgba(shaded(APRON, 1.25)))  # the pump island
    for x in (0.27 * w, 0.41 * w):
        _pump(draw, x, 0.86 * h, 0.055 * w, 0.3 * h, brand)
    draw.rectangle((0.06 * w, 0.17 * h, 0.62 * w, 0.3 * h), fill=rgba(CANOPY))  # the canopy, its fascia striped
    draw.rectangle((0.06 * w, 0.2 * h, 0.62 * w, 0.25 * h), fill=rgba(brand))
    draw.rectangle((0.06 * w, 0.28 * h, 0.62 * w, 0.3 * h), fill=rgba(shaded(CANOPY, 0.7)))
    for x in np.linspace(0.12 * w, 0.56 * w, 5):  # lights under the canopy
        draw.rectangle((x - 0.018 * w, 0.3 * h, x + 0.018 * w, 0.315 * h), fill=rgba(LAMP))
    return finished(image)


def _shop(draw: ImageDraw.ImageDraw, w: int, h: int, light_left: bool) -> None:
    """The small shop behind the pumps: a flat-roofed box with a wide lit window and a door."""
    left, right, top = 0.5 * w, 0.97 * w, 0.45 * h
    draw.rectangle((left, top, right, 0.94 * h), fill=rgba(WALL))
    shade = (left, top, left + 0.06 * w, 0.94 * h) if not light_left else (right - 0.06 * w, top, right, 0.94 * h)
    draw.rectangle(shade, fill=rgba(shaded(WALL, 0.78)))
    draw.rectangle((left - 0.01 * w, top - 0.04 * h, right + 0.01 * w, top), fill=rgba(shaded(WALL, 0.6)))
    draw.rectangle((0.64 * w, 0.58 * h, 0.9 * w, 0.8 * h), fill=rgba(GLASS))
    for x in (0.72 * w, 0.81 * w):  # the window's mullions
        draw.line([(x, 0.58 * h), (x, 0.8 * h)], fill=rgba(DARK), width=max(1, h // 90))
    draw.rectangle((0.56 * w, 0.62 * h, 0.61 * w, 0.94 * h), fill=rgba(DARK))


def _sign(draw: ImageDraw.ImageDraw, w: int, h: int, brand) -> None:
    """The price sign on its tall pole at the left: a brand panel over three rows of figures."""
    draw.rectangle((0.025 * w, 0.1 * h, 0.035 * w, 0.94 * h), fill=rgba(DARK))
    draw.rectangle((0.0, 0.0, 0.06 * w, 0.34 * h), fill=rgba(CANOPY))
    draw.rectangle((0.004 * w, 0.01 * h, 0.056 * w, 0.1 * h), fill=rgba(brand))
    for y in (0.14 * h, 0.2 * h, 0.26 * h):
        draw.rectangle((0.01 * w, y, 0.05 * w, y + 0.035 * h), fill=rgba(DARK))


def _pump(draw: ImageDraw.ImageDraw, cx: float, foot: float, width: float, tall: float, brand) -> None:
    """One pump: a box in the brand's colour with a pale display and a hose hooked at its side."""
    left, top = cx - width / 2, foot - tall
    draw.rectangle((left, top, left + width, foot), fill=rgba(brand))
    draw.rectangle((left, top, left + width, top + 0.12 * tall), fill=rgba(CANOPY))
    draw.rectangle((left + 0.18 * width, top + 0.22 * tall, left + 0.82 * width, top + 0.45 * tall), fill=rgba(LAMP))
    draw.line(
        [(left + width, top + 0.5 * tall), (left + 1.25 * width, top + 0.6 * tall), (left + 1.2 * width, foot)],
        fill=rgba(DARK),
        width=max(1, int(width // 10)),
    )
