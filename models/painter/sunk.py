"""A drawing sunk into what holds it up: its foot cut where the support hides or flattens it.

A library drawing of a duck stands on its legs; set on a lake it stood on the water ("a mallard that hovers above
the water like a cut-out", blind judges). Afloat, its legs and the bottom of its keel are under the surface: the
drawing is cut at its waterline, the lowest row of its lower part still as wide as most of its body. A stack of
pancakes drawn with a rounded underside touched the table at one point and "floats"; seated, the last few rows
of its rounding are cut, so it rests on a flat foot along the table.
"""

from __future__ import annotations

import numpy as np

OPAQUE = 0.5  # alpha above this is the drawing's ink


def afloat(rgba: np.ndarray) -> np.ndarray:
    """RGBA [h', w, 4]: the drawing down to its waterline, at most a third of it under the water."""
    return _cut_below_body(rgba, lower=0.45, body=0.6, most=0.35)


def seated(rgba: np.ndarray) -> np.ndarray:
    """RGBA [h', w, 4]: the drawing with the rounding of its underside cut off, at most a twelfth of its height."""
    return _cut_below_body(rgba, lower=0.25, body=0.8, most=0.08)


def _cut_below_body(rgba: np.ndarray, lower: float, body: float, most: float) -> np.ndarray:
    """The drawing without its rows under the lowest row of its `lower` share (from the foot) that is at least
    `body` as wide as that part's widest row; never more than `most` of its height cut; as drawn when it is as
    wide at its foot as its body (a raft, a box) or has no ink."""
    widths = _row_widths(rgba[..., 3] > OPAQUE)
    inked = np.flatnonzero(widths)
    if not len(inked):
        return rgba
    top, foot = int(inked[0]), int(inked[-1]) + 1
    height = foot - top
    low = max(top, foot - int(round(lower * height)))
    wide = np.flatnonzero(widths[low:foot] >= body * widths[low:foot].max()) + low
    cut = max(int(wide[-1]) + 1, foot - int(most * height))
    return rgba[:cut] if cut < foot else rgba


def _row_widths(ink: np.ndarray) -> np.ndarray:
    """int [h]: per row, the span from its leftmost to its rightmost inked pixel (0 for an empty row)."""
    any_ink = ink.any(1)
    left = ink.argmax(1)
    right = ink.shape[1] - 1 - ink[:, ::-1].argmax(1)
    return np.where(any_ink, right - left + 1, 0)
