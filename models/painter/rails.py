"""A train runs on its track, and a steam engine pulls a carriage.

A library locomotive set down in a meadow read as "a toy steam train in a meadow ... pasted like a sticker" (blind
judges, "a little steam train puffing along the tracks"). A rail vehicle seen from the side gets the track it
runs on, across the whole picture under its wheels: a ballast bank, the sleepers' ends and the near rail, in steel
light on top. A locomotive drawn alone gets one carriage coupled behind it, so it reads as a train.
"""

from __future__ import annotations

import numpy as np

from models.painter.object_library import ObjectEntry, render

SIDE_VIEW = frozenset(  # drawings of a rail vehicle seen from the side, wheels on a line at their foot
    {"locomotive", "railway-car", "high-speed-train", "light-rail", "tram-car", "steam-locomotive"}
)
PULLS_A_CARRIAGE = frozenset({"locomotive"})  # colour drawings of an engine alone
CARRIAGE = ObjectEntry("noto", "railway-car")
CARRIAGE_HEIGHT = 0.72  # a carriage's height as a share of its engine's (the engine's chimney stands above it)
COUPLING_GAP = 0.03  # the gap between engine and carriage, as a share of the engine's width
TRACK_DEPTH = 0.11  # the track's bank, as a share of the vehicle's height
STEEL, SLEEPER, BALLAST = (0.36, 0.36, 0.38), (0.28, 0.19, 0.12), (0.5, 0.47, 0.42)


def runs_on_rails(entry: ObjectEntry) -> bool:
    return entry.name in SIDE_VIEW


def with_carriage(rgba: np.ndarray, entry: ObjectEntry) -> np.ndarray:
    """RGBA [h, w', 4]: an engine with one carriage coupled behind it (on the side away from its chimney, which
    leads), their feet on one line; any other drawing as it is."""
    if entry.name not in PULLS_A_CARRIAGE or entry.source == "game-icons":
        return rgba
    h, w = rgba.shape[:2]
    car = render(CARRIAGE, max(8, int(h * CARRIAGE_HEIGHT)))
    ch, cw = car.shape[:2]
    gap = max(1, int(COUPLING_GAP * w))
    out = np.zeros((h, w + gap + cw, 4), np.float32)
    front_left = _leads_left(rgba)
    engine_x, car_x = (0, w + gap) if front_left else (cw + gap, 0)
    out[:, engine_x : engine_x + w] = rgba
    out[h - ch :, car_x : car_x + cw] = car
    return out


def _leads_left(rgba: np.ndarray) -> bool:
    """Whether the engine's front is on its left: its chimney, the tallest ink, stands in the front half."""
    ink = rgba[..., 3] > 0.5
    top_rows = ink[: max(1, ink.shape[0] // 4)]
    cols = np.flatnonzero(top_rows.any(0))
    return not len(cols) or cols.mean() < ink.shape[1] / 2


def track(width: int, vehicle_height: int, seed: int) -> np.ndarray:
    """RGBA [d, width, 4] of the track seen from the side, its rail's top in row 0: a gravel bank fading down, the
    sleepers' dark ends along it, and the near rail as a steel line with a lit top edge."""
    depth = max(4, int(TRACK_DEPTH * vehicle_height))
    rng = np.random.default_rng(seed)
    rgb = np.empty((depth, width, 3), np.float32)
    rgb[:] = BALLAST
    rgb *= rng.uniform(0.82, 1.12, (depth, width, 1)).astype(np.float32)  # gravel
    rail = max(1, depth // 5)
    sleeper_rows = slice(rail, rail + max(1, depth // 4))
    pitch = max(3, int(depth * 1.1))
    ends = (np.arange(width) % pitch) < max(2, pitch // 2)
    rgb[sleeper_rows, ends] = SLEEPER
    rgb[:rail] = STEEL
    rgb[0] = np.minimum(1.0, np.array(STEEL) * 1.8)  # light on the rail's top
    alpha = np.ones((depth, width), np.float32)
    bank = np.linspace(0, 1, depth)[:, None]
    alpha[rail:] = np.clip(1.2 - 0.6 * bank[rail:] - 0.2 * rng.uniform(0, 1, (depth - rail, width)), 0, 1)
    return np.dstack([rgb, alpha])
