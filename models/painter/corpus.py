"""The painter's corpus: procedural scene layouts, each labelled with the spec that drew it.

No painting data set or pretrained image generator can be had here, so the painter learns the
compositions that `scene_layout` draws for 14 scene families under every time, weather and mood.
The corpus's paintings are these layouts painted by `render` (brushwork at any size).
"""

from __future__ import annotations

from multiprocessing import Pool

import numpy as np

from models.painter.scene_layout import draw_layout
from models.painter.scene_spec import SceneSpec, random_scene_spec


def _chunk(args: tuple[int, int]) -> tuple[np.ndarray, list[SceneSpec]]:
    n, seed = args
    rng = np.random.default_rng(seed)
    specs = [random_scene_spec(rng) for _ in range(n)]
    return np.stack([draw_layout(s, rng) for s in specs]), specs


def make_layout_corpus(n: int, seed: int = 0, workers: int = 1) -> tuple[np.ndarray, np.ndarray, list[SceneSpec]]:
    """(layouts uint8 [n, 64, 64], layout conditions float32 [n, C], specs); the same for the same n and seed."""
    chunks = [(min(1000, n - i), seed * 1_000_003 + i) for i in range(0, n, 1000)]
    if workers > 1:
        with Pool(workers) as pool:
            parts = pool.map(_chunk, chunks)
    else:
        parts = [_chunk(c) for c in chunks]
    layouts = np.concatenate([p[0] for p in parts])
    specs = [s for p in parts for s in p[1]]
    return layouts, np.stack([s.layout_condition() for s in specs]), specs
