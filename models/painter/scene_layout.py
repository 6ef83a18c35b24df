"""Procedural scene layouts: a 64x64 map of what is where (sky, water, trees, buildings ...).

These maps are the painter's training data (the layout network learns their distribution per
family, time, weather and mood) and the corpus's compositions (the brushwork renderer paints
them). Drawn back to front, like a painter blocking in a canvas.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_spec import SceneSpec

LAYOUT_SIZE = 64
CLASSES = (
    "sky",
    "cloud",
    "light",  # the sun or the moon
    "far",  # distant hills, faded by the air
    "rock",  # near mountains and cliffs
    "snow",
    "water",
    "foam",
    "grass",
    "sand",
    "earth",
    "foliage",
    "trunk",
    "building",
    "petal",
    "bloom",  # flower centres
    "boat",
    "field_main",  # abstract kinds: the palette's main colour
    "field_accent",
    "field_dark",
    "field_light",
)
K = len(CLASSES)
C = {name: i for i, name in enumerate(CLASSES)}


def _grid() -> tuple[np.ndarray, np.ndarray]:
    y, x = np.mgrid[0:LAYOUT_SIZE, 0:LAYOUT_SIZE].astype(np.float32) / (LAYOUT_SIZE - 1)
    return y, x


def ridge(rng: np.random.Generator, base: float, amp: float, octaves: int = 4) -> np.ndarray:
    """A ridgeline over x: sines of rising frequency and falling amplitude ([LAYOUT_SIZE] heights, 0 = top)."""
    x = np.linspace(0, 1, LAYOUT_SIZE)
    line = np.full(LAYOUT_SIZE, base, dtype=np.float32)
    for o in range(octaves):
        freq = rng.uniform(1, 2.5) * 2**o
        line += amp / 2**o * np.sin(2 * np.pi * freq * x + rng.uniform(0, 2 * np.pi))
    return line


def below(line: np.ndarray) -> np.ndarray:
    y, _ = _grid()
    return y >= line[None, :]


def disc(cy: float, cx: float, r: float, squash: float = 1.0) -> np.ndarray:
    y, x = _grid()
    return ((y - cy) / squash) ** 2 + (x - cx) ** 2 <= r * r


def blob(rng: np.random.Generator, cy: float, cx: float, ry: float, rx: float, lumps: int = 5) -> np.ndarray:
    """A cloud or tree crown: a few overlapping ellipses."""
    y, x = _grid()
    mask = np.zeros_like(y, dtype=bool)
    for _ in range(lumps):
        dy, dx = rng.normal(0, ry * 0.4), rng.normal(0, rx * 0.5)
        s = rng.uniform(0.55, 1.0)
        mask |= ((y - cy - dy) / (ry * s)) ** 2 + ((x - cx - dx) / (rx * s)) ** 2 <= 1
    return mask


def sky_and_light(layout: np.ndarray, spec: SceneSpec, rng: np.random.Generator, horizon: float) -> None:
    """The light source where the time of day puts it, then clouds as the weather asks."""
    if spec.time in ("dawn", "dusk"):
        cy, cx, r = horizon - rng.uniform(0.03, 0.12), rng.uniform(0.2, 0.8), rng.uniform(0.06, 0.1)
    elif spec.time == "day":
        cy, cx, r = rng.uniform(0.08, max(0.1, horizon - 0.2)), rng.uniform(0.15, 0.85), rng.uniform(0.05, 0.08)
    else:
        cy, cx, r = rng.uniform(0.08, max(0.1, horizon - 0.25)), rng.uniform(0.15, 0.85), rng.uniform(0.04, 0.07)
    if spec.weather not in ("stormy", "rain") or rng.random() < 0.2:
        layout[disc(cy, cx, r) & (layout == C["sky"])] = C["light"]
    clouds = {"clear": (0, 2), "cloudy": (4, 8), "stormy": (6, 10), "misty": (1, 3), "rain": (5, 9), "snow": (4, 8)}
    lo, hi = clouds[spec.weather]
    heavy = spec.weather in ("stormy", "rain", "snow")
    for _ in range(int(rng.integers(lo, hi + 1))):
        cy = rng.uniform(0.02, max(0.08, horizon * (0.5 if heavy else 0.75)))
        ry, rx = rng.uniform(0.03, 0.08) * (1.6 if heavy else 1), rng.uniform(0.08, 0.2) * (1.4 if heavy else 1)
        mask = blob(rng, cy, rng.uniform(0, 1), ry, rx) & np.isin(layout, [C["sky"], C["light"]])
        layout[mask] = C["cloud"]


# Tree size (crown scale at the middle of the picture) and the share of conifers, per scene family;
# a forest draws its share per painting. The instance placer (`instances`) uses the same shapes.
TREE_SIZE = {"mountains": 0.035, "forest": 0.05, "meadow": 0.05, "lake": 0.03, "snow": 0.04, "night_sky": 0.03}
CONIFER_SHARE = {"mountains": 0.9, "meadow": 0.3, "lake": 0.7, "snow": 0.9, "night_sky": 0.8}


def tree_shape(rng, base: float, cx: float, scale: float, conifer: bool) -> tuple[np.ndarray, np.ndarray]:
    """(trunk, crown) masks of one tree standing at height `base`: a conifer's triangle or a round crown."""
    y, x = _grid()
    if conifer:
        height, width = scale * rng.uniform(2.2, 3.2), scale * rng.uniform(0.7, 1.0)
        crown = (y <= base) & (y >= base - height) & (np.abs(x - cx) <= width * (y - (base - height)) / height)
    else:
        crown = blob(rng, base - scale * 1.2, cx, scale * 0.9, scale * 0.8)
    trunk = (np.abs(x - cx) <= scale * 0.12) & (y <= base + scale * 0.2) & (y >= base - scale)
    return trunk, crown


def _trees(layout, rng, n, top, bottom, size, conifer_share):
    for _ in range(n):
        base, cx = rng.uniform(top, bottom), rng.uniform(-0.05, 1.05)
        scale = size * (0.5 + base)  # nearer (lower) trees are bigger
        trunk, crown = tree_shape(rng, base, cx, scale, rng.random() < conifer_share)
        layout[trunk] = C["trunk"]
        layout[crown] = C["foliage"]


def draw_sea(layout, spec, rng):
    horizon = rng.uniform(0.3, 0.55)
    sky_and_light(layout, spec, rng, horizon)
    y, x = _grid()
    layout[y >= horizon] = C["water"]
    swell = 0.01 + 0.04 * (spec.arousal + 1) / 2 + (0.03 if spec.weather == "stormy" else 0)
    for row in np.arange(horizon + 0.05, 1.0, rng.uniform(0.06, 0.1)):
        crest = ridge(rng, row, swell * (0.5 + row), octaves=3)
        layout[(y >= crest[None, :]) & (y <= crest[None, :] + 0.012 + swell * 0.6) & (layout == C["water"])] = C["foam"]
    if rng.random() < 0.5:
        side = rng.random() < 0.5
        cliff = ridge(rng, horizon - rng.uniform(0.05, 0.2), 0.05)
        reach = rng.uniform(0.2, 0.45)
        edge = (x <= reach) if side else (x >= 1 - reach)
        layout[below(cliff) & edge & (y < 1)] = C["rock"]
    if rng.random() < 0.4:
        layout[below(ridge(rng, rng.uniform(0.82, 0.92), 0.03))] = C["sand"]


def draw_mountains(layout, spec, rng):
    horizon = rng.uniform(0.5, 0.7)
    far = ridge(rng, horizon - rng.uniform(0.2, 0.3), 0.12)
    near = ridge(rng, horizon - rng.uniform(0.05, 0.15), 0.14)
    sky_and_light(layout, spec, rng, float(far.min()))
    layout[below(far)] = C["far"]
    layout[below(near)] = C["rock"]
    y, _ = _grid()
    snowline = near + rng.uniform(0.04, 0.09)
    layout[below(near) & (y < snowline[None, :]) & (near[None, :] < horizon - 0.08)] = C["snow"]
    ground = ridge(rng, horizon + rng.uniform(0.05, 0.15), 0.03)
    layout[below(ground)] = C["snow"] if spec.weather == "snow" else C["grass"]
    if rng.random() < 0.5:
        _trees(
            layout,
            rng,
            int(rng.integers(3, 10)),
            float(ground.mean()),
            1.0,
            TREE_SIZE["mountains"],
            CONIFER_SHARE["mountains"],
        )


def draw_forest(layout, spec, rng):
    horizon = rng.uniform(0.45, 0.65)
    sky_and_light(layout, spec, rng, horizon - 0.2)
    layout[below(ridge(rng, horizon - 0.12, 0.04))] = C["far"]
    layout[below(ridge(rng, horizon, 0.02))] = C["snow"] if spec.weather == "snow" else C["grass"]
    _trees(layout, rng, int(rng.integers(14, 26)), horizon - 0.05, 1.05, TREE_SIZE["forest"], rng.uniform(0, 1))
    if rng.random() < 0.4:
        y, x = _grid()
        path = np.abs(x - 0.5 - (y - 1) * rng.uniform(-0.4, 0.4)) < 0.02 + 0.12 * (y - horizon).clip(0)
        layout[path & (y > horizon + 0.1) & (layout != C["trunk"])] = C["earth"]


def draw_meadow(layout, spec, rng):
    horizon = rng.uniform(0.45, 0.7)
    sky_and_light(layout, spec, rng, horizon)
    if rng.random() < 0.7:
        layout[below(ridge(rng, horizon - rng.uniform(0.03, 0.1), 0.04))] = C["far"]
    layout[below(ridge(rng, horizon, 0.025))] = C["snow"] if spec.weather == "snow" else C["grass"]
    _trees(layout, rng, int(rng.integers(0, 4)), horizon, horizon + 0.15, TREE_SIZE["meadow"], CONIFER_SHARE["meadow"])
    for _ in range(int(rng.integers(6, 30))):
        cy = rng.uniform(horizon + 0.1, 1.0)
        layout[disc(cy, rng.uniform(0, 1), 0.006 + 0.02 * (cy - horizon))] = C["petal"]


def draw_lake(layout, spec, rng):
    horizon = rng.uniform(0.35, 0.55)
    sky_and_light(layout, spec, rng, horizon - 0.1)
    layout[below(ridge(rng, horizon - rng.uniform(0.05, 0.15), 0.06))] = C["far"]
    y, x = _grid()
    layout[y >= horizon] = C["water"]
    _trees(
        layout, rng, int(rng.integers(4, 12)), horizon - 0.02, horizon + 0.02, TREE_SIZE["lake"], CONIFER_SHARE["lake"]
    )
    shore = ridge(rng, rng.uniform(0.8, 0.92), 0.04)
    layout[below(shore)] = C["grass"]
    if rng.random() < 0.6:
        cy, cx = rng.uniform(horizon + 0.08, 0.75), rng.uniform(0.2, 0.8)
        hull = (np.abs(y - cy) < 0.018) & (np.abs(x - cx) < 0.08 - (y - cy + 0.018) * 1.2)
        layout[hull] = C["boat"]


def draw_desert(layout, spec, rng):
    horizon = rng.uniform(0.45, 0.65)
    sky_and_light(layout, spec, rng, horizon - 0.05)
    if rng.random() < 0.6:
        y, x = _grid()
        for _ in range(int(rng.integers(1, 4))):
            cx, w, h = rng.uniform(0, 1), rng.uniform(0.05, 0.15), rng.uniform(0.08, 0.2)
            layout[(np.abs(x - cx) < w) & (y >= horizon - h) & (y < horizon + 0.02)] = C["rock"]
    layout[below(ridge(rng, horizon, 0.02))] = C["sand"]
    for row in np.arange(horizon + 0.08, 1.0, rng.uniform(0.12, 0.2)):
        crest = ridge(rng, row, 0.05, octaves=2)
        y, _ = _grid()
        layout[(y >= crest[None, :]) & (y < crest[None, :] + 0.05) & (layout == C["sand"])] = C["earth"]


def draw_snow(layout, spec, rng):
    horizon = rng.uniform(0.45, 0.65)
    sky_and_light(layout, spec, rng, horizon - 0.1)
    layout[below(ridge(rng, horizon - rng.uniform(0.05, 0.2), 0.08))] = C["far"]
    layout[below(ridge(rng, horizon, 0.03))] = C["snow"]
    _trees(layout, rng, int(rng.integers(3, 12)), horizon, 1.0, TREE_SIZE["snow"], CONIFER_SHARE["snow"])
    y, x = _grid()
    for _ in range(int(rng.integers(0, 3))):  # a house or two
        cy, cx = rng.uniform(horizon + 0.05, 0.85), rng.uniform(0.1, 0.9)
        layout[(np.abs(x - cx) < 0.05) & (y > cy - 0.05) & (y < cy)] = C["building"]


def draw_city(layout, spec, rng):
    ground = rng.uniform(0.6, 0.8)
    sky_and_light(layout, spec, rng, ground - 0.3)
    y, x = _grid()
    cx = -0.02
    while cx < 1.02:
        width = rng.uniform(0.04, 0.12)
        top = ground - rng.uniform(0.12, 0.55)
        layout[(x >= cx) & (x < cx + width) & (y >= top) & (y < ground)] = C["building"]
        if rng.random() < 0.2:  # a spire
            layout[(np.abs(x - cx - width / 2) < 0.008) & (y >= top - 0.08) & (y < top)] = C["building"]
        cx += width + rng.uniform(0, 0.03)
    layout[y >= ground] = C["water"] if rng.random() < 0.5 else C["earth"]


def draw_night_sky(layout, spec, rng):
    horizon = rng.uniform(0.7, 0.88)
    sky_and_light(layout, spec, rng, horizon)
    layout[below(ridge(rng, horizon, 0.05))] = C["far"]
    if rng.random() < 0.6:
        _trees(
            layout,
            rng,
            int(rng.integers(2, 8)),
            horizon + 0.03,
            1.0,
            TREE_SIZE["night_sky"],
            CONIFER_SHARE["night_sky"],
        )


def draw_garden(layout, spec, rng):
    horizon = rng.uniform(0.2, 0.45)
    sky_and_light(layout, spec, rng, horizon)
    layout[below(ridge(rng, horizon, 0.03))] = C["foliage"]
    y, x = _grid()
    heads = sorted(rng.uniform(horizon, 0.95, int(rng.integers(4, 12))))
    for cy in heads:
        cx, r = rng.uniform(0.05, 0.95), 0.03 + 0.07 * (cy - horizon) / (1 - horizon)
        layout[(np.abs(x - cx) < r * 0.12) & (y > cy)] = C["grass"]  # stem
        layout[disc(cy, cx, r)] = C["petal"]
        layout[disc(cy, cx, r * 0.45)] = C["bloom"]


def draw_sky(layout, spec, rng):
    horizon = rng.uniform(0.78, 0.92)
    sky_and_light(layout, spec, rng, horizon)
    for _ in range(int(rng.integers(2, 5))):  # big clouds whatever the weather: clouds are the subject
        layout[blob(rng, rng.uniform(0.15, horizon - 0.15), rng.uniform(0, 1), 0.1, 0.25, 7)] = C["cloud"]
    layout[below(ridge(rng, horizon, 0.02))] = C["water"] if rng.random() < 0.4 else C["grass"]


def draw_colour_field(layout, spec, rng):
    y, x = _grid()
    layout[:] = C["field_main"]
    bands = int(rng.integers(2, 4))
    cuts = np.sort(rng.uniform(0.1, 0.9, bands - 1))
    bounds = np.concatenate([[rng.uniform(0.05, 0.1)], cuts, [rng.uniform(0.9, 0.95)]])
    margin = rng.uniform(0.06, 0.12)
    kinds = rng.permutation([C["field_accent"], C["field_dark"], C["field_light"]])
    for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
        wobble = 0.01 * np.sin(x * rng.uniform(5, 15))
        layout[(y + wobble > a + 0.015) & (y + wobble < b - 0.015) & (x > margin) & (x < 1 - margin)] = kinds[i % 3]


def draw_geometric(layout, spec, rng):
    y, x = _grid()
    layout[:] = C["field_light"] if rng.random() < 0.5 else C["field_main"]
    kinds = [C["field_main"], C["field_accent"], C["field_dark"], C["field_light"]]
    for _ in range(int(rng.integers(4, 9 + int(6 * spec.energy)))):
        cy, cx, r = rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9), rng.uniform(0.06, 0.25)
        shape = rng.integers(0, 3)
        if shape == 0:
            mask = disc(cy, cx, r)
        elif shape == 1:
            mask = (np.abs(y - cy) < r * rng.uniform(0.3, 1)) & (np.abs(x - cx) < r)
        else:
            mask = (y <= cy + r) & (y >= cy - r) & (np.abs(x - cx) <= (y - cy + r) / 2)
        layout[mask] = kinds[int(rng.integers(0, 4))]


def draw_gestural(layout, spec, rng):
    y, x = _grid()
    layout[:] = C["field_light"] if rng.random() < 0.4 else C["field_main"]
    kinds = [C["field_main"], C["field_accent"], C["field_dark"], C["field_light"]]
    for _ in range(int(rng.integers(4, 8 + int(6 * spec.energy)))):
        amp, freq = rng.uniform(0.05, 0.1 + 0.25 * spec.energy), rng.uniform(2, 5 + 10 * spec.energy)
        centre = rng.uniform(0.1, 0.9) + amp * np.sin(x * freq + rng.uniform(0, 6))
        band = np.abs(y - centre) < rng.uniform(0.02, 0.07)
        if rng.random() < 0.5:
            band = band.T
        layout[band] = kinds[int(rng.integers(0, 4))]


DRAWERS = {
    "sea": draw_sea,
    "mountains": draw_mountains,
    "forest": draw_forest,
    "meadow": draw_meadow,
    "lake": draw_lake,
    "desert": draw_desert,
    "snow": draw_snow,
    "city": draw_city,
    "night_sky": draw_night_sky,
    "garden": draw_garden,
    "sky": draw_sky,
    "colour_field": draw_colour_field,
    "geometric": draw_geometric,
    "gestural": draw_gestural,
}


def draw_layout(spec: SceneSpec, rng: np.random.Generator) -> np.ndarray:
    """uint8 [LAYOUT_SIZE, LAYOUT_SIZE] class map of one composition for this spec."""
    layout = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], dtype=np.uint8)
    DRAWERS[spec.family](layout, spec, rng)
    return layout


def one_hot(layout: np.ndarray) -> np.ndarray:
    """[H, W] class map -> float32 [K, H, W]."""
    return (np.arange(K)[:, None, None] == layout[None]).astype(np.float32)
