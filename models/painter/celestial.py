"""Round, glowing suns and moons.

The layout gives the sun or moon as a blob of the `light` class; a painter would never paint a lumpy sun. We
take each blob's place and size, give its pixels back to the sky, light the sky around it with a glow (in
the underpainting, so the strokes carry it), and after the brushwork paint a clean disc with a soft edge
that stays behind hills and clouds (it is drawn only over open sky).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

LIGHT, SKY, WATER = CLASSES.index("light"), CLASSES.index("sky"), CLASSES.index("water")
CLOUD = CLASSES.index("cloud")
# time: (disc centre, disc rim, glow) RGB in [0, 1]
COLOURS = {
    "dawn": ((1.0, 0.95, 0.82), (1.0, 0.72, 0.45), (1.0, 0.62, 0.42)),
    "day": ((1.0, 0.99, 0.93), (1.0, 0.9, 0.62), (1.0, 0.93, 0.7)),
    "dusk": ((1.0, 0.86, 0.55), (1.0, 0.52, 0.22), (1.0, 0.45, 0.2)),
    "night": ((0.98, 0.97, 0.9), (0.86, 0.86, 0.8), (0.62, 0.7, 0.9)),
}


@dataclass(frozen=True)
class Disc:
    y: float
    x: float
    radius: float


WISP = 2.5  # a cloud touching the sun or moon no larger than this many times the disc is a wisp (it reads as smoke)


def clear_wisps(labels: np.ndarray) -> None:
    """In place: small clouds touching the sun or moon go back to the sky. The layout sometimes leaves a scrap of
    cloud on the disc's rim, which painted reads as smoke rising from it; a big bank of cloud across it stays."""
    from scipy import ndimage

    light = labels == LIGHT
    if not light.any():
        return
    near = ndimage.binary_dilation(light, iterations=max(2, labels.shape[0] // 128))
    clouds, count = ndimage.label(labels == CLOUD)
    for i in np.unique(clouds[near & (clouds > 0)]):
        part = clouds == i
        if part.sum() <= WISP * light.sum():
            labels[part] = SKY


HIDDEN_BY = ("stormy", "rain")  # weathers whose clouds hide the sun or moon (a disc shining through read as odd)


def take_discs(labels: np.ndarray, weather: str = "clear") -> list[Disc]:
    """The sun or moon of a class map as a disc (the largest blob; a sky has one sun), none in a storm or rain;
    every blob becomes sky."""
    from scipy import ndimage

    size = labels.shape[0]
    blobs, count = ndimage.label(labels == LIGHT)
    if count == 0 or weather in HIDDEN_BY:
        labels[labels == LIGHT] = SKY
        return []
    areas = ndimage.sum_labels(np.ones_like(blobs), blobs, range(1, count + 1))
    discs = []
    for i in np.argsort(areas)[::-1][:1]:
        if areas[i] < (size * 0.012) ** 2:
            continue
        cy, cx = ndimage.center_of_mass(blobs == i + 1)
        radius = float(np.clip(np.sqrt(areas[i] / np.pi), size * 0.035, size * 0.08))
        discs.append(Disc(float(cy), float(cx), radius))
    labels[labels == LIGHT] = SKY
    return discs


MOON_RADIUS = 0.042  # a moon added to a night sky that had none, as a share of the side


def add_moon(labels: np.ndarray, discs: list[Disc], spec: SceneSpec) -> list[Disc]:
    """The discs with a moon where a night sky has none and room for one (the widest open sky in its upper part,
    off the frame's edges): a judge tells night from a dark dusk by its moon. Rain and storm hide it."""
    from scipy import ndimage

    if spec.time != "night" or discs or spec.weather in HIDDEN_BY or not (labels == SKY).any():
        return discs  # (under water there is no sky to hold one)
    size = labels.shape[0]
    room = ndimage.distance_transform_edt(labels == SKY)
    room[int(size * 0.45) :] = room[: int(size * 0.12)] = 0  # whole, below the frame's top
    room[:, : int(size * 0.15)] = room[:, int(size * 0.85) :] = 0
    y, x = np.unravel_index(int(np.argmax(room)), room.shape)
    radius = size * MOON_RADIUS
    if room[y, x] < 1.4 * radius:
        return discs
    return [Disc(float(y), float(x), radius)]


def rng_phase(disc: Disc) -> float:
    return float((disc.x * 7.1 + disc.y * 3.3) % (2 * np.pi))


def _distance(size: int, disc: Disc) -> np.ndarray:
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    return np.hypot(yy - disc.y, xx - disc.x)


def add_glow(ref: np.ndarray, labels: np.ndarray, discs: list[Disc], spec: SceneSpec) -> None:
    """Light the sky (and the water below) around each disc, in place: a wide soft halo and a path of light on
    water under it."""
    glow = np.array(COLOURS[spec.time][2], np.float32)
    strength = {"dawn": 0.55, "day": 0.35, "dusk": 0.7, "night": 0.3}[spec.time]
    reach = 2.2 if spec.time == "night" else 3.2  # moonlight stays near the moon
    if spec.weather in ("cloudy", "stormy", "rain", "misty"):
        strength *= 0.5
    size = labels.shape[0]
    open_sky = labels == SKY
    for disc in discs:
        d = _distance(size, disc) / disc.radius
        halo = (strength * np.exp(-((d / reach) ** 2)))[..., None]
        ref[open_sky] = (ref + halo * (glow - ref))[open_sky]
        xx = np.arange(size, dtype=np.float32)[None, :]
        ripples = 0.5 + 0.5 * np.sin(np.arange(size, dtype=np.float32)[:, None] * 0.9 + rng_phase(disc))
        path = np.exp(-(((xx - disc.x) / (disc.radius * 0.9)) ** 2)) * ripples  # broken by the ripples
        water = (labels == WATER) & (np.arange(size)[:, None] > disc.y)
        ref[water] = (ref + (0.5 * strength * path)[..., None] * (glow - ref))[water]


def paint_discs(rgb: np.ndarray, labels: np.ndarray, discs: list[Disc], spec: SceneSpec) -> None:
    """Paint each disc over open sky, in place: a soft-edged round body, lighter in its centre."""
    centre, rim = (np.array(c, np.float32) for c in COLOURS[spec.time][:2])
    hazy = spec.weather in ("misty", "cloudy", "rain", "stormy")
    if hazy:  # seen through haze: a pale disc with a soft edge
        centre, rim = 0.7 * centre + 0.3, 0.6 * rim + 0.35
    size = labels.shape[0]
    behind = np.isin(labels, [SKY]).astype(np.float32)
    for disc in discs:
        d = _distance(size, disc)
        soft = disc.radius * 0.3 if hazy else 1.0
        edge = np.clip((disc.radius - d) / soft + 0.5, 0, 1) * behind * (0.75 if hazy else 1.0)
        t = np.clip(d / disc.radius, 0, 1)[..., None] ** 2
        body = (1 - t) * centre + t * rim
        rgb[:] = rgb + edge[..., None] * (body - rgb)
