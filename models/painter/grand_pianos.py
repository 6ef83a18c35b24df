"""A grand piano on its own, painted by hand: the game-icons stencil painted in one colour read as a lump, and
noto's musical keyboard is an electric one. The same piano a pianist plays (`held_things`), without the player."""

from __future__ import annotations

import numpy as np

from models.painter.figure import UnitCanvas
from models.painter.held_things import draw

LEFT, TOP, WIDTH, HEIGHT = -0.35, 0.7, 6.35, 4.6  # the piano's box in head units (`held_things._piano`)
ASPECT = WIDTH / HEIGHT
KEYS = {"hn": (0.1, 2.95)}  # where a player's hand would be: the keys' front edge
FLOOR = 5.25


def is_grand_piano(entry) -> bool:
    """The library's grand piano stencil: painted by `painted_grand_piano`."""
    return entry.words == "grand piano"


def painted_grand_piano(height: int, seed: int, light_left: bool = True) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a grand piano with its lid raised, `height` pixels tall, keys to the left."""
    canvas = UnitCanvas(max(8, height) / HEIGHT, LEFT, TOP, WIDTH, HEIGHT)
    draw(canvas, "piano", KEYS, FLOOR)
    rgba = canvas.finished()
    return np.ascontiguousarray(rgba[:, ::-1]) if not light_left else rgba
