"""A typewriter, painted by hand: no icon set draws one.

Asked for "a vintage typewriter" three times in the development sets, the nearest drawing was a hand holding a pen
("a crude glove-like shape"). What says typewriter at any size is seen from the front: a sheet of paper rising from
the black roller, the roller's knobs, the fan of type bars under it, and rows of round keys stepping down to the
space bar, on a body of black or coloured enamel. Its colours are then relit by the scene like any drawn thing's.
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 1.25  # the drawing's width over its height
ENAMELS = ((0.1, 0.1, 0.11), (0.16, 0.28, 0.22), (0.55, 0.14, 0.12), (0.82, 0.78, 0.66))  # black, green, red, cream
PAPER, INK, CHROME, KEY_TOP = (0.96, 0.95, 0.9), (0.35, 0.35, 0.38), (0.72, 0.73, 0.75), (0.93, 0.91, 0.84)
KEY_ROWS = (9, 10, 10, 9)  # keys in each row, the back row first
NAME = ("game-icons", "keyboard")  # the drawing a typewriter is read as (never the answer for "a keyboard")


def is_typewriter(entry) -> bool:
    """The drawing a typewriter is read as (`NAME`): painted by `painted_typewriter`."""
    return (entry.source, entry.name) == NAME


def painted_typewriter(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a typewriter `height` pixels tall, its paper included; its enamel by the seed."""
    image, draw, w, h = canvas(height, 30, ASPECT)
    body = ENAMELS[seed % len(ENAMELS)]
    rim = max(1, int(0.006 * w))
    draw.polygon(  # the sheet of paper, a little askew, with the typed lines on it
        [(0.3 * w, 0.3 * h), (0.68 * w, 0.3 * h), (0.66 * w, 0.0), (0.32 * w, 0.01 * h)], fill=rgba(PAPER)
    )
    for k in range(4):
        y = 0.07 * h + k * 0.045 * h
        draw.line([(0.36 * w, y), ((0.6 - 0.06 * (k % 2)) * w, y - 0.004 * h)], fill=rgba(INK), width=rim)
    draw.rounded_rectangle((0.1 * w, 0.26 * h, 0.9 * w, 0.36 * h), radius=0.05 * h, fill=rgba((0.08, 0.08, 0.09)))
    for x in (0.05 * w, 0.9 * w):  # the roller's knobs
        draw.rounded_rectangle((x, 0.25 * h, x + 0.05 * w, 0.37 * h), radius=0.02 * h, fill=rgba(shaded(CHROME, 0.8)))
    lever = (0.02 * w, 0.22 * h, 0.12 * w, 0.26 * h)  # the carriage return lever, to the left
    draw.rounded_rectangle(lever, radius=0.015 * h, fill=rgba(CHROME))
    draw.polygon(  # the body: narrower at the top, its front falling to the keys
        [(0.14 * w, 0.36 * h), (0.86 * w, 0.36 * h), (0.97 * w, 0.97 * h), (0.03 * w, 0.97 * h)],
        fill=rgba(body),
    )
    draw.polygon(
        [(0.14 * w, 0.36 * h), (0.86 * w, 0.36 * h), (0.88 * w, 0.42 * h), (0.12 * w, 0.42 * h)],
        fill=rgba(shaded(body, 1.5 if sum(body) < 1.5 else 0.85)),
    )
    draw.pieslice((0.34 * w, 0.3 * h, 0.66 * w, 0.62 * h), 180, 360, fill=rgba((0.05, 0.05, 0.06)))  # type bars
    for k in range(13):
        x = 0.36 * w + k * 0.0233 * w
        draw.line([(x, 0.46 * h), (0.5 * w, 0.38 * h)], fill=rgba(shaded(CHROME, 0.7)), width=rim)
    _keys(draw, w, h, rim)
    draw.rounded_rectangle((0.3 * w, 0.88 * h, 0.7 * w, 0.92 * h), radius=0.015 * h, fill=rgba(KEY_TOP))  # space bar
    return finished(image)


def _keys(draw, w: int, h: int, rim: int) -> None:
    """Rows of round keys, chrome-ringed with ivory tops, each row a step lower and wider than the one behind."""
    for row, count in enumerate(KEY_ROWS):
        y = (0.53 + 0.09 * row) * h
        span = (0.56 + 0.06 * row) * w
        r = (0.026 + 0.002 * row) * w
        for k in range(count):
            x = (w - span) / 2 + (k + 0.5 + 0.25 * (row % 2)) * span / (count + 0.5)
            draw.line([(x, y), (x, y - 0.06 * h)], fill=rgba((0.05, 0.05, 0.06)), width=rim)  # its stem
            draw.ellipse((x - r, y - r, x + r, y + r), fill=rgba(CHROME))
            draw.ellipse((x - 0.75 * r, y - 0.75 * r, x + 0.75 * r, y + 0.75 * r), fill=rgba(KEY_TOP))
