"""A portrait's backdrop as the sitter's own place, seen out of focus behind them, not a generic studio wall.

A painter puts a fisherman before his harbour, a nurse in her corridor, a street musician before the street's
shop fronts: the place says who the sitter is. Each place is blocked in as a few big planes in its own colours
(a harbour's sky, far shore, water and masts; a corridor's walls, floor and ceiling lights running to one
vanishing point; a kitchen's tiles, cupboards and window; a street's facades, lit windows and pavement; a park's
sky, crowns and grass) and then blurred as a lens blurs what lies far behind a near face, and a little dimmed
and cooled, so the sitter stays the picture's light. The mood's brightness and palette lean on it as on a wall.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from models.painter.scene_colours import hsv_colour, mood_light
from models.painter.scene_spec import SceneSpec

SETTINGS = ("harbour", "corridor", "kitchen", "street", "park")
DRAFT = 3  # painted at a third of the size and enlarged
FOCUS = 0.006  # the blur of the place behind the sitter, as a share of the picture's size
BEHIND = 0.78  # the place a step darker than it would be in a landscape: the sitter is the light
COOL = 0.12  # ... and a little greyed, so skin and clothes come forward


def paint_setting(setting: str, size: int, spec: SceneSpec, rng: np.random.Generator) -> np.ndarray:
    """float32 [size, size, 3]: the setting (one of SETTINGS) painted as the blurred place behind a sitter."""
    small = max(16, size // DRAFT)  # blocked in small, then enlarged: it is out of focus anyway
    y, x = np.mgrid[0:small, 0:small].astype(np.float32) / small
    rgb = {"harbour": _harbour, "corridor": _corridor, "kitchen": _kitchen, "street": _street, "park": _park}[setting](
        y, x, rng
    )
    rgb = ndimage.gaussian_filter(rgb, (FOCUS * small, FOCUS * small, 0))
    rgb = ndimage.zoom(rgb, (size / small, size / small, 1), order=1)[:size, :size]
    grey = rgb.mean(-1, keepdims=True)
    rgb = (1 - COOL) * rgb + COOL * grey
    return np.clip(rgb * BEHIND * mood_light(spec) / mood_light(SceneSpec()), 0, 1).astype(np.float32)


def _fill(rgb: np.ndarray, where: np.ndarray, colour) -> None:
    rgb[where] = colour


def _gradient(y: np.ndarray, top, bottom, y0: float, y1: float) -> np.ndarray:
    t = np.clip((y - y0) / max(1e-3, y1 - y0), 0, 1)[..., None]
    return (1 - t) * np.asarray(top, np.float32) + t * np.asarray(bottom, np.float32)


def _harbour(y, x, rng) -> np.ndarray:
    """Sky over a far shore, the water to the frame's foot with light lying on it, hulls and masts at the quay."""
    horizon = rng.uniform(0.4, 0.48)
    rgb = _gradient(y, hsv_colour(210, 0.18, 0.82), hsv_colour(35, 0.15, 0.88), 0.0, horizon)
    shore = horizon - 0.035 - 0.02 * np.sin(x * 7 + rng.uniform(0, 6)) - 0.015 * np.sin(x * 19)
    _fill(rgb, (y > shore) & (y <= horizon), hsv_colour(200, 0.18, 0.5))
    sea = y > horizon
    rgb[sea] = _gradient(y, hsv_colour(195, 0.3, 0.62), hsv_colour(205, 0.38, 0.36), horizon, 1.0)[sea]
    glints = sea & (np.sin(y * 190) > 0.8) & (np.sin(x * 45 + y * 310) > 0.4) & (np.abs(x - 0.3) < 0.25)
    rgb[glints] = rgb[glints] * 0.6 + 0.4 * hsv_colour(40, 0.1, 0.95)
    for _ in range(int(rng.integers(3, 6))):  # boats moored along the quay: a hull, a mast
        bx = float(rng.uniform(0.02, 0.98))
        width, hull = float(rng.uniform(0.08, 0.14)), hsv_colour(float(rng.choice([5, 25, 200, 0])), 0.45, 0.55)
        _fill(
            rgb,
            (np.abs(x - bx) < width / 2 * (1 - (y - horizon - 0.01) * 8)) & (y > horizon) & (y < horizon + 0.05),
            hull,
        )
        _fill(rgb, (np.abs(x - bx) < 0.004) & (y > horizon - rng.uniform(0.2, 0.32)) & (y < horizon), (0.3, 0.27, 0.24))
        _fill(rgb, (np.abs(x - bx) < width / 4) & (y > horizon - 0.03) & (y <= horizon), (0.88, 0.86, 0.8))
    return rgb


def _corridor(y, x, rng) -> np.ndarray:
    """Walls, floor and ceiling running to one vanishing point, the ceiling's light panels, doors down both sides."""
    vx, vy = 0.5 + rng.uniform(-0.12, 0.12), rng.uniform(0.36, 0.42)
    wall, floor, ceiling = hsv_colour(rng.uniform(95, 170), 0.16, 0.78), hsv_colour(40, 0.1, 0.7), (0.9, 0.9, 0.88)
    dx, dy = x - vx, y - vy
    end = (np.abs(dx) < 0.1) & (np.abs(dy) < 0.12)
    rgb = np.empty(y.shape + (3,), np.float32)
    side = np.abs(dx) * 1.2 > np.abs(dy)
    rgb[side] = wall * (0.8 + 0.2 * np.clip(np.abs(dx[side]) * 2, 0, 1))[:, None]
    rgb[~side & (dy > 0)] = floor
    rgb[~side & (dy <= 0)] = ceiling
    depth = 0.1 / np.maximum(np.maximum(np.abs(dx), np.abs(dy) / 1.2), 1e-3)  # 1 at the far end, smaller nearer
    panels = ~side & (dy < 0) & (np.abs(dx) < 0.3 * np.abs(dy)) & (np.sin(np.log(depth) * 9) > 0.3)
    rgb[panels] = (1.0, 0.99, 0.94)
    doors = side & (np.sin(np.log(depth) * 5 + 1) > 0.55) & (dy > -0.5 * np.abs(dx)) & (dy < 0.8 * np.abs(dx))
    rgb[doors] = hsv_colour(30, 0.3, 0.5)
    rail = side & (np.abs(dy - 0.35 * np.abs(dx)) < 0.006 + 0.01 * np.abs(dx))
    rgb[rail] = hsv_colour(30, 0.35, 0.55)
    rgb[end] = (0.96, 0.95, 0.9)  # the corridor's far end, a lit window
    return rgb


def _kitchen(y, x, rng) -> np.ndarray:
    """Tiled wall over a counter with cupboards, wall cupboards above, a bright window to one side."""
    counter = rng.uniform(0.58, 0.66)
    tile = hsv_colour(rng.uniform(160, 210), 0.12, 0.86)
    rgb = np.broadcast_to(tile, y.shape + (3,)).copy()
    grout = ((y * 22) % 1 < 0.08) | ((x * 22) % 1 < 0.08)
    rgb[grout & (y < counter)] *= 0.88
    wood = hsv_colour(rng.uniform(25, 40), 0.4, 0.55)
    rgb[y < 0.22] = wood
    rgb[(y < 0.22) & (np.abs((x * 4) % 1 - 0.5) > 0.46)] = wood * 0.7
    rgb[(y >= counter) & (y < counter + 0.03)] = (0.85, 0.84, 0.8)
    low = y >= counter + 0.03
    rgb[low] = wood * 0.9
    rgb[low & (np.abs((x * 4 + 0.5) % 1 - 0.5) > 0.47)] = wood * 0.6
    wx = 0.15 if rng.random() < 0.5 else 0.85
    window = (np.abs(x - wx) < 0.12) & (y > 0.27) & (y < counter - 0.04)
    rgb[window] = _gradient(y, (0.95, 0.96, 0.95), (0.8, 0.88, 0.92), 0.27, counter)[window]
    rgb[window & ((np.abs(x - wx) < 0.008) | (np.abs(y - 0.42) < 0.006))] = (0.9, 0.88, 0.82)
    return rgb


def _street(y, x, rng) -> np.ndarray:
    """Shop fronts and house fronts across the street, windows in rows (some lit), a pavement, a lamp's glow."""
    ground = rng.uniform(0.72, 0.8)
    rgb = _gradient(y, hsv_colour(215, 0.2, 0.85), hsv_colour(30, 0.15, 0.9), 0.0, 0.3)
    left = 0.0
    while left < 1.0:
        width, top = float(rng.uniform(0.16, 0.3)), float(rng.uniform(0.02, 0.2))
        front = hsv_colour(
            float(rng.choice([15, 30, 45, 200, 0])), float(rng.uniform(0.2, 0.45)), rng.uniform(0.5, 0.75)
        )
        house = (x >= left) & (x < left + width) & (y > top) & (y < ground)
        rgb[house] = front
        across = ((x - left) / width * 3) % 1
        rows = ((y - top) / 0.11) % 1
        window = house & (np.abs(across - 0.5) < 0.2) & (np.abs(rows - 0.5) < 0.25) & (y < ground - 0.14)
        lit = np.sin(np.floor((x - left) / width * 3) * 3.1 + np.floor((y - top) / 0.11) * 1.7 + left * 9) > 0.6
        rgb[window] = np.where(lit[window][:, None], hsv_colour(40, 0.35, 0.85), front * 0.7)  # quiet, far off
        shop = house & (y > ground - 0.12) & (np.abs(across - 0.5) < 0.38)
        rgb[shop] = hsv_colour(40, 0.35, 0.85)
        left += width + 0.004
    rgb[y >= ground] = _gradient(y, (0.55, 0.54, 0.52), (0.4, 0.39, 0.38), ground, 1.0)[y >= ground]
    lamp = 0.1 if rng.random() < 0.5 else 0.9
    rgb[(np.abs(x - lamp) < 0.008) & (y > 0.25) & (y < ground + 0.05)] = (0.15, 0.15, 0.15)
    glow = np.exp(-(((x - lamp) / 0.05) ** 2 + ((y - 0.25) / 0.05) ** 2))[..., None]
    return rgb * (1 - glow) + glow * np.array([1.0, 0.9, 0.65], np.float32)


def _park(y, x, rng) -> np.ndarray:
    """Sky through the trees, crowns in several greens, a lawn and a path running back."""
    grass = rng.uniform(0.55, 0.65)
    rgb = _gradient(y, hsv_colour(205, 0.28, 0.88), hsv_colour(190, 0.12, 0.92), 0.0, grass)
    for _ in range(9):  # crowns: overlapping soft masses, the lower ones darker
        cx, cy, r = rng.uniform(-0.1, 1.1), rng.uniform(0.1, grass - 0.05), rng.uniform(0.12, 0.25)
        crown = ((x - cx) / r) ** 2 + ((y - cy) / (0.8 * r)) ** 2 < 1 + 0.2 * np.sin(x * 60 + y * 40)
        shade = 0.7 + 0.3 * np.clip((cx + 0.2 - x) * 2, 0, 1)
        rgb[crown] = (
            hsv_colour(rng.uniform(85, 125), rng.uniform(0.35, 0.55), rng.uniform(0.45, 0.65)) * shade[crown][:, None]
        )
    lawn = y > grass
    rgb[lawn] = _gradient(y, hsv_colour(90, 0.45, 0.65), hsv_colour(100, 0.5, 0.45), grass, 1.0)[lawn]
    path = lawn & (np.abs(x - 0.5 - 0.1 * np.sin(y * 5)) < 0.02 + 0.35 * (y - grass))
    rgb[path] = hsv_colour(35, 0.2, 0.78)
    return rgb
