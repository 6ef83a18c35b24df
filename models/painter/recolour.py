"""A colour drawing in the colour the words give it: "a yellow school bus", "a blue car", "a red balloon".

A silhouette is painted in its local colour, so "a red barn" was red; a colour drawing kept its own, so the
named colour went to the whole scene instead (a yellow palette: "a sickly yellow-olive haze" around a bus that
was not yellow). The drawing's main colour, the largest family of hues in it, is turned to the named hue, its
light and shade kept: the bus's body turns yellow, its windows, wheels and outlines stay as drawn.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_colours import hsv_to_rgb, rgb_to_hsv

CHROMATIC = 0.22  # pixels this saturated (and not near black) carry a hue
BAND = 30.0  # degrees either side of the main hue that belong to the main colour
MAIN_SHARE = 0.12  # a main colour covering less of the drawing than this is no body colour: left alone
GREY = 0.15  # a named colour less saturated than this (white, grey, black) takes the colour out instead
DARKEST, LIGHTEST = 0.16, 0.92  # ... and its value, within these: a black dog's fur still shows its light
SHADING = 0.6  # the share of the drawing's own light and shade kept around the asked value


def _gap(a: np.ndarray, b: float) -> np.ndarray:
    d = np.abs(a - b) % 360
    return np.minimum(d, 360 - d)


def recoloured(rgba: np.ndarray, hue: float, saturation: float, value: float | None = None) -> np.ndarray:
    """RGB [h, w, 3] of the drawing with its main colour turned to (hue, saturation); the rest as drawn. A grey
    asked (white, grey, black) also takes its `value`, the body's shading kept around it: "a black labrador" was
    a white dog, its brown taken out and its light kept."""
    rgb = rgba[..., :3]
    hsv = rgb_to_hsv(rgb)
    opaque = rgba[..., 3] > 0.5
    chromatic = opaque & (hsv[..., 1] > CHROMATIC) & (hsv[..., 2] > 0.15)
    if not chromatic.any():
        return rgb.copy()
    counts, edges = np.histogram(hsv[..., 0][chromatic], bins=24, range=(0, 360))
    main = float(edges[counts.argmax()] + 7.5)
    body = chromatic & (_gap(hsv[..., 0], main) <= BAND)
    if body.sum() < MAIN_SHARE * opaque.sum():
        return rgb.copy()
    turned = hsv.copy()
    if saturation < GREY:  # "a white car", "a black dog": the body's colour taken out, its value the asked one
        turned[..., 1] = hsv[..., 1] * 0.12
        if value is not None:
            own, value = float(hsv[..., 2][body].mean()), float(np.clip(value, DARKEST, LIGHTEST))
            turned[..., 2] = np.clip(value + (hsv[..., 2] - own) * SHADING, 0, 1)
    else:
        own = float(hsv[..., 1][body].mean())
        turned[..., 0] = hue
        turned[..., 1] = np.clip(hsv[..., 1] * saturation / max(own, 1e-3), 0, 1)
    out = rgb.copy()
    out[body] = hsv_to_rgb(turned[body])
    return out
