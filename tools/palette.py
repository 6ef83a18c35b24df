"""Colour names and hex codes -> hue, saturation and value, for palettes in the brief."""

from __future__ import annotations

import colorsys
import re

# name: (hue degrees, saturation, value); saturation/value are the colour's character, used as hints.
COLOURS: dict[str, tuple[float, float, float]] = {
    "red": (0, 0.85, 0.8),
    "crimson": (348, 0.85, 0.7),
    "scarlet": (5, 0.9, 0.85),
    "maroon": (350, 0.7, 0.4),
    "burgundy": (345, 0.7, 0.4),
    "coral": (12, 0.6, 0.95),
    "salmon": (8, 0.5, 0.95),
    "orange": (30, 0.9, 0.95),
    "amber": (42, 0.9, 0.9),
    "gold": (48, 0.8, 0.9),
    "golden": (48, 0.8, 0.9),
    "ochre": (38, 0.75, 0.7),
    "yellow": (56, 0.85, 0.95),
    "lemon": (58, 0.7, 1.0),
    "cream": (48, 0.2, 0.97),
    "beige": (40, 0.25, 0.9),
    "brown": (25, 0.65, 0.45),
    "sepia": (30, 0.5, 0.45),
    "rust": (18, 0.8, 0.6),
    "lime": (85, 0.8, 0.85),
    "olive": (70, 0.6, 0.5),
    "green": (120, 0.7, 0.65),
    "emerald": (145, 0.75, 0.65),
    "forest": (130, 0.6, 0.4),
    "mint": (150, 0.35, 0.9),
    "jade": (155, 0.55, 0.65),
    "sage": (100, 0.25, 0.7),
    "teal": (178, 0.75, 0.55),
    "turquoise": (174, 0.7, 0.85),
    "aqua": (180, 0.6, 0.95),
    "cyan": (186, 0.75, 0.9),
    "sky": (200, 0.5, 0.95),
    "azure": (210, 0.7, 0.95),
    "blue": (220, 0.75, 0.8),
    "cobalt": (218, 0.85, 0.7),
    "sapphire": (222, 0.8, 0.6),
    "navy": (228, 0.8, 0.4),
    "midnight": (235, 0.7, 0.3),
    "indigo": (250, 0.7, 0.5),
    "violet": (270, 0.55, 0.8),
    "lavender": (265, 0.3, 0.95),
    "lilac": (280, 0.3, 0.9),
    "purple": (282, 0.7, 0.6),
    "plum": (300, 0.45, 0.55),
    "magenta": (305, 0.85, 0.9),
    "fuchsia": (310, 0.85, 0.9),
    "pink": (335, 0.45, 0.95),
    "rose": (340, 0.55, 0.9),
    "white": (0, 0.0, 0.98),
    "ivory": (50, 0.08, 0.98),
    "silver": (210, 0.05, 0.78),
    "grey": (210, 0.05, 0.55),
    "gray": (210, 0.05, 0.55),
    "charcoal": (210, 0.1, 0.25),
    "black": (0, 0.0, 0.08),
    "pastel": (200, 0.25, 0.95),
}
HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def parse_colour(text: str) -> tuple[float, float, float] | None:
    """(hue, saturation, value) for a colour name ("dark blue", "sky blue") or "#RRGGBB"; None if unknown."""
    text = text.strip().lower()
    if match := HEX.match(text):
        r, g, b = (int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4))
        h, s, v = colorsys.rgb_to_hsv(r, g, b)
        return h * 360, s, v
    words = text.replace("-", " ").split()
    named = [w for w in words if w in COLOURS]
    if not named:
        return None
    hue, sat, val = COLOURS[named[-1]]  # the last colour word is the head: "sky blue" is a blue
    if "dark" in words or "deep" in words:
        val *= 0.6
    if "light" in words or "pale" in words:
        sat, val = sat * 0.5, min(1.0, val * 1.15)
    return hue, sat, val


def is_colour(text: str) -> bool:
    return parse_colour(text) is not None


def hue_distance(a: float, b: float) -> float:
    """Shortest angle between two hues, in degrees (0..180)."""
    d = abs(a - b) % 360
    return min(d, 360 - d)
