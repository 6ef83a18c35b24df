"""Big surfaces with life in them: rock with planes and cracks (a far range hazed by the air), land with light
and shadow moving over it and a scatter of wildflowers.

A region painted in one colour reads as a flat cut-out, and a large one as mud ("flat muddy green land", "the
rocks are muddy"). A painter breaks a rock into planes (tops catch the sky's light, faces are split by cracks)
and lets light move over a meadow: sunlit patches warm and yellow, cloud shadows cool and blue, with small
saturated accents (flowers) in the near grass. All in the underpainting, so the strokes carry it.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

ROCK, GRASS, FOLIAGE = CLASSES.index("rock"), CLASSES.index("grass"), CLASSES.index("foliage")
LAND = [CLASSES.index(c) for c in ("grass", "sand", "earth", "snow")]
NEAR = [CLASSES.index(c) for c in ("grass", "sand", "earth", "water", "foam", "snow")]
RANGE_FOOT = 0.8  # rock whose foot is above this share of the height, with ground below it, stands far off
RANGE_HAZE = {"clear": 0.35, "cloudy": 0.4, "misty": 0.5, "rain": 0.45, "snow": 0.45, "stormy": 0.3}
CLUMP_LIGHT = 0.16  # a clump's lit top and shaded underside against the crown's colour
SUNLIT, SHADE = np.array([1.0, 0.92, 0.62], np.float32), np.array([0.55, 0.68, 1.0], np.float32)
FLOWER_LIGHT = 0.4  # grass this bright (mean of its RGB) shows its wildflowers at full value; darker, dimmer


def _noise(size: int, cells: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Smooth noise in about [-1, 1], `cells` (rows, columns) of detail across the picture."""
    coarse = rng.uniform(-1, 1, cells).astype(np.float32)
    return np.asarray(Image.fromarray(coarse).resize((size, size), Image.BICUBIC), np.float32)


def rock_faces(ref: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> None:
    """In place: rock broken into lit top planes, facets of varied value and dark cracks along the face."""
    rock = labels == ROCK
    if rock.sum() < 50:
        return
    size = labels.shape[0]
    above = _tops(rock, max(2, size // 70))
    facets = 1 + 0.16 * _noise(size, (7, 14), rng)
    crack_field = _noise(size, (5, 40), rng)  # many more cells across: cracks run mostly up and down
    cracks = np.clip(1 - np.abs(crack_field) / 0.08, 0, 1) * (_noise(size, (12, 12), rng) > -0.2)
    value = facets * (1 - 0.35 * cracks) * np.where(above, 1.3, 1.0)
    ref[rock] = np.clip(ref[rock] * value[rock][:, None], 0, 1)
    sky_light = ref[: max(1, size // 8)].reshape(-1, 3).mean(0)
    ref[above] = 0.75 * ref[above] + 0.25 * sky_light  # the tops take the sky's colour


def distant_ranges(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec) -> None:
    """In place: rock standing beyond the near land or water (a mountain range, a far ridge) takes the air
    between it and the eye: it goes part way to the colour of the sky low down, so a range reads as distance,
    not as a dark lump. The sea's headlands are near and keep their colour."""
    if spec.family == "sea":
        return
    size = labels.shape[0]
    rock = labels == ROCK
    rows = np.arange(size)[:, None]
    lowest = np.where(rock.any(0), size - 1 - rock[::-1].argmax(0), -1)  # each column's lowest rock
    ground_below = (np.isin(labels, NEAR) & (rows > lowest[None, :])).any(0)
    far = ground_below & (lowest < RANGE_FOOT * size)  # its foot on the land beyond the foreground
    behind = rock & far[None, :]
    sky = labels == CLASSES.index("sky")
    if behind.sum() < size * size * 0.01 or not sky.any():
        return
    low_sky = sky & (rows >= np.median(np.nonzero(sky.any(1))[0]))
    haze = ref[low_sky if low_sky.any() else sky].mean(0)
    amount = RANGE_HAZE.get(spec.weather, RANGE_HAZE["clear"])
    ref[behind] = (1 - amount) * ref[behind] + amount * haze


def _tops(mask: np.ndarray, depth: int) -> np.ndarray:
    """Pixels of the mask with open air within `depth` pixels above them: the planes that face the sky."""
    tops = np.zeros_like(mask)
    for k in range(1, depth + 1):
        tops[k:] |= mask[k:] & ~mask[:-k]
    return tops


def leafy_crowns(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    """In place: tree crowns as rounded clumps of leaves, not dark blobs or a flat wall of green: each clump lit
    on its upper side and shaded under it (a hedge or a wood reads as masses of foliage), the crown's upper
    edge lit warm by the light, its underside cool and darker."""
    crown = labels == FOLIAGE
    if crown.sum() < 30:
        return
    size = labels.shape[0]
    clumps = _clump_field(size, rng)
    lit = _tops(crown, max(2, size // 60))
    under = np.zeros_like(crown)
    under[:-3] = crown[:-3] & ~crown[3:]  # the crown's lower edge
    value = clumps * np.where(lit, 1.45, 1.0) * np.where(under, 0.8, 1.0)
    ref[crown] = np.clip(ref[crown] * value[crown][:, None], 0, 1)
    warm = SUNLIT if spec.time != "night" else SHADE
    ref[lit] = np.clip(ref[lit] * (0.85 + 0.15 * warm), 0, 1)


def _clump_field(size: int, rng: np.random.Generator) -> np.ndarray:
    """Value factors around 1: round masses of leaves about a twentieth of the side across, each lighter where
    it faces up (towards the sky) and darker below, with smaller clumps of leaves on them."""
    from scipy import ndimage

    masses = ndimage.gaussian_filter(rng.normal(0, 1, (size, size)).astype(np.float32), size / 40, mode="wrap")
    masses /= masses.std() + 1e-6
    facing_up = -np.gradient(masses, axis=0) * size / 40  # a mass rising above its neighbours is lit on top
    leaves = _noise(size, (size // 14, size // 14), rng)
    return 1 + CLUMP_LIGHT * np.clip(facing_up, -1.5, 1.5) + 0.08 * masses + 0.1 * leaves


def moving_light(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    """In place on land: broad sunlit and shaded patches that lean warm and cool (not grey), and in near
    grass by day, dawn or dusk a scatter of wildflower dabs in the accent colour and white (dimmed at dusk)."""
    land = np.isin(labels, LAND)
    if land.sum() < labels.size * 0.08:
        return
    size = labels.shape[0]
    patches = _noise(size, (9, 3), rng)  # wide and shallow: light and cloud shadow lie on the land in perspective
    strength = 0.16 if spec.weather in ("clear", "cloudy") else 0.09
    lean = (patches * strength)[..., None]
    warm_cool = np.where(lean > 0, SUNLIT, SHADE)
    ref[land] = np.clip(ref[land] * (1 + lean[land]) * (1 + 0.35 * np.abs(lean[land]) * (warm_cool[land] - 1)), 0, 1)
    if spec.time in ("day", "dawn", "dusk") and spec.weather not in ("snow", "stormy") and spec.valence > -0.2:
        _wildflowers(ref, labels == GRASS, spec, rng)


def _wildflowers(ref: np.ndarray, grass: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    """Small dabs in the accent colour (and some white) in the lower, nearer grass, larger nearer the eye."""
    from models.painter.scene_colours import hsv_colour

    size = grass.shape[0]
    rows = np.nonzero(grass.any(1))[0]
    if not len(rows) or grass.sum() < size * size * 0.1:
        return
    top = rows.min()
    n = int(size * size / 2000)
    ys = rng.uniform(top + (size - top) * 0.35, size, n).astype(int).clip(0, size - 1)
    xs = rng.uniform(0, size, n).astype(int).clip(0, size - 1)
    keep = grass[ys, xs]
    ys, xs = ys[keep], xs[keep]
    named = spec.palette_strength >= 0.5  # the person's accent colour, else a meadow's own red
    accent = hsv_colour(spec.accent_hue if named else 352, 0.6 + 0.3 * spec.accent_saturation, 0.92)
    colours = np.stack([accent, hsv_colour(50, 0.7, 0.97), np.array([0.96, 0.95, 0.88], np.float32)])
    dim = float(np.clip(ref[grass].mean() / FLOWER_LIGHT, 0.45, 1.0))  # at dusk the flowers are in the field's light
    colours = colours * dim
    pick = rng.integers(0, 3, len(ys))
    radius = (1 + 3 * (ys - top) / max(1, size - top)) * size / 512
    for y, x, r, c in zip(ys, xs, radius, pick):
        r = int(max(1, r))
        ref[max(0, y - r) : y + r + 1, max(0, x - r) : x + r + 1] = colours[c]
