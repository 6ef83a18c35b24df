"""The placement network's slots made physically right: what stands stands on the near ground, what floats sits
on the water, what flies is in the sky; sizes follow the depth (smaller further back); nothing is cut by the frame.

The network (`placement`) proposes where each thing of a group goes; these rules keep its proposal where it is
sound and move it where it is not: a barn proposed on the far hills' top edge (which reads as the sky) comes
down onto the field in front, a swan above the lake onto the water, a cabin taller than its ground leaves room
for shrinks until it fits under the frame's top. Where the scene has no ground for a thing that must stand (a
dog on a coast of open sea), a bank of sand or grass is laid along the foreground first.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import numpy as np

from models.painter.bridges import STONE_HEIGHT, SUSPENSION_HEIGHT, is_bridge, suspension
from models.painter.built_by_hand import hand_drawn
from models.painter.companions import beside_their_person
from models.painter.herds import spread
from models.painter.object_library import (
    FACE_SYMMETRY,
    is_animal_emoji,
    mirror_symmetry,
    same_name_drawings,
    whole_animal,
    with_skin_tone,
)
from models.painter.perches import perched_place
from models.painter.scene_layout import LAYOUT_SIZE, C, ridge
from models.painter.sitter import BUST, WIDTH, bust_for, sits_for_a_portrait

SKY_CLASSES = (C["sky"], C["cloud"], C["light"])
WATER_CLASSES = (C["water"], C["foam"])
NEAR_GROUND = (C["grass"], C["sand"], C["earth"], C["snow"])  # what a thing can stand on (not far hills, not crowns)
ROCK = (C["rock"],)  # a cliff's top holds a building when there is no other ground there
GROUND_ROLES = ("stands", "building", "plant", "figure")
WATER_ROLES = ("floats", "swims")
# (far, near) longer side as a share of the picture, for a thing standing at the horizon and at the bottom edge
SIZES = {
    "building": (0.26, 0.44),
    "stands": (0.2, 0.36),
    "plant": (0.18, 0.42),
    "figure": (0.16, 0.4),
    "floats": (0.14, 0.32),
    "swims": (0.1, 0.22),
    "flies": (0.18, 0.28),
    "still_life": (0.22, 0.42),
}
HILL = 0.08  # how far above the horizon a building may stand on a hill's top
LONE_FORWARD = 0.55  # ... and a lone animal or figure, the picture's subject, further forward (larger, not lost)
SUBMERGED, UNDER_WATER = 0.36, 0.05  # a swimmer's least size where the water reaches the frame's top (no sky)
LONE_FIGURE = 0.5  # a lone person outdoors at least this share of the picture tall (a child a little less)
FORWARD = 0.35  # a standing thing stands at least this share of its ground's depth in front of the horizon
MARGIN = 0.025  # kept free between a thing and the frame
SKY_MARGIN = 0.08  # ... above a thing in the air (blind: "kites cramped at the top edge", "the bee tucked at the top")
HEADROOM = 0.8  # a thing standing at height b reaches at most this share of the way to the frame's top
SANDY = ("sea", "desert", "lake")
FLOCK = 4  # this many flying things of one group are a flock: small, spread over the sky at different heights
FLOCK_SIZE = (0.07, 0.12)
PERCHED, PERCH_DEPTH = 0.15, 0.05  # a bird sitting in a tree: its longer side, and how far into the crown it sits
ONE_ON_TABLE = (0.3, 0.42)  # a thing alone on the table (a vase, a teapot, a lamp), longer side
COMPANION_ON_TABLE = 0.75  # a thing asked after the first ("a glass of wine and cheese": the cheese) is smaller
MANY_ON_TABLE = (0.12, 0.18)  # each of several of one kind (apples, cups), grouped near the table's other things
ROOM_FEATURE = (0.44, 0.56)  # a fireplace, a bed, a bookshelf: longer side
FIGURE_INDOORS = (0.95, 0.78)  # a person in a room: feet near the frame's foot, this tall standing
ANIMAL_INDOORS = (0.3, 0.4)  # a dog or a cat in a room: not a toy beside the fireplace
COPY_JITTER = 0.15  # each further copy of one drawing is up to this much smaller
COPY_TONE = (0.82, 1.05)  # ... and its colour this much darker or lighter (three horses are three horses, not one)
HEAD_FILL, SHOULDERS_WIDTH = 0.65, 0.92  # a head's ink fills its box; a bust's lowest rows are its widest
SITTER = 0.8  # a portrait's sitter, head and shoulders: centred, standing on the frame's bottom edge
WHOLE_ON_STAGE = 0.93  # ... a whole figure alone on that stage (a dancer) with its feet above that edge
CLIFF_FOOT = 0.8  # rock reaching below this share of the side is a cliff a building may stand on
CLIFF_RISE = 0.16  # a cliff that holds a building rises at most this share of the side above the horizon
BUILDING_FORWARD = 0.12  # a building stands this share of its ground's depth in front of the horizon, not on it
BRIDGE_SPAN, BRIDGE_DEPTH = 1.12, 0.45  # a bridge's length (beyond the frame), its feet this far into the water
LONE_CENTRE = 0.55  # a lone subject's distance from the middle is kept to this share of the proposed one
STREET = 0.62  # a landmark in a city (a tower) stands on the street, at least this tall, in front of the blocks
# things of one role drawn together (ducks beside rowing boats, chicks beside a hen): each the largest's size times
# (its real size over the largest's) to this power, a painter's exaggeration of the small, and never under SMALLEST
SIZE_POWER, SMALLEST = 0.5, 0.3
HAND_SIZED = 0.5  # metres: a thing asked after the subject and this small is sized against the larger things too
# several small animals of one kind (ducks on a pond, a flock of sheep, hens) are drawn smaller than the role's
# usual thing (a boat, a horse: USUAL metres), more gently (SEVERAL_POWER, never under SEVERAL_SMALLEST)
USUAL = {"stands": 2.6, "floats": 4.5, "swims": 2.6}
SEVERAL_POWER, SEVERAL_SMALLEST = 0.3, 0.55


@functools.lru_cache(maxsize=512)
def aspect(entry) -> float:
    """Width over height of a drawing's ink (1.0 when it cannot be drawn), or of the thing we paint for it."""
    from models.painter.object_library import render

    shape = hand_drawn(entry)
    if shape is not None:
        return shape[1]
    try:
        rgba = render(entry, 48)
    except (KeyError, OSError, ValueError):
        return 1.0
    return float(rgba.shape[1]) / max(1, rgba.shape[0])


@functools.lru_cache(maxsize=64)
def head_only(entry) -> bool:
    """True for a drawing of a head without shoulders (the woman emoji): about as wide as tall, its ink fills most
    of its box (a whole figure's limbs leave it open) and its lowest rows are narrower than its widest (a bust
    ends in shoulders)."""
    from models.painter.object_library import render

    try:
        ink = render(entry, 64)[..., 3] > 0.5
    except (KeyError, OSError, ValueError):
        return False
    rows = ink.sum(1)
    bottom = rows[int(0.9 * len(rows)) :].mean() / max(1, rows.max())
    return bool(ink.mean() >= HEAD_FILL and bottom < SHOULDERS_WIDTH and ink.shape[1] >= 0.7 * ink.shape[0])


def _support(role: str, labels: np.ndarray, sea_cliff: bool = False) -> tuple[int, ...]:
    """What the role stands on in this picture; a building takes a cliff's rock only where near ground is scarce
    (a lighthouse on the cliff of a coast, not a cabin on a mountain's peak)."""
    if role in WATER_ROLES:
        return WATER_CLASSES
    if role == "flies":
        return SKY_CLASSES
    scarce = np.isin(labels, NEAR_GROUND).any(0).mean() < 0.3
    if role == "building" and sea_cliff:  # by the sea a building stands on the cliff's top when there is one
        return ROCK
    return NEAR_GROUND + (ROCK if role == "building" and scarce else ())


def horizon(labels: np.ndarray) -> float:
    """Where the near ground or the water begins, as a share of the side (the median over the columns)."""
    below = np.isin(labels, NEAR_GROUND + WATER_CLASSES + ROCK)
    tops = np.where(below.any(0), below.argmax(0), LAYOUT_SIZE)
    return float(np.median(tops) / (LAYOUT_SIZE - 1))


def lay_ground(labels: np.ndarray, family: str, seed: int) -> None:
    """A foreground bank (sand by water and in deserts, else grass) where a thing must stand and the picture's
    lower part holds almost no ground (in place)."""
    lower = labels[int(0.6 * LAYOUT_SIZE) :]
    if np.isin(lower, NEAR_GROUND).mean() >= 0.15:
        return
    y = np.arange(LAYOUT_SIZE)[:, None] / (LAYOUT_SIZE - 1)
    line = ridge(np.random.default_rng([seed, 11]), 0.8, 0.03, octaves=2)[None, :]
    labels[y >= line] = C["sand"] if family in SANDY else C["grass"]


def _column_with(holds: np.ndarray, cx: float) -> int:
    col = int(np.clip(cx, 0, 0.999) * LAYOUT_SIZE)
    if holds[:, col].any():
        return col
    columns = np.nonzero(holds.any(0))[0]
    return int(columns[np.abs(columns - col).argmin()])


def _base(
    holds: np.ndarray, col: int, wanted: float, role: str, sky_line: float, on_rock: bool = False, alone: bool = False
) -> float:
    """The row in that column nearest the wanted base that holds the role's support; a flying thing keeps
    clear of the horizon, a building may stand on the top edge of its ground (a hill a little above the horizon,
    a cliff at any height)."""
    rows = np.nonzero(holds[:, col])[0] / (LAYOUT_SIZE - 1)
    if role == "flies":
        rows = rows[rows <= sky_line - 0.06] if (rows <= sky_line - 0.06).any() else rows
    elif on_rock and role == "building":  # on the cliff's top edge, not halfway down its face
        return float(rows.min() + 1 / (LAYOUT_SIZE - 1))
    else:
        top = rows.min() if on_rock else max(rows.min(), sky_line - HILL)  # a hilltop, not a blob in the sky
        forward = BUILDING_FORWARD if role == "building" and not on_rock else FORWARD if role != "building" else 0
        forward = LONE_FORWARD if alone and role in ("stands", "figure") else forward
        front = top + forward * (1 - top)
        inside = rows[rows >= front]
        rows = inside if len(inside) else rows
    return float(rows[np.abs(rows - wanted).argmin()])


def _size(role: str, base: float, sky_line: float, proposed: float, count: int) -> float:
    """The longer side: the role's size at this depth, the network's proposal kept within a third of it."""
    far, near = SIZES.get(role, SIZES["stands"])
    depth = 0.5 if role == "flies" else float(np.clip((base - sky_line) / max(0.05, 1 - sky_line), 0, 1))
    target = (far + (near - far) * depth) * (0.8 if count > 2 else 1.25 if count == 1 else 1.0)  # one alone: larger
    if role == "figure" and count == 1:  # a lone person is the picture's subject: a size a viewer reads (no less)
        return float(np.clip(proposed, max(target, LONE_FIGURE), 1.25 * max(target, LONE_FIGURE)))
    if role == "swims" and sky_line < UNDER_WATER and count <= 2:  # seen close from under the water, not far out
        target = max(target, SUBMERGED)
    if count >= FLOCK and role == "plant":  # a field of tulips: many small flowers, not three trees of them
        target *= 0.55
    return float(np.clip(proposed, 0.75 * target, 1.25 * target))


def fit_frame(cx: float, base: float, longer: float, ratio: float, role: str) -> tuple[float, float, float]:
    """(cx, base, longer side) with the whole drawing inside the frame: shrunk to leave room above its base
    (a flying thing moves down instead), shifted in from the sides."""
    height = longer * min(1.0, 1 / ratio)
    if role == "flies" and base - height < SKY_MARGIN:  # a kite or a bee with sky above it, not cut by the frame
        base = SKY_MARGIN + height
    if base - height < MARGIN:
        height = max(0.04, base - MARGIN)
    if role != "flies" and height > HEADROOM * base:  # sky left above it: a cabin is not the whole upper picture
        height = max(0.04, HEADROOM * base)
    longer = height * max(1.0, ratio)
    width = longer * min(1.0, ratio)
    width = min(width, 1 - 2 * MARGIN)
    cx = float(np.clip(cx, MARGIN + width / 2, 1 - MARGIN - width / 2))
    return cx, min(base, 1 - MARGIN / 2), longer


def relative_sizes(placed: list) -> list[float]:
    """Each thing's share of its role's size: 1.0 for the largest kind of its role in the picture (or one whose size
    is unknown), less for smaller kinds beside it (a duck is no rowing boat; SIZE_POWER, SMALLEST), less for a small
    thing out in the land beside a larger thing on the ground (a strawberry beside a tortoise), and less for several
    of a small kind (USUAL)."""
    largest: dict[str, float] = {}
    for obj in placed:
        if obj.size:
            largest[obj.role] = max(largest.get(obj.role, 0.0), obj.size)
    ground = max((obj.size for obj in placed if obj.size and obj.role in GROUND_ROLES), default=0.0)
    shares = []
    for i, obj in enumerate(placed):
        share = max(SMALLEST, (obj.size / largest[obj.role]) ** SIZE_POWER) if obj.size else 1.0
        small = obj.role == "still_life" or obj.role in GROUND_ROLES and (obj.size or 0.0) < HAND_SIZED  # bees fly
        if i and obj.size and small and ground > obj.size:  # a strawberry, a ball beside a tortoise, a dog
            share *= max(SMALLEST, (obj.size / ground) ** SIZE_POWER)
        several = sum(o.entry.name == obj.entry.name for o in placed) > 1
        if obj.size and several and obj.role in USUAL:
            share *= max(SEVERAL_SMALLEST, min(1.0, (obj.size / USUAL[obj.role]) ** SEVERAL_POWER))
        shares.append(share)
    return shares


def settle(placed: list, labels: np.ndarray | None, family: str, seed: int = 0, on_cliff: bool = False) -> list:
    """The placed objects (models.painter.objects.PlacedObject) moved onto their support, sized for their depth
    and kept inside the frame; `labels` (the landscape's class map, or None indoors) may gain a foreground bank;
    `on_cliff`: the words put a building on the cliffs, so it stands on their top however far back they are."""
    if not placed:
        return placed
    counts = {}
    for obj in placed:
        counts[obj.role] = counts.get(obj.role, 0) + 1
    if labels is not None and family == "city" and any(o.role in WATER_ROLES for o in placed):
        lay_canal(labels)
    if labels is not None and any(o.role in GROUND_ROLES and _needs_ground(o.role, labels, on_cliff) for o in placed):
        lay_ground(labels, family, seed)
    settled, shares = [], relative_sizes(placed) if labels is not None else [1.0] * len(placed)
    if labels is None and family == "portrait" and counts.get("figure") == 1:
        placed = [_as_sitter(o) for o in placed]
    for k, obj in enumerate(placed):
        rng = np.random.default_rng([seed, 13, k])
        copy = sum(o.entry == obj.entry for o in placed[:k])  # copies of one drawing: other hands, turned, sizes vary
        drawings = same_name_drawings(whole_animal(obj.entry) if obj.role == "stands" else obj.entry)
        drawing, turned = drawings[copy % len(drawings)], (copy // len(drawings)) % 2 == 1
        if labels is not None:
            cx, base, longer = _outdoors(obj, labels, family, counts[obj.role], rng, on_cliff)
            longer *= shares[k]
            if len(placed) == 1 and obj.role in ("stands", "building", "floats", "figure"):
                cx = _towards_centre(cx, base, labels)
        else:
            cx, base, longer = _indoors(obj, placed, family)
        shoulders = labels is None and family == "portrait" and obj.role == "figure" and head_only(obj.entry)
        shoulders &= obj.person is None or sits_for_a_portrait(obj.person, obj.entry.name) or _sits_low(obj.person)
        ratio = aspect(drawing) * (WIDTH / BUST if shoulders else 1.0)
        cx, base, longer = fit_frame(cx, base, longer, ratio, obj.role)
        base = 1.0 if shoulders else base  # the frame's margin left a strip of backdrop under the bust's chest
        if labels is not None and is_bridge(obj.entry) and np.isin(labels, WATER_CLASSES).any():
            cx, base, longer = across_water(labels, obj.entry, copy)  # off the sides: no frame fitting
        if obj.perch is not None:  # on its post, or along a branch across the picture
            perched = [o for o in placed if o.perch == obj.perch]
            place = next(i for i, o in enumerate(perched) if o is obj)  # (copies of one bird are equal, not one)
            cx, base, longer = perched_place(obj.perch, cx, base, longer, place, len(perched))
        entry = with_skin_tone(drawing, seed + k)  # a person in a skin colour, not emoji yellow
        tone = 1.0
        if copy:
            longer *= float(rng.uniform(1 - COPY_JITTER, 1))
            tone = float(rng.uniform(*COPY_TONE))
        mirrored = turned and obj.role not in ("building", "figure")  # no mirrored writing, no odd faces
        flock = labels is not None and obj.role == "flies" and counts[obj.role] >= FLOCK
        placed_now = replace(obj, entry=entry, cx=cx, base_y=base, height=longer, shoulders=shoulders, tone=tone)
        placed_now = replace(placed_now, flock=flock)
        settled.append(replace(placed_now, mirrored=mirrored))
    if labels is not None:  # a herd or a flock on the ground: each one readable, not one overlapping blob
        perched = [o for o in settled if o.perch is not None]  # (where they sit is their perch's)
        settled = spread([o for o in settled if o.perch is None], labels, aspect, lambda role: _support(role, labels))
        settled = beside_their_person(settled, aspect) + perched  # a woman and her dog side by side
    return settled


def _sits_low(person) -> bool:
    """True for a person sitting on the ground or a dock's edge: a portrait has no ground, so they sit for it
    head and shoulders (a baker at her oven, a cellist on her chair are painted whole)."""
    return person.pose == "sit" and person.seated_on in ("ground", "dock")


def _as_sitter(obj):
    """A portrait's one person who only sits for it, drawn whole by their emoji (a nurse's body, a student in a
    cap, painted small and cartoon-like), given the head of who they are: painted head and shoulders."""
    if obj.role != "figure" or head_only(obj.entry) or not sits_for_a_portrait(obj.person, obj.entry.name):
        return obj
    return replace(obj, entry=bust_for(obj.person))


def across_water(labels: np.ndarray, entry, copy: int = 0) -> tuple[float, float, float]:
    """(cx, base, longer side) of a bridge: spanning the water from side to side and beyond the frame, its feet
    in the water a little in front of the far shore (a second one further back and smaller)."""
    water = np.isin(labels, WATER_CLASSES)
    columns = water.any(0)
    tops = np.where(water, np.arange(LAYOUT_SIZE)[:, None], LAYOUT_SIZE).min(0)[columns]
    bottoms = np.where(water, np.arange(LAYOUT_SIZE)[:, None], -1).max(0)[columns]
    far, near = float(np.median(tops)), float(np.median(bottoms))
    depth = BRIDGE_DEPTH * (1 - 0.5 * min(copy, 1))
    base = (far + depth * (near - far)) / (LAYOUT_SIZE - 1)
    rise = SUSPENSION_HEIGHT if suspension(entry) else STONE_HEIGHT
    longer = min(BRIDGE_SPAN * (1 - 0.35 * min(copy, 1)), (base - MARGIN) / rise)
    return 0.5, base, longer


def _towards_centre(cx: float, base: float, labels: np.ndarray) -> float:
    """A lone subject drawn in towards the middle (a tractor was squeezed into the corner), where what it stands
    on at its base reaches there too (a lighthouse keeps its cliff)."""
    inward = 0.5 + LONE_CENTRE * (cx - 0.5)
    row = labels[min(LAYOUT_SIZE - 1, int(round(base * (LAYOUT_SIZE - 1))) + 1)]
    here, there = (row[int(np.clip(x, 0, 0.999) * LAYOUT_SIZE)] for x in (cx, inward))
    return inward if here == there else cx


def lay_canal(labels: np.ndarray) -> None:
    """A city's street below its blocks turned to water, where a boat must float and the city has none (Venice's
    canal; in place)."""
    if np.isin(labels, WATER_CLASSES).any():
        return
    rows = np.nonzero((labels == C["building"]).any(1))[0]
    street = int(rows.max()) + 1 if len(rows) else int(0.7 * LAYOUT_SIZE)
    below = labels[street:]
    below[~np.isin(below, SKY_CLASSES + (C["building"],))] = C["water"]


def lower_cliff(labels: np.ndarray, sky_line: float) -> None:
    """A cliff that rises far above the horizon (the layout's tall rock) cut down to CLIFF_RISE above it, so a
    lighthouse or a tower on its top has the sky above it, whole (in place)."""
    top = int(max(1.0, (sky_line - CLIFF_RISE) * (LAYOUT_SIZE - 1)))
    above = labels[:top]
    above[above == C["rock"]] = C["sky"]


def _needs_ground(role: str, labels: np.ndarray, on_cliff: bool = False) -> bool:
    """A thing that stands needs near ground; a building also takes a cliff's rock, so it needs ground only where
    the picture's lower part holds neither (a cottage by the open sea) and the words put it on no cliff (a
    lighthouse on its cliff got a sand bank across the sea's foot that it never stood on)."""
    if role != "building":
        return True
    lower = labels[int(0.6 * LAYOUT_SIZE) :]
    cliff = (labels[int(CLIFF_FOOT * LAYOUT_SIZE) :] == C["rock"]).any() or (on_cliff and (labels == C["rock"]).any())
    return np.isin(lower, NEAR_GROUND).mean() < 0.15 and not cliff


def _outdoors(obj, labels: np.ndarray, family: str, count: int, rng, on_cliff: bool = False) -> tuple[float, ...]:
    """(cx, base, longer side) of a thing in a landscape: on its support, sized for its depth; a flock spread
    small over the sky; a landmark in a city on the street in front of the blocks, taller than them."""
    cx, base, longer = obj.cx, obj.base_y, obj.height
    sky_line = horizon(labels)
    if family == "city" and obj.role == "building":
        street = np.nonzero(np.isin(labels, (C["building"],)).any(1))[0]
        base = float(street.max() + 1) / (LAYOUT_SIZE - 1) if len(street) else base
        return cx, min(base, 1.0), max(longer, STREET)
    if obj.role == "flies" and count == 1 and (labels == C["foliage"]).any() and perches(obj.entry):
        return _on_a_crown(labels, cx)
    cliff = bool((labels[int(CLIFF_FOOT * LAYOUT_SIZE) :] == C["rock"]).any())  # a cliff, not a rock in the air
    cliff |= on_cliff and bool((labels == C["rock"]).any())  # "a lighthouse on a rocky cliff": on it, not the beach
    support = _support(obj.role, labels, sea_cliff=family == "sea" and cliff)
    if support == ROCK:
        lower_cliff(labels, sky_line)
    holds = np.isin(labels, support)
    if holds.any():
        col = _column_with(holds, cx)
        cx = col / (LAYOUT_SIZE - 1) if col != int(np.clip(cx, 0, 0.999) * LAYOUT_SIZE) else cx
        base = _base(holds, col, base, obj.role, sky_line, on_rock=C["rock"] in support, alone=count == 1)
    if support == ROCK:  # on a cliff's top: over the rock, not overhanging the water
        cx, longer = _on_top_of(holds, base, cx, _size(obj.role, base, sky_line, longer, count), aspect(obj.entry))
        return cx, base, longer
    if obj.role == "flies" and count >= FLOCK:  # birds at different heights, each small
        base = float(rng.uniform(0.12, max(0.2, sky_line - 0.1)))
        return float(np.clip(cx + rng.normal(0, 0.05), 0, 1)), base, float(rng.uniform(*FLOCK_SIZE))
    deep = holds.any() and np.median(holds.sum(0)[holds.any(0)]) >= 0.25 * LAYOUT_SIZE  # a field, not a strip
    if obj.role == "plant" and count >= FLOCK and deep:  # a field of flowers: spread over the near ground
        col = _column_with(holds, float(rng.uniform(0.08, 0.92)))
        rows = np.nonzero(holds[:, col])[0] / (LAYOUT_SIZE - 1)
        rows = rows[rows >= sky_line + 0.1] if (rows >= sky_line + 0.1).any() else rows
        cx, base = col / (LAYOUT_SIZE - 1), float(rng.choice(rows))
    return cx, base, _size(obj.role, base, sky_line, longer, count)


def perches(entry) -> bool:
    """A flying animal drawn sitting, facing us (the owl, mirror-symmetric), not in flight or side-on (a bird
    flying): alone in a wooded scene it sits in a tree, not in the empty sky. A hot-air balloon is as symmetric
    and was sat in a tree ("a striped purple thing" in a meadow): only a drawing filed as an animal perches."""
    return is_animal_emoji(entry) and mirror_symmetry(entry) >= FACE_SYMMETRY


def _on_a_crown(labels: np.ndarray, cx: float) -> tuple[float, float, float]:
    """(cx, base, longer side) of a perched thing: sitting in the top of the tree crown nearest cx."""
    crowns = labels == C["foliage"]
    col = _column_with(crowns, cx)
    top = np.nonzero(crowns[:, col])[0].min() / (LAYOUT_SIZE - 1)
    return col / (LAYOUT_SIZE - 1), float(min(1.0, top + PERCH_DEPTH)), PERCHED


def _on_top_of(holds: np.ndarray, base: float, cx: float, longer: float, ratio: float) -> tuple[float, float]:
    """(cx, longer side) of a thing standing at row `base` on a narrow top: moved over it, and no wider than it."""
    row = holds[min(LAYOUT_SIZE - 1, int(round(base * (LAYOUT_SIZE - 1))) + 1)]
    cols = np.nonzero(row)[0] / (LAYOUT_SIZE - 1)
    if not len(cols):
        return cx, longer
    left, right = float(cols.min()), float(cols.max())
    width = min(longer * min(1.0, ratio), 1.05 * (right - left))
    longer = width / max(1e-3, min(1.0, ratio))
    return float(np.clip(cx, left + width / 2, max(left + width / 2, right - width / 2))), longer


def _indoors(obj, placed: list, stage: str) -> tuple[float, float, float]:
    """(cx, base, longer side) of a thing in a room or a portrait: a sitter centred, head and shoulders; things on
    the table at a believable size, several of one kind smaller and drawn in towards the others."""
    cx, base, longer = obj.cx, obj.base_y, obj.height
    if stage == "portrait" and obj.role == "figure":  # (settle gives a head alone its shoulders)
        sitters = [o for o in placed if o.role == "figure"]  # two sitters side by side, each a little smaller
        place = next(i for i, o in enumerate(sitters) if o is obj)
        base = 1.0 if head_only(obj.entry) else WHOLE_ON_STAGE  # a whole figure (a dancer) stands on the floor
        return (place + 1) / (len(sitters) + 1), base, SITTER * (1.0 if len(sitters) == 1 else 0.72)
    if obj.role == "figure":  # a person in a room stands or sits on its floor, at a person's size
        return float(np.clip(cx, 0.3, 0.7)), FIGURE_INDOORS[0], FIGURE_INDOORS[1]
    if obj.role == "flies":  # indoors no sky: a bird or butterfly in the room's upper half, not tiny
        far, near = SIZES["flies"]
        base = float(np.clip(base, 0.2, 0.55))
        longer = float(np.clip(longer, far, near + 0.1))
        return cx, base, min(longer, max(0.06, base - MARGIN) * max(1.0, aspect(obj.entry)))
    if obj.role == "building":  # a room's own thing (a fireplace) stands on its floor, large
        return cx, base, float(np.clip(longer, *ROOM_FEATURE))
    if obj.role == "stands":
        return cx, base, float(np.clip(longer, *ANIMAL_INDOORS))
    same = sum(o.entry == obj.entry for o in placed)
    low, high = MANY_ON_TABLE if same > 1 else ONE_ON_TABLE
    if same > 1 and len(placed) > same:  # apples by their basket: towards the other things' middle
        others = [o.cx for o in placed if o.entry != obj.entry]
        cx = 0.5 * cx + 0.5 * float(np.mean(others))
    on_table = [o.entry for o in placed if o.role in ("still_life", "plant")]
    second = same == 1 and on_table and on_table[0] != obj.entry  # the first thing asked leads, the others smaller
    return cx, base, float(np.clip(longer, low, high)) * (COMPANION_ON_TABLE if second else 1.0)
