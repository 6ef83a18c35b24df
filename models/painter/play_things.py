"""What a figure plays with, drawn with them (`figure._prop`): a skateboard under a jumping rider's feet, soap
bubbles blown from a wand and drifting up and away, each a thin bright rim with a glint, the scene seen through it."""

from __future__ import annotations

import numpy as np

BOARD = (0.78, 0.3, 0.16)  # a painted deck, seen against the ground
WHEELS = (0.85, 0.82, 0.7)
RIM = (0.95, 0.97, 1.0, 0.9)  # a bubble's rim: pale, bright
FILM = (0.8, 0.85, 1.0, 0.22)  # ... its film: the scene seen through it, a little lighter and bluer
BUBBLES = 9


def draw_skateboard(canvas, j: dict, floor: float) -> None:
    """A deck under both feet, tilted with the jump, its wheels below."""
    left, right = min(j["ff"][0], j["fn"][0]) - 0.55, max(j["ff"][0], j["fn"][0]) + 0.55
    tilt = 0.2 * (right - left) / 2.2
    a, b = (left, floor + 0.12 + tilt), (right, floor + 0.12 - tilt)
    canvas.line([a, b], 0.2, BOARD)
    canvas.line([(a[0], a[1] - 0.08), (b[0], b[1] - 0.08)], 0.05, tuple(min(1.0, c * 1.3) for c in BOARD))
    canvas.line([(left - 0.15, a[1] - 0.12), a], 0.12, BOARD)  # the kicked-up tail
    for t in (0.2, 0.8):
        x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
        canvas.ellipse((x, y + 0.16), 0.09, 0.09, WHEELS)


def draw_bubbles(canvas, j: dict, rng: np.random.Generator) -> None:
    """A wand's ring at the raised hand, bubbles of many sizes drifting up and away from it."""
    hand = j["hn"]
    ring = (hand[0] + 0.3, hand[1] - 0.2)
    x, y = canvas.xy(ring)
    r = 0.16 * canvas.unit
    canvas.draw.line([canvas.xy(hand), (x - r, y + r)], fill=(60, 130, 200, 255), width=max(1, int(0.06 * canvas.unit)))
    canvas.draw.ellipse(
        [x - r, y - r, x + r, y + r], outline=(60, 130, 200, 255), width=max(1, int(0.05 * canvas.unit))
    )
    for k in range(BUBBLES):
        t = (k + 1) / BUBBLES
        cx = ring[0] + 0.4 + 2.2 * t + rng.uniform(-0.3, 0.3)
        cy = ring[1] - 1.6 * t + rng.uniform(-0.5, 0.5)
        radius = rng.uniform(0.2, 0.45) * canvas.unit
        bx, by = canvas.xy((cx, cy))
        film, rim = (tuple(int(255 * c) for c in colour) for colour in (FILM, RIM))
        canvas.draw.ellipse(
            [bx - radius, by - radius, bx + radius, by + radius],
            fill=film,
            outline=rim,
            width=max(1, int(0.07 * canvas.unit)),
        )
        g = 0.35 * radius
        canvas.draw.ellipse(
            [
                bx - 0.5 * radius - g / 2,
                by - 0.5 * radius - g / 2,
                bx - 0.5 * radius + g / 2,
                by - 0.5 * radius + g / 2,
            ],
            fill=(255, 255, 255, 230),
        )
