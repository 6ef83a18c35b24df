"""Finishing a 64x64 painting for sharing: upscale, brush texture, canvas grain, a touch of sharpening."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter


def _brush_texture(size: int, rng: np.random.Generator, energy: float) -> np.ndarray:
    """Low-frequency noise stretched along one direction: reads as brush strokes."""
    coarse = rng.normal(0, 1, (24, 24)).astype(np.float32)
    stretched = Image.fromarray(coarse).resize((size, size // 4 + 1), Image.BICUBIC).resize((size, size), Image.BICUBIC)
    tex = np.asarray(stretched, dtype=np.float32)
    if rng.random() < 0.5:
        tex = tex.T
    return tex * (0.035 + 0.04 * energy)


def finish_painting(image: np.ndarray, size: int = 512, seed: int = 0, energy: float = 0.5) -> Image.Image:
    """uint8 [H, W, 3] small painting -> PIL image of size x size with painterly texture."""
    rng = np.random.default_rng(seed)
    big = Image.fromarray(image).resize((size, size), Image.BICUBIC).filter(ImageFilter.GaussianBlur(1.2))
    arr = np.asarray(big, dtype=np.float32) / 255.0
    arr = arr * (1.0 + _brush_texture(size, rng, energy)[..., None])
    arr += rng.normal(0, 0.012, (size, size, 1)).astype(np.float32)  # canvas grain
    out = Image.fromarray((np.clip(arr, 0, 1) * 255).astype(np.uint8))
    return out.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=2))
