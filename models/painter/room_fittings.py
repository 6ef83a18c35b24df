"""A kind of room's own fittings, at the painting's size: its window's shape, what hangs on its wall (big mirrors,
a menu board, a clock), a launderette's row of machines, stools before a counter, the counter's panelled front.

`fit_out` marks them in the class map before the underpainting and returns where each went; `paint_fitted`
paints them there after the room is dressed (a mirror's silver and sheen, a board's chalk, a machine's round
door). Hanging things go only where the wall is free (not over shelves or the window).
"""

from __future__ import annotations

import numpy as np

from models.painter.room_kinds import RoomDress
from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import CLASSES

WALL, LEDGE, ACCENT = CLASSES.index("field_main"), CLASSES.index("field_dark"), CLASSES.index("field_light")
FRAME, SKY, FAR = CLASSES.index("trunk"), CLASSES.index("sky"), CLASSES.index("far")
TABLE, FLOOR = CLASSES.index("earth"), CLASSES.index("sand")
GLASS = (SKY, FAR, FRAME)
MACHINE_W, MACHINE_H = 0.13, 0.2  # a washing machine's width and height (picture shares)
STOOL_SEAT = 0.035  # a stool seat's half width
# what hangs on the wall: (width, height) in picture shares, and how many side by side
PAN_RAIL, PAN_STEP = 0.04, 0.11  # a kitchen's rail of hanging pans: its height, and from one pan to the next
PIECES = {"mirrors": (0.12, 0.3, 3), "board": (0.22, 0.14, 1), "clock": (0.085, 0.085, 1)}


def fit_out(labels: np.ndarray, dress: RoomDress, window: tuple[int, int, int, int]) -> tuple:
    """In place: the window's shape and the kind's fittings; returns ((what, (y0, y1, x0, x1), hue), ...)."""
    ys, _ = np.nonzero(np.isin(labels, (SKY, FAR)))
    _shape_window(labels, dress.window, (window[0], int(ys.max()), window[2], window[3]))  # the hills in it too
    fitted = []
    if dress.goods == "machines":
        fitted += _machines(labels)
    if dress.picture in PIECES:
        fitted += _hang(labels, dress.picture, window)
    if dress.picture == "pans":
        fitted += _pans(labels)
    if dress.counter:
        fitted += _counter_front(labels)
    if dress.stools:
        fitted += _stools(labels, dress.stools, dress.stool_hue)
    return tuple(fitted)


def _shape_window(labels: np.ndarray, style: str, window: tuple[int, int, int, int]) -> None:
    """In place: a sash's cross bar, a shop's small panes, an arched head, or a high strip of a window."""
    size = labels.shape[0]
    top, bottom, left, right = window
    pad, bar = max(2, int(0.025 * size)), max(1, size // 160)
    y, x = np.mgrid[0:size, 0:size]
    box = (y >= top - pad) & (y <= bottom + pad) & (x >= left - pad) & (x <= right + pad)
    glass = box & np.isin(labels, GLASS)
    if style == "arched":
        r, cx = (right - left) / 2, (left + right) / 2
        out = (y < top + r) & ((x - cx) ** 2 + (y - top - r) ** 2 > r**2)
        rim = (y < top + r) & ((x - cx) ** 2 + (y - top - r) ** 2 > (r + pad) ** 2)
        labels[glass & out] = FRAME
        labels[glass & rim] = WALL
    if style == "high":
        bottom = int(top + 0.4 * (bottom - top))
        labels[glass & (y > bottom + pad)] = WALL
        labels[glass & (y > bottom) & (y <= bottom + pad)] = FRAME
    inside = np.isin(labels, (SKY, FAR)) & box
    rows = {"sash": [0.5], "panes": [1 / 3, 2 / 3], "high": [], "arched": [0.55]}.get(style, [])
    cols = {"panes": [0.25, 0.75], "high": [1 / 3, 2 / 3]}.get(style, [])
    for share in rows:
        labels[inside & (np.abs(y - (top + share * (bottom - top))) <= bar)] = FRAME
    for share in cols:
        labels[inside & (np.abs(x - (left + share * (right - left))) <= bar)] = FRAME


def _free(labels: np.ndarray, y0: int, y1: int, x0: int, x1: int, pad: int) -> bool:
    size = labels.shape[0]
    if y0 - pad < 0 or x0 - pad < 0 or y1 + pad >= size or x1 + pad >= size:
        return False
    return bool((labels[y0 - pad : y1 + pad, x0 - pad : x1 + pad] == WALL).all())


def _hang(labels: np.ndarray, piece: str, window: tuple[int, int, int, int]) -> list:
    """Big mirrors side by side, a board or a clock on free wall, the far side from the window first."""
    size = labels.shape[0]
    top, _, left, right = window
    w, h, count = (int(v * size) if i < 2 else v for i, v in enumerate(PIECES[piece]))
    pad = max(2, size // 120)
    far_side = (left + right) / 2 < size / 2
    starts = range(right + 3 * pad, size - w, w // 4) if far_side else range(left - 3 * pad - w, 0, -(w // 4))
    y0 = int(top + 0.03 * size)
    hung = []
    for x0 in starts:
        if len(hung) == count:
            break
        if hung and abs(x0 - hung[-1][1][2]) < w + 3 * pad:
            continue
        if _free(labels, y0, y0 + h, x0, x0 + w, pad):
            if piece == "clock":  # round: a dark rim, the face inside
                yy, xx = np.mgrid[0 : h + 2 * pad, 0 : w + 2 * pad]
                r = np.hypot(yy - (h / 2 + pad), xx - (w / 2 + pad))
                area = labels[y0 - pad : y0 + h + pad, x0 - pad : x0 + w + pad]
                area[r <= w / 2 + pad] = LEDGE
                area[r <= w / 2] = ACCENT
            else:
                labels[y0 - pad : y0 + h + pad, x0 - pad : x0 + w + pad] = LEDGE
                labels[y0 : y0 + h, x0 : x0 + w] = ACCENT
            hung.append((piece, (y0, y0 + h, x0, x0 + w), 0.0))
    return hung


def _pans(labels: np.ndarray) -> list:
    """Copper pans of several sizes hanging by their handles from a rail across the top of the room, in front of
    the wall, its shelves and its window (a farmhouse kitchen's pots read as "a pot on a table" without them)."""
    size = labels.shape[0]
    rail, step, bar = int(PAN_RAIL * size), int(PAN_STEP * size), max(1, size // 170)
    yy, xx = np.mgrid[0:size, 0:size]
    hung = []
    for k, x in enumerate(range(int(0.14 * size), int(0.88 * size), step)):
        r, handle = int((0.03 + 0.012 * (k % 3)) * size), int(0.05 * size)
        cy = rail + handle + r
        labels[rail : rail + handle, x - bar : x + bar + 1] = ACCENT
        labels[(yy - cy) ** 2 + (xx - x) ** 2 <= r**2] = ACCENT
        hung.append(("pan", (rail, cy + r + 1, x - r - 1, x + r + 2), 0.0))
    labels[rail - bar : rail + 1, hung[0][1][2] : hung[-1][1][3]] = FRAME
    return hung


def _machines(labels: np.ndarray) -> list:
    """Front-loading machines side by side along the back wall, standing on the floor."""
    size = labels.shape[0]
    floor_rows = np.nonzero((labels == FLOOR).any(1))[0]
    if not len(floor_rows):
        return []
    foot = int(floor_rows.min())
    w, h, gap = int(MACHINE_W * size), int(MACHINE_H * size), max(2, size // 90)
    made, x0 = [], int(0.11 * size)
    while x0 + w < 0.89 * size:
        y0 = foot - h
        block = labels[y0:foot, x0 : x0 + w]
        if np.isin(block, (WALL, FRAME)).mean() > 0.9:  # the wall and its skirting
            block[np.isin(block, (WALL, FRAME))] = FRAME
            made.append(("machine", (y0, foot, x0, x0 + w), 0.0))
        x0 += w + gap
    return made


def _counter_front(labels: np.ndarray) -> list:
    rows, cols = np.nonzero(labels == TABLE)
    if not len(rows):
        return []
    front = labels[rows.max() + 1 :, cols.min() : cols.max() + 1] == LEDGE
    depth = int(np.nonzero(front.any(1))[0].max()) + 1 if front.any() else 0
    return [("counter", (int(rows.max()) + 1, int(rows.max()) + 1 + depth, int(cols.min()), int(cols.max()) + 1), 0.0)]


def _stools(labels: np.ndarray, count: int, hue: float) -> list:
    """Stools standing in front of the counter: a round seat on a pole, the seat at the counter front's middle."""
    size = labels.shape[0]
    rows, cols = np.nonzero(labels == TABLE)
    if not len(rows):
        return []
    front = int(rows.max())
    seat_y, foot = front + int(0.05 * size), min(size - 2, front + int(0.22 * size))
    half, pole, thick = int(STOOL_SEAT * size), max(2, size // 90), max(3, size // 40)
    yy, xx = np.mgrid[0:size, 0:size]
    made = []
    for k in range(count):
        cx = int(cols.min() + (k + 0.75) * (cols.max() - cols.min()) / (count + 0.5))
        labels[seat_y:foot, cx - pole : cx + pole] = LEDGE
        labels[(np.abs(xx - cx) < half * 0.7) & (np.abs(yy - foot + thick / 2) < thick / 3)] = LEDGE  # the base
        seat = ((xx - cx) / half) ** 2 + ((yy - seat_y) / thick) ** 2 <= 1
        labels[seat] = ACCENT
        made.append(("stool", (seat_y - thick, foot, cx - half, cx + half), hue))
    return made


def paint_fitted(ref: np.ndarray, labels: np.ndarray, fitted: tuple, wood, light, rng: np.random.Generator) -> None:
    """In place: each fitted thing in its own colours, lit by the room's `light`."""
    for what, (y0, y1, x0, x1), hue in fitted:
        block, kinds = ref[y0:y1, x0:x1], labels[y0:y1, x0:x1]
        h, w = kinds.shape
        if not h or not w:
            continue
        v, u = _unit_square(h, w)
        if what == "machine":
            _machine(block, kinds == FRAME, u, v, w / max(1, h), light, rng)
        elif what == "counter":
            panels = np.abs((u * 6) % 1 - 0.5) > 0.44
            rgb = wood * (0.7 - 0.25 * panels[..., None] + 0.15 * (v < 0.12)[..., None]) * light
            block[kinds == LEDGE] = rgb[kinds == LEDGE]
        elif what == "stool":
            seat = kinds == ACCENT
            block[seat] = hsv_colour(hue, 0.65, 0.62) * light * (1 + 0.3 * (v[seat] < 0.05))[:, None]
            block[kinds == LEDGE] = (
                hsv_colour(210, 0.08, 0.3) * light * (1 + 0.8 * (np.abs(u - 0.45) < 0.04))[kinds == LEDGE][:, None]
            )  # dark chrome, a glint down the pole
        elif what == "pan":  # copper, a lit rim on the window's side, the dark inside of its base
            r = np.hypot(u - 0.5, (v - 1 + 0.5 * w / max(1, h)) * h / max(1, w))
            copper = hsv_colour(22, 0.65, 0.62) * (1.15 - 0.5 * np.clip(r * 2, 0, 1))[..., None]
            copper = np.where((r < 0.3)[..., None], hsv_colour(20, 0.6, 0.38), copper)
            block[kinds == ACCENT] = (copper * light)[kinds == ACCENT]
        else:
            _hanging(block, kinds == ACCENT, what, u, v, light)


def paint_clock(ref: np.ndarray, face: np.ndarray, light) -> None:
    """In place: a clock's pale face, hour marks and hands on the round patch of pixels `face` (a hall's far-wall
    clock), as a room's hanging clock is painted."""
    ys, xs = np.nonzero(face)
    if not len(ys):
        return
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    v, u = _unit_square(y1 - y0, x1 - x0)
    _hanging(ref[y0:y1, x0:x1], face[y0:y1, x0:x1], "clock", u, v, light)


def _unit_square(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """(v, u): each pixel's place down and across a block of h x w, from 0 to 1."""
    v, u = np.mgrid[0:h, 0:w].astype(np.float32)
    return v / max(1, h - 1), u / max(1, w - 1)


def _machine(block: np.ndarray, body: np.ndarray, u, v, aspect: float, light, rng) -> None:
    """A white enamel machine: a control strip along its top and a round glass door with a chrome rim."""
    r = np.sqrt((u - 0.5) ** 2 + ((v - 0.58) / aspect) ** 2)
    rgb = np.empty(block.shape, np.float32)
    rgb[:] = hsv_colour(200, 0.04, 0.9) * (0.85 + 0.15 * (1 - u))[..., None]
    rgb[v < 0.16] = hsv_colour(210, 0.08, 0.7)
    rgb[(r < 0.36) & (r >= 0.3)] = hsv_colour(210, 0.05, 0.78)
    glass = r < 0.3
    tumble = np.sin(u * 9 + rng.uniform(0, 6)) * 0.08 + 0.62 < v
    rgb[glass] = np.where(tumble[glass][:, None], hsv_colour(rng.uniform(0, 360), 0.5, 0.55), hsv_colour(205, 0.3, 0.3))
    block[body] = (rgb * light)[body]


def _hanging(block: np.ndarray, face: np.ndarray, what: str, u, v, light) -> None:
    """A mirror's silver with a diagonal sheen, a dark board with rows of chalk, or a clock's face and hands."""
    if what == "mirrors":
        sheen = np.exp(-(((u + v * 0.6 - 0.55) / 0.08) ** 2))
        rgb = hsv_colour(205, 0.12, 0.72)[None, None] * (0.8 + 0.2 * (1 - v))[..., None] + 0.25 * sheen[..., None]
    elif what == "board":
        chalk = (np.abs((v * 6) % 1 - 0.5) < 0.08) & (u > 0.1) & (u < 0.9 - 0.3 * ((v * 6) % 2 > 1))
        rgb = np.where(chalk[..., None], hsv_colour(50, 0.05, 0.85), hsv_colour(160, 0.25, 0.16))
    else:
        r, angle = np.hypot(u - 0.5, v - 0.5), np.arctan2(v - 0.5, u - 0.5)
        hour = (np.abs(v - 0.5) < 0.03) & (u > 0.5) & (u < 0.75)
        hands = ((np.abs(u - 0.5) < 0.03) & (v < 0.5) & (v > 0.15)) | hour
        ticks = (r > 0.38) & (r < 0.46) & (np.abs((angle / (np.pi / 6)) % 1 - 0.5) > 0.4)
        rgb = np.where((hands | ticks | (r > 0.47))[..., None], hsv_colour(20, 0.3, 0.15), hsv_colour(45, 0.08, 0.92))
        face = face & (r <= 0.5)
    block[face] = (rgb * light)[face]
