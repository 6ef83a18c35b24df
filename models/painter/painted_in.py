"""Things painted into the scene, not pasted on it, and the air between the eye and the distance.

A drawing from a library arrives with flat, fully saturated colours and a crisp outline: a sticker. A
painter would let the scene's light and colour into it: some of the surrounding colour reflected into its
shadows, its chroma no stronger than the scene's brightest accents, its hues leaning to the palette, and
its outline lost in places into what is behind it. Then the whole scene gets its aerial perspective: the
farther up the ground towards the horizon, the more its colours go to the horizon's sky and the less
contrast they keep (things in the distance included).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from models.painter.scene_colours import _tinted
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

OBJECT = CLASSES.index("field_accent")  # the class `objects` gives a drawing's pixels
SKY_LIKE = [CLASSES.index(c) for c in ("sky", "cloud", "light")]
AMBIENT = 0.12  # share of the surroundings' colour reflected into a thing (its own bounce light does the rest)
PALETTE_LEAN = 0.14  # how far a thing's hues lean to the palette's main colour
DARK_FLOOR = 0.45  # a thing's darkest value as a share of its surroundings' value
LOST_EDGE = 0.4  # how much of the outline dissolves into the surroundings, where it is lost
THING_HAZE = 0.45  # a drawn thing takes this share of the distance's haze (it was asked for: it must read)
# the modelled thing laid back over its strokes: broad parts, thin parts (dev: at 0.06/0.4 a horse's legs were lost
# in the grass strokes and its body smeared into a lump; at 0.45/0.85 the strokes still show in it)
RESTATE_BROAD, RESTATE_THIN = 0.45, 0.85
RESTATE_SITTER = 0.7  # a sitter's broad parts (the face's planes) restated more: stroke noise read as a rough mask
CHROMA_FLOOR, CHROMA_LEAD = 0.4, 1.5  # a thing's chroma cap: the floor, or this many times the scene's (an orange camel
# in a dusty desert stays orange, not cream)


def _blur(rgb: np.ndarray, radius: float) -> np.ndarray:
    img = Image.fromarray((np.clip(rgb, 0, 1) * 255).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255


def _mask_blur(mask: np.ndarray, radius: float) -> np.ndarray:
    img = Image.fromarray((mask * 255).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255


def _chroma(rgb: np.ndarray) -> np.ndarray:
    return rgb.max(-1) - rgb.min(-1)


def settle_objects(ref: np.ndarray, scene: np.ndarray, labels: np.ndarray, spec: SceneSpec, seed: int) -> None:
    """In place on the underpainting `ref` (with the objects in it): each object pixel takes some of the
    scene's colour around it (`scene`: the underpainting before the objects), leans to the palette, keeps its
    chroma within the scene's, and its outline is lost into the surroundings in places (ragged, by noise)."""
    mask = labels == OBJECT
    if not mask.any():
        return
    size = labels.shape[0]
    ambient = _blur(scene, size / 14)
    obj = ref[mask]
    obj = (1 - AMBIENT) * obj + AMBIENT * ambient[mask]
    obj = _tinted(obj, spec.hue, min(0.6, spec.saturation), PALETTE_LEAN * (0.5 + spec.palette_strength))
    sample = ~mask[::3, ::3]
    scene_chroma = float(np.percentile(_chroma(scene[::3, ::3][sample]), 97)) if sample.any() else 0.5
    cap = max(CHROMA_FLOOR, CHROMA_LEAD * scene_chroma)  # the brightest accent, never louder than the scene
    chroma = _chroma(obj)[:, None]
    grey = obj.mean(-1, keepdims=True)
    obj = grey + (obj - grey) * np.minimum(1.0, cap / np.maximum(chroma, 1e-3))
    ref[mask] = np.clip(obj, 0, 1)
    # lost and found edges: a band around the outline blends into the surroundings where a noise field says so
    soft = _mask_blur(mask.astype(np.float32), max(1.0, size / 256))
    band = 4 * soft * (1 - soft)  # 1 on the outline, 0 well inside or outside
    rng = np.random.default_rng(seed + 17)
    noise = np.asarray(Image.fromarray(rng.uniform(0, 1, (12, 12)).astype(np.float32)).resize((size, size)))
    lost = (LOST_EDGE * band * np.clip((noise - 0.35) * 2.5, 0, 1))[..., None]
    ref[:] = (1 - lost) * ref + lost * _blur(ref, max(1.5, size / 128))


def lift_object_darks(ref: np.ndarray, labels: np.ndarray) -> None:
    """In place, after the value plan: no flat black in a drawn thing; its darkest parts keep some of the light
    around them (a silhouette reads as a dark form in the scene's air, not a hole)."""
    mask = labels == OBJECT
    if not mask.any():
        return
    around = _blur(ref, labels.shape[0] / 14)[mask]
    level = np.maximum(around.mean(-1, keepdims=True), 1e-3)
    value = ref[mask].mean(-1, keepdims=True)
    lift = np.clip(DARK_FLOOR * level - value, 0, None) / level
    ref[mask] = np.clip(ref[mask] + lift * around, 0, 1)


def restate_things(
    painted: np.ndarray, ref: np.ndarray, things: np.ndarray, broad: float = RESTATE_BROAD
) -> np.ndarray:
    """float32 [H, W, 3]: the modelled reference laid thinly over the strokes inside each drawn thing, more where
    the thing is thin (an eye, a mast, a small far thing must read), little in its broad parts (their strokes
    show, `broad` of them: more for a portrait's sitter, whose face is painted with finer brushes), nothing at its
    outline (the strokes there keep the edge soft)."""
    from scipy import ndimage

    scale = max(1.0, things.shape[0] / 512)
    depth = ndimage.distance_transform_edt(things).astype(np.float32) / scale
    inside = np.clip((depth - 1) / 2, 0, 1)  # 0 on the outline, 1 from 3 px in
    thin = np.clip(1 - depth / 14, 0, 1)  # thin parts are restated more
    amount = (broad + (RESTATE_THIN - broad) * thin) * inside
    return painted + (ref - painted) * amount[..., None]


def horizon_row(labels: np.ndarray) -> int | None:
    """The row where the sky meets the land or water (median over the columns that have both), or None."""
    sky = np.isin(labels, SKY_LIKE)
    below = ~sky
    cols = below.any(0) & sky.any(0)
    if not cols.any():
        return None
    first = below.argmax(0)
    return int(np.median(first[cols]))


def aerial_perspective(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec) -> np.ndarray:
    """float32 [H, W, 3]: below the horizon, the nearer the horizon, the more the ground (and what stands on it)
    goes to the horizon's colour and the less contrast it keeps; the near foreground is untouched."""
    size = labels.shape[0]
    horizon = horizon_row(labels)
    if horizon is None or horizon > size * 0.85:
        return ref
    above = ref[max(0, horizon - size // 20) : max(1, horizon)]
    sky_rows = np.isin(labels[max(0, horizon - size // 20) : max(1, horizon)], SKY_LIKE)
    haze = above[sky_rows].mean(0) if sky_rows.any() else ref[: size // 8].reshape(-1, 3).mean(0)
    y = np.arange(size, dtype=np.float32)[:, None]
    depth = np.clip(1 - (y - horizon) / max(1.0, 0.55 * (size - horizon)), 0, 1) ** 1.6
    depth = np.where(y >= horizon - size * 0.12, depth, 0)  # hills and towers just above the line too
    strength = {"misty": 0.55, "rain": 0.45, "snow": 0.4, "cloudy": 0.38}.get(spec.weather, 0.32)
    share = np.where(labels == OBJECT, THING_HAZE, 1.0) * ~np.isin(labels, SKY_LIKE)  # a thing asked for stays legible
    amount = (strength * depth)[..., None] * share[..., None]
    local = _blur(ref, size / 40)
    flattened = local + (ref - local) * 0.6  # less contrast in the distance
    return (1 - amount) * ref + amount * (0.5 * flattened + 0.5 * haze)


SITTER_LIGHT = 0.9  # a sitter's lightest light (its 97th percentile of value) after the value plan


def sitter_in_its_light(planned: np.ndarray, before: np.ndarray, things: np.ndarray) -> None:
    """In place on the planned picture: a portrait's sitter with the values it had before the value plan, scaled so
    its lights reach SITTER_LIGHT. The plan stretches the picture between its percentiles; a sitter, the light of
    the picture, was pushed up against white there and lost the turn of its face to one flat cream."""
    if not things.any():
        return
    value = before[things].mean(-1)
    gain = SITTER_LIGHT / max(float(np.percentile(value, 97)), 1e-3)
    planned[things] = np.clip(before[things] * gain, 0, 1)
