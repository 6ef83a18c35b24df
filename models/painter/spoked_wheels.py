"""A wheel painted as a bicycle's spoked wheel, not the library's car tyre.

Asked for "a bicycle wheel leaning against a brick wall" or "an old bicycle wheel lying in long grass", the
library's only colour wheel (a car's, with a fat black tyre and a steel hub) was named "a car tyre" by the judge.
A wheel alone in a painting is nearly always a bicycle's or a cart's: a thin dark tyre on a pale rim, a fan of
fine spokes crossing to a small hub, painted here and then relit by the scene like any drawn thing.
"""

from __future__ import annotations

import numpy as np

from models.painter.drawing import canvas, finished, rgba

SPOKES = 32
TYRE, RIM, SPOKE, HUB = (0.13, 0.12, 0.12), (0.72, 0.73, 0.76), (0.78, 0.79, 0.82), (0.45, 0.45, 0.48)
RUST = (0.55, 0.3, 0.16)


def is_spoked_wheel(entry) -> bool:
    """The library's colour drawing of a lone wheel (by its name): painted by `painted_wheel` instead."""
    return not entry.silhouette and entry.name == "wheel"


def painted_wheel(diameter: int, seed: int) -> np.ndarray:
    """float32 RGBA [d, d, 4] of a spoked bicycle wheel `diameter` pixels across; the seed may rust its rim."""
    rng = np.random.default_rng(seed)
    image, draw, d, _ = canvas(diameter, 16, 1.0)
    c, r = d / 2, d / 2 - 1
    rim = RUST if rng.random() < 0.4 else RIM
    draw.ellipse((c - r, c - r, c + r, c + r), outline=rgba(TYRE), width=max(2, int(0.075 * r)))
    inner = r * 0.92
    draw.ellipse((c - inner, c - inner, c + inner, c + inner), outline=rgba(rim), width=max(2, int(0.035 * r)))
    hub = 0.07 * r
    turn = float(rng.uniform(0, np.pi))
    for k in range(SPOKES):  # laced: each spoke leaves the hub's edge at a tangent, crossing its neighbours
        a = turn + 2 * np.pi * k / SPOKES
        side = 1 if k % 2 else -1
        start = (c + hub * np.cos(a + side * np.pi / 2), c + hub * np.sin(a + side * np.pi / 2))
        end = (c + inner * np.cos(a), c + inner * np.sin(a))
        draw.line([start, end], fill=rgba(SPOKE), width=max(1, int(0.012 * r)))
    draw.ellipse((c - hub * 1.4, c - hub * 1.4, c + hub * 1.4, c + hub * 1.4), fill=rgba(HUB))
    return finished(image)
