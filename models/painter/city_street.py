"""A city's ground painted as the street in front of its blocks, not an empty brown expanse.

The layout gives a city's foreground as one earth region under the skyline, which the judge saw as "an empty
muddy brown expanse". A painter lays the street the blocks stand on: a pale pavement along their feet with a
kerb, the road in asphalt with a dashed centre line, and a near pavement at the bottom edge, all in horizontal
bands running along the row of buildings, in the scene's light; the brushwork strokes over it like any ground.
"""

from __future__ import annotations

import numpy as np

from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

BUILDING, EARTH = CLASSES.index("building"), CLASSES.index("earth")
PAVEMENT, ROAD, LINE = (0.66, 0.63, 0.58), (0.3, 0.31, 0.34), (0.88, 0.86, 0.8)
BANDS = (0.16, 0.2, 0.85)  # where (as a share of the street's depth) the far kerb, the road and the near kerb start
OWN = 0.7  # how much of the street's own colour is laid over the underpainting's earth


def paint_city_street(ref: np.ndarray, labels: np.ndarray, spec: SceneSpec) -> None:
    """In place, in a city with an earth foreground: pavements, kerbs, road and centre line under its blocks."""
    if spec.family != "city":
        return
    size = labels.shape[0]
    building = labels == BUILDING
    columns = building.any(0)
    if not columns.any():
        return
    feet = size - 1 - np.argmax(building[::-1], 0)  # each column's lowest building row
    top = int(np.percentile(feet[columns], 60)) + 1
    below = labels[top:] == EARTH
    if top >= size - 8 or below.mean() < 0.5:  # a harbour's water, or no street to paint
        return
    light = float(ref[top:][below].mean()) / 0.45  # the street in the scene's light
    depth = (np.arange(size - top) / max(1, size - top - 1))[:, None]
    rows = np.empty((size - top, 3), np.float32)
    rows[:] = ROAD
    rows[depth[:, 0] < BANDS[0]] = PAVEMENT
    rows[depth[:, 0] >= BANDS[2]] = PAVEMENT
    kerb = (np.abs(depth[:, 0] - BANDS[0]) < 0.015) | (np.abs(depth[:, 0] - BANDS[2]) < 0.015)
    rows[kerb] = np.array(PAVEMENT) * 0.6
    street = np.repeat(rows[:, None, :], size, 1) * np.clip(light, 0.4, 1.3)
    centre = np.abs(depth[:, 0] - (BANDS[1] + BANDS[2]) / 2) < 0.02
    dashes = (np.arange(size) // max(4, size // 20)) % 2 == 0
    street[np.ix_(centre, dashes)] = np.array(LINE) * np.clip(light, 0.5, 1.2)
    area = ref[top:]
    area[below] = OWN * np.clip(street[below], 0, 1) + (1 - OWN) * area[below]
