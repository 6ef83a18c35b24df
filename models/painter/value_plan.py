"""The value plan: every painting spans from a real dark to a real light, whatever its mood.

A painter decides the values first: where the darkest dark and the lightest light go, and the key (how
light the picture is overall). The mood sets the key, never the range: a sad painting is low-key but keeps
near-black accents and a few pale lights, so it reads as a picture and not as one grey wash. Then the light
has a temperature: lights lean warm and shadows cool by day, the other way round under the moon.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_spec import SceneSpec

LUMA = np.array([0.299, 0.587, 0.114], np.float32)
# time: (light colour, shadow colour) as RGB directions the values lean towards
LIGHT_TEMPERATURE = {
    "dawn": ((1.0, 0.55, 0.35), (0.25, 0.3, 0.75)),
    "day": ((1.0, 0.8, 0.45), (0.3, 0.4, 0.8)),
    "dusk": ((1.0, 0.45, 0.2), (0.35, 0.25, 0.65)),
    "night": ((0.7, 0.8, 1.0), (0.1, 0.1, 0.35)),
}


MUD_HUE, MUD_HALF_WIDTH, MUD_VALUE = 58.0, 24.0, 0.75  # dark yellows around olive, below this value
OCHRE_HUE = 34.0  # where they are turned: a warm ochre, an umber in the dark
DEEP_DARK = {"day": (0.3, 0.3, 0.55), "dawn": (0.4, 0.3, 0.55), "dusk": (0.45, 0.28, 0.5), "night": (0.25, 0.3, 0.6)}


def value_targets(spec: SceneSpec) -> tuple[float, float, float]:
    """(darkest, lightest, key): the values the 2nd and 98th percentiles and the median are moved to."""
    key = float(np.clip(0.18 + 0.5 * spec.brightness, 0.2, 0.66))
    darkest = 0.04 + 0.06 * spec.brightness
    lightest = 0.8 + 0.17 * spec.brightness
    if spec.time == "night":
        key, darkest, lightest = key * 0.55, 0.03, max(lightest, 0.85)
    elif spec.weather in ("misty", "snow"):  # pale atmospheres stay high-key, with darks in the foreground
        key, lightest = max(key, 0.55), max(lightest, 0.92)
    if spec.time == "dusk":  # the low sun's long, deep shadows: a lower key than the pale dawn's
        key, darkest = key * 0.85, darkest * 0.7
    return darkest, lightest, key


def luminance(rgb: np.ndarray) -> np.ndarray:
    return rgb @ LUMA


def apply_value_plan(rgb: np.ndarray, spec: SceneSpec) -> np.ndarray:
    """float32 [H, W, 3] -> the same picture with its values stretched to the plan: colours keep their hue and
    chroma ratios, only value moves (pixels pushed past white go towards white)."""
    value = luminance(rgb)
    darkest, lightest, key = value_targets(spec)
    low, mid, high = np.percentile(value[::4, ::4], (1, 50, 99))
    low, high = min(low, mid - 0.02), max(high, mid + 0.02)
    # below the median: [low, mid] -> [darkest, key]; above: [mid, high] -> [key, lightest] (each end eased, so
    # the darks deepen mostly in the darkest few percent and a mid-value region keeps most of its value)
    t_dark = np.clip((value - low) / (mid - low), 0, 1) ** 0.75
    t_light = np.clip((value - mid) / (high - mid), 0, 1)
    target = np.where(value < mid, darkest + (key - darkest) * t_dark, key + (lightest - key) * t_light)
    scaled = rgb * (target / np.maximum(value, 1e-3))[..., None]
    over = np.clip(scaled.max(-1, keepdims=True) - 1, 0, None)
    return np.clip(scaled + over * (1 - scaled), 0, 1)  # past white: desaturate towards white, not clip a hue


def light_temperature(rgb: np.ndarray, spec: SceneSpec, amount: float = 0.07) -> np.ndarray:
    """Lights leaning to the light's colour, shadows to the shadow's: warm sun, cool shade (moonlight: cool)."""
    warm, cool = (np.array(c, np.float32) for c in LIGHT_TEMPERATURE[spec.time])
    value = luminance(rgb)[..., None]
    lean = np.clip((value - 0.5) * 2, -1, 1)
    direction = np.where(lean > 0, warm - warm.mean(), cool - cool.mean())
    return np.clip(rgb + amount * np.abs(lean) * direction * np.maximum(value, 0.15), 0, 1)


def vibrance(rgb: np.ndarray, spec: SceneSpec) -> np.ndarray:
    """Dull colours gain chroma, strong ones keep theirs: greens and blues that had gone to mud come back to a
    colour, the accents do not turn garish. A glad mood gets more, a sad or grey one a little (its greys stay)."""
    grey = rgb.mean(-1, keepdims=True)
    chroma = rgb.max(-1, keepdims=True) - rgb.min(-1, keepdims=True)
    amount = 0.12 + 0.2 * max(0.0, spec.valence) + (0.1 if spec.weather == "clear" else 0.0)
    boost = 1 + amount * np.clip(1 - chroma / 0.35, 0, 1)
    return np.clip(grey + (rgb - grey) * boost, 0, 1)


def _hsv(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """[..., 3] RGB -> (hue in degrees, saturation, value)."""
    top, low = rgb.max(-1), rgb.min(-1)
    chroma = top - low
    safe = np.maximum(chroma, 1e-6)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    hue = np.where(top == r, ((g - b) / safe) % 6, np.where(top == g, (b - r) / safe + 2, (r - g) / safe + 4)) * 60
    return np.where(chroma > 1e-6, hue, 0.0), chroma / np.maximum(top, 1e-6), top


def clean_colour(rgb: np.ndarray, spec: SceneSpec) -> np.ndarray:
    """No mud: a dark yellow reads as olive-khaki mud, so yellows below mid-value turn towards a warm ochre or
    umber (the hue a painter would mix), the darker the more; and the darkest greys get a little colour (a
    deep blue-violet, warmer at dusk) instead of a dead grey. Only the pixels below MUD_VALUE are touched."""
    from models.painter.scene_colours import hsv_to_rgb

    out = rgb.copy()
    low = rgb.max(-1) < MUD_VALUE
    if not low.any():
        return out
    pixels = rgb[low]
    hue, sat, value = _hsv(pixels)
    band = np.clip(1 - np.abs(hue - MUD_HUE) / MUD_HALF_WIDTH, 0, 1)  # 1 at olive, 0 outside the band
    dark = np.clip((MUD_VALUE - value) / 0.3, 0, 1)
    weight = band * dark * np.clip(sat / 0.12, 0, 1)
    turning = weight > 0
    if turning.any():
        shifted = hsv_to_rgb(np.stack([hue - band * dark * (hue - OCHRE_HUE), sat, value], -1)[turning])
        pixels[turning] = (1 - weight[turning, None]) * pixels[turning] + weight[turning, None] * shifted
    deep = np.array(DEEP_DARK.get(spec.time, DEEP_DARK["day"]), np.float32)
    grey = np.clip((0.3 - value) / 0.3, 0, 1) * np.clip(1 - sat / 0.25, 0, 1)
    tinted = value[:, None] * deep / deep.max()
    out[low] = np.clip(pixels + (0.35 * grey)[:, None] * (tinted - pixels), 0, 1)
    return out
