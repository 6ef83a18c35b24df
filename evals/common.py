"""Helpers shared by the eval scripts: tables on stdout, JSON on disk, image colour statistics."""

from __future__ import annotations

import json
import os

import numpy as np

OUT_DIR = os.path.join(os.path.dirname(__file__), "out")


def print_table(title: str, headers: list[str], rows: list[list]) -> None:
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print(f"\n## {title}")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")


def write_json(name: str, data: dict) -> str:
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, f"{name}.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=2, default=float)
    print(f"\nwrote {path}")
    return path


def rgb_to_hsv(image: np.ndarray) -> np.ndarray:
    """uint8 or [0,1] float [H, W, 3] -> HSV with hue in degrees, s and v in [0, 1]."""
    rgb = image.astype(np.float32) / (255.0 if image.dtype == np.uint8 else 1.0)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    mx, mn = rgb.max(-1), rgb.min(-1)
    delta = mx - mn + 1e-8
    hue = np.where(mx == r, (g - b) / delta % 6, np.where(mx == g, (b - r) / delta + 2, (r - g) / delta + 4)) * 60
    sat = np.where(mx > 0, (mx - mn) / (mx + 1e-8), 0)
    return np.stack([hue % 360, sat, mx], axis=-1)


def dominant_hue(image: np.ndarray) -> float | None:
    """The hue covering most of the image, weighted by saturation; None for a grey image."""
    hsv = rgb_to_hsv(image).reshape(-1, 3)
    weights = hsv[:, 1] * (hsv[:, 2] > 0.08)
    if weights.sum() < 1e-3 * len(hsv):
        return None
    hist, _ = np.histogram(hsv[:, 0], bins=36, range=(0, 360), weights=weights)
    smooth = hist + 0.5 * (np.roll(hist, 1) + np.roll(hist, -1))
    return float(np.argmax(smooth) * 10 + 5)


def colour_stats(image: np.ndarray) -> dict:
    hsv = rgb_to_hsv(image)
    rgb = image.astype(np.float32) / 255.0
    return {
        "brightness": float(hsv[..., 2].mean()),
        "saturation": float(hsv[..., 1].mean()),
        "dominant_hue": dominant_hue(image),
        "colour_diversity": float(np.linalg.norm(rgb - rgb.reshape(-1, 3).mean(0), axis=-1).mean()),
    }


def median_ms(times: list[float]) -> float:
    return float(np.median(times) * 1000)
