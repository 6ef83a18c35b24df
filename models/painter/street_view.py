"""A street seen from the pavement: two rows of houses going back to one vanishing point, the road between them.

"A city street in the rain at night" was painted as a skyline over a flat band of ground: buildings, but no
street. A painter stands in the street: the facades on both sides run back to the vanishing point on the
horizon, their feet along the pavements and their rooflines stepping down house by house, the road between
them narrowing into the distance with its kerbs and centre line, street lamps along the kerb (lit at dusk and
night) and rows of windows on every floor. The geometry is one small seeded plan in picture shares, so the
layout's 64x64 map and the painting at any size draw the same street: the map gets its classes (facades are
buildings, the road earth, the pavements sand), and at the output size the street is drawn again crisply and
dressed in the scene's light; a wet street then mirrors it all (`wet_ground.wet_ground`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.painter.buildings import FACADES, LIT_SHARE, ROOFS, _tone
from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

BUILDING, EARTH, SAND, TRUNK = (CLASSES.index(c) for c in ("building", "earth", "sand", "trunk"))
SKY_LIKE = [CLASSES.index(c) for c in ("sky", "cloud", "light")]
STOREY = 1.9  # a floor's height in eye heights (3 m over 1.6 m)
FAR = 14.0  # depth (1 / distance from the vanishing point) beyond which a facade is too small for windows
ROAD, PAVEMENT, LINE = (0.3, 0.31, 0.34), (0.62, 0.6, 0.57), (0.86, 0.84, 0.78)
LAMP_EVERY = 2.6  # depth between two street lamps on one side
OWN = 0.75  # how much of the street's own colour is laid over the underpainting


@dataclass(frozen=True)
class House:
    side: int  # -1 left of the vanishing point, 1 right
    near: float  # its near end's depth (1 / horizontal distance from the vanishing point, in picture shares)
    far: float  # its far end's depth
    height: float  # its roofline in eye heights above the pavement
    facade: int  # index into buildings.FACADES
    roof: int  # index into buildings.ROOFS


@dataclass(frozen=True)
class StreetView:
    vp_x: float  # the vanishing point, in picture shares
    horizon: float
    kerb: float  # the houses' feet: horizontal over vertical distance from the vanishing point
    road: float  # the road's edge the same way (a share of kerb)
    houses: tuple[House, ...]


def street_view(seed: int) -> StreetView:
    """One seeded street: where it vanishes, how wide it is, and each side's houses back to the vanishing point."""
    rng = np.random.default_rng([seed, 43])
    vp_x = float(rng.uniform(0.42, 0.58))
    houses = []
    for side in (-1, 1):
        depth = 1 / (max(vp_x, 1 - vp_x) + 0.15)  # the first house starts beyond the frame
        while depth < 40:
            width = float(rng.uniform(0.8, 1.6))
            houses.append(
                House(
                    side,
                    depth,
                    depth + width,
                    float(rng.uniform(3.6, 7.5)),
                    int(rng.integers(len(FACADES))),
                    int(rng.integers(len(ROOFS))),
                )
            )
            depth += width
    return StreetView(vp_x, float(rng.uniform(0.46, 0.54)), float(rng.uniform(2.0, 2.6)), 0.58, tuple(houses))


def _geometry(view: StreetView, size: int):
    """Per pixel: horizontal and vertical distance from the vanishing point (picture shares), side and depth."""
    y, x = (np.mgrid[0:size, 0:size].astype(np.float32) + 0.5) / size
    dx, dy = x - view.vp_x, y - view.horizon
    return dx, dy, np.where(dx < 0, -1, 1), 1 / np.maximum(np.abs(dx), 1e-4)


def _column_houses(view: StreetView, size: int) -> np.ndarray:
    """int [size]: the house whose facade each column of the picture shows (-1 for none)."""
    dx = (np.arange(size, dtype=np.float32) + 0.5) / size - view.vp_x
    side, depth = np.where(dx < 0, -1, 1), 1 / np.maximum(np.abs(dx), 1e-4)
    owner = np.full(size, -1, np.int64)
    for i, house in enumerate(view.houses):
        owner[(side == house.side) & (depth >= house.near) & (depth < house.far)] = i
    return owner


def house_index(view: StreetView, size: int) -> np.ndarray:
    """int [size, size]: which house's facade each pixel shows (-1 for none: sky, road, pavement)."""
    dx, dy, _, _ = _geometry(view, size)
    foot = np.abs(dx) / view.kerb  # how far below the horizon a facade's foot is in this column
    owner = _column_houses(view, size)
    heights = np.array([h.height for h in view.houses] + [0.0], np.float32)[owner][None, :]
    inside = (owner[None, :] >= 0) & (dy < foot) & (dy >= -(heights - 1) * foot)
    return np.where(inside, owner[None, :], -1)


def street_classes(view: StreetView, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(facades, road, pavements) boolean [size, size] masks of the street at this size."""
    dx, dy, _, _ = _geometry(view, size)
    below = dy > 0
    road = below & (np.abs(dx) < view.road * view.kerb * dy)
    pavement = below & ~road & (np.abs(dx) < view.kerb * dy)
    return house_index(view, size) >= 0, road, pavement


def lay_street(labels: np.ndarray, view: StreetView) -> None:
    """In place on a class map of any size: facades as buildings, the road as earth, the pavements as sand; what
    is neither stays sky (the layout's buildings and ground elsewhere become sky: the street is the scene)."""
    facades, road, pavement = street_classes(view, labels.shape[0])
    labels[~np.isin(labels, SKY_LIKE)] = SKY_LIKE[0]
    labels[facades] = BUILDING
    labels[road] = EARTH
    labels[pavement] = SAND


def _facades(ref, index, view: StreetView, spec: SceneSpec, rng: np.random.Generator) -> None:
    """Each house in its facade colour, the far side of the street in shade, a cornice, floors of windows (lit
    at dusk and night) and shopfronts and doors on the ground floor."""
    size = ref.shape[0]
    dx, dy, _, depth = _geometry(view, size)
    owner = _column_houses(view, size)
    shaded_side = -1 if rng.random() < 0.5 else 1
    for i, house in enumerate(view.houses):
        columns = np.nonzero(owner == i)[0]
        if not len(columns):
            continue
        cols = slice(int(columns[0]), int(columns[-1]) + 1)
        mask, area = index[:, cols] == i, ref[:, cols]
        foot = np.abs(dx[:, cols]) / view.kerb
        eye = (foot - dy[:, cols]) / np.maximum(foot, 1e-4)  # height above the pavement in eye heights
        _facade(
            area,
            mask,
            eye,
            (depth[:, cols] - house.near) / (house.far - house.near),
            house,
            i,
            spec,
            0.78 if house.side == shaded_side else 1.0,
        )


def _facade(area, mask, eye, along, house: House, i: int, spec: SceneSpec, light: float) -> None:
    """One house's facade in place on its columns of the underpainting (`along`: 0 at its near end, 1 far)."""
    base = area[mask].mean(0)
    wall = _tone(FACADES[house.facade], base, house=True) * light
    area[mask] = wall
    area[mask & (eye > house.height - 0.35)] = _tone(ROOFS[house.roof], base * 0.8)  # the cornice
    if house.near > FAR:
        return
    lit = hsv_colour(42, 0.6, 1.0)
    columns = max(2, int(round((house.far - house.near) * 2.2)))
    bays = along * columns
    in_column = np.abs(np.mod(bays, 1) - 0.5) < 0.2
    floor = np.mod(eye, STOREY) / STOREY
    upper = (eye > STOREY) & (eye < house.height - 0.6) & (floor > 0.3) & (floor < 0.78)
    shop = (eye > 0.3) & (eye < 1.25) & (np.abs(np.mod(bays, 1) - 0.5) < 0.3) & (np.floor(bays) % 2 == 0)
    door = (eye < 1.3) & (np.abs(np.mod(bays, 1) - 0.5) < 0.12) & (np.floor(bays) % 2 == 1)
    window_id = (np.floor(bays) * 7 + np.floor(eye / STOREY) * 13).astype(np.int64)
    on = np.random.default_rng([i, 5]).random(64)[window_id % 64] < LIT_SHARE[spec.time]
    glass = np.clip(wall * 0.4 + np.array([0.05, 0.08, 0.14]), 0, 1)
    windows = mask & in_column & upper
    area[windows & on] = lit
    area[windows & ~on] = glass
    area[mask & shop] = lit * 0.85 if spec.time in ("dusk", "night") else glass * 0.8
    area[mask & door] = wall * 0.35


def _road(ref, road, pavement, view: StreetView) -> None:
    """The road in asphalt with a dashed centre line going back, the pavements paler, a dark kerb between."""
    size = ref.shape[0]
    dx, dy, _, _ = _geometry(view, size)
    light = float(np.clip(ref[road | pavement].mean() / 0.45, 0.4, 1.3)) if (road | pavement).any() else 1.0
    street = np.where(road[..., None], np.array(ROAD), np.array(PAVEMENT)) * light
    across = np.abs(dx) / np.maximum(view.kerb * dy, 1e-4)  # 0 on the centre line, 1 at the houses' feet
    kerb = np.abs(across - view.road) < 0.025
    street[kerb & (road | pavement)] *= 0.55
    ground_depth = 1 / np.maximum(dy, 1e-4)
    dashes = (across < 0.018) & (np.mod(ground_depth, 1.6) < 0.8) & road
    street[dashes] = np.array(LINE) * min(light, 1.2)
    where = road | pavement
    ref[where] = OWN * np.clip(street[where], 0, 1) + (1 - OWN) * ref[where]


def _lamps(ref, labels, view: StreetView, spec: SceneSpec) -> None:
    """Street lamps along both kerbs, back to the vanishing point: a dark post and a head, lit with a halo at
    dusk and night."""
    size = ref.shape[0]
    lit = spec.time in ("dusk", "night")
    for side in (-1, 1):
        depth = 1 / (max(view.vp_x, 1 - view.vp_x)) * 0.9 + (0.0 if side < 0 else LAMP_EVERY / 2)
        while depth < FAR:
            spread = 1 / depth  # the kerb's horizontal distance from the vanishing point at this depth
            x = (view.vp_x + side * spread * (view.road + 0.06)) * size
            foot = (view.horizon + spread / view.kerb) * size
            tall, width = 2.9 * (spread / view.kerb) * size, max(1.0, 0.05 * spread / view.kerb * size)
            top, reach = foot - tall, 30 * width  # the halo's reach
            y0, y1 = int(max(0, top - reach)), int(min(size, foot + 1))
            x0, x1 = int(max(0, x - reach)), int(min(size, x + reach + 1))
            depth += LAMP_EVERY
            if y1 <= y0 or x1 <= x0:
                continue
            yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            area, classes = ref[y0:y1, x0:x1], labels[y0:y1, x0:x1]
            post = (np.abs(xx - x) <= width / 2) & (yy >= top)
            area[post] = area[post] * 0.25 + 0.03
            classes[post] = TRUNK
            head = (xx - x) ** 2 + ((yy - top) * 1.4) ** 2 <= (2.2 * width) ** 2
            if lit:
                halo = np.exp(-((xx - x) ** 2 + (yy - top) ** 2) / (2 * (9 * width) ** 2))[..., None]
                area += 0.45 * halo * (np.array([1.0, 0.82, 0.5]) - area).clip(0)
                area[head] = (1.0, 0.93, 0.7)
            else:
                area[head] = area[head] * 0.3


def dress_street(ref: np.ndarray, labels: np.ndarray, view: StreetView, spec: SceneSpec, rng) -> None:
    """In place on the underpainting at the output size: the street's facades, road and lamps."""
    size = ref.shape[0]
    _, road, pavement = street_classes(view, size)
    _road(ref, road & (labels == EARTH), pavement & (labels == SAND), view)
    _facades(ref, house_index(view, size), view, spec, rng)
    _lamps(ref, labels, view, spec)
