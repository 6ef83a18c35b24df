"""The air of the hour and the weather, laid over the brushwork so it is seen: fog, morning mist, rain.

A blind judge read "a fishing village at dawn in thick fog" as cloudy dusk and "a tram stop in heavy rain at
night" as a clear night: the underpainting's haze was repainted by the strokes, and pale streaks vanished on
bright skies. A painter lays the air last: fog swallows the distance (paler, softer, lower in contrast the further
back) and leaves the near ground clear; dawn leaves a thin mist lying low on the land; rain falls as streaks light
against a dark ground and dark against a bright one.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from models.painter.object_form import OBJECT
from models.painter.painted_in import horizon_row
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

SKY_LIKE = [CLASSES.index(c) for c in ("sky", "cloud", "light")]
FOG = {"misty": 0.78}  # weather: how much of the horizon's distance the fog takes
RISING = ("cliffs", "chalk_cliffs", "hill")  # landforms that rise before the far line: a lighthouse's cliff, a
# house's hill, lost in a mist taken as deep as the horizon, left the tower or house standing in the air
MIDGROUND = 0.5  # the depth (0 near .. 1 at the horizon) they take in a fog
NOT_RISING = SKY_LIKE + [CLASSES.index(c) for c in ("far", "water", "foam")]
THING_FOG = 0.6  # the share of the fog a drawn thing takes
SKY_FOG = 0.85  # the share of the fog over the sky (at 0.7 a cloud's dark underside stood in it as smoke)
TREES = [CLASSES.index(c) for c in ("foliage", "trunk")]
TREE_FOG = 0.6  # ... and a tree: a wood in fog is rows of paler silhouettes, not a blur over a meadow
DAWN_MIST = 0.4  # a clear or cloudy dawn: the share of its band of mist lying on the land just below the horizon
NEAR_CLEAR = 0.8  # from this depth of the ground down (a share of the ground's height) the foreground stays clear
RAIN_AREA = 600  # one streak per this many pixels: twice as many (300) read as "a mechanical overlay"
RAIN_ALPHA = 120  # a streak's opacity (of 255): pale 70 ones were lost on a bright sky and in a night's darks


def _soft(rgb: np.ndarray, radius: float) -> np.ndarray:
    img = Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255


def distance(labels: np.ndarray) -> np.ndarray:
    """float32 [H, 1]: 1 at the horizon and above it, falling to 0 where the near foreground starts."""
    size = labels.shape[0]
    horizon = horizon_row(labels)
    horizon = int(size * 0.55) if horizon is None else horizon
    y = np.arange(size, dtype=np.float32)[:, None]
    return np.clip(1 - (y - horizon) / max(1.0, NEAR_CLEAR * (size - horizon)), 0, 1)


def fog_colour(rgb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The fog's colour: the sky just above the horizon, lifted towards a pale grey of its own hue."""
    size = labels.shape[0]
    sky = np.isin(labels, SKY_LIKE)
    horizon = horizon_row(labels) or size // 2
    band = sky[max(0, horizon - size // 8) : max(1, horizon)]
    colour = rgb[max(0, horizon - size // 8) : max(1, horizon)][band].mean(0) if band.any() else rgb.mean((0, 1))
    return np.clip(0.55 * colour + 0.45 * colour.mean() * 1.25, 0, 1)


def lay_fog(rgb: np.ndarray, labels: np.ndarray, spec: SceneSpec, landform: str | None = None) -> np.ndarray:
    """float32 [H, W, 3]: the painted picture under its fog or morning mist (unchanged in other weathers); a
    cliff or hill asked as the subject (`landform`) stands in the middle distance of it, not at the far line."""
    if spec.weather in FOG:
        return _fog(rgb, labels, FOG[spec.weather], rising=landform in RISING)
    if spec.time == "dawn" and spec.weather in ("clear", "cloudy"):
        return _low_mist(rgb, labels)
    return rgb


def _fog(rgb: np.ndarray, labels: np.ndarray, strength: float, rising: bool = False) -> np.ndarray:
    """Everything further back paler and softer, up to `strength` at the horizon; the sky flattened to the fog;
    `rising`: the land that rises over the horizon (and what stands on it) is only MIDGROUND deep."""
    size = labels.shape[0]
    depth = np.broadcast_to(distance(labels) ** 1.3, labels.shape)
    if rising:
        depth = np.where(~np.isin(labels, NOT_RISING) & (depth > MIDGROUND), MIDGROUND, depth)
    sky = np.isin(labels, SKY_LIKE)[..., None]
    colour = fog_colour(rgb, labels)
    softened = rgb + (_soft(rgb, size / 90) - rgb) * depth[..., None]  # far edges melt, near ones stay crisp
    thing = np.where(labels == OBJECT, THING_FOG, np.where(np.isin(labels, TREES), TREE_FOG, 1.0))[..., None]
    amount = np.where(sky, SKY_FOG, strength * depth[..., None] * thing)
    return np.clip((1 - amount) * softened + amount * colour, 0, 1)


def _low_mist(rgb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """A band of pale mist lying on the land just below the horizon, thinning both ways (a dawn's mark)."""
    size = labels.shape[0]
    horizon = horizon_row(labels)
    if horizon is None or horizon > size * 0.9:
        return rgb
    y = np.arange(size, dtype=np.float32)[:, None]
    band = np.exp(-(((y - horizon - size * 0.04) / (size * 0.07)) ** 2)) * ~np.isin(labels, SKY_LIKE)
    amount = (DAWN_MIST * band)[..., None]
    return np.clip((1 - amount) * rgb + amount * fog_colour(rgb, labels), 0, 1)


def rain(canvas: Image.Image, rng: np.random.Generator, where: np.ndarray | None = None) -> None:
    """Rain streaks over the finished canvas (in place; only starting `where` it is True, a room's window),
    each light over a dark place and dark over a light one, nearer ones (a third) longer and wider: rain must
    be seen at night and against a pale sky alike."""
    size = canvas.size[0]
    value = np.asarray(canvas.convert("L"), np.float32) / 255
    draw = ImageDraw.Draw(canvas, "RGBA")
    n = int(size * size / RAIN_AREA)
    xs, ys = rng.uniform(0, size, n), rng.uniform(0, size, n)
    near = rng.random(n) < 0.33
    for x, y, close in zip(xs, ys, near):
        if where is not None and not where[min(int(y), size - 1), min(int(x), size - 1)]:
            continue
        length = rng.uniform(0.03, 0.05 if close else 0.03) * size
        under = value[min(int(y), size - 1), min(int(x), size - 1)]
        light = under < 0.55
        shade = (228, 232, 240) if light else tuple(int(c * under * 0.55) for c in (235, 240, 250))
        width = max(1, size // (260 if close else 500))
        draw.line((x, y, x - length * 0.22, y + length), fill=(*shade, RAIN_ALPHA), width=width)
