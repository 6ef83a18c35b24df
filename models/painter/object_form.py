"""Drawn things modelled as forms in the scene's light, not flat fills.

A library drawing is flat colour shapes with hard edges: a sticker. A painter turns each shape into a
volume: the side facing the light is lighter and warmer, the side away from it darker and cooler, the
underside picks up light bounced from the ground and the top some of the sky's colour, and the thing throws
a shadow on what it stands on, away from the light. The volume comes from the drawing itself: every colour
shape inside it (an ear, a sleeve, an apple's cheek) is a small dome inside the whole thing's larger dome, so
a shape's edge reads as a turn of the form, not a printed line.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter
from scipy import ndimage

from models.painter.scene_layout import CLASSES
from models.painter.value_plan import LIGHT_TEMPERATURE

OBJECT = CLASSES.index("field_accent")  # the class `objects` gives a drawing's pixels
SKY_LIKE = [CLASSES.index(c) for c in ("sky", "cloud", "light")]
WATER_LIKE = [CLASSES.index(c) for c in ("water", "foam")]
LIGHT = 0.4  # how much the turn of the form lightens or darkens a shape (0.55 blew lit sides pale, like clay)
TEMPERATURE = 0.12  # lit side towards the light's colour, shadow side towards the shadow's
BOUNCE = 0.22  # reflected light from the ground into the underside, and the sky into the top
SHADOW = 0.3  # how dark a cast shadow is at its foot (0.45 swallowed dark legs standing in it)
CONTACT, CONTACT_DEPTH = 0.45, 0.035  # the dark seam where a thing touches the ground, and its depth (of its height)
VOLUME_SIZE = 512  # the largest side a thing's volume is worked out at
SHAPE_DOMES = 0.7  # how much each colour shape inside a thing rises as a dome of its own
# skin colours a painter mixes for a sitter (light to darker), for an emoji's yellow face
SKIN = np.array([(0.94, 0.78, 0.66), (0.88, 0.68, 0.54), (0.76, 0.55, 0.41), (0.58, 0.40, 0.29)], np.float32)


def _blur(rgb: np.ndarray, radius: float) -> np.ndarray:
    img = Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255


def _inner_edges(ref: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """bool [H, W]: where the drawing changes colour inside the thing (the borders of its shapes)."""
    step = np.zeros(mask.shape, np.float32)
    for c in range(3):
        gy, gx = np.gradient(ref[..., c])
        step += np.abs(gy) + np.abs(gx)
    return (step > 0.06) & mask


def volume(ref: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """float32 [H, W] height of the thing's surface: a dome over its outline, smaller domes over its shapes
    (worked out at 512 at most and scaled up: the forms are broad, the distance transforms are not cheap)."""
    size = mask.shape[0]
    if size > VOLUME_SIZE:
        step = size / VOLUME_SIZE
        small = volume(ref[:: int(round(step)), :: int(round(step))], mask[:: int(round(step)), :: int(round(step))])
        up = ndimage.zoom(small, size / small.shape[0], order=1)[:size, :size] * step
        return up * mask
    scale = size / 512
    whole = np.sqrt(ndimage.distance_transform_edt(mask) / scale)
    shapes = np.sqrt(np.minimum(ndimage.distance_transform_edt(mask & ~_inner_edges(ref, mask)) / scale, 12))
    bulk = ndimage.gaussian_filter(mask.astype(np.float32), size / 40) * size / 14  # the whole thing's roundness
    height = (whole + SHAPE_DOMES * shapes) * scale + bulk
    return ndimage.gaussian_filter(height.astype(np.float32), max(0.8, 1.2 * scale)) * mask


def surface_normals(height: np.ndarray) -> np.ndarray:
    """float32 [H, W, 3] unit normals (x right, y down, z towards the eye) of a height field in pixels."""
    gy, gx = np.gradient(height)
    n = np.stack([-gx, -gy, np.full_like(gx, 0.6)], -1)
    return n / np.linalg.norm(n, axis=-1, keepdims=True)


def _ground_colour(scene: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The mean colour of what is not sky (the ground the light bounces off), or the scene's mean."""
    ground = ~np.isin(labels[::4, ::4], SKY_LIKE + [OBJECT])
    return scene[::4, ::4][ground].mean(0) if ground.any() else scene.reshape(-1, 3).mean(0)


def _sky_colour(scene: np.ndarray, labels: np.ndarray) -> np.ndarray:
    sky = np.isin(labels[::4, ::4], SKY_LIKE)
    return scene[::4, ::4][sky].mean(0) if sky.any() else scene[: scene.shape[0] // 4].reshape(-1, 3).mean(0)


def model_objects(ref: np.ndarray, scene: np.ndarray, labels: np.ndarray, direction: np.ndarray, time: str) -> None:
    """In place on the underpainting: every drawn thing (labels == field_accent) lit as a volume from
    `direction` ((dy, dx) towards the light), warm/cool by the time of day, with bounced light from the ground
    and the sky (`scene`: the underpainting without the things)."""
    mask = labels == OBJECT
    if not mask.any():
        return
    normals = surface_normals(volume(ref, mask))[mask]
    light = np.array([direction[1] * 0.75, direction[0] * 0.75, 0.66], np.float32)
    light /= np.linalg.norm(light)
    facing = normals @ light - light[2]  # 0 where the surface faces the eye, > 0 turned to the light
    facing = np.clip(np.where(facing > 0, 1.6 * facing, 0.7 * facing), -1, 1)[:, None]  # shade, not black
    warm, cool = (np.array(c, np.float32) for c in LIGHT_TEMPERATURE[time])
    colour = ref[mask]
    value = colour.mean(-1, keepdims=True)
    lit = colour * (1 + LIGHT * facing)
    lean = np.where(facing > 0, warm - warm.mean(), cool - cool.mean())
    lit = lit + TEMPERATURE * np.abs(facing) * lean * np.maximum(value, 0.2)
    down, up = np.clip(normals[:, 1:2], 0, 1), np.clip(-normals[:, 1:2], 0, 1)
    shade = np.clip(-facing, 0, 1)
    lit = lit + BOUNCE * shade * down * (_ground_colour(scene, labels) - lit)
    lit = lit + 0.5 * BOUNCE * up * (_sky_colour(scene, labels) - lit)
    ref[mask] = np.clip(lit, 0, 1)


def cast_shadows(ref: np.ndarray, labels: np.ndarray, direction: np.ndarray) -> None:
    """In place: each drawn thing that stands on the ground (not in the sky, not on water) throws its
    silhouette, laid down away from the light and squashed, darkest at its foot and fading with distance."""
    mask = labels == OBJECT
    if not mask.any():
        return
    size = mask.shape[0]
    parts, count = ndimage.label(mask)
    shadow = np.zeros(mask.shape, np.float32)
    contact = np.zeros(mask.shape, np.float32)
    away = -float(direction[1]) if abs(float(direction[1])) > 0.15 else 0.5
    for i, (sl_y, sl_x) in enumerate(ndimage.find_objects(parts), start=1):
        part = parts[sl_y, sl_x] == i
        h, w = part.shape
        if part.sum() < 30:
            continue
        foot = sl_y.stop
        below = labels[min(size - 1, foot + 1), sl_x][part[-1]] if foot < size else np.array([])
        if not len(below) or np.isin(below, SKY_LIKE + WATER_LIKE).mean() > 0.5:
            continue
        squash = 0.32
        sh = max(1, int(h * squash))
        rows = np.arange(sh)
        src = (h - 1 - rows / squash).astype(int)  # the thing upside down, from its foot
        src = np.clip(src, 0, h - 1)
        shift = (away * rows / squash * 0.6).astype(int)
        fade = np.linspace(1.0, 0.25, sh)
        _contact_seam(contact, part, foot, sl_x.start)
        for r in range(sh):
            y = foot + r
            if y >= size:
                break
            x0 = sl_x.start + shift[r]
            xs = np.arange(x0, x0 + w)
            ok = (xs >= 0) & (xs < size)
            shadow[y, xs[ok]] = np.maximum(shadow[y, xs[ok]], part[src[r], ok] * fade[r])
    if not shadow.any():
        return
    shadow = ndimage.gaussian_filter(shadow, max(1.0, size / 200)) * ~mask
    ground = ~np.isin(labels, SKY_LIKE)
    shadow *= ground
    contact = ndimage.gaussian_filter(contact, max(0.7, size / 500)) * ~mask * ground
    ref *= (1 - CONTACT * contact)[..., None]
    cool = np.array(LIGHT_TEMPERATURE["day"][1], np.float32)
    dark = ref * (1 - SHADOW * shadow[..., None])
    ref[:] = dark + 0.25 * SHADOW * shadow[..., None] * (cool * dark.mean(-1, keepdims=True) - dark)


def _contact_seam(contact: np.ndarray, part: np.ndarray, foot: int, left: int) -> None:
    """In place: under each column of a thing whose ink reaches its foot (a book's base, a horse's hooves, not the
    belly between its legs), a thin dark band fading down, so the thing sits on the ground rather than hovers over
    it (blind judges: "the books hover above the table")."""
    h, w = part.shape
    size = contact.shape[0]
    lowest = h - 1 - np.argmax(part[::-1], axis=0)  # each column's lowest ink row
    touching = part.any(0) & (lowest >= h - 1 - max(1, int(0.04 * h)))
    depth = max(2, int(CONTACT_DEPTH * h))
    xs = left + np.nonzero(touching)[0]
    xs = xs[(xs >= 0) & (xs < contact.shape[1])]
    for r in range(min(depth, size - foot)):
        contact[foot + r, xs] = np.maximum(contact[foot + r, xs], 1.0 - r / depth)


def skin_for_sitters(ref: np.ndarray, labels: np.ndarray, seed: int) -> None:
    """In place, on a portrait's underpainting: an emoji person's signal-yellow skin repainted in a skin colour
    (one of a few, by the seed), keeping its light and shade; a drawing already in a skin colour is untouched."""
    mask = labels == OBJECT
    if not mask.any():
        return
    rgb = ref[mask]
    top, low = rgb.max(-1), rgb.min(-1)
    chroma = top - low
    hue = np.degrees(np.arctan2(np.sqrt(3) * (rgb[:, 1] - rgb[:, 2]), 2 * rgb[:, 0] - rgb[:, 1] - rgb[:, 2])) % 360
    yellow = (hue > 30) & (hue < 62) & (chroma > 0.45 * np.maximum(top, 1e-3)) & (top > 0.45)
    if yellow.mean() < 0.03:
        return
    tone = SKIN[seed % len(SKIN)]
    value = rgb[yellow].mean(-1, keepdims=True)
    rgb[yellow] = np.clip(tone * value / max(float(np.percentile(value, 80)), 1e-3), 0, 1)
    ref[mask] = rgb
