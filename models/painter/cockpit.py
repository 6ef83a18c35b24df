"""A cockpit seen from the pilot's seat: the sky through a windscreen of framed panes, the panel of dials below.

"The cockpit of an airliner seen from the pilot's seat" was an empty room with a window. A cockpit is known by
its windscreen, cut into panes by slanting posts, a glare shield over a dark panel of round dials, and the two
control yokes in front of the seats.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import CLASSES

SKY, FAR, FRAME = CLASSES.index("sky"), CLASSES.index("far"), CLASSES.index("trunk")
PANEL, DIAL = CLASSES.index("field_dark"), CLASSES.index("field_light")
GLASS_TOP, GLASS_FOOT = 0.1, 0.5  # the windscreen's top and foot at the middle; both drop towards the sides
POSTS = (0.19, 0.5, 0.81)  # where the windscreen's posts stand at its foot
DIALS = [(0.15 + 0.1 * i, 0.66 + 0.11 * j) for j in range(2) for i in range(8)]  # dial centres on the panel
DIAL_RADIUS = 0.036
YOKES = (0.22, 0.78)


def cockpit_layout(size: int) -> np.ndarray:
    """int [size, size] class map: the panel and ceiling dark, the windscreen's panes (far hills low in them),
    its posts, the dials, the yokes."""
    y, x = (np.mgrid[0:size, 0:size].astype(np.float32) + 0.5) / size
    off = np.abs(x - 0.5) * 2
    top, foot = GLASS_TOP + 0.1 * off**2, GLASS_FOOT - 0.04 * off**2
    labels = np.full((size, size), PANEL, dtype=np.int64)
    glass = (y > top) & (y < foot)
    labels[glass] = SKY
    labels[glass & (y > foot - 0.07)] = FAR
    for post in POSTS:
        lean = 0.0 if post == 0.5 else (post - 0.5) * 0.5 * (foot - y) / (GLASS_FOOT - GLASS_TOP)
        labels[glass & (np.abs(x - post - lean) < 0.012 + 0.01 * (post != 0.5))] = FRAME
    labels[(y >= foot) & (y < foot + 0.012)] = FRAME  # the glare shield's lip
    for cx, cy in DIALS:
        labels[(x - cx) ** 2 + (y - cy) ** 2 < DIAL_RADIUS**2] = DIAL
    for cx in YOKES:
        labels[(np.abs(x - cx) < 0.018) & (y > 0.83)] = FRAME  # the column
        labels[(np.abs(x - cx) < 0.09) & (np.abs(y - 0.83) < 0.014)] = FRAME  # the handles' bar
        labels[(np.abs(np.abs(x - cx) - 0.085) < 0.014) & (y > 0.77) & (y < 0.85)] = FRAME  # the horns
    return labels


def paint_cockpit(ref: np.ndarray, labels: np.ndarray, light) -> None:
    """In place: the panel in dark grey, lighter towards the windscreen; the dials' pale faces with a needle and a
    ring; the posts and yokes in near-black."""
    size = labels.shape[0]
    y, x = (np.mgrid[0:size, 0:size].astype(np.float32) + 0.5) / size
    panel = labels == PANEL
    ref[panel] = (hsv_colour(215, 0.15, 0.3) * (1.1 - 0.5 * np.abs(y - 0.55))[..., None] * light)[panel]
    ref[labels == FRAME] = hsv_colour(220, 0.1, 0.12) * light
    dial = labels == DIAL
    rgb = np.broadcast_to(hsv_colour(45, 0.08, 0.85) * light, ref.shape).copy()
    for k, (cx, cy) in enumerate(DIALS):
        r = np.hypot(x - cx, y - cy)
        angle = 0.6 + 0.7 * k  # each needle its own reading
        along = (x - cx) * np.cos(angle) + (y - cy) * np.sin(angle)
        needle = (np.abs((x - cx) * np.sin(angle) - (y - cy) * np.cos(angle)) < 0.004) & (along > 0)
        rgb[(r < DIAL_RADIUS) & (needle | (r > 0.8 * DIAL_RADIUS))] = hsv_colour(10, 0.7, 0.25) * light
    ref[dial] = rgb[dial]
