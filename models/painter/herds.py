"""Several of one thing on the ground or the water (a flock of sheep, a herd of cows, ducks) spread out so that
each reads: the placement network put them shoulder to shoulder in one row, one big overlapping blob.

Copies of one drawing closer than GAP of their mean width are moved apart, left to right; a row too wide for the
frame is drawn smaller (down to FIT_SCALE), and if it still does not fit, every other one steps back (BACK, smaller
by BACK_SCALE), where what it stands on is there too. Two people at one thing between them (a chessboard) sit
face to face about the picture's middle.

Three or four animals, boats or plants stand in depth, as a painter groups them, not in a row of equals: one in front,
the others behind it on alternate sides, each smaller and higher by perspective (its size goes with its distance
below the far edge of what it stands on), overlapping a little, the group off the picture's middle.
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
ROLES = ("stands", "floats", "swims", "figure", "plant")
IN_DEPTH_ROLES = ("stands", "floats", "plant")  # on ground or water with a far edge; fish and people keep a row
IN_DEPTH = (3, 4)  # a group of this many stands in depth (more, in depth, read as a scatter of small things)
# each one's distance below the far edge as a share of the front one's, front to back (its size goes with it)
DEPTHS = (1.0, 0.8, 0.66, 0.56)
SHALLOWER = 0.5  # where the ground behind does not hold them, the depths closer to the front by this share
IN_DEPTH_SCALE = 0.9  # a group too wide to stand in depth is drawn this much smaller, no smaller (else a row)
STEP = 1.3  # centre to centre across depths, this share of the two neighbours' mean width (they overlap)
MIN_DEPTH = 0.08  # the front one's foot must be this far below the far edge for a group in depth
NEAREST = 0.96  # ... and may step down towards the eye for it, no lower than this
NEARER = 1.4  # ... growing as it comes nearer, by at most this much
FRONT = 0.7  # the front one's foot at least this share of the way from the far edge to the near one
COPY_SPREAD = 0.1  # copies of one thing differ in size by at most this share before perspective
OFF_MIDDLE = 0.12  # the group's front one stands at least this far off the picture's middle


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


def _far_edge(labels: np.ndarray, holds: tuple) -> float | None:
    """The far edge of what things stand on (the horizon of a field, a lake's far shore), as a share of the
    picture's height from the top: the median over the columns that have it of its first row."""
    ground = np.isin(labels, holds)
    columns = ground.any(0)
    if not columns.any():
        return None
    return float(np.median(ground.argmax(0)[columns])) / LAYOUT_SIZE


def _near_edge(labels: np.ndarray, holds: tuple, x: float) -> float:
    """The lowest row of what things stand on in the column at `x` (no lower than NEAREST), as a share."""
    rows = np.flatnonzero(np.isin(labels[:, int(np.clip(x, 0, 0.999) * LAYOUT_SIZE)], holds))
    return min(NEAREST, float(rows.max()) / LAYOUT_SIZE) if rows.size else 0.0


def _sides(widths: list[float], anchor: float) -> list[float]:
    """Centres, front to back: the front one at `anchor`, each next one on the other side of it from the last,
    STEP of its mean width with its neighbour on that side beyond it."""
    xs, edge = [anchor], {-1: (anchor, widths[0]), 1: (anchor, widths[0])}
    for k, width in enumerate(widths[1:], 1):
        side = 1 if k % 2 else -1
        x, w = edge[side]
        xs.append(x + side * STEP * (w + width) / 2)
        edge[side] = (xs[-1], width)
    return xs


def _in_frame(xs: list[float], sized: list[float]) -> list[float] | None:
    """The centres of things this wide shifted to keep the group inside the frame's margins, or None where it is
    too wide."""
    left = min(x - w / 2 for x, w in zip(xs, sized))
    right = max(x + w / 2 for x, w in zip(xs, sized))
    if right - left > 1 - 2 * MARGIN:
        return None
    shift = max(0.0, MARGIN - left) - max(0.0, right - (1 - MARGIN))
    return [x + shift for x in xs]


def _height_behind(tallest: float, own: float) -> float:
    """A copy's height before its perspective: the group's tallest, less at most its own jitter (the placement had
    already made the ones further back smaller; perspective would make them so twice)."""
    return tallest * float(np.clip(own / tallest, 1 - COPY_SPREAD, 1.0))


def _in_depth(members: list, widths: list[float], labels: np.ndarray, holds: tuple) -> list | None:
    """The members (front one first) as (cx, base, height) standing in depth, or None where they cannot: no far
    edge, too little ground behind the front one, or no room for them in the frame or on their ground."""
    far = _far_edge(labels, holds)
    if far is None:
        return None
    mean_x = float(np.mean([m.cx for m in members]))
    front = max(members[0].base_y, far + FRONT * (_near_edge(labels, holds, mean_x) - far))  # room behind it
    if front - far < MIN_DEPTH or not _holds(labels, holds, mean_x, front):
        return None
    anchor = 0.5 + np.sign(mean_x - 0.5 or 1) * max(OFF_MIDDLE, abs(mean_x - 0.5))
    nearer = min(NEARER, (front - far) / max(members[0].base_y - far, 1e-3))  # a front one stepped nearer grows
    heights = [_height_behind(max(m.height for m in members), m.height) * nearer for m in members]
    widths = [w * h / m.height for w, h, m in zip(widths, heights, members)]
    for shallower in (0.0, SHALLOWER):
        shares = [1 - (1 - d) * (1 - shallower) for d in DEPTHS[: len(members)]]
        for scale in (1.0, IN_DEPTH_SCALE):
            sized = [w * s * scale for w, s in zip(widths, shares)]
            xs = _in_frame(_sides(sized, anchor), sized)
            bases = [far + s * (front - far) for s in shares]
            if xs and all(_holds(labels, holds, x, b) for x, b in zip(xs, bases)):
                return list(zip(xs, bases, [h * s * scale for h, s in zip(heights, shares)]))
    return None


def _stand_in_depth(placed: list, at: list[int], width: dict, labels: np.ndarray, holds: tuple) -> bool:
    """In place: the group `at` stands in depth (the lowest one in front); False where it cannot."""
    order = sorted(at, key=lambda i: -placed[i].base_y)
    spots = _in_depth([placed[i] for i in order], [width[i] for i in order], labels, holds)
    if spots is None:
        return False
    for i, (x, base, height) in zip(order, spots):
        placed[i] = replace(placed[i], cx=float(x), base_y=float(base), height=float(height))
    return True


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
        if role in IN_DEPTH_ROLES and len(at) in IN_DEPTH and _stand_in_depth(placed, at, width, labels, holds):
            continue
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
