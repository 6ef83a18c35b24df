"""A landform asked as the subject, carved into the layout as the picture's centre.

The layout network paints a family's usual scene (a lake is a wide still water, a desert flat sand); when the
person asks for the landform itself ("a waterfall", "a river winding through a valley", "white chalk cliffs",
"the Grand Canyon", "rice terraces", "a mountain lake with snowy peaks"), its shape is cut into the 64x64 class
map, large and central, in the classes the renderer already paints (rock, water, foam, snow, grass, earth).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from models.painter import underwater
from models.painter.dune_field import Dunes, dunes_from, sun_side
from models.painter.dune_field import carve as carve_dunes
from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import LAYOUT_SIZE, C

SKY_CLASSES = (C["sky"], C["cloud"], C["light"])
N = LAYOUT_SIZE
MESA_TALUS = 0.16  # share of a mesa's width at each side where its top falls away to the sand
FLOODED = 0.7  # the share of rice terraces' steps under water


def _horizon(labels: np.ndarray) -> int:
    """The median row where the sky ends."""
    sky = np.isin(labels, SKY_CLASSES)
    return int(np.clip(np.median(np.argmax(~sky, 0)), 12, N - 20))


def _grid() -> tuple[np.ndarray, np.ndarray]:
    return np.mgrid[0:N, 0:N].astype(np.float32)


def _winding(
    labels: np.ndarray, rng: np.random.Generator, turns: tuple[float, float], sway: float, width
) -> np.ndarray:
    """bool [N, N]: a band winding from the horizon to the near edge, `turns` (a range) bends swaying `sway` of the
    picture's width either side, `width(t)` cells wide at depth t (0 at the horizon, 1 at the near edge)."""
    h = _horizon(labels)
    y, x = _grid()
    t = np.clip((y - h) / (N - 1 - h), 0, 1)
    phase, bends = rng.uniform(0, 2 * np.pi), rng.uniform(*turns)
    centre = N * (0.5 + sway * np.sqrt(t) * np.sin(2 * np.pi * bends * t + phase))
    return (y >= h) & (np.abs(x - centre) < width(t) / 2)


def river(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A river winding from the horizon to the near edge, widening towards the eye."""
    labels[_winding(labels, rng, (1.2, 1.8), 0.28, lambda t: 0.8 + 15 * t**1.4)] = C["water"]


def road(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A pale road winding from the horizon to the near edge in tighter bends than a river, widening towards the
    eye, over whatever land the layout has (a meadow's grass, a mountain's rock)."""
    band = _winding(labels, rng, (1.8, 2.4), 0.22, lambda t: 1.0 + 12 * t**1.2)
    ground = np.isin(labels, (C["grass"], C["earth"], C["sand"], C["rock"], C["snow"]))  # trees and houses stand
    labels[band & ground] = C["sand"]


def waterfall(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A cliff in the middle, white water falling down its face into a pool, and its stream running out."""
    h = _horizon(labels)
    y, x = _grid()
    cx = N * rng.uniform(0.42, 0.58)
    top = max(4.0, h - rng.uniform(12, 18))
    base = h + 0.4 * (N - h)
    # the cliff runs off one side of the picture and stops short of the other (a symmetrical block with the fall
    # from its peak read as odd), its top ragged, the water falling from a notch in it
    wide = np.where((x < cx) == (rng.random() < 0.5), N, N * rng.uniform(0.24, 0.32))
    half = wide + 2.5 * np.sin(y / 3.0 + rng.uniform(0, 6))
    ridge = top + 1.5 * np.sin(x / 3.0 + rng.uniform(0, 6)) + 0.1 * (x - cx) * rng.choice([-1, 1])
    ridge = ridge + 2.5 * np.exp(-(((x - cx) / 3.0) ** 2))
    labels[(np.abs(x - cx) < half) & (y >= ridge) & (y < base)] = C["rock"]
    fall = 2.5 + 1.5 * (y - top) / max(1.0, base - top)
    labels[(np.abs(x - cx) < fall) & (y >= ridge - 1) & (y < base + 1)] = C["snow"]  # falling water is white
    pool = ((y - base - 2.5) / 3.5) ** 2 + ((x - cx) / 12.0) ** 2 <= 1
    labels[pool] = C["water"]
    labels[pool & (y <= base + 1.5)] = C["foam"]
    stream = (y > base + 5) & (np.abs(x - cx - 4 * np.sin((y - base) / 6.0)) < 1.5 + 0.25 * (y - base))
    labels[stream] = C["water"]


def cliffs(labels: np.ndarray, rng: np.random.Generator, face: str = "rock", cap: str | None = "grass") -> None:
    """A tall headland of cliffs from one side over half the picture, its face dropping sheer into the sea, a
    green cap on its top (`face` "snow": chalk, white; a glacier's ice is all face, no cap). The sea is all
    round it (the layout's own rocks, far hills and beach go: a second rock floated beside the cliff and a
    sand crest cut the picture's foot); rocks fallen off its point stand in the surf at its foot."""
    h = _horizon(labels)
    y, x = _grid()
    below = (y >= h) & ~np.isin(labels, SKY_CLASSES)
    labels[below & ~np.isin(labels, (C["water"], C["foam"], C["boat"]))] = C["water"]
    labels[(y < h) & np.isin(labels, (C["rock"], C["far"]))] = C["sky"]
    side = rng.random() < 0.5
    reach = N * rng.uniform(0.55, 0.7)
    d = x if side else (N - 1 - x)  # distance from the headland's side of the frame
    u = np.clip(d / reach, 0, 1)
    top = h - N * rng.uniform(0.22, 0.3) * (1 - 0.35 * u**2) + 1.5 * np.sin(d / 3.0)
    foot = h + 6 + 3 * (1 - u)  # the sea is level: its waterline is a level line, broken by the surf
    cliff = (d < reach) & (y >= top) & (y < foot)
    labels[cliff] = C[face]
    if cap is not None:
        labels[cliff & (y < top + 2.2)] = C[cap]
    _fallen_boulders(labels, rng, side, reach, h + 7.5, face)
    surf = (d < reach + 1.5) & (y >= foot) & (y < foot + 2.2 + np.sin(d / 1.7)) & (labels == C["water"])
    labels[surf] = C["foam"]  # the sea breaking at its foot


def _fallen_boulders(labels: np.ndarray, rng: np.random.Generator, side: bool, reach: float, row: float, face: str):
    """Two to four rocks fallen off the headland's point, half in the water, foam where the sea meets them (along
    the face they hung from its foot like drips)."""
    y, x = _grid()
    for _ in range(int(rng.integers(2, 5))):
        along = rng.uniform(0.85, 1.12) * reach
        cx = along if side else N - 1 - along
        cy, r = row + rng.uniform(-0.5, 2.5), rng.uniform(1.2, 2.6)
        rock = ((x - cx) / (1.4 * r)) ** 2 + ((y - cy) / r) ** 2 <= 1.0
        labels[(x - cx) ** 2 / (1.4 * r + 1) ** 2 + (y - cy - 0.6) ** 2 / (r + 0.6) ** 2 <= 1.0] = C["foam"]
        labels[rock] = C["rock" if face == "rock" else face]


def canyon(labels: np.ndarray, rng: np.random.Generator) -> None:
    """Layered walls of red rock on both sides (earth, with paler bands of sand), flat-topped, the gorge's far
    wall lower between them, hazed, and a thin river at its bottom."""
    h = _horizon(labels)
    y, x = _grid()
    cx = N * rng.uniform(0.4, 0.6)
    rim = h - N * rng.uniform(0.1, 0.16) + np.where(x < cx, -3, 2) + np.round(np.sin(x / 9.0) * 2)
    gorge = np.abs(x - cx) < 3 + 0.275 * np.clip(N - y, 0, None)
    walls = (y >= rim) & ~gorge
    strata = np.mod(y - rim + 1.0 * np.sin(x / 11.0 + rng.uniform(0, 6)), rng.uniform(6.0, 8.0)) < 1.8
    labels[walls] = C["earth"]
    labels[walls & (strata | (y < rim + 1))] = C["sand"]  # pale bands, and the rim's lit edge
    far_rim = rim.min() + 0.45 * (h - rim.min())
    far_wall = gorge & (y >= far_rim)
    labels[far_wall] = C["earth"]  # the far wall: the same red rock, plain with the distance, its rim lit
    labels[far_wall & (y < far_rim + 1)] = C["sand"]
    edge = ~gorge & (np.abs(np.abs(x - cx) - (3 + 0.275 * np.clip(N - y, 0, None))) < 1.0) & (y >= rim)
    labels[edge] = C["sand"]  # the near walls' lit edges along the gorge
    labels[(np.abs(x - cx) < 1.2 + 0.08 * (y - h)) & (y >= h + 4)] = C["water"]


def hill(labels: np.ndarray, rng: np.random.Generator) -> None:
    """One broad rounded hill rising in the middle of the picture from the land, grass to the sky: what stands on
    the land (a castle, a church) stands on its slopes or its top."""
    h = _horizon(labels)
    y, x = _grid()
    cx, half = N * rng.uniform(0.4, 0.6), N * rng.uniform(0.38, 0.5)
    top = h - N * rng.uniform(0.14, 0.2)
    crest = h + 3 - (h + 3 - top) * np.clip(1 - ((x - cx) / half) ** 2, 0, None) ** 0.7
    labels[(y >= crest) & (y < h + 3) & ~np.isin(labels, (C["foliage"], C["trunk"]))] = C["grass"]


def hills(labels: np.ndarray, rng: np.random.Generator) -> None:
    """Rolling hills: three rounded ridges one behind another down to the near edge, the farthest hazed, each
    ridge's crest edged by a hedge line (foliage) so the rolls read against the one behind."""
    h = _horizon(labels)
    y, x = _grid()
    labels[(y >= h) & ~np.isin(labels, (C["foliage"], C["trunk"]))] = C["grass"]
    for k, depth in enumerate((0.0, 0.28, 0.6)):
        base = h + depth * (N - h)
        crest = base - (5 + 2.5 * k) * (0.5 + 0.5 * np.sin(x[0] / rng.uniform(9, 14) + rng.uniform(0, 6)))
        ridge = y >= crest[None, :]
        labels[ridge & (y < base + 3)] = C["far"] if k == 0 else C["grass"]
        if k > 0:
            labels[ridge & (y < crest[None, :] + 1)] = C["foliage"]


def terraces(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A hillside cut into curved steps, each held by a darker wall, narrower towards the hill's top: paddies,
    most of them flooded (water shining with the sky inside a green rim), the rest green with rice. Dry green
    steps alone read as "a terraced green hill", never as rice."""
    h = _horizon(labels)
    y, x = _grid()
    hill = h - 6 + 6 * np.sin(x / 12.0 + rng.uniform(0, 6))
    depth = np.clip(y - hill, 0, None)
    step = np.sqrt(depth * 6.0) + 1.2 * np.sin(x / 7.0 + rng.uniform(0, 6))  # steps widen nearer the eye
    land = y >= hill
    labels[land] = C["grass"]
    within = np.mod(step, 2.2)
    flooded = rng.random(64) < FLOODED  # each step (by its number) flooded or planted
    labels[land & flooded[(step // 2.2).astype(int) % 64] & (within > 0.75) & (within < 1.95)] = C["water"]
    labels[land & (within < 0.45)] = C["earth"]


def peaks(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A range of snowy peaks above the horizon, caps white, and a lake below them when the layout has none."""
    h = _horizon(labels)
    y, x = _grid()
    ridge = np.full(N, float(h), np.float32)
    for cx in np.linspace(0.2, 0.8, int(rng.integers(2, 4))) * N + rng.uniform(-6, 6):
        height = N * rng.uniform(0.28, 0.4)
        ridge = np.minimum(ridge, h - height + rng.uniform(0.9, 1.3) * np.abs(np.arange(N) - cx))
    ridge = np.minimum(ridge + rng.uniform(-0.8, 0.8, N), h - 2)
    mountain = (y >= ridge[None, :]) & (y < h)
    labels[mountain] = C["rock"]
    labels[mountain & (y < ridge[None, :] + 0.3 * (h - ridge[None, :]))] = C["snow"]
    if not (labels == C["water"]).any():
        labels[(y >= h) & (y < h + 0.6 * (N - h))] = C["water"]


def dunes(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A field of dunes seen in perspective (`dune_field`): sand where they show, sky above their crests."""
    carve_dunes(labels, dunes_from(rng, sun_side=_sun_side(labels)), C["sand"], C["sky"], SKY_CLASSES)


def _sun_side(labels: np.ndarray) -> int | None:
    """The side of the layout's sun or moon, if it has one off the middle."""
    light = np.nonzero(labels == C["light"])[1]
    return sun_side(float(light.mean()) if len(light) else None, labels.shape[1])


def swells(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A plain desert's sand made one: the layout's crest lines of earth (ruled zigzags) go back to sand, which
    the renderer lights as low swells (`dune_field`); its rocks are cut into mesas (flat tops, steep sides)."""
    from scipy import ndimage

    labels[labels == C["earth"]] = C["sand"]
    rocks, count = ndimage.label(labels == C["rock"])
    rows = np.arange(N)
    for i in range(1, count + 1):
        ys, xs = np.nonzero(rocks == i)
        left, right, foot = xs.min(), xs.max(), ys.max()
        top = int(np.percentile([ys[xs == c].min() for c in np.unique(xs)], 30))
        span = max(1, right - left)
        for c in range(left, right + 1):
            edge = min(c - left, right - c) / span  # the talus: the top falls away over the last sixth
            column_top = top + int(max(0.0, 1 - edge / MESA_TALUS) * (foot - top) * 0.6)
            column = labels[:, c]
            column[(rows >= column_top) & (rows <= foot) & np.isin(column, (*SKY_CLASSES, C["rock"]))] = C["rock"]
            column[(rows < column_top) & (rocks[:, c] == i)] = C["sky"]


def rows(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A field planted in rows running back to a vanishing point on the horizon: rows of flowers (petal, in the
    flowers' colour) with grass between them, wider nearer the eye."""
    h = _horizon(labels)
    y, x = _grid()
    vp = N * rng.uniform(0.35, 0.65)
    across = (x - vp) / np.maximum(y - h, 0.5)  # each row keeps its value of this on the way back
    count = rng.uniform(1.6, 2.4)  # rows per unit of it
    field = y >= h
    labels[field] = C["grass"]
    labels[field & (np.mod(across * count, 1) < 0.58) & (y >= h + 1)] = C["petal"]


def vines(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A vineyard: rows of leafy vines (foliage) running back to a vanishing point on the horizon over bare earth,
    narrower than a flower field's rows and dark between (`hang_grapes` hangs their fruit at full size)."""
    h = _horizon(labels)
    y, x = _grid()
    vp = N * rng.uniform(0.35, 0.65)
    across = (x - vp) / np.maximum(y - h, 0.5)
    count = rng.uniform(1.8, 2.6)
    field = y >= h
    labels[field] = C["earth"]
    labels[field & (np.mod(across * count, 1) < 0.5) & (y >= h + 1)] = C["foliage"]
    labels[field & (y < h + 1)] = C["grass"]  # the far rows merge into one green band


LAND_BELOW = ("water", "boat", "grass", "sand", "earth", "rock", "snow", "foam", "petal", "bloom")  # not trees


def _land(labels: np.ndarray) -> np.ndarray:
    """bool [N, N]: the ground from the horizon to the near edge (no sky, no tree, no house on it)."""
    y, _ = _grid()
    return (y >= _horizon(labels)) & np.isin(labels, [C[c] for c in LAND_BELOW])


def _pools(rng: np.random.Generator, top, count: tuple, nearest: float, size: tuple, spread: tuple, edge: tuple):
    """(row, column, half width, edge wobble) of each of `count` (a range) small pools scattered from `top` (the
    horizon's row, or each column's) to the near edge, `nearest` of the way at the farthest, `size[0] + size[1] * t`
    wide at depth t (times a random `spread`) and wider nearer the eye; their edges wobble (`edge`: wavelength,
    amplitude) across the picture."""
    _, x = _grid()
    for _ in range(int(rng.integers(*count))):
        t = rng.uniform(nearest, 1.0) ** 0.8
        cy, cx = top + t * (N - 1 - top), rng.uniform(0, N)
        rx = (size[0] + size[1] * t) * rng.uniform(*spread)
        yield cy, cx, rx, 1 + edge[1] * np.sin(x / edge[0] + rng.uniform(0, 6))


def salt_flat(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A flat white salt crust from the horizon to the near edge, cracked into plates that grow towards the eye
    (`salt_crust` nets them at full size), a thin sheet of water along the horizon mirroring the sky, a low range
    of far mountains on it and nothing else above the plain."""
    h = _horizon(labels)
    y, x = _grid()
    land = _land(labels)
    labels[land] = C["snow"]
    depth = np.maximum(y - h, 0.5)
    across, back = (x - N * rng.uniform(0.4, 0.6)) / depth * 3.0, 24.0 / depth  # plates keep their size in these
    wobble = rng.uniform(0, 6, 2)
    edge_a = np.abs(np.mod(across + 0.25 * np.sin(back * 2.1 + wobble[0]), 1) - 0.5) > 0.44
    edge_b = np.abs(np.mod(back * 1.6 + 0.25 * np.sin(across * 1.7 + wobble[1]), 1) - 0.5) > 0.42
    labels[land & (edge_a | edge_b) & (y >= h + 6)] = C["sand"]  # the cracks' raised rims, pale
    labels[land & (y < h + rng.uniform(1.5, 3))] = C["water"]
    above = (y < h) & ~np.isin(labels, SKY_CLASSES)  # nothing stands on the plain: the desert's rocks go
    labels[above] = C["sky"]
    ridge = h - 1.0 - 2.5 * np.clip(np.sin(x / 9.0 + rng.uniform(0, 6)) + 0.5 * np.sin(x / 3.7), 0, None)
    labels[(y >= ridge) & (y < h) & (np.abs(x - N * rng.uniform(0.2, 0.8)) < N * 0.35)] = C["far"]  # far mountains


def wetland(labels: np.ndarray, rng: np.random.Generator) -> None:
    """Flat boggy land from the horizon to the near edge: grass with dark patches of peat, broken by small still
    pools that widen towards the eye; no open water to sail on."""
    h = _horizon(labels)
    y, x = _grid()
    land = _land(labels)
    labels[land] = C["grass"]
    for cy, cx, rx, wobble in _pools(rng, h, (8, 13), 0.08, (2.0, 10.0), (0.6, 1.4), (2.5, 0.25)):
        pool = ((x - cx) / rx) ** 2 + ((y - cy) / (0.22 * rx * wobble)) ** 2 <= 1
        peat = ((x - cx - rx * 0.3) / (rx * 1.4)) ** 2 + ((y - cy) / (0.35 * rx)) ** 2 <= 1
        labels[land & peat & (labels == C["grass"])] = C["earth"]
        labels[land & pool] = C["water"]


def rock_pools(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A rocky shore at low tide: the sea far off, the near ground bare rock broken by still pools of sea water
    that widen towards the eye (the rock breaks into lit planes when it is painted)."""
    h = _horizon(labels)
    y, x = _grid()
    land = _land(labels)
    labels[land] = C["water"]
    shore = h + (N - h) * rng.uniform(0.18, 0.28) + 1.5 * np.sin(x / 8.0 + rng.uniform(0, 6))
    near = land & (y >= shore)
    labels[near] = C["rock"]
    labels[land & (np.abs(y - shore) < 0.8)] = C["foam"]
    for cy, cx, rx, wobble in _pools(rng, shore, (6, 10), 0.15, (2.0, 9.0), (0.6, 1.3), (2.0, 0.3)):
        labels[near & (((x - cx) / rx) ** 2 + ((y - cy) / (0.3 * rx * wobble)) ** 2 <= 1)] = C["water"]


def black_sand(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A volcanic beach: the sea to the horizon, a dark sand beach across the near third with surf breaking on it
    (a line of breakers out in the water, the foam's wash on the sand), and two or three sea stacks (tall pillars
    of rock) standing out in the water in their own ring of foam, the nearest the tallest."""
    h = _horizon(labels)
    y, x = _grid()
    land = _land(labels)
    labels[land] = C["water"]
    shore = h + (N - h) * rng.uniform(0.45, 0.6) + 1.5 * np.sin(x / 9.0 + rng.uniform(0, 6))
    labels[land & (y >= shore)] = C["sand"]
    labels[land & (np.abs(y - shore) < 0.9)] = C["foam"]
    side = 1 if rng.random() < 0.5 else -1
    for k in range(int(rng.integers(2, 4))):
        cx = N / 2 + side * N * (0.12 + 0.14 * k) + rng.uniform(-2, 2)
        foot = h + (N - h) * (0.3 - 0.08 * k) * rng.uniform(0.9, 1.1)
        height, width = (N - h) * (0.9 - 0.2 * k) * rng.uniform(0.8, 1.1), N * (0.07 - 0.015 * k)
        taper = np.clip((foot - y) / max(height, 1.0), 0, 1)  # narrower towards its top
        stack = (np.abs(x - cx) <= width * (1 - 0.35 * taper)) & (y <= foot) & (y >= foot - height)
        ring = (np.abs(x - cx) <= width * 1.5) & (np.abs(y - foot) < 0.7)  # the sea breaking at its foot
        labels[ring & (labels == C["water"])] = C["foam"]
        labels[stack] = C["rock"]
    water = labels == C["water"]
    breakers = shore - (shore - h) * rng.uniform(0.25, 0.35) + 0.8 * np.sin(x / 5.0 + rng.uniform(0, 6))
    labels[water & (np.abs(y - breakers) < 0.6) & (np.sin(x / 2.3 + rng.uniform(0, 6)) > -0.3)] = C["foam"]
    wash = shore + (N - shore) * rng.uniform(0.12, 0.2) + 1.2 * np.sin(x / 6.0 + rng.uniform(0, 6))
    labels[land & (np.abs(y - wash) < 0.5) & (np.sin(x / 3.1 + rng.uniform(0, 6)) > 0.0)] = C["foam"]


GRAPES = (285, 0.55, 0.35)  # dark purple (HSV)


def hang_grapes(ref: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> None:
    """In place on the underpainting: bunches of dark grapes hanging in a vineyard's near rows of leaves, larger
    nearer the eye, each a small cone of round berries with its light on the upper left."""
    leaves = labels == C["foliage"]
    size = labels.shape[0]
    top = int(np.argmax(leaves.any(1))) if leaves.any() else size
    near = np.argwhere(leaves[int(top + 0.35 * (size - top)) :]) + [int(top + 0.35 * (size - top)), 0]
    if len(near) == 0:
        return
    for cy, cx in near[rng.choice(len(near), min(len(near), 90), replace=False)]:
        r = max(1.5, 0.006 * size * (0.5 + (cy - top) / max(1.0, size - top)))
        for across, row in BUNCH:
            _berry(ref, cx + across * 1.6 * r, cy + row * 1.5 * r, r)


BUNCH = ((-1, 0), (0, 0), (1, 0), (-0.5, 1), (0.5, 1), (0, 2))  # berries in a cone (spacings across, rows down)


def _berry(ref: np.ndarray, bx: float, by: float, r: float) -> None:
    """In place: one round grape of radius r at (bx, by), its light on the upper left (drawn in its own window)."""
    y0, x0 = max(0, int(np.floor(by - r))), max(0, int(np.floor(bx - r)))
    y1, x1 = min(ref.shape[0], int(np.ceil(by + r)) + 1), min(ref.shape[1], int(np.ceil(bx + r)) + 1)
    if y0 >= y1 or x0 >= x1:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1]
    berry = (xx - bx) ** 2 + (yy - by) ** 2 <= r * r
    shine = (xx - bx + 0.35 * r) ** 2 + (yy - by + 0.35 * r) ** 2 <= (0.35 * r) ** 2
    window = ref[y0:y1, x0:x1]
    window[berry] = hsv_colour(*GRAPES)
    window[shine & berry] = hsv_colour(GRAPES[0], 0.3, 0.65)


BLACK_SAND = (215, 0.12, 0.22)  # wet basalt sand (HSV): near-black with a cool sheen, whatever the palette's sand


def darken_sand(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place on the underpainting: the beach's sand as black volcanic sand and its sea stacks as dark basalt
    (a pale stone pillar read as a ruined tower), their light and shade kept."""
    for cls, factor in (("sand", 1.0), ("rock", 1.35)):
        where = labels == C[cls]
        if not where.any():
            continue
        light = ref[where].max(-1, keepdims=True)
        ref[where] = hsv_colour(*BLACK_SAND) * factor * (0.7 + 0.6 * light / max(float(light.mean()), 1e-3))


def mangroves(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A mangrove swamp: still water from the horizon to the near edge, and low wide trees standing in it on
    arching roots, a dense line of them far off and a few large near the sides."""
    h = _horizon(labels)
    y, x = _grid()
    labels[_land(labels)] = C["water"]
    for k in range(int(rng.integers(7, 11))):
        near = k >= 4  # the first four far off, in a line; then larger ones towards the sides
        base = h + (rng.uniform(8, 22) if near else rng.uniform(0.5, 2.5))
        cx = rng.choice([rng.uniform(-4, N * 0.3), rng.uniform(N * 0.7, N + 4)]) if near else rng.uniform(0, N)
        width = (0.22 if near else 0.1) * N * rng.uniform(0.8, 1.2)
        top = base - width * rng.uniform(0.9, 1.2)
        crown = ((x - cx) / (width / 2)) ** 2 + ((y - (top + width * 0.3)) / (width * 0.28)) ** 2 <= 1
        labels[crown] = C["foliage"]
        for r in range(5):  # roots arching out from under the crown down into the water
            spread = (r - 2) / 2 * width * 0.45
            t = np.clip((y - (top + width * 0.45)) / max(1.0, base - (top + width * 0.45)), 0, 1)
            root_x = cx + spread * np.sin(t * np.pi / 2)
            labels[(np.abs(x - root_x) < 0.6 + 0.4 * near) & (t > 0) & (y <= base)] = C["trunk"]


RED_ROCK = (16, 0.62)  # a canyon's sandstone (hue, saturation), whatever the desert's sand colour
RED_SHARE = 0.7  # how far its walls' paint goes to it, keeping their light


def redden_canyon(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place on the underpainting: a canyon's walls (earth and its sand bands) in red sandstone at their own
    light; the layout's classes carry the desert's pale sand and brown earth."""
    walls = np.isin(labels, (C["earth"], C["sand"]))
    if not walls.any():
        return
    red = hsv_colour(RED_ROCK[0], RED_ROCK[1], 1.0)
    paint = ref[walls]
    ref[walls] = (1 - RED_SHARE) * paint + RED_SHARE * paint.max(-1, keepdims=True) * red


MESA_VALUE = 0.8  # a mesa's mean value as a share of the sand's: sandstone in the same sun, not a dark lump


def paint_mesas(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place on the underpainting: a desert's rock as red sandstone mesas as light as the sand's sun allows,
    their facets' light kept (the layout's rock is grey and dark: it read as storm-grey boulders)."""
    rock, sand = labels == C["rock"], labels == C["sand"]
    if not rock.any() or not sand.any():
        return
    light = ref[rock].max(-1, keepdims=True)
    target = MESA_VALUE * float(np.median(ref[sand].max(-1)))
    ref[rock] = np.clip(hsv_colour(RED_ROCK[0], RED_ROCK[1] * 0.8, 1.0) * light * (target / float(light.mean())), 0, 1)


GLACIER_BLUE = (196, 0.4)  # the (hue, saturation) of ice in shade and its crevasses
BERGS = (3, 6)  # how many icebergs float in a sea of them (the nearest one largest)


def icebergs(labels: np.ndarray, rng: np.random.Generator) -> None:
    """Icebergs floating in an open sea: the land below the horizon goes to water (an arctic sea has no beach),
    then a few masses of ice (snow) stand on it, each with steep faces and a broken top, the nearest one largest
    and lowest in the picture, the others smaller towards the horizon. The game-icons drawings were a badge and a
    diagram (read as "a grey sphere with rock shapes"); carved, the ice takes the scene's light and brushwork, and
    `ice_face` paints it as blue-white ice."""
    h = _horizon(labels)
    below = np.arange(N)[:, None] >= h
    labels[below & ~np.isin(labels, (C["foam"],))] = C["water"]
    count = int(rng.integers(*BERGS))
    spots = rng.permutation(np.linspace(0.15, 0.85, count))  # spread across the sea, not heaped into one mass
    for k in range(count):
        near = (k + 1) / count  # the farthest first; the last, nearest one largest
        waterline = h + int((N - h) * (0.12 + 0.55 * near * float(rng.uniform(0.85, 1.0))))
        width = int(N * (0.08 + 0.34 * near**2) * float(rng.uniform(0.85, 1.15)))  # one hero berg, the rest small
        height = int(width * float(rng.uniform(0.5, 0.75)))
        centre = int(N * (spots[k] + float(rng.uniform(-0.05, 0.05))))
        knots = rng.uniform(0.55, 1.0, int(rng.integers(3, 6)))  # the top's broken line, high in the middle
        xs = np.arange(max(0, centre - width // 2), min(N, centre + width // 2))
        if len(xs) < 2:
            continue
        t = (xs - (centre - width // 2)) / max(1, width - 1)
        top = np.interp(t, np.linspace(0.15, 0.85, len(knots)), knots) * np.minimum(1, np.minimum(t, 1 - t) / 0.12)
        for x, rise in zip(xs, top):
            labels[max(0, waterline - int(rise * height)) : waterline, x] = C["snow"]


def ice_face(ref: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> None:
    """In place on the underpainting: a glacier's face (snow) as ice: blue-white, split by vertical crevasses of
    deeper blue, lit at its top and bluer and darker down to the water (one white slab read as a cloud bank or a
    blotchy snowfield)."""
    from PIL import Image

    ice = labels == C["snow"]
    if ice.sum() < labels.size * 0.02:
        return
    size = labels.shape[0]
    cells = rng.uniform(-1, 1, (4, 48)).astype(np.float32)  # many across, few down: crevasses run down the face
    field = np.asarray(Image.fromarray(cells).resize((size, size), Image.BICUBIC), np.float32)
    crevasse = np.clip(1 - np.abs(field) / 0.09, 0, 1)
    rows = np.arange(size)[:, None]
    top = np.where(ice.any(0), ice.argmax(0), 0)[None, :]
    down = np.clip((rows - top) / max(1.0, float(ice.sum(0).max())), 0, 1)
    blue = 0.25 + 0.35 * down + 0.4 * crevasse  # how far each point goes to the ice's blue
    value = ref.max(-1) * (1 - 0.18 * down - 0.22 * crevasse)
    target = value[..., None] * hsv_colour(GLACIER_BLUE[0], GLACIER_BLUE[1], 1.0)
    mixed = (1 - blue[..., None]) * ref * (value / np.maximum(ref.max(-1), 1e-3))[..., None] + blue[..., None] * target
    ref[ice] = np.clip(mixed, 0, 1)[ice]


CARVE = {
    "dunes": dunes,
    "swells": swells,
    "river": river,
    "road": road,
    "mountain_road": road,
    "waterfall": waterfall,
    "cliffs": cliffs,
    "chalk_cliffs": lambda labels, rng: cliffs(labels, rng, face="snow"),
    "canyon": canyon,
    "glacier": lambda labels, rng: cliffs(labels, rng, face="snow", cap=None),
    "icebergs": icebergs,
    "hill": hill,
    "hills": hills,
    "rows": rows,
    "vines": vines,
    "terraces": terraces,
    "peaks": peaks,
    "salt_flat": salt_flat,
    "wetland": wetland,
    "rock_pools": rock_pools,
    "mangroves": mangroves,
    "black_sand": black_sand,
    "underwater": underwater.carve,
}


# the land a family has when no landform is asked: a desert's sand lies in swells, not ruled in zigzags
USUAL_LANDFORM = {"desert": "swells"}


def _landform_rng(seed: int) -> np.random.Generator:
    return np.random.default_rng([seed, 41])


def carve_landform(labels: np.ndarray, landform: str | None, seed: int) -> None:
    """The asked landform cut into the class map (in place); nothing when none is asked."""
    if landform in CARVE:
        CARVE[landform](labels, _landform_rng(seed))


def dune_field_of(seed: int, landform: str, labels: np.ndarray, side: int | None) -> Dunes:
    """The field of dunes `carve_landform` carved for this seed (`side`: the painted sun's, as the carving read
    it), to light it at the painting's size; a plain desert's low swells on its own sand, under the layout's
    horizon (the first sand row of most columns)."""
    if landform == "dunes":
        return dunes_from(_landform_rng(seed), sun_side=side)
    sand = labels == C["sand"]
    first = np.where(sand.any(0), sand.argmax(0), labels.shape[0])
    horizon = float(np.median(first)) / labels.shape[0]
    return replace(dunes_from(_landform_rng(seed), gentle=True, sun_side=side), horizon=horizon)
