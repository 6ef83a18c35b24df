"""A log cabin painted as a cabin of logs, not the library's silhouette of see-through bars.

The library's cabin is a stencil whose logs are cut out of it; painted in one colour the cuts read as "crude
see-through bars that look unfinished". A painter builds it: walls of round logs laid one on another, each lit on
top and dark in the joint below, their ends showing at the corners, a gabled roof of dark shingles overhanging
the walls, a stone chimney, a plank door and a small window glowing warm. Its colours are then relit by the
scene like any drawn thing's (`objects`).
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 1.15  # the drawing's width over its height
LOGS = ((0.55, 0.36, 0.2), (0.45, 0.3, 0.18))  # honey and weathered brown
ROOF, STONE, DOOR, GLASS = (0.3, 0.24, 0.22), (0.52, 0.5, 0.48), (0.3, 0.19, 0.11), (1.0, 0.82, 0.45)


def is_cabin(entry) -> bool:
    """The library's log cabin (by its name): painted by `painted_cabin`."""
    return entry.name == "wood-cabin"


def painted_cabin(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a log cabin `height` pixels tall, its logs' colour by the seed."""
    image, draw, w, h = canvas(height, 24, ASPECT)
    log = LOGS[seed % len(LOGS)]
    left, right, eaves = 0.08 * w, 0.92 * w, 0.46 * h
    draw.rectangle((right - 0.17 * w, 0.06 * h, right - 0.08 * w, 0.4 * h), fill=rgba(STONE))  # the chimney
    course = (h - eaves) / 8
    for k in range(8):  # logs from the eaves down, each lit on top and dark in its joint
        y0 = eaves + k * course
        draw.rectangle((left, y0, right, y0 + course), fill=rgba(shaded(log, 1.0 - 0.04 * (k % 2))))
        draw.rectangle((left, y0, right, y0 + 0.28 * course), fill=rgba(shaded(log, 1.3)))
        draw.rectangle((left, y0 + 0.82 * course, right, y0 + course), fill=rgba(shaded(log, 0.45)))
        for x in (left, right):  # the log ends at the corners
            draw.ellipse((x - 0.5 * course, y0, x + 0.5 * course, y0 + course), fill=rgba(shaded(log, 1.15)))
    draw.polygon([(0.02 * w, eaves + 0.02 * h), (w / 2, 0.1 * h), (0.98 * w, eaves + 0.02 * h)], fill=rgba(ROOF))
    lit = 0 if light_left else 1  # the roof's slope towards the light, lighter
    side = [(0.02 * w, eaves + 0.02 * h), (w / 2, 0.1 * h), (w / 2, eaves + 0.02 * h)]
    if lit:
        side = [(w - x, y) for x, y in side]
    draw.polygon(side, fill=rgba(shaded(ROOF, 1.35)))
    door = (0.56 * w, h - 0.36 * h, 0.7 * w, h)
    draw.rectangle(door, fill=rgba(DOOR))
    for x in np.linspace(door[0], door[2], 4)[1:-1]:  # its planks
        draw.line([(x, door[1]), (x, door[3])], fill=rgba(shaded(DOOR, 0.6)), width=max(1, h // 120))
    window = (0.2 * w, 0.62 * h, 0.36 * w, 0.8 * h)
    draw.rectangle(
        (window[0] - 0.01 * w, window[1] - 0.01 * w, window[2] + 0.01 * w, window[3] + 0.01 * w), fill=rgba(DOOR)
    )
    draw.rectangle(window, fill=rgba(GLASS))
    draw.line(
        [((window[0] + window[2]) / 2, window[1]), ((window[0] + window[2]) / 2, window[3])],
        fill=rgba(DOOR),
        width=max(1, h // 100),
    )
    return finished(image)
