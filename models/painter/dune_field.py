"""Sand dunes as a lit height field seen in perspective, not stripes of sand and earth on a flat map.

A field of transverse dunes is a height function of the ground: sinuous crests running across the view at an
angle, each with a long gentle windward slope, a sharp crest and a steep slip face, and fine wind ripples on
the near slopes. It is seen from an eye a little above the sand: each column of the picture is marched
from the eye outwards and every rise that shows over the nearer ones is drawn (a height-field "voxel" render),
so near dunes overlap far ones and may rise against the sky. The low sun lights it from the side: windward
slopes glow, slip faces fall into shade with sharp edges at the crests. The same seed gives the same field at
the layout's size (its silhouette, `carve`) and at the painting's (its light, `paint`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HORIZON = (0.46, 0.56)  # the horizon's height, a share of the picture from the top
CAMERA = 2.6  # the eye's height above the sand's base, in the field's units
FOCAL = 0.9  # focal length, a share of the picture's side
FAR = 300.0  # the farthest ground marched
STEPS = 420
NEAREST = 0.3  # the march starts this share of the bottom row's ground distance from the eye
RAISE, MOSTLY_SHADE = 0.25, 0.5  # the sun's raise (radians) while more than this share of the field is in shade
SUN_MIDDLE = 0.08  # a sun this near the middle (a share of the side) lights the dunes from the field's own side
RIPPLE_NEAR = 4.0  # ripples show only nearer than this (farther they would alias into noise)
LIT, SHADE = (1.16, 1.0, 0.76), (0.7, 0.52, 0.48)  # the sand's colour in the sun and in a slip face's shade
BOUNCE = 0.12  # share of the sky's colour in the shade (the blue a shadow on sand takes)
CREST_DARK, CREST_BAND = 0.72, 0.12  # under each crest the slip face's darkest band: its value, its share of the
# face: the picture's real darks, so the value plan keeps the broad shade light (a whole face at the plan's
# darkest read as a black trench)
RESTATE = 0.55  # share of the smooth light laid back over the sand's strokes
FADE = 0.8  # share of the light-and-shade contrast the farthest dunes lose to the air


@dataclass(frozen=True)
class Dunes:
    horizon: float  # share of the picture's height
    wavelength: float  # crest to crest
    height: float  # a full dune's height
    angle: float  # the crests' slant across the view (radians)
    windward: float  # share of a dune's period that is its gentle slope
    sway: tuple[float, float, float, float]  # sinuous crests: amplitude and wavenumber of two waves
    elevation: float  # the sun's height above the horizon (radians)
    side: int  # the side the sun lights it from (the painted sun's, else drawn): -1 left, 1 right


def dunes_from(rng: np.random.Generator, gentle: bool = False, sun_side: int | None = None) -> Dunes:
    """One painting's field; `gentle`: the low swells of a plain desert, not a sea of dunes; `sun_side`: the side
    of the painted sun (-1 left, 1 right), else the field's own."""
    side = 1 if rng.random() < 0.5 else -1
    side = sun_side or side
    return Dunes(
        horizon=float(rng.uniform(*HORIZON)),
        wavelength=float(rng.uniform(4.0, 6.0) * (1.6 if gentle else 1.0)),
        height=float(rng.uniform(0.9, 1.3) * (0.35 if gentle else 1.0)),
        # crests slant towards the sun's side, so its light rakes across them (slanted away, most of the field
        # faced the sun: over 60 seeds the light's spread was 0.29-0.45 against 0.6-0.9 this way)
        angle=float(side * rng.uniform(0.35, 0.7)),
        windward=float(rng.uniform(0.62, 0.75)),
        sway=(float(rng.uniform(0.15, 0.3)), float(rng.uniform(0.25, 0.5)), 0.08, float(rng.uniform(0.8, 1.2))),
        elevation=float(rng.uniform(0.2, 0.4)),
        side=side,
    )


def _phase(d: Dunes, x: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(t, along, across): where each ground point is in its dune's period (0 at the foot of a slip face, 1 -
    windward at the crest), and its coordinates along the wind and across it."""
    c, s = np.cos(d.angle), np.sin(d.angle)
    along, across = c * z + s * x, -s * z + c * x
    a1, k1, a2, k2 = d.sway
    u = along / d.wavelength + a1 * np.sin(k1 * across) + a2 * np.sin(k2 * across + 1.3)
    return u - np.floor(u), along, across


def height(d: Dunes, x: np.ndarray, z: np.ndarray, ripples: bool = True) -> np.ndarray:
    """Sand height at ground points (x across the view, z away from the eye)."""
    t, along, across = _phase(d, x, z)
    rise = np.where(t < 1 - d.windward, t / (1 - d.windward), (1 - t) / d.windward)  # slip face towards the eye
    profile = rise * rise * (3 - 2 * rise) * 0.35 + rise * 0.65  # rounded feet, a sharp crest
    size = 0.6 + 0.4 * np.sin(0.21 * across + 0.7 + 0.4 * np.sin(0.5 * along)) * np.cos(0.13 * along)
    h = d.height * size * profile
    if ripples:
        near = np.clip(1 - z / RIPPLE_NEAR, 0, 1) * (t >= 1 - d.windward)
        h = h + 0.006 * near * np.sin(along * 28.0 + 2.0 * np.sin(across * 2.0))
    return h


def _surface(d: Dunes, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(seen, x, z): per pixel whether the sand shows there and the ground point it shows (column marching)."""
    horizon, focal = d.horizon * size, FOCAL * size
    near = focal * CAMERA / (size - horizon)
    start = near * NEAREST  # from nearer than the bottom row's ground: a near dune's face is seen whole
    depths = start * (FAR / start) ** (np.arange(STEPS) / (STEPS - 1))
    columns = np.arange(size) + 0.5 - size / 2
    xs = columns[None, :] * depths[:, None] / focal
    zs = np.broadcast_to(depths[:, None], xs.shape)
    tops = horizon + focal * (CAMERA - height(d, xs, zs, ripples=False)) / zs  # [steps, columns] screen rows
    reach = np.minimum.accumulate(np.minimum(tops, size), axis=0)  # highest row drawn so far, near to far
    rows = np.arange(size) + 0.5
    step = np.empty((size, size), np.int64)
    for col in range(size):  # the first (nearest) step whose rise reaches up to each row: where its ray lands
        step[:, col] = np.searchsorted(-reach[:, col], -rows, side="left")
    seen = step < STEPS
    step = np.clip(step, 1, STEPS - 1)
    cols = np.broadcast_to(np.arange(size)[None, :], step.shape)
    above, below = tops[step - 1, cols], tops[step, cols]  # the ray passes between these two steps' rises
    share = np.clip((above - rows[:, None]) / np.maximum(above - below, 1e-6), 0, 1)
    z = depths[step - 1] + share * (depths[step] - depths[step - 1])
    x = columns[None, :] * z / focal
    return seen, x, z


def carve(labels: np.ndarray, d: Dunes, sand: int, sky: int, sky_classes: tuple[int, ...]) -> None:
    """In place on a class map: sand where the dunes show, the layout's sky above them (its ground above the
    dunes' horizon turned to sky)."""
    seen, _, _ = _surface(d, labels.shape[0])
    was_sky = np.isin(labels, sky_classes)
    labels[seen] = sand
    labels[~seen & ~was_sky] = sky


def light(d: Dunes, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(seen, lit, depth, crest) at the painting's size: lit in [0, 1] (slip faces and slopes turned from the sun
    near 0, slopes facing it near 1), depth the ground's distance (for the air's haze), crest the top of each
    slip face, just under its crest."""
    seen, x, z = _surface(d, size)
    e = 0.02 + 0.004 * z  # finite differences a little wider far away (one pixel covers more ground there)
    h = height(d, x, z)
    gx = (height(d, x + e, z) - h) / e
    gz = (height(d, x, z + e) - h) / e
    normal = np.stack([-gx, np.ones_like(gx), -gz], -1)
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    for elevation in (d.elevation, d.elevation + RAISE, d.elevation + 2 * RAISE):
        sun = np.array([d.side * np.cos(elevation), np.sin(elevation), 0.0])
        lambert = np.clip(normal @ sun, 0, 1)
        if not seen.any() or (lambert[seen] < 0.15 * lambert[seen].max()).mean() <= MOSTLY_SHADE:
            break  # (a low sun left some fields nine tenths in shade: it is raised until most of it is lit)
    lit = lambert / max(float(lambert[seen].max()) if seen.any() else 1.0, 1e-3)
    t = _phase(d, x, z)[0]
    crest = seen & (t > (1 - d.windward) * (1 - CREST_BAND)) & (t < 1 - d.windward) & (lit < 0.3)
    return seen, lit, z, crest


def paint(ref: np.ndarray, labels: np.ndarray, d: Dunes, sand: int, sky: int) -> None:
    """In place on the underpainting: the sand's pixels lit as the field's slopes, in the sand's own colour
    (warmer in the sun, darker and bluer in shade), their contrast fading into the distance."""
    where = labels == sand
    if not where.any():
        return
    seen, lit, z, crest = light(d, labels.shape[0])
    base = np.median(ref[where], axis=0)
    sky_colour = np.median(ref[labels == sky], axis=0) if (labels == sky).any() else base
    shade = base * np.asarray(SHADE, np.float32) + BOUNCE * sky_colour
    sunlit = np.clip(base * np.asarray(LIT, np.float32), 0, 1)
    colour = shade + (sunlit - shade) * lit[..., None] ** 0.9
    colour[crest] *= CREST_DARK
    far = np.clip(np.log(z / z[seen].min()) / np.log(FAR / z[seen].min()), 0, 1)[..., None] if seen.any() else 1.0
    colour = (1 - FADE * far) * colour + FADE * far * base
    ref[where] = np.where(seen[where][:, None], colour[where], base)


def sun_side(x: float | None, size: int) -> int | None:
    """The side of a painted sun at column x (-1 left, 1 right), None when there is none or it is near the middle."""
    if x is None or abs(x - size / 2) < SUN_MIDDLE * size:
        return None
    return 1 if x > size / 2 else -1
