"""Long rooms seen down their length: a train carriage, a theatre, a church's nave, a ward, a waiting room.

Every room was one box with a window in its back wall, so "the inside of an old train carriage" read as "three
blue seats in a room" and "a hospital waiting room" as "a single wooden chair in an empty room". Such rooms are
known by their rows: seats in pairs down both sides of an aisle under a row of windows, pews before a tall
window, beds down a ward, chairs along a waiting room's walls, desks before a board. A hall is drawn in
one-point perspective from its near end: side walls, floor and ceiling run to the far wall around the eye's
point; its rows are blocks standing on the floor at equal steps down the hall, each a front face and a top, the
nearer painted over the farther (`draw_rows` at the painting's size, `paint_hall`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy import ndimage

from models.painter.room_fittings import paint_clock
from models.painter.scene_colours import hsv_colour
from models.painter.scene_layout import CLASSES

WALL, SIDE_WALL, FLOOR = CLASSES.index("field_main"), CLASSES.index("rock"), CLASSES.index("sand")
FRAME, SKY, FAR = CLASSES.index("trunk"), CLASSES.index("sky"), CLASSES.index("far")
CURTAIN, DARK = CLASSES.index("field_light"), CLASSES.index("field_dark")
FRONT = CLASSES.index("snow")  # a row's front face: modelled as a volume, laid in level strokes, no other use indoors
EYE_X, EYE_Y = 0.5, 0.42  # the eye's point in the picture, where the hall's lines meet
FOCAL = 0.5  # at the near end (depth 1) each side wall stands at the picture's edge, one unit from the aisle
BELOW, ABOVE = (1 - EYE_Y) / FOCAL, EYE_Y / FOCAL  # the floor and the ceiling below and above the eye, in units
FRAME_WIDTH = 0.05  # a window's frame, in units


@dataclass(frozen=True)
class Hall:
    """A long room's shape and rows (lengths in units: half the hall's width is one)."""

    length: float  # depth of the far wall (the near end is at 1)
    rows: str  # seats (a carriage's, with headrest cloths), stalls (a theatre's), pews, beds, chairs, desks,
    # workstations (desks with monitors)
    windows: str  # row (one per bay down both sides), tall, stained (tall, of coloured glass), none
    far: str  # what the far wall holds: door, waiting (a door and a clock), window, curtain (a stage), board,
    # clock, altar, cross (a ward's)
    pitch: float  # depth from one row to the next
    aisle: float  # half the aisle's width
    reach: float  # a row's end against the wall
    height: float  # a row's front face
    top: float  # a row's top seen from above (its depth)
    hue: float  # the rows' own colour, when the person named none
    saturation: float
    value: float
    poles: bool = False  # upright grab poles at the aisle's edge (a bus's, a tram's)


HALLS = {
    "carriage": Hall(5.0, "seats", "row", "door", 0.55, 0.22, 0.97, 0.78, 0.1, 350.0, 0.55, 0.45),
    "theatre": Hall(3.4, "stalls", "none", "curtain", 0.32, 0.12, 0.97, 0.55, 0.1, 355.0, 0.65, 0.45),
    "church": Hall(4.2, "pews", "stained", "altar", 0.5, 0.25, 0.9, 0.6, 0.12, 25.0, 0.55, 0.4),
    "ward": Hall(3.8, "beds", "row", "cross", 0.95, 0.3, 0.97, 0.5, 0.55, 210.0, 0.06, 0.92),
    "bus": Hall(4.2, "stalls", "row", "door", 0.6, 0.24, 0.97, 0.7, 0.1, 215.0, 0.5, 0.42, poles=True),
    "waiting room": Hall(2.6, "chairs", "row", "waiting", 0.3, 0.62, 0.97, 0.55, 0.12, 200.0, 0.45, 0.5),
    "classroom": Hall(3.0, "desks", "row", "board", 0.6, 0.2, 0.85, 0.5, 0.3, 30.0, 0.45, 0.55),
    "station": Hall(4.0, "pews", "tall", "clock", 0.9, 0.3, 0.9, 0.45, 0.15, 25.0, 0.45, 0.4),
    "office": Hall(3.2, "workstations", "row", "window", 0.7, 0.2, 0.85, 0.55, 0.35, 30.0, 0.3, 0.6),
}
UPHOLSTERED = ("seats", "stalls", "chairs")  # rows that take the colour the person named ("red velvet seats")
FAR_DRAWINGS = {
    "curtain": ("theater-curtains",),
    "clock": ("alarm-clock", "mantelpiece-clock", "timer-clock"),
}  # drawings of what a hall's far wall holds
ROW_DRAWINGS = {  # drawings of a hall's own rows, which the rows replace (a seat emoji among the rows)
    "seats": ("seat", "car-seat", "chair", "office-chair", "armchair"),
    "stalls": ("seat", "chair", "armchair"),
    "pews": ("park-bench", "seat", "chair", "wooden-chair"),
    "beds": ("bed",),
    "chairs": ("chair", "seat", "wooden-chair", "office-chair", "armchair"),
    "desks": ("desk", "chair", "wooden-chair", "office-chair"),
    "workstations": ("desk", "chair", "office-chair", "desktop-computer", "computer", "laptop"),
}


def hall_of(room: str | None) -> Hall | None:
    """The hall a kind of room is drawn as, or None for a room of the one-box template."""
    return HALLS.get(room or "")


def drawn_by(hall: Hall) -> tuple[str, ...]:
    """Names of the drawings a hall paints itself (its rows, a stage's curtain): asked for, they are not drawn
    again among its things."""
    return ROW_DRAWINGS[hall.rows] + FAR_DRAWINGS.get(hall.far, ())


def _depths(size: int) -> tuple[np.ndarray, ...]:
    """(side-wall depth, floor depth, ceiling depth, x, y) of each pixel's ray from the eye."""
    y, x = (np.mgrid[0:size, 0:size].astype(np.float32) + 0.5) / size
    dx, dy = x - EYE_X, y - EYE_Y
    with np.errstate(divide="ignore"):
        side = FOCAL / np.abs(dx)
        floor = np.where(dy > 0, FOCAL * BELOW / np.maximum(dy, 1e-6), np.inf)
        ceiling = np.where(dy < 0, FOCAL * ABOVE / np.maximum(-dy, 1e-6), np.inf)
    return side, floor, ceiling, x, y


def hall_layout(size: int, hall: Hall) -> np.ndarray:
    """int [size, size] class map of a hall: side walls, floor, ceiling (wall), the far wall and what it holds,
    windows down the side walls, a skirting where walls meet the floor."""
    side, floor, ceiling, x, y = _depths(size)
    depth = np.minimum(np.minimum(side, floor), ceiling)
    labels = np.full((size, size), WALL, dtype=np.int64)
    labels[(side <= floor) & (side <= ceiling)] = SIDE_WALL
    labels[(floor < side) & (floor <= ceiling)] = FLOOR
    walls = labels == SIDE_WALL
    height = (y - EYE_Y) * np.minimum(depth, hall.length) / FOCAL  # units below the eye (negative above)
    labels[walls & (height > BELOW - 0.06)] = FRAME  # the skirting
    _side_windows(labels, walls & (depth < hall.length - 0.15), depth, height, hall)
    far = depth >= hall.length
    labels[far] = WALL
    across = (x - EYE_X) * hall.length / FOCAL  # units across the far wall
    _far_wall(labels, far, across, height, hall)
    return labels


def _side_windows(labels, walls, depth, height, hall: Hall) -> None:
    """In place: a window to each bay of the side walls (a tall one in a church), hills low in its glass."""
    if hall.windows == "none":
        return
    tall = hall.windows in ("tall", "stained")
    top, bottom = (-0.75, 0.35) if tall else (-0.5, 0.25)
    bay = (depth - 1.0) / hall.pitch / (2 if tall or hall.rows == "chairs" else 1) % 1.0
    glass_bay = (bay > 0.18) & (bay < 0.82)
    framed = walls & (height > top - FRAME_WIDTH) & (height < bottom + FRAME_WIDTH) & (bay > 0.12) & (bay < 0.88)
    labels[framed] = FRAME
    glass = walls & (height > top) & (height < bottom) & glass_bay
    if hall.windows == "stained":  # coloured glass (`paint_hall`), no sky seen through it
        labels[glass] = CURTAIN
        return
    labels[glass] = SKY
    labels[glass & (height > bottom - 0.18)] = FAR


def _far_wall(labels, far, across, height, hall: Hall) -> None:
    """In place: a door with a glazed top, a tall window, a stage's curtain in its frame, a board, a clock, an
    altar under coloured glass, or a ward's sign."""
    if hall.far == "curtain":
        opening = far & (np.abs(across) < 0.85) & (height > -0.65)
        labels[far & (np.abs(across) < 0.92) & (height > -0.72)] = FRAME
        labels[opening] = CURTAIN
        labels[opening & (height > BELOW - 0.35)] = DARK  # the stage's front
    elif hall.far in ("door", "waiting"):
        labels[far & (np.abs(across) < 0.3) & (height > -0.5)] = FRAME
        labels[far & (np.abs(across) < 0.22) & (height > -0.42) & (height < 0.1)] = SKY
        labels[far & (np.abs(across) < 0.22) & (height >= 0.1) & (height < BELOW - 0.06)] = DARK
        if hall.far == "waiting":  # a clock beside the door, the hours waited
            _clock(labels, far, np.hypot(across - 0.62, height + 0.25), 0.19, 0.16)
    elif hall.far == "window":
        arch = _arch(across)
        labels[far & (np.abs(across) < 0.44) & (height > arch - 0.07) & (height < 0.42)] = FRAME
        labels[far & (np.abs(across) < 0.38) & (height > arch) & (height < 0.35)] = SKY
    elif hall.far == "clock":  # a station's great clock, high on its far wall over the way out
        _clock(labels, far, np.hypot(across, height + 0.4), 0.44, 0.39)
        labels[far & (np.abs(across) < 0.35) & (height > 0.12)] = FRAME
        labels[far & (np.abs(across) < 0.28) & (height > 0.18)] = SKY
    elif hall.far == "board":
        labels[far & (np.abs(across) < 0.75) & (height > -0.45) & (height < 0.1)] = DARK
    elif hall.far == "altar":  # a tall window of coloured glass over an altar, a cross on it
        arch = _arch(across)
        labels[far & (np.abs(across) < 0.44) & (height > arch - 0.07) & (height < 0.2)] = FRAME
        labels[far & (np.abs(across) < 0.38) & (height > arch) & (height < 0.14)] = CURTAIN
        labels[far & (np.abs(across) < 0.6) & (height > BELOW - 0.45)] = DARK
        labels[_cross(far, across, height, 0.62, 0.32)] = FRONT
    elif hall.far == "cross":  # a ward's door under a white sign with a red cross
        labels[far & (np.abs(across) < 0.3) & (height > -0.1)] = FRAME
        labels[far & (np.abs(across) < 0.22) & (height > -0.02) & (height < BELOW - 0.06)] = DARK
        labels[far & (np.abs(across) < 0.2) & (np.abs(height + 0.4) < 0.2)] = CURTAIN


def _arch(across: np.ndarray) -> np.ndarray:
    """The head of a tall window on the far wall, pointed a little, as heights (units below the eye)."""
    return -0.8 + 0.5 * (1 - np.sqrt(np.clip(1 - (across / 0.38) ** 2, 0, 1)))


def _clock(labels: np.ndarray, far: np.ndarray, ring: np.ndarray, radius: float, face: float) -> None:
    """In place: a round clock on the far wall, `ring` each pixel's distance from its middle: a dark rim out to
    `radius`, its face within `face` (CURTAIN, painted by `paint_hall`)."""
    labels[far & (ring < radius)] = DARK
    labels[far & (ring < face)] = CURTAIN


def _cross(far, across, height, foot: float, size: float) -> np.ndarray:
    """Where a cross stands on the far wall: its foot `foot` units below the eye, `size` units tall."""
    middle = foot - size * 0.7
    upright = (np.abs(across) < size * 0.09) & (height > foot - size) & (height < foot)
    arms = (np.abs(across) < size * 0.35) & (np.abs(height - middle) < size * 0.08)
    return far & (upright | arms)


def row_blocks(hall: Hall) -> list[tuple[float, float, float]]:
    """(depth, left, right) of each row's block, in units, farthest first; both sides of the aisle."""
    first = 1.25
    count = int((hall.length - 0.25 - first) / hall.pitch) + 1
    blocks = []
    for k in range(count)[::-1]:
        z = first + k * hall.pitch
        blocks += [(z, -hall.reach, -hall.aisle), (z, hall.aisle, hall.reach)]
    return blocks


def _blocks(size: int, hall: Hall):
    """Each row's (front, top) pixel masks and its front's (u, v) across and down, farthest first."""
    yy, xx = (np.mgrid[0:size, 0:size].astype(np.float32) + 0.5) / size
    for z, left, right in row_blocks(hall):
        x0, x1 = (EYE_X + FOCAL * v / z for v in (left, right))
        foot, head = (EYE_Y + FOCAL * v / z for v in (BELOW, BELOW - hall.height))
        back = EYE_Y + FOCAL * (BELOW - hall.height) / (z + hall.top)
        bx0, bx1 = (EYE_X + FOCAL * v / (z + hall.top) for v in (left, right))
        front = (xx >= x0) & (xx < x1) & (yy >= head) & (yy < foot)
        if hall.rows == "seats":  # a seat back's rounded shoulders
            corner = 0.2 * (foot - head)
            front &= ~((yy < head + corner) & ((xx < x0 + corner) | (xx > x1 - corner)))
        if hall.rows == "chairs":  # a chair's back and seat on two legs, the floor seen between them
            width, seat = x1 - x0, head + 0.6 * (foot - head)
            legs = (np.abs(xx - x0 - 0.12 * width) < 0.05 * width) | (np.abs(xx - x1 + 0.12 * width) < 0.05 * width)
            front &= (yy < seat) | legs
        ratio = (yy - back) / max(1e-6, head - back)  # the top's outline narrows towards its back edge
        lid = (yy >= back) & (yy < head) & (xx >= bx0 + (x0 - bx0) * ratio) & (xx < bx1 + (x1 - bx1) * ratio)
        u = (xx - x0) / max(1e-6, x1 - x0)
        v = (yy - head) / max(1e-6, foot - head)
        screen = None
        if hall.rows == "workstations":  # a monitor standing at the back of each desk
            at = z + 0.7 * hall.top
            middle, half = (left + right) / 2, 0.18 * (right - left)
            sx0, sx1 = (EYE_X + FOCAL * v / at for v in (middle - half, middle + half))
            sy1 = EYE_Y + FOCAL * (BELOW - hall.height) / at
            screen = (xx >= sx0) & (xx < sx1) & (yy >= sy1 - FOCAL * 0.32 / at) & (yy < sy1)
        yield front, lid & ~front, u, v, screen


def draw_rows(labels: np.ndarray, hall: Hall) -> None:
    """In place at the painting's size: each row's front face (FRONT) and top (DARK), the nearer over the
    farther; then a bus's poles (CURTAIN), which stand in the aisle clear of the nearer rows."""
    for front, lid, _, _, screen in _blocks(labels.shape[0], hall):
        labels[lid] = DARK
        labels[front] = FRONT
        if screen is not None:
            labels[screen] = FRONT
    if hall.poles:
        labels[_poles(labels.shape[0], hall)] = CURTAIN


def _poles(size: int, hall: Hall) -> np.ndarray:
    """Where upright grab poles stand, floor to ceiling at the aisle's edge, at every other row."""
    yy, xx = (np.mgrid[0:size, 0:size].astype(np.float32) + 0.5) / size
    poles = np.zeros((size, size), bool)
    for z, _, _ in row_blocks(hall)[::4]:
        top, foot = EYE_Y - FOCAL * ABOVE / z, EYE_Y + FOCAL * BELOW / z
        for side in (-1, 1):
            x = EYE_X + side * FOCAL * (hall.aisle + 0.03) / z
            poles |= (np.abs(xx - x) < FOCAL * 0.02 / z) & (yy > top) & (yy < foot)
    return poles


def paint_hall(ref: np.ndarray, labels: np.ndarray, hall: Hall, named_hue: float | None, light) -> None:
    """In place: a stage's curtain in crimson folds, a station's clock face, a church's coloured glass and cross, a
    ward's sign, then the rows (`paint_rows`)."""
    if hall.far == "curtain":
        curtain = labels == CURTAIN
        x = np.nonzero(curtain)[1].astype(np.float32) / labels.shape[0]
        folds = 0.7 + 0.3 * np.abs(np.sin(x * 70))
        ref[curtain] = hsv_colour(352, 0.7, 0.5) * light * folds[:, None]
    if hall.far in ("clock", "waiting"):
        paint_clock(ref, labels == CURTAIN, light)
    if hall.windows == "stained":
        _stained_glass(ref, labels == CURTAIN, light)
        ref[labels == FRONT] = hsv_colour(45, 0.6, 0.8) * light  # the altar's gilt cross (rows cover their own)
    if hall.far == "cross":
        _red_cross(ref, labels == CURTAIN, light)
    paint_rows(ref, hall, named_hue, light)
    if hall.poles:  # yellow grab poles, lit down one side
        poles = labels == CURTAIN
        x = np.nonzero(poles)[1].astype(np.float32)
        ref[poles] = hsv_colour(50, 0.8, 0.85) * light * (0.8 + 0.3 * (np.sin(x) > 0))[:, None]


def _stained_glass(ref: np.ndarray, glass: np.ndarray, light) -> None:
    """In place: small panes of jewel colours held in dark lead."""
    size = glass.shape[0]
    ys, xs = np.nonzero(glass)
    cell_w, cell_h = max(3, size // 70), max(4, size // 45)
    cells = ((xs // cell_w) * 73856093) ^ ((ys // cell_h) * 19349663)
    jewels = np.stack(
        [hsv_colour(h, 0.75, v) for h, v in ((355, 0.6), (220, 0.55), (45, 0.85), (130, 0.5), (280, 0.5))]
    )
    rgb = jewels[cells % len(jewels)]
    lead = (xs % cell_w == 0) | (ys % cell_h == 0)
    rgb[lead] = hsv_colour(220, 0.2, 0.12)
    ref[ys, xs] = rgb * light


def _red_cross(ref: np.ndarray, sign: np.ndarray, light) -> None:
    """In place: a white sign with a red cross on it."""
    ys, xs = np.nonzero(sign)
    if not len(ys):
        return
    cy, cx = ys.mean(), xs.mean()
    half = max(1.0, (xs.max() - xs.min()) / 2)
    arm = (np.abs(xs - cx) < 0.2 * half) & (np.abs(ys - cy) < 0.7 * half)
    arm |= (np.abs(ys - cy) < 0.2 * half) & (np.abs(xs - cx) < 0.7 * half)
    ref[ys, xs] = np.where(arm[:, None], hsv_colour(0, 0.85, 0.7), hsv_colour(45, 0.05, 0.95)) * light


def paint_rows(ref: np.ndarray, hall: Hall, named_hue: float | None, light) -> None:
    """In place: each row's front in its colour (a bed's white sheet, a pew's wood, a seat's cloth; the hue the
    person named, when given, at least half saturated), darker low down, its top lit from above, the nearer over
    the farther."""
    if named_hue is None:
        colour = hsv_colour(hall.hue, hall.saturation, hall.value)
    else:
        colour = hsv_colour(named_hue, max(hall.saturation, 0.5), hall.value)
    for front, lid, u, v, screen in _blocks(ref.shape[0], hall):
        if hall.rows == "beds":  # a white sheet over the front, a dark iron frame at its foot
            rgb = np.where((v > 0.8)[..., None], hsv_colour(220, 0.1, 0.25), colour * 0.95)
        elif hall.rows in ("desks", "workstations"):  # a desk's front panel in shade, its top the lit wood
            rgb = colour * 0.7 * (1.0 - 0.35 * v)[..., None]
        else:  # cloth or wood, darker low down; two seats to a row, each with a white cloth over its headrest
            seat = (u * 2) % 1
            rgb = colour * ((1.0 - 0.35 * np.clip(v, 0, 1)) * (1 - 0.25 * (np.abs(seat - 0.5) > 0.45)))[..., None]
            if hall.rows == "seats":
                rgb = np.where(((np.abs(seat - 0.5) < 0.28) & (v < 0.22))[..., None], hsv_colour(45, 0.06, 0.9), rgb)
        ref[front] = (rgb * light)[front]
        ref[lid] = colour * 1.25 * light
        if screen is not None:  # a dark frame round a screen's cool glow
            ref[screen] = hsv_colour(215, 0.15, 0.18) * light
            ref[ndimage.binary_erosion(screen, iterations=max(1, ref.shape[0] // 200))] = hsv_colour(200, 0.35, 0.8)


UNIT = 1.5  # metres in a unit: a carriage is three metres wide, the eye 1.7 m above its floor
UNKNOWN_SIZE = 0.6  # metres, a thing whose size no table gives
TALLEST = {"figure": 1.8, "stands": 1.8}  # metres: a car or a dinosaur asked in a hall no taller than a person,
OTHER_TALLEST = 1.0  # and other things no taller than a cupboard (a pile of books was the size of a library)
FLYING = 0.1  # a flying thing's longer side, a share of the picture (an airliner asked in a lounge)
NEAREST, STEP = 1.6, 0.55  # depth of the first thing in the aisle, and from one to the next


def stand_in_aisle(placed: list, hall: Hall) -> list:
    """The asked things (`objects.PlacedObject`) standing down the hall's aisle at their real sizes seen from the
    near end, one behind another, farthest first (a clock or a computer in front of the rows hid them all);
    things that fly stay where they were placed, small."""
    standing = [o for o in placed if o.role != "flies"]
    arranged = []
    for k, o in enumerate(standing):
        z = NEAREST + STEP * k
        across = hall.aisle * 0.6 * (-1 if k % 2 else 1) * (k > 0)
        metres = min(o.size or UNKNOWN_SIZE, TALLEST.get(o.role, OTHER_TALLEST))
        height = FOCAL * metres / UNIT / z
        arranged.append(replace(o, cx=EYE_X + FOCAL * across / z, base_y=EYE_Y + FOCAL * BELOW / z, height=height))
    flying = [replace(o, height=min(o.height, FLYING)) for o in placed if o.role == "flies"]
    return flying + arranged[::-1]
