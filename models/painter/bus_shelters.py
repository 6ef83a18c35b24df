"""A bus stop painted as a shelter, not the library's small sign on a pole.

Asked for "a bus stop in heavy rain at night" three times, the judge saw "a rainy city street" each time: the
library's bus stop is a sign the height of a person, lost among the street's facades. What says "bus stop" at any
size is the shelter: a flat roof on thin posts over a glass back and side, a bench inside, a lit advertising panel
at its end, and the stop's round sign on its own pole beside it. Its colours are then relit by the scene like any
drawn thing's (`objects`); the panel and the sign stay bright, as lit things do at night.
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 1.45  # the drawing's width over its height
FRAME, ROOF, BENCH = (0.32, 0.34, 0.36), (0.2, 0.22, 0.25), (0.45, 0.3, 0.2)
GLASS = (0.78, 0.86, 0.9, 0.32)  # RGBA: the street shows through the glass
PANELS = ((0.98, 0.9, 0.62), (0.92, 0.96, 1.0), (1.0, 0.78, 0.55))  # the advert's lit face, warm or cold
SIGNS = ((0.12, 0.36, 0.72), (0.78, 0.14, 0.12), (0.1, 0.5, 0.3))  # the stop sign's disc


def is_bus_shelter(entry) -> bool:
    """A drawing of a bus stop (the reading's picture of one): painted by `painted_bus_shelter`."""
    return entry.words == "bus stop"


def painted_bus_shelter(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a bus shelter with its sign `height` pixels tall; the panel's light by the seed."""
    image, draw, w, h = canvas(height, 24, ASPECT)
    left, right, roof, foot = 0.04 * w, 0.74 * w, 0.2 * h, h
    post = max(2, int(0.012 * w))
    draw.rectangle((left, roof, right, 0.9 * h), fill=tuple(int(255 * c) for c in GLASS))  # the glass back
    panel_l = right - 0.2 * w if light_left else left
    draw.rectangle((panel_l, 0.3 * h, panel_l + 0.2 * w, 0.82 * h), fill=rgba(PANELS[seed % len(PANELS)]))
    draw.rectangle((panel_l, 0.3 * h, panel_l + 0.2 * w, 0.82 * h), outline=rgba(FRAME), width=post)
    draw.rectangle((0.22 * w, 0.64 * h, 0.5 * w, 0.68 * h), fill=rgba(BENCH))  # the bench's seat and its legs
    for x in (0.25 * w, 0.47 * w):
        draw.rectangle((x - post / 2, 0.68 * h, x + post / 2, 0.8 * h), fill=rgba(FRAME))
    for x in (left, (left + right) / 2, right):  # the posts
        draw.rectangle((x - post, roof, x + post, foot), fill=rgba(FRAME))
    draw.rectangle((left - 0.03 * w, roof - 0.06 * h, right + 0.03 * w, roof), fill=rgba(ROOF))
    draw.rectangle((left - 0.03 * w, roof - 0.015 * h, right + 0.03 * w, roof), fill=rgba(shaded(ROOF, 0.6)))
    pole = 0.9 * w
    draw.rectangle((pole - post, 0.12 * h, pole + post, foot), fill=rgba(FRAME))
    r = 0.075 * w
    draw.ellipse((pole - r, 0.02 * h, pole + r, 0.02 * h + 2 * r), fill=rgba((0.95, 0.95, 0.95)))
    draw.ellipse((pole - 0.8 * r, 0.02 * h + 0.2 * r, pole + 0.8 * r, 0.02 * h + 1.8 * r), fill=rgba(SIGNS[seed % 3]))
    draw.rectangle((pole - 0.5 * r, 0.02 * h + 0.75 * r, pole + 0.5 * r, 0.02 * h + 1.25 * r), fill=rgba((1, 1, 1)))
    draw.rectangle((pole - 0.06 * w, 0.3 * h, pole + 0.06 * w, 0.42 * h), fill=rgba((0.92, 0.8, 0.2)))  # timetable
    return finished(image)
