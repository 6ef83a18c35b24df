"""A bridge painted as a bridge across the water, not a small icon floating on it.

The library's bridges are small silhouettes (an arch like a dome, a suspension bridge like a comb); placed on a
lake they read as "swans" or "a gate in the water". A painter spans the water: a stone bridge is a long deck on
piers with round arches (their reflections close them into rings), a parapet and coursed stone catching the light
along its top; a suspension bridge is a thin deck between two tall towers, its main cables sagging between them
and its hangers a comb of fine lines. Both run off the sides of the picture. Colours are then relit by the scene
like any drawn thing's (`objects`).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from models.painter.drawing import OVERSAMPLE, finished, rgba, shaded

STONES = ((0.62, 0.58, 0.52), (0.7, 0.62, 0.5), (0.55, 0.55, 0.56))  # grey limestone, warm sandstone, granite
STEEL = ((0.72, 0.24, 0.14), (0.5, 0.53, 0.56))  # international orange, grey steel
STONE_HEIGHT, SUSPENSION_HEIGHT = 0.2, 0.42  # the drawing's height as a share of its width
SUSPENSION_WORDS = ("suspension", "cable", "tall", "night")  # drawings of a suspension bridge (bridge-at-night)


def is_bridge(entry) -> bool:
    """A drawing of a bridge (by its name): painted across the water by `painted_bridge`."""
    return "bridge" in entry.words.split()


def suspension(entry) -> bool:
    return any(word in entry.words.split() for word in SUSPENSION_WORDS)


def painted_bridge(width: int, seed: int, hanging: bool = False) -> np.ndarray:
    """float32 RGBA [h, w, 4] of a bridge `width` pixels long: a stone arch bridge, or a suspension bridge."""
    rng = np.random.default_rng(seed)
    w = max(24, width) * OVERSAMPLE
    h = int(w * (SUSPENSION_HEIGHT if hanging else STONE_HEIGHT))
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if hanging:
        _suspension(draw, w, h, STEEL[int(rng.integers(len(STEEL)))])
    else:
        _stone(draw, w, h, STONES[int(rng.integers(len(STONES)))], rng)
    return finished(image)


def _stone(draw: ImageDraw.ImageDraw, w: int, h: int, stone, rng: np.random.Generator) -> None:
    """Deck, parapet and piers in stone, round arches cut out, a lit coping and darker courses and voussoirs."""
    deck = 0.22 * h  # the road's level under the parapet
    draw.rectangle((0, 0, w, h), fill=rgba(stone))
    arches = int(rng.integers(3, 5))
    span = w / (arches + 0.35 * (arches + 1))  # arches and the piers between them
    pier = 0.35 * span
    for y in np.arange(deck + 0.12 * h, h, 0.11 * h):  # stone courses
        draw.line([(0, y), (w, y)], fill=rgba(shaded(stone, 0.88)), width=max(1, h // 90))
    spring, rise = 0.95 * h, min(0.72 * h - deck, span * 0.5)  # round arches springing just above the water
    ring = max(3, int(0.07 * span))
    for k in range(arches):
        left = pier + k * (span + pier)
        draw.ellipse(
            (left - ring, spring - rise - ring, left + span + ring, spring + rise), fill=rgba(shaded(stone, 0.78))
        )
        draw.ellipse((left, spring - rise, left + span, spring + rise), fill=(0, 0, 0, 0))
        draw.rectangle((left, spring, left + span, h), fill=(0, 0, 0, 0))
    draw.rectangle((0, 0, w, 0.05 * h), fill=rgba(shaded(stone, 1.22)))  # the coping, lit from above
    draw.rectangle((0, deck - 0.03 * h, w, deck), fill=rgba(shaded(stone, 0.7)))  # the parapet's shadow line


def _suspension(draw: ImageDraw.ImageDraw, w: int, h: int, steel) -> None:
    """Two towers, the main cables sagging between and beyond them, hangers and a thin deck."""
    deck, thick = 0.78 * h, max(3, int(0.05 * h))
    towers = (0.22 * w, 0.78 * w)
    tower_w = max(4, int(0.022 * w))
    colour = rgba(steel)
    for x in towers:
        for side in (-1, 1):  # two legs joined by cross beams
            leg = x + side * tower_w * 0.8
            draw.rectangle((leg - tower_w / 2, 0.02 * h, leg + tower_w / 2, h), fill=colour)
        for y in (0.04 * h, 0.3 * h, 0.56 * h):
            draw.rectangle((x - tower_w * 1.3, y, x + tower_w * 1.3, y + tower_w * 0.7), fill=colour)
    cable, top, low = max(2, int(0.012 * h)), 0.04 * h, deck - 0.06 * h
    xs = np.linspace(0, w, 160)
    u = (xs - w / 2) / ((towers[1] - towers[0]) / 2)  # -1 .. 1 between the towers
    beyond = np.clip((np.abs(u) - 1) / (w / (towers[1] - towers[0]) - 1), 0, 1)  # 0 at a tower, 1 at the edge
    sag = np.where(np.abs(u) <= 1, top + (low - top) * (1 - u**2), top + (deck - top) * beyond)
    draw.line(list(zip(xs, sag)), fill=colour, width=cable)
    for x, y in zip(xs[::3], sag[::3]):  # the hangers
        draw.line([(x, y), (x, deck)], fill=rgba(shaded(steel, 1.1)), width=max(1, cable // 2))
    draw.rectangle((0, deck, w, deck + thick), fill=rgba(shaded(steel, 0.7)))
    draw.rectangle((0, deck + thick, w, deck + 1.6 * thick), fill=rgba(shaded(steel, 0.45)))
