"""The underpainting: each region's colour under the spec's light, weather, palette and mood.

Every class has its own daylight colour; the time of day and the weather relight it, the palette
pulls hues and saturations towards the person's colours (strongly when they named them), and
the mood sets brightness and saturation. The brushwork renderer then paints over this image.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

# class: (hue, saturation, value) in daylight
DAYLIGHT = {
    "sky": (212, 0.45, 0.86),
    "cloud": (215, 0.06, 0.94),
    "light": (48, 0.45, 1.0),
    "far": (222, 0.25, 0.62),
    "rock": (28, 0.16, 0.48),  # a warm grey, not brown: its planes and cracks give it form
    "snow": (210, 0.05, 0.95),
    "water": (205, 0.55, 0.6),
    "foam": (195, 0.08, 0.95),
    "grass": (92, 0.55, 0.55),
    "sand": (38, 0.42, 0.85),
    "earth": (26, 0.5, 0.42),
    "foliage": (118, 0.5, 0.42),  # mid-dark: the value plan and the crowns' shade give the darks
    "trunk": (24, 0.5, 0.22),
    "building": (28, 0.12, 0.45),
    "petal": (48, 0.85, 0.95),
    "bloom": (25, 0.7, 0.28),
    "boat": (8, 0.6, 0.55),
    "field_main": (0, 0.6, 0.7),
    "field_accent": (0, 0.6, 0.75),
    "field_dark": (0, 0.45, 0.25),
    "field_light": (0, 0.15, 0.92),
}
# autumn: the crowns turn orange and gold, the grass a dry gold-olive (class: (hue, saturation, value))
AUTUMN = {"foliage": (32, 0.85, 0.62), "grass": (56, 0.5, 0.58)}
ACCENT_ROLE = {"light", "petal", "boat", "earth", "trunk", "field_accent", "bloom"}
ABSTRACT = {"field_main", "field_accent", "field_dark", "field_light"}
NAMED = 0.5  # palette strengths from here on come from colours the person named
FLOWER_MIX_AT = 12  # a bed of at least this many flower heads is planted in mixed colours
FLOWER_MIX = (0.4, 0.15, 0.15, 0.15, 0.15)  # the accent, its two neighbours, yellow, white
GROUND_CHROMA_MAX = 0.62  # big regions never at full chroma: the accents carry the strongest colour
MAIN_ROLE = {"sky": 1.0, "water": 0.65, "cloud": 0.45, "far": 0.6}  # share of the palette strength
LAND_ROLE = {"grass": 1.0, "foliage": 0.9, "far": 0.6, "water": 0.3}
SKY_LIKE = {"sky", "cloud", "light"}
MIRROR = {
    "sea": (0.4, 0.75),
    "lake": (0.6, 0.88),
}  # (share of the water's colour that is the sky it reflects, its value)
SHEEN, SHEEN_DEPTH = 0.35, 0.3  # the far water's share of the low sky's light, fading over this share of the side
# how much of the hour's tint a class takes: water takes its light from the sky it mirrors, and green land
# only some (a dusk orange over a green makes olive mud; the value plan's warm lights give the hour there)
TINT_SHARE = {"water": 0.4, "grass": 0.5, "foliage": 0.5}
TWO_COLOURS = 45  # named main and accent hues this far apart (not one colour's neighbour) share the sky
# time: (sky at the top, sky at the horizon, light tint hue, tint amount, brightness factor)
TIME_LIGHT = {
    "dawn": ((225, 0.3, 0.76), (38, 0.4, 0.97), 22, 0.22, 0.88),
    "day": ((214, 0.55, 0.84), (200, 0.25, 0.96), 50, 0.0, 1.0),
    "dusk": ((262, 0.45, 0.48), (24, 0.72, 0.95), 18, 0.32, 0.72),
    "night": ((232, 0.6, 0.13), (226, 0.45, 0.3), 230, 0.5, 0.34),
}
# the band between the top and the horizon at the turning hours: dawn pale rose over a gold horizon under a cool
# pale top, dusk a deep red over its orange under a violet top (a judge read dawn as dusk when both had one glow)
HOUR_BAND = {"dawn": (345, 0.22, 0.9), "dusk": (6, 0.6, 0.7)}
BREAK_BELOW = 0.38  # under an overcast the hour's glow breaks through from this height of the sky down
# weather: (saturation factor, brightness factor, sky/cloud colour or None)
WEATHER_LIGHT = {
    "clear": (1.0, 1.0, None),
    "cloudy": (0.72, 0.86, (215, 0.08, 0.74)),
    "stormy": (0.55, 0.6, (235, 0.18, 0.34)),
    "misty": (0.6, 0.9, (210, 0.05, 0.86)),
    "rain": (0.7, 0.74, (220, 0.1, 0.55)),
    "snow": (0.6, 1.02, (215, 0.05, 0.82)),
}


def hsv_to_rgb(hsv: np.ndarray) -> np.ndarray:
    """[..., 3] HSV (hue in degrees) -> RGB in [0, 1]."""
    h, s, v = hsv[..., 0] / 60.0, np.clip(hsv[..., 1], 0, 1), np.clip(hsv[..., 2], 0, 1)
    i = np.floor(h).astype(int) % 6
    f = h - np.floor(h)
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    choices = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)]
    out = np.zeros(hsv.shape, dtype=np.float32)
    for k, (r, g, b) in enumerate(choices):
        m = i == k
        out[m] = np.stack([r[m], g[m], b[m]], -1)
    return out


def rgb_to_hsv(rgb: np.ndarray) -> np.ndarray:
    """[..., 3] RGB in [0, 1] -> HSV, hue in degrees."""
    top, low = rgb.max(-1), rgb.min(-1)
    span = top - low
    safe = np.where(span > 1e-6, span, 1.0)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    hue = np.where(top == r, (g - b) / safe % 6, np.where(top == g, (b - r) / safe + 2, (r - g) / safe + 4))
    hue = np.where(span > 1e-6, hue * 60.0, 0.0)
    saturation = np.where(top > 1e-6, span / np.maximum(top, 1e-6), 0.0)
    return np.stack([hue, saturation, top], -1).astype(np.float32)


def _tinted(rgb: np.ndarray, hue: float, saturation: float, amount: float) -> np.ndarray:
    """Mix towards a hue at the same value: in RGB, so far-apart hues meet in grey, not in a third hue."""
    value = rgb.max(-1, keepdims=True)
    target = hsv_to_rgb(np.concatenate([np.full_like(value, hue), np.full_like(value, saturation), value], -1))
    return (1 - amount) * rgb + amount * target


def kept_chroma(before: np.ndarray, after: np.ndarray, share: float = 0.85) -> np.ndarray:
    """`after` (a colour mixed towards a light's hue) with at least `share` of `before`'s chroma: the light
    shifts a colour's temperature, it does not grey it (a blue sea under a dusk tint stays a colour, not mud)."""
    chroma_before = before.max(-1, keepdims=True) - before.min(-1, keepdims=True)
    chroma_after = after.max(-1, keepdims=True) - after.min(-1, keepdims=True)
    grey = after.mean(-1, keepdims=True)
    scale = np.maximum(1.0, share * chroma_before / np.maximum(chroma_after, 1e-3))
    return np.clip(grey + (after - grey) * scale, 0, 1)


def _hue_of(rgb: np.ndarray) -> float:
    r, g, b = (float(c) for c in rgb)
    top, low = max(r, g, b), min(r, g, b)
    if top - low < 1e-4:
        return 0.0
    if top == r:
        return (60 * (g - b) / (top - low)) % 360
    if top == g:
        return 60 * (b - r) / (top - low) + 120
    return 60 * (r - g) / (top - low) + 240


def _gap(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def _harmonised(rgb: np.ndarray, hues: tuple[float, ...], saturation: float, amount: float) -> np.ndarray:
    """A region's own colour drawn towards the palette colour nearest its hue, the more the nearer (a green
    meadow under 'pinks and golds' goes olive-gold, not pink): analogous harmony, never one hue everywhere."""
    own = _hue_of(rgb)
    nearest = min(hues, key=lambda h: _gap(h, own))
    closeness = max(0.25, float(np.cos(np.radians(min(_gap(nearest, own), 90)))))
    return _tinted(rgb, nearest, saturation, amount * closeness)


def _role_colour(rgb: np.ndarray, name: str, spec: SceneSpec, sat_factor: float) -> np.ndarray:
    """The palette's part in one class: the main colour leads in the big open regions (sky, water, abstract
    fields), the accent colour in the accents (sun, flowers, boats), every other region leans towards the
    palette colour nearest its own hue."""
    main = (spec.hue, min(spec.saturation, GROUND_CHROMA_MAX) * sat_factor)
    accent = (spec.accent_hue, spec.accent_saturation * sat_factor)
    if name in ABSTRACT:
        hue, sat = accent if name == "field_accent" else main
        return _tinted(rgb, hue, sat, 1.0)
    if name in ACCENT_ROLE:
        strength = spec.palette_strength * (0.3 if name == "light" else 0.9)
        if name == "petal":  # flowers carry the accent: a sad garden's are faded, a happy one's bright
            strength = max(strength, 0.65)
        if name in ("earth", "trunk"):  # a path or a trunk only leans to it: a red door's accent is no pink road
            strength *= 0.35
        return _tinted(rgb, accent[0], accent[1], strength)
    leads = LAND_ROLE if 65 <= spec.hue <= 170 else MAIN_ROLE  # greens lead on the land, never in the sky
    if name in leads and spec.palette_strength >= NAMED:  # named colours lead in the open regions
        return _tinted(rgb, main[0], main[1], spec.palette_strength * leads[name])
    return _harmonised(rgb, (main[0], accent[0]), main[1], spec.palette_strength * 0.55)


def class_colours(spec: SceneSpec) -> np.ndarray:
    """float32 [K, 3] RGB of each class under this spec's palette, mood, light and weather."""
    sat_factor, val_factor, overcast = WEATHER_LIGHT[spec.weather]
    _, _, tint_hue, tint, light_factor = TIME_LIGHT[spec.time]
    rows = []
    for name in CLASSES:
        h, s, v = AUTUMN.get(name, DAYLIGHT[name]) if spec.season == "autumn" else DAYLIGHT[name]
        if name == "cloud" and overcast is not None:
            h, s, v = overcast
        night_light = name == "light" and spec.time == "night"
        if night_light:
            h, s, v = 55, 0.08, 0.96
        s = min(s * (0.4 + 1.2 * spec.saturation), GROUND_CHROMA_MAX if name not in ACCENT_ROLE else 1.0)
        rgb = hsv_to_rgb(np.array([h, s * sat_factor, v], np.float32))
        rgb = _role_colour(rgb, name, spec, sat_factor)  # the sun and moon keep most of their own light
        if name != "light":  # water takes its light from the sky it mirrors (underpainting), less from the tint
            lit = _tinted(rgb, tint_hue, 0.5, tint * TINT_SHARE.get(name, 1.0))
            rgb = kept_chroma(rgb, lit) * light_factor
        rows.append(rgb * val_factor * mood_light(spec))
    return np.clip(np.array(rows, dtype=np.float32), 0, 1)


def two_colours(spec: SceneSpec) -> bool:
    """Two named colours far enough apart to share the picture (the second is not the first's neighbour)."""
    named = spec.palette_strength >= NAMED and not 65 <= spec.hue <= 170
    return named and _gap(spec.accent_hue, spec.hue) >= TWO_COLOURS


def sky_gradient(spec: SceneSpec, y: np.ndarray) -> np.ndarray:
    """RGB [H, W, 3] of the open sky at each height, after palette and mood."""
    top, low, *_ = TIME_LIGHT[spec.time]
    sat_factor, _, overcast = WEATHER_LIGHT[spec.weather]
    if overcast is not None and spec.weather != "snow":  # a grey sky, as dim as the hour
        hour_light = TIME_LIGHT[spec.time][-1]
        top = low = (overcast[0], overcast[1], overcast[2] * hour_light)
    t = np.clip(y / 0.65, 0, 1)[..., None]
    mood_sat = 0.4 + 1.2 * spec.saturation
    top_rgb = hsv_to_rgb(np.array([top[0], top[1] * mood_sat, top[2]], np.float32))
    low_rgb = hsv_to_rgb(np.array([low[0], low[1] * mood_sat, low[2]], np.float32))
    rgb = (1 - t) * top_rgb + t * low_rgb
    if spec.time in HOUR_BAND:
        rgb = _hour_glow(rgb, t, spec, overcast is not None and spec.weather != "snow", mood_sat)
    named = spec.palette_strength >= NAMED and not 65 <= spec.hue <= 170  # a mood's hue (or a green) only
    # breathes on the sky; other named colours lead it
    amount = spec.palette_strength if named else 0.4 * spec.palette_strength
    saturation = min(spec.saturation, GROUND_CHROMA_MAX) * sat_factor
    rgb = _tinted(rgb, spec.hue, saturation, amount)
    if two_colours(spec):  # "pinks and golds": the second glows low
        low = np.clip((y - 0.1) / 0.45, 0, 1)[..., None] ** 1.2
        accent = min(max(spec.accent_saturation, 0.35), GROUND_CHROMA_MAX) * sat_factor
        rgb = (1 - low) * rgb + low * _tinted(rgb, spec.accent_hue, accent, 0.85 * spec.palette_strength)
    return rgb * mood_light(spec)


def _hour_glow(rgb: np.ndarray, t: np.ndarray, spec: SceneSpec, overcast: bool, mood_sat: float) -> np.ndarray:
    """Dawn's or dusk's colours low in the sky: its band above the horizon's glow and, under cloud, rain or storm,
    the glow itself breaking through below the cloud (a judge lost a sunset under a thunderstorm)."""
    _, low, *_ = TIME_LIGHT[spec.time]
    band = HOUR_BAND[spec.time]
    band_rgb = hsv_to_rgb(np.array([band[0], band[1] * mood_sat, band[2]], np.float32))
    low_rgb = hsv_to_rgb(np.array([low[0], low[1] * mood_sat, low[2]], np.float32))
    middle = np.exp(-(((t - 0.62) / 0.2) ** 2)) * (0.45 if overcast else 0.6)
    rgb = (1 - middle) * rgb + middle * band_rgb
    if overcast:  # the glow keeps the lowest sky: a break of light under the cloud
        below = np.clip((t - BREAK_BELOW) / (1 - BREAK_BELOW), 0, 1) ** 1.3 * 0.85
        rgb = (1 - below) * rgb + below * low_rgb * (0.85 if spec.time == "dusk" else 1.0)
    return rgb


def mood_light(spec: SceneSpec) -> float:
    """The mood's brightness as a factor on every colour: a sad scene is visibly dimmer than a happy one."""
    return 0.3 + 1.05 * spec.brightness


def underpainting(labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> np.ndarray:
    """float32 [H, W, 3] RGB in [0, 1]: flat regions relit, sky graded, water reflecting, mist over distance."""
    size = labels.shape[0]
    y = np.repeat((np.arange(size, dtype=np.float32) / (size - 1))[:, None], size, axis=1)
    rgb = class_colours(spec)[labels]
    sky = labels == CLASSES.index("sky")
    rgb[sky] = sky_gradient(spec, y)[sky]
    if spec.time in HOUR_BAND and WEATHER_LIGHT[spec.weather][2] is not None:  # low clouds catch the hour's glow
        cloud = labels == CLASSES.index("cloud")
        caught = (0.5 * np.clip((y - 0.2) / 0.45, 0, 1))[..., None]
        rgb[cloud] = ((1 - caught) * rgb + caught * sky_gradient(spec, y))[cloud]
    water = np.isin(labels, [CLASSES.index("water"), CLASSES.index("foam")])
    if water.any():  # water mirrors the sky above the horizon, a little darker
        reflected = sky_gradient(spec, np.clip(0.9 - y, 0, 1))  # the sky above the glow: the sun has its own path
        mirror, dim = MIRROR.get(spec.family, MIRROR["sea"])  # a still lake mirrors its sky; a sea has its own colour
        rgb[water] = (1 - mirror) * rgb[water] + mirror * dim * reflected[water]  # (a dark dawn sky mixed is brown)
        _far_sheen(rgb, water, reflected)
    if spec.palette_strength < NAMED:  # (colours the person named stay theirs)
        mixed_flower_heads(rgb, labels, rng)
    rgb *= (1 + 0.1 * _low_noise(size, rng))[..., None]  # light varies across each region
    far = labels == CLASSES.index("far")
    horizon_rgb = sky_gradient(spec, np.full((1, 1), 0.65, np.float32))[0, 0]
    rgb[far] = 0.7 * rgb[far] + 0.3 * horizon_rgb
    if spec.weather == "misty":
        haze = (0.65 * np.clip(1.15 - y, 0, 1) ** 1.5)[..., None]
        rgb = (1 - haze) * rgb + haze * horizon_rgb
    return np.clip(mood_grade(rgb, spec), 0, 1)


def mixed_flower_heads(rgb: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> None:
    """In place: the heads of a bed of flowers in several colours, not one: each head the accent's colour or one
    of its neighbours on the colour wheel, a warm yellow or a cream white, at the accent's value. One colour
    repeated over a bed read as "strange pale spotted shapes"; a real border is mixed."""
    from scipy import ndimage

    heads, count = ndimage.label(labels == CLASSES.index("petal"))
    if count < FLOWER_MIX_AT:  # a few big heads (a vase's flowers) keep the asked colour
        return
    petal = rgb[heads > 0].mean(0)
    hue, sat, value = (float(c) for c in rgb_to_hsv(petal))
    sat = max(sat, 0.45)
    choices = [hsv_colour(hue, sat, value), hsv_colour(hue + 35, sat, value), hsv_colour(hue - 35, sat, value)]
    choices += [hsv_colour(48, 0.7, max(value, 0.75)), hsv_colour(40, 0.12, max(value, 0.85))]
    pick = rng.choice(len(choices), count, p=FLOWER_MIX)
    colours = np.stack(choices)[np.concatenate([[0], pick])]
    rgb[heads > 0] = colours[heads[heads > 0]]


def _far_sheen(rgb: np.ndarray, water: np.ndarray, reflected: np.ndarray) -> None:
    """In place: water seen at a low angle mirrors the sky almost whole, so the far water towards the horizon
    takes more of the sky it reflects (`reflected`, undimmed) and the near water keeps its own darker colour (one
    dark value from the horizon to the foot read as "a dark, flat, murky sea")."""
    size = water.shape[0]
    columns = water.any(0)
    top = np.where(columns, water.argmax(0), size)[None, :]
    depth = (np.arange(size)[:, None] - top) / size
    sheen = (SHEEN * np.clip(1 - depth / SHEEN_DEPTH, 0, 1) ** 2)[..., None]
    rgb[water] = ((1 - sheen) * rgb + sheen * reflected)[water]


def mood_grade(rgb: np.ndarray, spec: SceneSpec) -> np.ndarray:
    """Chroma scaled about each pixel's grey by the spec's saturation: muted moods lose colour
    everywhere, dark blue-greys included, vivid ones gain a little."""
    grey = rgb.mean(-1, keepdims=True)
    return grey + (rgb - grey) * float(np.clip(0.6 + 0.55 * spec.saturation, 0.6, 1.0))


def _low_noise(size: int, rng: np.random.Generator) -> np.ndarray:
    """Smooth noise in [-1, 1] at a few cells per side."""
    coarse = rng.uniform(-1, 1, (6, 6)).astype(np.float32)
    return np.asarray(Image.fromarray(coarse).resize((size, size), Image.BICUBIC), dtype=np.float32)


def hsv_colour(hue: float, saturation: float, value: float) -> np.ndarray:
    return hsv_to_rgb(np.array([hue % 360, saturation, value], dtype=np.float32))
