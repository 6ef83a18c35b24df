"""Rooms and portrait backdrops painted as places, not flat colour fields.

An interior's layout (`room_layout`) is a room seen from its middle: a back wall with a window (sky and far hills
in it), side walls turning away at the corners, a skirting board, a floor of boards running towards the eye's
height, and, when things stand on it, a table of the width of its things, with its top, apron and legs (a table
top across the whole picture read as a floor, with the asked things lost on it). Painted
in the palette's full colour, the wall was a flat green or teal backdrop. A painter lights a room from its
window: the wall is a quiet plaster colour leaning to the palette, brightest beside the window and falling
into shade towards the far side and the corners; the frame is painted wood with a sill; the table's top
catches the window's light in a patch, its front is in shade; a picture hangs on the far wall and a curtain
hangs at the window in the accent colour. A portrait's backdrop is a dark, warm studio wall with a soft
light behind the sitter's head, darker at the corners.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from models.painter.backdrops import paint_setting
from models.painter.cockpit import cockpit_layout, paint_cockpit
from models.painter.halls import UPHOLSTERED, draw_rows, hall_layout, hall_of, paint_hall
from models.painter.placement_rules import aspect
from models.painter.room_fittings import fit_out, paint_fitted
from models.painter.room_kinds import PLAIN, RoomDress
from models.painter.room_surfaces import DADO, floor_colours, floor_pattern, wall_colour, wall_pattern
from models.painter.scene_colours import _tinted, hsv_colour, mood_light
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec
from models.painter.shelf_goods import GOODS, paint_goods
from models.painter.sitter import BACKDROP_HUE

WALL, LEDGE, ACCENT = CLASSES.index("field_main"), CLASSES.index("field_dark"), CLASSES.index("field_light")
FRAME, SKY, TABLE = CLASSES.index("trunk"), CLASSES.index("sky"), CLASSES.index("earth")
FLOOR, SIDE_WALL, FAR = CLASSES.index("sand"), CLASSES.index("rock"), CLASSES.index("far")
EYE = 0.42  # the eye's height in the picture: the floor's boards and the side walls' foot run towards it
SIDE = 0.1  # each side wall's width, from the frame to the room's corner
FLOOR_BEHIND = 0.06  # the wall meets the floor this far below a table's back edge (hidden behind the table)
TABLE_DEPTH, APRON, LEG = 0.12, 0.05, 0.035  # a table's top seen from above, its apron and a leg's width
TABLE_LEGS = 0.24  # how far a table's legs reach below its apron, to the floor
TABLE_WIDTH = 0.6  # a table at least this wide: a bowl alone on a table of its own width read as oversized
SKIRTING = 0.025
TABLE_EDGE = 0.1  # the table reaches this far beyond its things each side (`pipeline.table_under`)
BOOKS = CLASSES.index("grass")  # book spines on shelves: upright, narrow strokes
CASES = ("bookshelf", "bookcase", "shelf")  # drawings' last names that are a bookcase
SHELF_PITCH, SHELF_TOP = 0.11, 0.1  # a bookcase's shelves this far apart, its top this far below the frame's
CROWDED = 0.75  # furniture that does not fit side by side is spaced at this share of its width
FURNITURE_FORWARD = 0.08  # furniture's foot at least this far below the wall's foot: on the floor, in front
BOARDS = 7  # floorboards across the back wall's width
COUNTER_SPAN, COUNTER_FRONT = 0.78, 0.15  # a counter runs this far across from one side; its front's height
CLOSE_TOP, CLOSE_FRONT = 0.56, 0.87  # a still life seen close: its table top's back and front edges
CLOSE_WINDOW = 0.24  # ... the window's width, cut by the frame on the side the light comes from
CLOSE_SCALE, CLOSE_MOST = 1.5, 0.62  # ... its things larger than in a room (a lone wrench was small and dull)
SMALLEST = 0.45  # ... and each at least this share of the biggest's size, however small it really is


def room_layout(
    size: int,
    table_y: float,
    window_cx: float,
    window_w: float,
    table: tuple[float, float] | None = None,
    shelves: tuple[tuple[float, float], ...] = (),
    counter: bool = False,
    wall_shelves: bool = False,
) -> np.ndarray:
    """int [size, size] class map of a room: back and side walls, a window, skirting, a floor and, when `table`
    gives its (left, right), a table whose top's back edge is at table_y (else the floor meets the wall there);
    each of `shelves` (left, right) a bookcase built against the back wall, floor to near the top, full of books.
    A shop's `counter` runs across the front from one side (the table grown into it, its things on it), and
    `wall_shelves` line the back wall each side of the window (`shelf_goods` fills them)."""
    if counter:
        table = _counter_reach(table, window_cx)
    y, x = np.mgrid[0:size, 0:size] / (size - 1)
    labels = np.full((size, size), WALL, dtype=np.int64)
    floor_y = table_y + FLOOR_BEHIND if table else table_y
    corner = np.maximum(SIDE - x, x - (1 - SIDE)).clip(0)  # how far into a side wall
    foot = floor_y + corner * (floor_y - EYE) / (0.5 - SIDE)  # the walls' foot, running towards the eye
    labels[corner > 0] = SIDE_WALL
    labels[(y >= foot - SKIRTING) & (y < foot)] = FRAME
    labels[y >= foot] = FLOOR
    window_cx, window_w = _beside_shelves(window_cx, window_w, shelves)
    half = window_w / 2
    window_cx = float(np.clip(window_cx, SIDE + half + 0.03, 1 - SIDE - half - 0.03))
    if wall_shelves:
        shelves = shelves + _beside_window(window_cx, half)
    top, bottom = 0.1, min(table_y - 0.04, 0.5, floor_y - 0.12)
    window = (np.abs(x - window_cx) < half) & (y > top) & (y < bottom)
    labels[(np.abs(x - window_cx) < half + 0.025) & (y > top - 0.025) & (y < bottom + 0.025)] = FRAME
    labels[window] = SKY
    labels[window & (y > bottom - 0.12 + 0.03 * np.sin(x * 9))] = FAR
    labels[(np.abs(x - window_cx) < 0.01) & window] = FRAME  # the glazing bar
    for left, right in shelves:
        _bookcase(labels, x, y, left, right, floor_y)
    if table:
        (_counter if counter else _table)(labels, x, y, table_y, *table)
    return labels


def still_life_layout(size: int, window_left: bool) -> np.ndarray:
    """int [size, size] class map of a still life seen close (a table's things alone in a whole room read as
    giants on a stool): the wall behind, a window cut by the frame on the light's side, the table's top across
    the whole picture and its front edge in shade at the foot; no floor."""
    y, x = np.mgrid[0:size, 0:size] / (size - 1)
    labels = np.full((size, size), WALL, dtype=np.int64)
    near = x if window_left else 1 - x  # how far from the window's side of the frame
    top, bottom = 0.08, CLOSE_TOP - 0.08
    labels[(near < CLOSE_WINDOW + 0.025) & (y > top - 0.025) & (y < bottom + 0.025)] = FRAME
    window = (near < CLOSE_WINDOW) & (y > top) & (y < bottom)
    labels[window] = SKY
    labels[window & (y > bottom - 0.1 + 0.03 * np.sin(x * 9))] = FAR
    labels[window & (np.abs(near - CLOSE_WINDOW / 2) < 0.01)] = FRAME  # the glazing bar
    labels[(y >= CLOSE_TOP) & (y < CLOSE_FRONT)] = TABLE
    labels[y >= CLOSE_FRONT] = LEDGE
    return labels


def arrange_close(placed: list, table_y: float) -> list:
    """The things of a still life seen close (placed for a room whose table's back edge is at table_y): larger
    than in a room, things of different kinds at their real sizes against the biggest, standing on the close
    table's top at the depth they had on the room's table, then together in the frame."""
    depth = CLOSE_FRONT - CLOSE_TOP
    sized = all(o.size for o in placed)
    biggest = max((o.size for o in placed), default=None) if sized else None
    lead = min(CLOSE_MOST, max(o.height for o in placed) * CLOSE_SCALE)  # the biggest thing's longer side
    real_sizes = sized and len({o.entry for o in placed}) > 1  # a lemon by a jug: at their real sizes
    arranged = []
    for o in placed:
        back = float(np.clip((o.base_y - table_y) / TABLE_DEPTH, 0, 1))  # 0 at the table's back edge, 1 its front
        base = CLOSE_TOP + (0.4 + 0.4 * back) * depth
        height = min(CLOSE_MOST, o.height * CLOSE_SCALE)
        if real_sizes:
            height = lead * float(np.clip(o.size / biggest, SMALLEST, 1.0))
        arranged.append(replace(o, base_y=base, height=height))
    return _table_in_frame(arranged, tuple({o.role for o in arranged}), alone=True)


def _counter_reach(table: tuple[float, float] | None, window_cx: float) -> tuple[float, float]:
    """(left, right) of a counter: from the side away from the window to COUNTER_SPAN across, and under the
    things asked for wherever they stand."""
    left, right = (0.0, COUNTER_SPAN) if window_cx >= 0.5 else (1 - COUNTER_SPAN, 1.0)
    if table:
        left, right = min(left, table[0]), max(right, table[1])
    return left, right


def _beside_window(window_cx: float, half: float) -> tuple[tuple[float, float], ...]:
    """(left, right) of the stretches of back wall each side of the window wide enough for shelves."""
    spans = ((SIDE + 0.01, window_cx - half - 0.05), (window_cx + half + 0.05, 1 - SIDE - 0.01))
    return tuple((float(a), float(b)) for a, b in spans if b - a >= 0.12)


def _counter(labels: np.ndarray, x: np.ndarray, y: np.ndarray, top_y: float, left: float, right: float) -> None:
    """In place: a counter's top across the room and its solid front down to the floor (no legs)."""
    front = top_y + TABLE_DEPTH
    labels[(y >= top_y) & (y < front) & (x >= left) & (x <= right)] = TABLE
    labels[(y >= front) & (y < front + COUNTER_FRONT) & (x >= left) & (x <= right)] = LEDGE


def arrange_room(placed: list, table_y: float, on_table: tuple[str, ...]) -> list:
    """The placed things (`objects.PlacedObject`) of a room: those on a table standing on its top (the placement
    put some above its back edge, floating), furniture on the floor (an anvil hung on the wall), and, where both
    are in the room, the table's group on one side and the furniture on the other (a lamp stood across the bed)."""
    furniture = [o for o in placed if o.role == "building"]
    group = [o for o in placed if o.role in on_table]
    apart = bool(furniture and group)
    left = apart and float(np.mean([o.cx for o in furniture])) < 0.5  # the furniture keeps the side it leans to
    centre, middle = {"table": 0.76 if left else 0.24}, {"table": _mean_x(group)}
    span = ((0.04, 0.5) if left else (0.5, 0.96)) if apart else (0.04, 0.96)
    along_wall = _along_the_wall(furniture, *span)
    arranged = []
    for o in placed:
        kind = "table" if o.role in on_table else o.role
        if kind == "table" and apart:
            o = replace(o, cx=float(np.clip(centre[kind] + 0.6 * (o.cx - middle[kind]), 0.08, 0.92)))
        elif kind == "building":
            o = along_wall[id(o)]
        if kind == "table":
            o = replace(o, base_y=float(np.clip(o.base_y, table_y + 0.05, table_y + TABLE_DEPTH - 0.01)))
        elif kind == "building":  # furniture stands on the floor in front of the wall, not on the wall
            floor_y = table_y + (FLOOR_BEHIND if group else 0.0)
            o = replace(o, base_y=float(np.clip(o.base_y, floor_y + FURNITURE_FORWARD, 0.97)))
        arranged.append(o)
    pieces = [o for o in arranged if o.role == "building"]
    arranged = _table_in_frame(arranged, on_table, alone=not apart)
    on_it = [o for o in arranged if o.role in on_table]
    if not pieces and on_it:  # a dog in a kitchen: on the floor beside the table, not standing on its top
        return [_beside_table(o, on_it, table_y) if o.role == "stands" else o for o in arranged]
    return [_beside(o, pieces) if o.role == "stands" and pieces else o for o in arranged]


def _beside_table(thing, on_table: list, table_y: float):
    """A thing on the floor (a dog, a cat) beside the table under `on_table`, on its roomier side, its feet on
    the floor level with the table's legs."""
    left, right = table_span(on_table)  # the table drawn under them
    half = 0.5 * thing.height * min(1.5, aspect(thing.entry))
    cx = right + half if 1 - right > left else left - half
    foot = table_y + TABLE_DEPTH + APRON + TABLE_LEGS
    return replace(thing, cx=float(np.clip(cx, half, 1 - half)), base_y=float(np.clip(foot + 0.02, 0.0, 0.97)))


def table_span(on_table: list, pieces: list = ()) -> tuple[float, float]:
    """(left, right) of the table drawn under the things `on_table`: their reach, at least TABLE_WIDTH wide, inside
    the frame, and stopping at each of the furniture `pieces` standing beside it (grown under a fireplace, it stood
    on the table)."""
    left, right = table_reach(on_table)
    grow = max(0.0, TABLE_WIDTH - (right - left)) / 2
    low, high = 0.04, 0.96
    for piece in pieces:  # furniture on the floor beside the table
        half = 0.5 * piece.height * min(1.0, aspect(piece.entry))
        if piece.cx < (left + right) / 2:  # up to its side, never inside the things' own width
            low = max(low, min(left + TABLE_EDGE, piece.cx + half))
        else:
            high = min(high, max(right - TABLE_EDGE, piece.cx - half))
    return max(low, left - grow), min(high, right + grow)


def table_reach(on_table: list) -> tuple[float, float]:
    """(left, right) of a table under the things `on_table`: their outer edges and TABLE_EDGE beyond each side."""
    halves = [0.5 * o.height * min(1.5, aspect(o.entry)) for o in on_table]
    left = min(o.cx - h for o, h in zip(on_table, halves)) - TABLE_EDGE
    return left, max(o.cx + h for o, h in zip(on_table, halves)) + TABLE_EDGE


def _table_in_frame(placed: list, on_table: tuple[str, ...], alone: bool) -> list:
    """The things on the table moved together so that it and they stay inside the frame (a bowl at the edge hung
    off it, on a table cut short), and, with no furniture beside them, halfway to the middle (a lone still life)."""
    group = [o for o in placed if o.role in on_table]
    if not group:
        return placed
    left, right = table_reach(group)
    shift = 0.5 * (0.5 - (left + right) / 2) if alone else 0.0
    shift = float(np.clip(shift, 0.04 - left, 0.96 - right)) if right - left < 0.92 else 0.5 - (left + right) / 2
    return [replace(o, cx=o.cx + shift) if o.role in on_table else o for o in placed]


def _beside(thing, furniture: list):
    """A thing on the floor (a dog, boots) beside the nearest piece of furniture (by the fire, by the door), on
    the side towards the picture's middle, a little in front of it."""
    piece = min(furniture, key=lambda f: abs(f.cx - thing.cx))
    half = (piece.height * min(1.0, aspect(piece.entry)) + thing.height * min(1.0, aspect(thing.entry))) / 2
    side = 1 if piece.cx < 0.5 else -1
    cx = float(np.clip(piece.cx + side * 0.85 * half, 0.06, 0.94))
    return replace(thing, cx=cx, base_y=float(min(0.97, piece.base_y + 0.04)))


def _along_the_wall(furniture: list, left: float, right: float) -> dict:
    """{id: the piece moved}: the room's furniture side by side between left and right in the order the placement
    gave, none overlapping, all smaller together where they do not fit (three bookshelves, a fireplace and a
    ladder were piled on each other, a blocky jumble)."""
    widths = [o.height * min(1.0, aspect(o.entry)) for o in furniture]
    room = 0.94 * (right - left)
    share = CROWDED if sum(widths) > room else 1.0  # crowded pieces overlap a little, as in a furnished room
    scale = min(1.0, room / max(1e-3, share * sum(widths)))
    gap = (right - left - scale * share * sum(widths)) / (len(furniture) + 1)
    moved, x = {}, left + gap
    for o, w in sorted(zip(furniture, widths), key=lambda p: p[0].cx):
        moved[id(o)] = replace(o, cx=float(x + scale * share * w / 2), height=o.height * scale)
        x += scale * share * w + gap
    return moved


def _mean_x(things: list) -> float:
    return float(np.mean([o.cx for o in things])) if things else 0.5


def _beside_shelves(cx: float, width: float, shelves) -> tuple[float, float]:
    """(centre, width) of the window moved into the widest free stretch of the back wall when a bookcase would
    cover it (narrower if it must), or as it was."""
    if not any(left < cx + width / 2 and right > cx - width / 2 for left, right in shelves):
        return cx, width
    edges = sorted([(SIDE + 0.03, SIDE + 0.03)] + [tuple(s) for s in shelves] + [(1 - SIDE - 0.03,) * 2])
    gaps = [(a[1], b[0]) for a, b in zip(edges, edges[1:]) if b[0] - a[1] > 0]
    if not gaps:
        return cx, width
    left, right = max(gaps, key=lambda g: g[1] - g[0])
    if right - left < 0.16:
        return cx, width
    return (left + right) / 2, min(width, right - left - 0.06)


def _bookcase(labels: np.ndarray, x: np.ndarray, y: np.ndarray, left: float, right: float, foot: float) -> None:
    """In place: a bookcase against the back wall (dark wood), its shelves full of books."""
    case = (x >= left) & (x <= right) & (y >= SHELF_TOP) & (y < foot)
    labels[case] = LEDGE
    inner = case & (x >= left + 0.015) & (x <= right - 0.015) & (y >= SHELF_TOP + 0.015)
    labels[inner & (((y - SHELF_TOP) % SHELF_PITCH) > 0.025)] = BOOKS  # a board, then a row of spines


def wall_shelves(placed: list) -> tuple[list, tuple[tuple[float, float], ...]]:
    """(the placed things less the bookcases, each bookcase's (left, right)): a bookcase drawn as a thing was a
    small brown block among the others (a library read as 'a jumble of wooden posts'); it is built into the
    room's wall instead, as tall as the wall, as wide as it stood."""
    cases = [o for o in placed if o.role == "building" and o.entry.name.split("-")[-1] in CASES]
    spans = tuple(
        (float(o.cx - w / 2), float(o.cx + w / 2))
        for o in cases
        for w in [max(0.16, o.height * min(1.0, aspect(o.entry)))]
    )
    return [o for o in placed if o not in cases], spans


def _table(labels: np.ndarray, x: np.ndarray, y: np.ndarray, top_y: float, left: float, right: float) -> None:
    """In place: a table's top (narrower at the back), its apron below the front edge, two legs to the floor."""
    front = top_y + TABLE_DEPTH
    depth = np.clip((y - top_y) / TABLE_DEPTH, 0, 1)
    inset = 0.04 * (1 - depth)
    labels[(y >= top_y) & (y < front) & (x >= left + inset) & (x <= right - inset)] = TABLE
    labels[(y >= front) & (y < front + APRON) & (x >= left) & (x <= right)] = LEDGE
    legs = ((x >= left + 0.01) & (x < left + 0.01 + LEG)) | ((x <= right - 0.01) & (x > right - 0.01 - LEG))
    labels[legs & (y >= front) & (y < min(0.99, front + APRON + TABLE_LEGS))] = LEDGE


def _palette_lean(rgb: np.ndarray, spec: SceneSpec, amount: float) -> np.ndarray:
    """Towards the palette's main colour: clearly when the person named colours, a breath for a mood's hue."""
    named = spec.palette_strength >= 0.5
    return _tinted(rgb, spec.hue, min(0.45, spec.saturation), amount * (1.0 if named else 0.3))


def _plaster(spec: SceneSpec, rng: np.random.Generator) -> np.ndarray:
    """A wall's colour: warm cream in a glad mood, a cool grey in a sad one."""
    if spec.valence < -0.2:
        return hsv_colour(rng.uniform(200, 225), 0.12, 0.72)
    return hsv_colour(rng.uniform(30, 45), rng.uniform(0.2, 0.32), 0.85)


def _window_box(labels: np.ndarray) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(labels == SKY)
    if not len(ys):
        return None
    return int(ys.min()), int(ys.max()), int(xs.min()), int(xs.max())


def dress_room(
    ref: np.ndarray,
    labels: np.ndarray,
    spec: SceneSpec,
    rng: np.random.Generator,
    dress: RoomDress = PLAIN,
    fitted: tuple = (),
) -> None:
    """In place: walls of the kind's material, frame, sill, table or counter, floor, shelves, a picture and a
    curtain, lit from the window; then the kind's `fitted` things (`room_fittings`)."""
    size = labels.shape[0]
    window = _window_box(labels)
    top, bottom, left, right = window if window else (size // 10, size // 2, size // 3, 2 * size // 3)
    cx = (left + right) / 2
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    light = mood_light(spec)
    near_window = np.exp(-(((x - cx / size) / 0.45) ** 2)) * (1 - 0.35 * np.clip(0.25 - y, 0, 1) * 4)
    material = wall_colour(dress.wall, dress.wall_hue, _plaster(spec, rng))
    wall_rgb = _palette_lean(material[None, None], spec, 0.35 if dress.wall == "plaster" else 0.15)
    grain = wall_pattern(dress.wall, x, y, rng)
    if dress.wall == "panelling":  # panelled to the dado rail, plaster above
        grain = np.where(y > DADO, grain, 1.0)
        wall_rgb = np.where((y > DADO)[..., None], wall_rgb, _palette_lean(_plaster(spec, rng)[None, None], spec, 0.35))
    wall = wall_rgb * (grain * (0.55 + 0.45 * near_window))[..., None] * light
    side = 1 if cx < size / 2 else -1  # the far side of the room, away from the window
    is_wall = labels == WALL
    ref[is_wall] = wall[is_wall]
    turned = labels == SIDE_WALL  # a side wall turns away from the window's light
    ref[turned] = wall[turned] * np.where(x[turned] < 0.5, 0.78, 0.7)[:, None]
    ref[labels == FRAME] = hsv_colour(40, 0.12, 0.86) * light * (0.8 + 0.2 * near_window[labels == FRAME])[:, None]
    table_top = _table_top(labels)
    wood = hsv_colour(rng.uniform(20, 32), 0.55, 0.62)
    table = labels == TABLE
    depth = np.clip((y - table_top / size) / 0.3, 0, 1)
    across = ((x - cx / size - 0.12 * side) / 0.18) ** 2
    patch = np.exp(-across - ((y - table_top / size - 0.06) / 0.06) ** 2)  # the window's light on the table
    top_rgb = wood * (0.75 + 0.25 * depth[..., None]) * (1 + 0.8 * patch[..., None]) * light
    ref[table] = _palette_lean(top_rgb[table], spec, 0.15)
    ledge = labels == LEDGE
    ref[ledge] = _palette_lean(wood * 0.36 * light * np.ones((int(ledge.sum()), 3), np.float32), spec, 0.15)
    _floor(ref, labels, spec, wood, light, (x, y), cx / size, dress.floor, rng)
    if dress.goods in GOODS:
        paint_goods(ref, labels == BOOKS, dress.goods, SHELF_TOP, SHELF_PITCH, light, rng)
    else:
        _spines(ref, labels, y, light, rng)
    accent = labels == ACCENT
    if accent.any():  # the curtain: accent colour in folds; the picture: its own little sky over hills
        folds = 0.8 + 0.2 * np.sin(x * size / (size / 40))[accent]
        curtain = hsv_colour(spec.accent_hue, min(0.55, 0.25 + spec.accent_saturation * 0.5), 0.62) * light
        ref[accent] = curtain * folds[:, None]
    if dress.hall == "cockpit":
        paint_cockpit(ref, labels, light)
    hall = hall_of(dress.hall)
    if hall is not None:  # upholstery in the colour the person named ("red velvet seats"), else the hall's own
        named = spec.palette_strength >= 0.5 and hall.rows in UPHOLSTERED
        paint_hall(ref, labels, hall, spec.hue if named else None, light)
    paint_fitted(ref, labels, fitted, wood, light, rng)


def _floor(ref, labels, spec: SceneSpec, wood, light, grid, window_x: float, material: str, rng) -> None:
    """In place: the floor (boards, tiles, a chequer, stone) in perspective towards the eye, darker towards the
    wall, lit in front of the window, in the table's shadow under it."""
    x, y = grid
    floor = labels == FLOOR
    if not floor.any():
        return
    top = y[floor].min()
    pattern, dark = floor_pattern(material, x, y, top, EYE, BOARDS)
    near = np.clip((y - top) / max(1e-3, 1 - top), 0, 1)
    sun = np.exp(-(((x - window_x) / 0.2) ** 2)) * np.exp(-(((y - top - 0.12) / 0.15) ** 2))
    boards = hsv_colour(rng.uniform(26, 36), 0.36, 0.64)  # paler than the table: the table stands out on it
    pale, deep = floor_colours(material, boards)
    shade = (0.62 + 0.3 * near) * pattern * (1 + 0.45 * sun)
    table = labels == TABLE
    if table.any():  # under the table, between its legs: its shadow
        rows, cols = np.nonzero(table)
        under = (x * (labels.shape[0] - 1) >= cols.min()) & (x * (labels.shape[0] - 1) <= cols.max())
        shade = shade * np.where(under & (y * (labels.shape[0] - 1) > rows.max()), 0.6, 1.0)
    colour = np.where(dark[..., None], deep[None, None], pale[None, None])
    ref[floor] = _palette_lean((colour * shade[..., None] * light)[floor], spec, 0.15)


def _spines(ref: np.ndarray, labels: np.ndarray, y: np.ndarray, light: float, rng: np.random.Generator) -> None:
    """In place: the books on a bookcase's shelves, spine by spine in muted reds, greens, blues and ochres, darker
    under each shelf board."""
    books = labels == BOOKS
    if not books.any():
        return
    size = labels.shape[0]
    edges = np.cumsum(rng.uniform(0.011, 0.022, int(1 / 0.011) + 2) * size)
    spine = np.searchsorted(edges, np.arange(size))  # which book, across
    row = np.clip(((y - SHELF_TOP) // SHELF_PITCH).astype(int), 0, 9)  # which shelf, down
    hues = rng.choice([5, 20, 38, 95, 150, 215, 345], (10, len(edges) + 1))
    values = rng.uniform(0.3, 0.62, (10, len(edges) + 1))
    colours = np.stack([hsv_colour(h, 0.45, v) for h, v in zip(hues.ravel(), values.ravel())]).reshape(10, -1, 3)
    under_board = ((y - SHELF_TOP) % SHELF_PITCH) < 0.045  # the shelf above casts its shadow
    rgb = colours[row, spine[None, :].repeat(size, 0)] * np.where(under_board, 0.6, 1.0)[..., None] * light
    ref[books] = rgb[books]


def _table_top(labels: np.ndarray) -> int:
    rows = np.nonzero((labels == TABLE).any(1))[0]
    return int(rows.min()) if len(rows) else int(labels.shape[0] * 0.62)


def furnish_room(labels: np.ndarray, dress: RoomDress = PLAIN) -> tuple:
    """In place, before the underpainting: the kind's window and fittings (`room_fittings`; returned, to be
    painted), a framed picture on the wall on the far side from the window, a curtain beside the window (where
    the wall is free)."""
    size = labels.shape[0]
    if dress.hall == "cockpit":
        labels[:] = cockpit_layout(size)
        return ()
    hall = hall_of(dress.hall)
    if hall is not None:  # drawn again at the painting's size: its windows and rows are too fine for the layout's
        labels[:] = hall_layout(size, hall)
        draw_rows(labels, hall)
        return ()
    window = _window_box(labels)
    if window is None:
        return ()
    top, bottom, left, right = window
    fitted = fit_out(labels, dress, window)
    if dress.picture != "landscape":
        return fitted
    side = 1 if (left + right) / 2 < size / 2 else -1
    table = _table_top(labels)
    w = int(size * 0.16)
    px = int(right + (size - right) / 2) if side > 0 else int(left / 2)
    py0, py1 = int(top + size * 0.04), int(top + size * 0.04 + w * 0.8)
    x0, x1 = px - w // 2, px + w // 2
    if 0 <= x0 and x1 < size and py1 < table - size * 0.05 and (labels[py0:py1, x0:x1] == WALL).all():
        pad = max(2, size // 120)
        labels[py0 - pad : py1 + pad, x0 - pad : x1 + pad] = LEDGE  # a dark frame: a picture, not a second window
        labels[py0:py1, x0:x1] = SKY
        hill = py0 + (py1 - py0) * 0.6 + (py1 - py0) * 0.1 * np.sin(np.arange(x0, x1) / max(1, w) * 6)
        rows = np.arange(py0, py1)[:, None]
        labels[py0:py1, x0:x1][rows >= hill[None, :]] = CLASSES.index("far")
    if not dress.curtain:
        return fitted
    cw = int(size * 0.07)
    cx0 = left - cw - size // 60 if side > 0 else right + size // 60
    if 0 <= cx0 and cx0 + cw < size:
        column = labels[max(0, top - size // 30) : bottom + size // 20, cx0 : cx0 + cw]
        column[column == WALL] = ACCENT
    return fitted


def dress_portrait(
    ref: np.ndarray, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator, setting: str | None = None
) -> None:
    """In place: the sitter's place behind them (`backdrops.paint_setting`) when a `setting` is given, else a
    studio backdrop, warm and dark, lighter behind the head, darker at the corners and below."""
    size = labels.shape[0]
    if setting is not None:
        place = _palette_lean(paint_setting(setting, size, spec, rng), spec, 0.2)
        ref[labels == WALL], ref[labels == LEDGE] = place[labels == WALL], place[labels == LEDGE] * 0.55
        return
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    side = 0.5 + rng.choice([-0.14, 0.14])  # the light on the wall, to one side of the head
    halo = np.exp(-(((x - side) / 0.4) ** 2 + ((y - 0.3) / 0.38) ** 2))
    hue = rng.uniform(BACKDROP_HUE - 15, BACKDROP_HUE + 10)
    base = _palette_lean(hsv_colour(hue, 0.35, 0.42)[None, None], spec, 0.25)  # cool, for skin
    corners = 1 - 0.35 * np.clip(((x - 0.5) ** 2 + (y - 0.45) ** 2) / 0.35, 0, 1)
    backdrop = base * ((0.35 + 0.55 * halo) * corners)[..., None] * mood_light(spec)  # darker than the sitter
    for kind, factor in ((WALL, 1.0), (LEDGE, 0.55)):
        where = labels == kind
        ref[where] = backdrop[where] * factor


# share of the smooth underpainting laid back over the strokes: the walls' fall of light from the window and the
# table's top (big strokes of varied value made them "a blotchy wall", "a blotchy table" in blind judgements)
RESTATE = {WALL: 0.5, SIDE_WALL: 0.5, TABLE: 0.35}

