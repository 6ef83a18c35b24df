"""A whole person painted by our own hand, in a pose that says what they are doing, not a pasted emoji.

A figure is blocked in as a painter of small figures does: a body about seven heads tall (a child five, an old
person a little stooped), limbs as tapering strokes from joint to joint, a torso in the clothes' colour, a
skirt or trousers, the hair as a mass on the head, the face a skin oval with its shadow side away from the light.
The pose (standing, walking, seated, bending to work, reaching up, dancing, jumping, kneeling) sets the joints;
what the person holds (a book, a fishing rod, a violin, a guitar, a saxophone, a hoe, a staff, knitting, an easel,
a backpack, a net; what they play or work at: `held_things`), what they sit on (a chair, a bench, a dock's edge)
and a hat are drawn with them. The scene's light,
strokes and finish are laid on it later, as on every drawn thing (`objects`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageDraw

from models.painter import held_things
from models.painter.play_things import draw_bubbles, draw_skateboard

SUPER = 3  # drawn this many times larger, then reduced: soft, even edges at a small figure's size
SKIN_TONES = ((0.93, 0.76, 0.63), (0.86, 0.66, 0.52), (0.72, 0.52, 0.39), (0.52, 0.36, 0.26))
HAIR_TONES = ((0.22, 0.15, 0.1), (0.12, 0.09, 0.08), (0.42, 0.27, 0.15), (0.66, 0.5, 0.3), (0.5, 0.24, 0.12))
TROUSERS = ((0.22, 0.24, 0.32), (0.3, 0.25, 0.2), (0.32, 0.32, 0.3))
WOOD = (0.42, 0.28, 0.16)
UMBRELLA = (1.6, 0.7, 0.75)  # an open umbrella's half width, height and its rim above the crown (head units)
NET, NET_KNOTS = (0.9, 0.45, 0.15), (0.45, 0.2, 0.08)  # a fisherman's orange net and its darker mesh
POSES = ("stand", "walk", "sit", "bend", "reach", "dance", "jump", "kneel")
PROPS = (
    "book",
    "rod",
    "violin",
    "guitar",
    "horn",
    "hoe",
    "staff",
    "knitting",
    "easel",
    "backpack",
    "net",
    "kite",
    "skateboard",
    "bubbles",
    "umbrella",
    *held_things.PROPS,
)
HEADS_TALL = {"child": 4.6, "adult": 7.2, "old": 6.9}  # a body this many heads tall
PLAY_HUES = (4.0, 45.0, 212.0, 125.0)  # a child's clothes, when the words give none: red, yellow, blue, green
CHILD = 0.72  # a child this much of a grown person's height
FACES_LEFT_PAST = 0.55  # a figure whose centre is right of this share of the picture faces left, into it (`objects`)
DOCK = 3.0  # a dock's planks reach this many head heights behind a figure sitting on its edge


@dataclass(frozen=True)
class Person:
    """Who the figure is and what they are doing, read from the request's words (`tools/figure_words`)."""

    pose: str = "stand"  # one of POSES
    prop: str | None = None  # one of PROPS: what they hold or use
    age: str = "adult"  # "child", "adult" or "old"
    dress: bool = False  # a dress or skirt, not trousers
    long_hair: bool = False
    beard: bool = False
    hair: tuple[float, float, float] | None = None  # RGB the words give the hair ("red hair", "blonde")
    clothes: tuple[float, float] | None = None  # (hue, saturation) the words give the clothes ("a green dress")
    seated_on: str = "chair"  # what a seated figure sits on: "chair", "bench", "ground", "dock" (its edge)
    hat: tuple[float, float, float] | None = None  # a hat's colour (RGB) when the words give one ("a straw hat")
    headwear: str = "hat"  # which of HEADWEAR: a chef's toque, a beekeeper's veil (`tools/data/costumes.yaml`)
    clothes_value: float | None = None  # how light white, grey or black clothes are ("in white", "a black suit")
    couple: bool = False  # two people together, a man and a woman ("a couple walking"): copies alternate
    family: bool = False  # a couple with their children: the copies after the first two are children
    things: tuple[str, ...] = ()  # what a sitter wears or holds besides a hat (`sitter_things.THINGS`): glasses


def partner(person: Person, copy: int) -> Person:
    """The `copy`-th of several painted for one person: a couple's second one the other sex, hair and dress; a
    family's third and later ones children, a girl and a boy in turn."""
    if person.family and copy >= 2:
        girl = copy % 2 == 0
        return replace(person, age="child", dress=girl, long_hair=girl, beard=False, hair=None, hat=None, things=())
    if not person.couple or copy % 2 == 0:
        return person
    return replace(person, dress=not person.dress, long_hair=person.dress is False, beard=False, hair=None)


HEADWEAR = ("hat", "toque", "veil", "sou'wester", "helmet", "cap")

# Joints in head heights, x towards where the figure faces, y down from the crown; "n" the near limb, "f" the far.
STAND = {
    "neck": (0.05, 1.05),
    "sn": (0.15, 1.4),
    "sf": (-0.1, 1.35),
    "hip": (0.0, 3.55),
    "en": (0.25, 2.55),
    "hn": (0.3, 3.55),
    "ef": (-0.2, 2.5),
    "hf": (-0.15, 3.5),
    "kn": (0.15, 5.3),
    "fn": (0.15, 7.0),
    "kf": (-0.1, 5.3),
    "ff": (-0.15, 7.0),
}
SIT = {**STAND, "hip": (0.0, 3.55), "kn": (1.55, 3.6), "fn": (1.5, 5.25), "kf": (1.35, 3.55), "ff": (1.2, 5.25)}
SIT |= {"en": (0.45, 2.45), "hn": (1.1, 3.05), "ef": (0.2, 2.5), "hf": (0.95, 3.1)}
POSE_JOINTS = {
    "stand": STAND,
    "walk": {**STAND, "kn": (0.55, 5.2), "fn": (0.8, 6.95), "kf": (-0.35, 5.25), "ff": (-0.85, 6.85)}
    | {"en": (-0.25, 2.5), "hn": (-0.45, 3.4), "ef": (0.3, 2.5), "hf": (0.6, 3.35)},
    "sit": SIT,
    "bend": {**STAND, "neck": (1.1, 1.85), "sn": (1.15, 2.2), "sf": (0.9, 2.15), "hip": (0.0, 3.75)}
    | {"en": (1.45, 3.1), "hn": (1.7, 3.9), "ef": (1.2, 3.1), "hf": (1.35, 4.0), "kn": (0.25, 5.4), "kf": (-0.2, 5.4)},
    "reach": {**STAND, "en": (0.75, 0.85), "hn": (1.15, 0.05), "ef": (-0.3, 2.5), "hf": (-0.3, 3.45)},
    "dance": {**STAND, "en": (0.75, 0.6), "hn": (0.35, -0.35), "ef": (-0.8, 0.65), "hf": (-0.4, -0.3)}
    | {"kn": (0.15, 5.3), "fn": (0.1, 7.05), "kf": (-0.9, 5.0), "ff": (-2.1, 5.8)},
    # upright on both knees, the shins lying back along the ground
    "kneel": {**STAND, "kn": (0.65, 5.15), "fn": (-0.85, 5.25), "kf": (0.4, 5.1), "ff": (-1.05, 5.25)},
    # in the air: knees drawn up under the body, arms flung out for balance
    "jump": {**STAND, "hip": (-0.1, 3.45), "kn": (0.85, 4.3), "fn": (0.45, 5.6), "kf": (0.2, 4.55), "ff": (-0.6, 5.6)}
    | {"en": (0.95, 1.9), "hn": (1.75, 1.55), "ef": (-0.85, 2.0), "hf": (-1.6, 1.7)},
}
# what a held thing does to the arms (the same joints, moved)
PROP_ARMS = {
    "book": {"en": (0.45, 2.5), "hn": (0.85, 2.55), "ef": (0.2, 2.55), "hf": (0.75, 2.7)},
    "knitting": {"en": (0.45, 2.55), "hn": (0.95, 2.85), "ef": (0.2, 2.6), "hf": (0.8, 2.95)},
    "violin": {"en": (0.55, 2.15), "hn": (0.75, 1.75), "ef": (0.8, 1.7), "hf": (1.3, 1.2)},
    "guitar": {"en": (0.35, 2.55), "hn": (0.55, 3.0), "ef": (0.75, 2.2), "hf": (1.35, 2.35)},
    "horn": {"en": (0.45, 2.4), "hn": (0.6, 2.9), "ef": (0.55, 2.0), "hf": (0.55, 2.35)},
    "rod": {"en": (0.6, 2.3), "hn": (1.0, 2.55), "ef": (0.35, 2.45), "hf": (0.85, 2.75)},
    "hoe": {"en": (0.5, 2.35), "hn": (0.7, 2.9), "ef": (0.2, 2.4), "hf": (0.65, 3.5)},
    "staff": {"en": (0.55, 2.3), "hn": (0.85, 2.4)},
    "easel": {"en": (0.75, 1.9), "hn": (1.35, 1.7)},
    "net": {"en": (0.5, 2.6), "hn": (1.05, 3.2), "ef": (0.25, 2.65), "hf": (0.95, 3.4)},
    "bubbles": {"en": (0.6, 2.0), "hn": (0.5, 1.0)},  # the wand raised to the lips
    "umbrella": {"en": (0.65, 2.2), "hn": (0.5, 1.55)},  # the handle held at the chest, the shaft upright
    **held_things.ARMS,
}
SEAT_HEIGHT = {"chair": 5.25, "bench": 5.25, "ground": 5.25}


def _colour(rgb) -> tuple[int, int, int, int]:
    return tuple(int(np.clip(c, 0, 1) * 255) for c in rgb) + (255,)


def _hsv(hue: float, saturation: float, value: float) -> np.ndarray:
    import colorsys

    return np.array(colorsys.hsv_to_rgb((hue % 360) / 360, saturation, value), np.float32)


class UnitCanvas:
    """Strokes in head units, drawn on a supersampled RGBA image, `origin` the crown's place in units."""

    def __init__(self, unit: float, left: float, top: float, width: float, height: float):
        self.unit, self.left, self.top = unit * SUPER, left, top
        self.image = Image.new("RGBA", (max(1, int(width * self.unit)), max(1, int(height * self.unit))), (0,) * 4)
        self.draw = ImageDraw.Draw(self.image)

    def xy(self, p) -> tuple[float, float]:
        return (p[0] - self.left) * self.unit, (p[1] - self.top) * self.unit

    def finished(self) -> np.ndarray:
        """The drawing brought down from its supersampling, as float32 RGBA in 0-1."""
        small = (max(1, self.image.width // SUPER), max(1, self.image.height // SUPER))
        return np.asarray(self.image.resize(small, Image.LANCZOS), np.float32) / 255

    def limb(self, a, b, width: float, colour) -> None:
        w = max(1, int(width * self.unit))
        self.draw.line([self.xy(a), self.xy(b)], fill=_colour(colour), width=w)
        for p in (a, b):
            x, y = self.xy(p)
            self.draw.ellipse([x - w / 2, y - w / 2, x + w / 2, y + w / 2], fill=_colour(colour))

    def line(self, points, width: float, colour) -> None:
        self.draw.line([self.xy(p) for p in points], fill=_colour(colour), width=max(1, int(width * self.unit)))

    def polygon(self, points, colour) -> None:
        self.draw.polygon([self.xy(p) for p in points], fill=_colour(colour))

    def ellipse(self, centre, rx: float, ry: float, colour) -> None:
        x, y = self.xy(centre)
        self.draw.ellipse(
            [x - rx * self.unit, y - ry * self.unit, x + rx * self.unit, y + ry * self.unit], _colour(colour)
        )


def joints(person: Person) -> dict[str, tuple[float, float]]:
    """The pose's joints (head heights), the held thing's arms laid over it; an old person stoops a little."""
    pose = POSE_JOINTS.get(person.pose, STAND)
    found = dict(pose)
    if person.prop in PROP_ARMS and person.pose not in ("dance", "reach"):
        found.update(PROP_ARMS[person.prop])
        if person.pose == "sit" and person.prop in ("violin", "horn", "easel", "staff"):
            pass  # a seated player holds it as a standing one
    if person.age == "old" and person.pose in ("stand", "walk"):
        for name in ("neck", "sn", "sf"):
            x, y = found[name]
            found[name] = (x + 0.25, y + 0.1)
    return found


def _scale_for_age(found: dict, age: str) -> dict:
    """A child's body is shorter under the same head: limbs pulled towards the crown."""
    factor = (HEADS_TALL[age] - 1) / (HEADS_TALL["adult"] - 1)
    return {k: (x * (0.8 + 0.2 * factor), 1 + (y - 1) * factor if y > 1 else y) for k, (x, y) in found.items()}


def painted_figure(person: Person, stature: int, seed: int, accent_hue: float, facing_left: bool = False):
    """(RGBA [h, w, 4] of the person, the near hand's place (x, y) in its pixels) for a standing stature of
    `stature` pixels: head to foot of the figure upright (a seated or bending one is lower)."""
    rng = np.random.default_rng(seed)
    heads = HEADS_TALL.get(person.age, 7.2)
    stature = stature * (CHILD if person.age == "child" else 1.0)
    unit = stature / heads
    found = _scale_for_age(joints(person), person.age)
    skin = np.array(SKIN_TONES[int(rng.integers(len(SKIN_TONES)))], np.float32)
    hair = np.array(person.hair, np.float32) if person.hair is not None else _hair(person, rng)
    top_colour = _hsv(*person.clothes, 0.62) if person.clothes else _hsv(accent_hue + rng.uniform(-25, 25), 0.45, 0.6)
    if person.age == "child" and not person.clothes:  # play clothes in a clear colour: they read as a child's
        top_colour = _hsv(PLAY_HUES[int(rng.integers(len(PLAY_HUES)))], 0.75, 0.75)
    if person.clothes and person.clothes[1] < 0.15:  # white, grey, black clothes: as light as said, else by tint
        said = person.clothes_value
        value = 0.85 if person.clothes[1] < 0.05 else 0.5
        top_colour = _hsv(0, 0, value) if said is None else _hsv(*person.clothes, float(np.clip(said, 0.12, 0.88)))
    legs = np.array(TROUSERS[int(rng.integers(len(TROUSERS)))], np.float32)
    bounds = _bounds(found, person)
    canvas = UnitCanvas(unit, *bounds)
    _seat(canvas, person, found)
    _body(canvas, person, found, skin, hair, top_colour, legs)
    _prop(canvas, person, found, top_colour)
    if person.prop == "skateboard":
        draw_skateboard(canvas, found, _floor(found))
    elif person.prop == "bubbles":
        draw_bubbles(canvas, found, rng)
    elif person.prop in held_things.PROPS:
        held_things.draw(canvas, person.prop, found, _floor(found))
    rgba = canvas.finished()
    hand = found["hn"]
    hx, hy = (hand[0] - bounds[0]) * unit, (hand[1] - bounds[1]) * unit
    if facing_left:
        rgba, hx = rgba[:, ::-1], rgba.shape[1] - 1 - hx
    return np.ascontiguousarray(rgba), (hx, hy)


def _hair(person: Person, rng) -> np.ndarray:
    if person.age == "old":
        return np.array((0.78, 0.77, 0.74), np.float32) * rng.uniform(0.85, 1.05)
    return np.array(HAIR_TONES[int(rng.integers(len(HAIR_TONES)))], np.float32)


def _bounds(found: dict, person: Person) -> tuple[float, float, float, float]:
    """(left, top, width, height) in head units holding the body and what it holds."""
    xs = [p[0] for p in found.values()] + [-0.9, 0.9]
    ys = [p[1] for p in found.values()] + [-0.1, _floor(found) + 0.05]
    extra = {"rod": (0, 3.2, -3.0, 0), "easel": (0, 2.6, 0, 0), "staff": (0, 0, -0.6, 0), "hoe": (0, 0.6, 0, 0)}
    extra |= {"bubbles": (0, 3.0, -2.0, 0), "skateboard": (0.3, 0.3, 0, 0.4), **held_things.REACH}
    extra |= {"umbrella": (UMBRELLA[0], UMBRELLA[0], -UMBRELLA[2] - UMBRELLA[1], 0)}
    ex = extra.get(person.prop, (0, 0, 0, 0))
    if person.pose == "sit" and person.seated_on != "ground":
        xs.append(-0.9 if person.seated_on != "dock" else -DOCK)
    left, right = min(xs) - 0.5 - ex[0], max(xs) + 0.5 + ex[1]
    top, bottom = min(ys) - 0.3 + ex[2], max(ys) + 0.15 + ex[3]
    return left, top, right - left, bottom - top


def _floor(found: dict) -> float:
    """Where the feet stand (head heights below the crown)."""
    return max(found["fn"][1], found["ff"][1]) + 0.05


def _seat(canvas: UnitCanvas, person: Person, found: dict) -> None:
    """A seated figure's chair or bench (its back behind the body), or nothing on the ground."""
    if person.pose != "sit" or person.seated_on == "ground":
        return
    hip, knee = found["hip"], found["kn"]
    seat_y = hip[1] + 0.35
    wood = np.array(WOOD, np.float32)
    if person.seated_on == "dock":  # planks behind the sitter to the dock's edge at the knees, posts below
        edge = knee[0] - 0.1
        canvas.polygon(
            [(-DOCK, seat_y - 0.2), (edge, seat_y - 0.2), (edge, seat_y + 0.35), (-DOCK, seat_y + 0.35)], wood
        )
        canvas.line([(-DOCK, seat_y - 0.2), (edge, seat_y - 0.2)], 0.06, np.clip(wood * 1.5, 0, 1))
        for x in np.linspace(-DOCK + 0.3, edge - 0.15, 4):
            canvas.limb((x, seat_y + 0.3), (x, _floor(found) + 0.3), 0.2, wood * 0.7)
        return
    canvas.polygon(
        [(-0.7, seat_y - 0.15), (knee[0] + 0.1, seat_y - 0.15), (knee[0] + 0.1, seat_y + 0.2), (-0.7, seat_y + 0.2)],
        wood,
    )
    floor = _floor(found)
    for x in (-0.6, knee[0]):
        canvas.limb((x, seat_y), (x, floor), 0.13, wood * 0.8)
    if person.seated_on == "chair":  # a chair's back behind the sitter
        canvas.limb((-0.65, seat_y), (-0.85, 1.6), 0.16, wood * 0.85)
        canvas.limb((-0.85, 1.8), (-0.15, 1.85), 0.12, wood * 0.85)


def _body(canvas: UnitCanvas, person: Person, j: dict, skin, hair, top, legs) -> None:
    """Far limbs, legs, torso, near limbs, then the head: painted back to front."""
    far = 0.78  # the far side of the body a step darker
    arm = top * 0.95
    lower = top * 0.9 if person.dress else legs
    shoe = np.array((0.16, 0.12, 0.1), np.float32)
    canvas.limb(j["sf"], j["ef"], 0.42, arm * far)
    canvas.limb(j["ef"], j["hf"], 0.34, arm * far)
    canvas.ellipse(j["hf"], 0.17, 0.17, skin * far)
    canvas.limb(j["hip"], j["kf"], 0.58, lower * far)
    canvas.limb(j["kf"], j["ff"], 0.44, (lower if not person.dress else skin) * far)
    canvas.ellipse((j["ff"][0] + 0.15, j["ff"][1]), 0.3, 0.13, shoe)
    canvas.limb((j["hip"][0] + 0.1, j["hip"][1]), j["kn"], 0.6, lower)
    canvas.limb(j["kn"], j["fn"], 0.46, lower if not person.dress else skin * 0.95)
    canvas.ellipse((j["fn"][0] + 0.15, j["fn"][1]), 0.3, 0.13, shoe)
    neck, hip = j["neck"], j["hip"]
    sn, sf = j["sn"], j["sf"]
    waist = (hip[0] + 0.5 * (neck[0] - hip[0]) * 0.2, hip[1] - 0.9)
    canvas.polygon(
        [
            (sf[0] - 0.55, sf[1]),
            (sn[0] + 0.55, sn[1]),
            (waist[0] + 0.5, waist[1]),
            (hip[0] + 0.55, hip[1] + 0.2),
            (hip[0] - 0.55, hip[1] + 0.2),
            (waist[0] - 0.5, waist[1]),
        ],
        top,
    )
    if person.dress:  # a skirt flaring from the waist to below the knee
        knee = (j["kn"][1] + j["kf"][1]) / 2
        hem = knee + 0.5 if person.pose != "dance" else knee + 0.2
        flare = 1.1 if person.pose != "dance" else 1.9
        if person.pose == "sit":
            canvas.polygon(
                [
                    (hip[0] - 0.6, hip[1] - 0.3),
                    (hip[0] + 0.4, hip[1] - 0.4),
                    (j["kn"][0] + 0.3, j["kn"][1] - 0.3),
                    (j["kn"][0] + 0.3, j["kn"][1] + 0.7),
                    (hip[0] - 0.6, hip[1] + 0.4),
                ],
                top * 0.9,
            )
        else:
            cx = (j["kn"][0] + j["kf"][0]) / 2 * 0.5
            canvas.polygon(
                [(waist[0] - 0.45, waist[1]), (waist[0] + 0.45, waist[1]), (cx + flare, hem), (cx - flare, hem)],
                top * 0.9,
            )
    canvas.limb(sn, j["en"], 0.44, arm)
    canvas.limb(j["en"], j["hn"], 0.36, arm)
    canvas.ellipse(j["hn"], 0.18, 0.18, skin)
    canvas.limb((neck[0], neck[1] - 0.1), (neck[0], neck[1] + 0.25), 0.34, skin * 0.85)
    _head(canvas, person, neck, skin, hair)


def _head(canvas: UnitCanvas, person: Person, neck, skin, hair) -> None:
    """The head a little turned towards where the figure faces: hair behind and on top, the face forward."""
    bend = neck[0]
    centre = (bend + 0.05, neck[1] - 0.55)
    if person.long_hair:  # hair falling behind the shoulders
        canvas.polygon(
            [
                (centre[0] - 0.45, centre[1]),
                (centre[0] + 0.25, centre[1]),
                (centre[0] + 0.2, centre[1] + 1.15),
                (centre[0] - 0.55, centre[1] + 1.2),
            ],
            hair * 0.9,
        )
    canvas.ellipse(centre, 0.38, 0.5, skin)
    canvas.ellipse((centre[0] + 0.36, centre[1] + 0.08), 0.07, 0.09, skin)  # the nose, on the profile's side
    canvas.ellipse((centre[0] - 0.2, centre[1] + 0.05), 0.18, 0.35, skin * 0.82)  # the head's shadow side
    cap = (centre[0] - 0.1, centre[1] - 0.3)
    canvas.ellipse(cap, 0.43, 0.29 if person.age != "old" else 0.25, hair)  # the hair above the brow
    canvas.ellipse((centre[0] - 0.24, centre[1] - 0.05), 0.2, 0.33, hair)  # over the ear, to the nape
    for dx in (0.06, 0.25):  # the eyes as two small darks under the brow
        canvas.ellipse((centre[0] + dx, centre[1] - 0.02), 0.045, 0.04, skin * 0.35)
    if person.beard:
        canvas.ellipse((centre[0] + 0.1, centre[1] + 0.33), 0.28, 0.24, hair)
    if person.hat is not None:
        _headwear(canvas, person, centre, skin)


def _headwear(canvas: UnitCanvas, person: Person, centre, skin) -> None:
    """The person's hat of its kind: a brim and crown, a chef's tall toque, a beekeeper's veil over the face, a
    sou'wester, a helmet's dome or a cap's visor."""
    x, y = centre
    colour = np.array(person.hat, np.float32)
    kind = person.headwear
    if kind == "toque":
        canvas.polygon([(x - 0.3, y - 0.3), (x + 0.3, y - 0.3), (x + 0.36, y - 1.05), (x - 0.36, y - 1.05)], colour)
        canvas.ellipse((x, y - 1.05), 0.44, 0.2, colour * 1.02)
        canvas.ellipse((x, y - 0.34), 0.36, 0.07, colour * 0.85)
    elif kind in ("helmet", "cap"):
        canvas.ellipse((x - 0.02, y - 0.3), 0.44, 0.3, colour)
        visor = (x + 0.38, y - 0.22) if kind == "cap" else (x, y - 0.22)
        canvas.ellipse(visor, 0.26 if kind == "cap" else 0.56, 0.06, colour * 0.8)
    elif kind == "sou'wester":  # a low rounded crown, a short brim tipped down in front and a long flap behind
        canvas.polygon(
            [(x - 0.3, y - 0.38), (x - 0.72, y + 0.3), (x - 0.3, y + 0.3), (x - 0.05, y - 0.3)], colour * 0.85
        )
        canvas.ellipse((x - 0.03, y - 0.4), 0.43, 0.3, colour)
        canvas.polygon(
            [(x + 0.25, y - 0.34), (x + 0.62, y - 0.16), (x + 0.58, y - 0.1), (x + 0.2, y - 0.24)], colour * 0.9
        )
    else:  # a brim wider than the head, a crown above it
        canvas.ellipse((x, y - 0.3), 0.75, 0.12, colour)
        canvas.ellipse((x - 0.03, y - 0.5), 0.36, 0.24, colour * 0.9)
    if kind == "veil":  # a pale hood from the brim to the shoulders, the face seen dim through its mesh window
        canvas.polygon(
            [(x - 0.55, y - 0.28), (x + 0.55, y - 0.28), (x + 0.65, y + 0.75), (x - 0.65, y + 0.75)], colour * 0.95
        )
        mesh = skin * 0.5 + np.array([0.25, 0.25, 0.25], np.float32) * 0.5
        canvas.ellipse((x + 0.15, y + 0.2), 0.32, 0.34, mesh)
        for k in (-1, 0, 1):
            canvas.line([(x + 0.15 + 0.14 * k, y - 0.12), (x + 0.15 + 0.14 * k, y + 0.52)], 0.025, mesh * 0.7)


def _prop(canvas: UnitCanvas, person: Person, j: dict, top) -> None:
    """What the person holds or carries, in its own colours."""
    hn, hf = j["hn"], j["hf"]
    wood = np.array(WOOD, np.float32)
    prop = person.prop
    if prop == "book":
        canvas.polygon(
            [
                (hf[0] - 0.05, hf[1] - 0.45),
                (hn[0] + 0.35, hn[1] - 0.5),
                (hn[0] + 0.35, hn[1] + 0.1),
                (hf[0] - 0.05, hf[1] + 0.1),
            ],
            (0.92, 0.9, 0.84),
        )
        canvas.line([(hn[0] + 0.15, hn[1] - 0.48), (hn[0] + 0.15, hn[1] + 0.1)], 0.05, (0.55, 0.2, 0.15))
    elif prop == "knitting":
        canvas.ellipse((hn[0] - 0.05, hn[1] + 0.05), 0.32, 0.2, (0.75, 0.25, 0.25))
        canvas.line([(hf[0] - 0.2, hf[1] - 0.4), (hn[0] + 0.4, hn[1] + 0.3)], 0.05, (0.8, 0.78, 0.7))
        canvas.line([(hf[0] + 0.3, hf[1] - 0.45), (hn[0] - 0.2, hn[1] + 0.35)], 0.05, (0.8, 0.78, 0.7))
        canvas.ellipse((j["fn"][0] + 0.7, j["fn"][1] - 0.2), 0.25, 0.22, (0.7, 0.22, 0.22))
    elif prop == "rod":
        tip = (hn[0] + 3.4, hn[1] - 3.0)
        canvas.line([(hf[0] - 0.2, hf[1] + 0.2), tip], 0.08, (0.3, 0.22, 0.14))
        canvas.line([tip, (tip[0] + 0.2, j["fn"][1] + 1.5)], 0.025, (0.85, 0.85, 0.8))
    elif prop == "violin":
        body = (j["hf"][0] - 0.55, j["hf"][1] + 0.45)
        canvas.ellipse(body, 0.32, 0.22, (0.55, 0.27, 0.1))
        canvas.line([body, j["hf"]], 0.07, (0.2, 0.12, 0.08))
        canvas.line([(hn[0] - 0.7, hn[1] - 0.6), (hn[0] + 0.6, hn[1] + 0.6)], 0.04, (0.85, 0.8, 0.7))
    elif prop == "guitar":
        base = (j["hn"][0] + 0.1, j["hn"][1] - 0.05)
        canvas.ellipse(base, 0.55, 0.45, (0.62, 0.38, 0.16))
        canvas.ellipse((base[0] + 0.45, base[1] - 0.25), 0.38, 0.32, (0.62, 0.38, 0.16))
        canvas.ellipse((base[0] + 0.2, base[1] - 0.1), 0.12, 0.12, (0.18, 0.12, 0.08))
        canvas.line([(base[0] + 0.6, base[1] - 0.35), (hf[0] + 0.35, hf[1] - 0.25)], 0.12, (0.28, 0.18, 0.1))
    elif prop == "horn":
        brass = (0.82, 0.63, 0.25)
        mouth = (j["neck"][0] + 0.4, j["neck"][1] - 0.3)
        canvas.limb(mouth, (mouth[0] + 0.35, mouth[1] + 0.5), 0.14, brass)
        canvas.limb((mouth[0] + 0.35, mouth[1] + 0.5), (j["hn"][0] + 0.2, j["hn"][1] + 0.75), 0.26, brass)
        canvas.limb((j["hn"][0] + 0.2, j["hn"][1] + 0.75), (j["hn"][0] + 0.6, j["hn"][1] + 0.45), 0.34, brass)
        canvas.ellipse((j["hn"][0] + 0.7, j["hn"][1] + 0.3), 0.3, 0.26, brass)
    elif prop in ("hoe", "staff"):
        foot = (hn[0] + (0.9 if prop == "hoe" else 0.15), _floor(j))
        head = (hf[0] - 0.4, hf[1] - 1.2) if prop == "hoe" else (hn[0] + 0.05, 0.5)
        canvas.line([head, foot], 0.1, wood)
        if prop == "hoe":
            canvas.polygon(
                [
                    (foot[0] - 0.1, foot[1] - 0.35),
                    (foot[0] + 0.35, foot[1] - 0.3),
                    (foot[0] + 0.3, foot[1]),
                    (foot[0] - 0.1, foot[1]),
                ],
                (0.4, 0.4, 0.42),
            )
        else:
            canvas.draw.arc(
                [*canvas.xy((head[0] - 0.35, head[1] - 0.5)), *canvas.xy((head[0] + 0.05, head[1] + 0.1))],
                180,
                20,
                fill=_colour(wood),
                width=max(1, int(0.1 * canvas.unit)),
            )
    elif prop == "umbrella":  # the shaft up from the hand, the canopy open over the head
        _umbrella(canvas, hn, top)
    elif prop == "easel":
        x0, x1 = hn[0] + 0.5, hn[0] + 2.4
        canvas.line([(x0, _floor(j)), ((x0 + x1) / 2, 1.0)], 0.1, wood)
        canvas.line([(x1, _floor(j)), ((x0 + x1) / 2, 1.0)], 0.1, wood)
        canvas.polygon([(x0 + 0.05, 1.3), (x1 - 0.05, 1.3), (x1, 3.4), (x0, 3.4)], (0.93, 0.9, 0.82))
        canvas.polygon([(x0 + 0.3, 2.3), (x1 - 0.4, 2.0), (x1 - 0.3, 3.0), (x0 + 0.35, 3.1)], _hsv(200, 0.35, 0.7))
    elif prop == "backpack":
        canvas.polygon(
            [
                (j["sf"][0] - 0.95, j["sf"][1] + 0.1),
                (j["sf"][0] - 0.3, j["sf"][1]),
                (j["hip"][0] - 0.35, j["hip"][1] - 0.5),
                (j["hip"][0] - 1.0, j["hip"][1] - 0.4),
            ],
            top * 0.55 + np.array((0.2, 0.1, 0.05)),
        )
    elif prop == "net":
        cx, cy = (hn[0] + hf[0]) / 2 + 0.3, max(hn[1], hf[1]) + 0.3
        foot = j["fn"][1]
        for k in range(9):  # an orange fishing net over the lap, its mesh falling to a heap below the feet
            x = cx - 0.9 + 0.3 * k
            canvas.line([(x, cy - 0.3), (x + 1.1, foot)], 0.05, NET)
            canvas.line([(x + 0.6, cy - 0.35), (x - 0.3, foot)], 0.05, NET)
        canvas.ellipse((cx + 0.5, foot), 1.3, 0.22, NET_KNOTS)
        for k in range(4):  # the floats along its edge
            canvas.ellipse((cx - 0.7 + 0.5 * k, cy - 0.33 - 0.03 * k), 0.13, 0.11, (0.95, 0.93, 0.86))


def _umbrella(canvas: UnitCanvas, hand, colour) -> None:
    """An open umbrella held over the head: a domed canopy, every other panel between its ribs in shade, the rib
    tips along its rim, and the shaft down to the hand; `colour` its cloth (the clothes' colour, a little lighter)."""
    half, height, rim = UMBRELLA
    cx, rim_y = hand[0] - 0.35, -rim
    cloth = np.clip(np.asarray(colour, np.float32) * 1.15 + 0.05, 0, 1)
    canvas.line([(hand[0], hand[1] + 0.15), (cx, rim_y - height)], 0.06, (0.2, 0.18, 0.16))
    apex = (cx, rim_y - height)
    dome = [(cx - half * np.cos(a), rim_y - height * np.sin(a)) for a in np.linspace(0, np.pi, 24)]
    canvas.polygon(dome, cloth)
    panels = 6
    tips = [(cx - half + 2 * half * k / panels, rim_y) for k in range(panels + 1)]
    for k in range(0, panels, 2):  # every other panel in shade: the cloth's folds between the ribs
        canvas.polygon([apex, tips[k], tips[k + 1]], np.clip(cloth * 0.78, 0, 1))
    for tip in tips:
        canvas.ellipse(tip, 0.05, 0.05, (0.2, 0.18, 0.16))
