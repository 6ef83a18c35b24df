"""Laundry on a clothesline painted as washing blowing on its line, not the library's washing machine.

"Laundry flapping on a clothesline on a windy afternoon" was painted as a washing machine in a room: the word
laundry is nearest that drawing, and the library's clothesline is a thin stencil of a rope. What says washing on
the line at any size is the washing itself: sheets, towels and shirts pegged along a sagging line between two
posts, in clean colours, blown out to one side. Its colours are then relit by the scene like any drawn thing's.
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba, shaded

ASPECT = 2.2  # the drawing's width over its height
POST, LINE = (0.42, 0.3, 0.2), (0.25, 0.24, 0.22)
WASHING = (
    (0.96, 0.95, 0.9),
    (0.55, 0.72, 0.9),
    (0.9, 0.3, 0.25),
    (0.98, 0.82, 0.3),
    (0.96, 0.95, 0.9),
    (0.45, 0.65, 0.45),
    (0.92, 0.6, 0.7),
)  # white sheets, blue, red, yellow, green and pink things


def is_clothesline(entry) -> bool:
    """The library's clothesline (by its name): painted by `painted_clothesline`."""
    return entry.name == "clothesline"


def painted_clothesline(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of washing on a line between two posts, `height` pixels tall; what hangs by the seed."""
    rng = np.random.default_rng(seed)
    image, draw, w, h = canvas(height, 30, ASPECT)
    post = max(2, int(0.012 * w))
    top, sag = 0.12 * h, 0.08 * h
    for x in (0.03 * w, 0.97 * w):  # the posts and their cross-bars
        draw.rectangle((x - post, top - 0.04 * h, x + post, h), fill=rgba(POST))
        draw.rectangle((x - 0.03 * w, top - 0.04 * h, x + 0.03 * w, top - 0.04 * h + post), fill=rgba(POST))

    def line_y(x: float) -> float:
        t = (x - 0.03 * w) / (0.94 * w)
        return top + sag * 4 * t * (1 - t)

    xs = np.linspace(0.03 * w, 0.97 * w, 40)
    draw.line([(float(x), line_y(float(x))) for x in xs], fill=rgba(LINE), width=max(1, post // 2))
    blow = float(rng.uniform(0.12, 0.22)) * (1 if rng.random() < 0.5 else -1)  # the wind's side and strength
    x, colours = 0.08 * w, rng.permutation(len(WASHING))
    for k in range(int(rng.integers(4, 7))):
        width = float(rng.uniform(0.1, 0.17)) * w
        if x + width > 0.93 * w:
            break
        long = float(rng.uniform(0.35, 0.6)) * h
        colour = WASHING[int(colours[k % len(colours)])]
        _hung(draw, x, width, line_y(x), line_y(x + width), long, blow, colour, shirt=rng.random() < 0.35)
        x += width + float(rng.uniform(0.02, 0.05)) * w
    return finished(image)


def _hung(draw, x: float, width: float, y0: float, y1: float, long: float, blow: float, colour, shirt: bool) -> None:
    """One thing pegged at (x, y0)-(x + width, y1), hanging `long` and blown `blow` of its length sideways; a shirt
    has sleeves, a sheet its folded-over hem."""
    shift = blow * long
    foot = max(y0, y1) + long
    ripple = 0.06 * long
    outline = [
        (x, y0),
        (x + width, y1),
        (x + width + shift, foot - ripple),
        (x + 0.66 * width + shift, foot),
        (x + 0.33 * width + shift, foot - ripple),
        (x + shift, foot),
    ]
    draw.polygon(outline, fill=rgba(colour))
    if shirt:  # sleeves out to each side
        sleeve = 0.3 * long
        draw.polygon(
            [(x, y0), (x - 0.25 * width + 0.3 * shift, y0 + sleeve), (x + 0.1 * width, y0 + sleeve)], fill=rgba(colour)
        )
        draw.polygon(
            [(x + width, y1), (x + 1.25 * width + 0.3 * shift, y1 + sleeve), (x + 0.9 * width, y1 + sleeve)],
            fill=rgba(colour),
        )
    else:  # the hem folded over the line, a shade darker
        draw.polygon(
            [(x, y0), (x + width, y1), (x + width + 0.1 * shift, y1 + 0.1 * long), (x + 0.1 * shift, y0 + 0.1 * long)],
            fill=rgba(shaded(colour, 0.85)),
        )
    draw.line(
        [(x + 0.5 * width + shift * 0.5, (y0 + y1) / 2 + 0.05 * long), (x + 0.5 * width + shift, foot - ripple)],
        fill=rgba(shaded(colour, 0.8)),
        width=max(1, int(0.01 * long)),
    )  # a fold down the cloth
    for px in (x + 0.1 * width, x + 0.9 * width):  # the pegs
        py = y0 + (y1 - y0) * (px - x) / width
        draw.rectangle(
            (px - 0.01 * width - 1, py - 0.03 * long, px + 0.01 * width + 1, py + 0.03 * long),
            fill=rgba((0.75, 0.6, 0.4)),
        )
