"""Several of one thing on the ground or the water (a flock of sheep, a herd of cows, ducks) spread out so that
each reads: the placement network put them shoulder to shoulder in one row, one big overlapping blob.

Copies of one drawing closer than GAP of their mean width are moved apart, left to right; a row too wide for the
frame is drawn smaller (down to FIT_SCALE), and if it still does not fit, every other one steps back (BACK, smaller
by BACK_SCALE), where what it stands on is there too. Two people at one thing between them (a chessboard) sit
face to face about the picture's middle.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from models.painter.figure import FACES_LEFT_PAST
from models.painter.held_things import FACE_TO_FACE
from models.painter.scene_layout import LAYOUT_SIZE

GAP = 0.85  # centre to centre, at least this share of two neighbours' mean width (a little overlap: a group)
FIT_SCALE = 0.75  # a row too wide for the frame is first drawn smaller, down to this share
BACK, BACK_SCALE = 0.08, 0.8  # ... then the back row: this much higher in the picture, this much smaller
MARGIN = 0.025
MIDDLE = FACES_LEFT_PAST - 0.03  # a face-to-face pair's middle: the left one faces right, the right one left
ROLES = ("stands", "floats", "swims", "figure")


def _kind(obj) -> tuple:
    """What makes placed things copies of one asked thing: its drawing's name and role, or for people painted by our
    hand who they are (two kids are each drawn in their own skin tone, so their drawings' names differ)."""
    return (obj.person if obj.person is not None else obj.entry.name, obj.role)


def _width(obj, ratio: float) -> float:
    """The drawn width of a thing whose longer side is its height field (`PlacedObject.height`)."""
    return obj.height * min(1.0, ratio)


def _row(members: list, widths: list[float]) -> list[float]:
    """Centres (members sorted left to right) moved apart only where neighbours stand closer than GAP, the row then
    shifted, or at worst evenly spaced, to stay inside the frame."""
    xs = [m.cx for m in members]
    for j in range(1, len(xs)):
        xs[j] = max(xs[j], xs[j - 1] + GAP * (widths[j - 1] + widths[j]) / 2)
    left, right = MARGIN + widths[0] / 2, 1 - MARGIN - widths[-1] / 2
    shift = max(0.0, xs[-1] - right) - max(0.0, left - (xs[0] - max(0.0, xs[-1] - right)))
    xs = [x - shift for x in xs]
    if xs[0] < left or xs[-1] > right:
        xs = list(np.linspace(left, right, len(xs))) if len(xs) > 1 else [0.5]
    return xs


def _face_to_face(widths: list[float]) -> list[float]:
    """Two people at one thing between them (a chessboard), each drawn with their half: touching, about the
    picture's middle, so that the left one faces right and the right one left (`figure.FACES_LEFT_PAST`)."""
    apart = GAP * (widths[0] + widths[1]) / 2
    return [MIDDLE - apart / 2, MIDDLE + apart / 2]


def _holds(labels: np.ndarray, support: tuple, cx: float, base: float) -> bool:
    row, col = (int(np.clip(v, 0, 0.999) * LAYOUT_SIZE) for v in (base, cx))
    return bool(np.isin(labels[row, col], support))


def _span(widths: list[float]) -> float:
    """The width a row of these takes, GAP apart."""
    return GAP * (sum(widths) - (widths[0] + widths[-1]) / 2) + (widths[0] + widths[-1]) / 2


def _fits(widths: list[float]) -> bool:
    return _span(widths) <= 1 - 2 * MARGIN + 1e-9


def spread(placed: list, labels: np.ndarray, aspect, support) -> list:
    """The placed things with each group of copies of one drawing on the ground or water (ROLES) spread apart (and
    a group of people made of a height); `aspect(entry)` is a drawing's width over height, `support(role)` the
    classes it stands on."""
    placed = list(placed)
    kinds = {_kind(o) for o in placed if o.role in ROLES}  # (copies are drawn by two sets' hands)
    for kind in kinds:
        role = kind[1]
        at = [i for i, o in enumerate(placed) if _kind(o) == kind]
        at.sort(key=lambda i: placed[i].cx)
        if len(at) < 2:
            continue
        if role == "figure":  # two kids side by side are of a height, not one a head over the other
            tallest = max(placed[i].height for i in at)
            at_height = {i: replace(placed[i], height=tallest * (1 - 0.05 * (k % 2))) for k, i in enumerate(at)}
            placed = [at_height.get(i, o) for i, o in enumerate(placed)]
        holds = support(role)
        width = {i: _width(placed[i], aspect(placed[i].entry)) for i in at}
        rows = [at]
        need = _span([width[i] for i in at])
        if need > 1 - 2 * MARGIN:  # first smaller, down to FIT_SCALE, to stand in one row
            scale = max(FIT_SCALE, (1 - 2 * MARGIN) / need)
            for i in at:
                placed[i] = replace(placed[i], height=placed[i].height * scale)
                width[i] *= scale
        if not _fits([width[i] for i in at]):  # every other one a step back, where its ground is
            back = [i for i in at[1::2] if _holds(labels, holds, placed[i].cx, placed[i].base_y - BACK)]
            for i in back:
                placed[i] = replace(placed[i], base_y=placed[i].base_y - BACK, height=placed[i].height * BACK_SCALE)
                width[i] *= BACK_SCALE
            rows = [[i for i in at if i not in back], back]
        for row in (r for r in rows if r):
            xs = _row([placed[i] for i in row], [width[i] for i in row])
            if role == "figure" and len(row) == 2 and placed[row[0]].person.prop in FACE_TO_FACE:
                xs = _face_to_face([width[i] for i in row])
            for i, x in zip(row, xs):
                if _holds(labels, holds, x, placed[i].base_y):
                    placed[i] = replace(placed[i], cx=float(x))
    return placed
