"""A portrait's sitter painted as a person, not an emoji: head, hair, neck and shoulders in believable proportions.

An emoji head (the library's woman, man, girl, old man ...) is a round face with big cartoon eyes and a smile: in
a painting it reads as a sticker, however it is lit. It is kept only as the description of the sitter: its skin
colour, its hair colour and how far the hair falls (short, to the jaw, to the shoulders). From that a head is
drawn as a painter blocks one in: an egg-shaped face a third taller than wide, the hair as a mass around it, the
features as soft value marks (shadowed eye sockets with small dark eyes, brows, the shadow side of the nose, a
mouth a little darker and redder than the skin, warmer cheeks), a neck in the chin's shadow and shoulders in a
plain garment. What the words say of the sitter (`figure.Person`: "long black hair", "a bearded man", "a green
dress") overrides the emoji's hair and the garment's colour, and gives a beard (an old sitter's hair is grey when
they name none), glasses, a hat, a pipe or a cup (`sitter_things`). The face is modelled by the light: a shadow
side whose edge follows the head's form, ears, the nose's cast shadow, the chin's shadow on the neck. The scene's
light, volume and strokes are laid on it later, as on every drawn thing.
"""

from __future__ import annotations

import numpy as np

from models.painter.masks import ellipse as _ellipse
from models.painter.masks import lay as _lay
from models.painter.masks import soft as _soft
from models.painter.object_library import ObjectEntry
from models.painter.scene_colours import hsv_colour
from models.painter.sitter_things import paint_things

BUST = 1.75  # the sitter's head and shoulders, as many times as tall as the head
WIDTH = 1.9  # ... and as many times as wide
TOQUE_ROOM = 0.5  # a chef's toque rises this many head heights above the crown
HAIR_CHROMA = 0.35  # a painter's blonde is an ochre, not the emoji's signal yellow
HAIR_UNDER_SKIN = 0.55  # the emoji's hair, when the words name none, is at most this share of the skin's value
SHORT_HAIR = 0.15  # a man's hair (unless the words say long) at most this far down the sides
LONG_HAIR = 0.6  # hair at the emoji's sides below the ears this much (0..1): it falls to the shoulders
FORM_SHADOW = 0.75  # how far the face's shadow side goes to its shadow colour
TURN = 0.14  # how far the features sit off the face's middle (a head turned a little, not a frontal mask)
FEATURE_SOFTNESS = 0.012  # the features' blur, as a share of the head's height: marks of value, not drawn lines
BACKDROP_HUE = 205  # a portrait's backdrop is a cool blue-grey (`rooms.dress_portrait`)
SKIN_HUE = 25
OLD_HAIR = (0.74, 0.73, 0.7)  # an old sitter's hair and beard when the words give no colour
NECK_TOP, NECK_SHADE = 0.86, 0.72  # the neck starts under the jaw, in the head's shade: hard, higher and as light as
# the face, its corners showed beside a narrow chin as "a strange square patch on the chin"
SHADOW_SIDE = 0.32  # the face's shadow begins this far (0..1 of its half width) past the middle, away from the light
SHADE = 0.62  # the shadow side's colour, as a share of the skin's
TERMINATOR = 0.07  # ... with an edge this soft (a share of the head's height): a turning form, not a smear
CLOTH_CHROMA = 0.4  # a named colour's cloth, muted: "a green dress" at full chroma was a garish neon shirt
CLOTH_VALUE, YELLOW_LIFT = 0.36, 0.28  # its value; a yellow's lifted this much (at 0.36 a yellow raincoat was olive)
SET_OFF = 60  # a garment's hue at least this far from the backdrop's and the skin's, or the sitter melts into
# the wall or reads as bare shoulders


def cloth_value(hue: float) -> float:
    """The value a named colour's cloth is painted at: dark enough to carry the face, a yellow light enough to
    be yellow."""
    return CLOTH_VALUE + YELLOW_LIFT * float(np.exp(-(((hue - 55.0) / 22.0) ** 2)))


def _gap(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


def garment_hue(accent_hue: float) -> float:
    """The hue of a sitter's garment when the words give none: the painting's accent, or, when the accent is near
    the cool backdrop or the skin (every sitter wore the backdrop's teal and melted into it), the accent turned a
    third of the wheel either way, whichever is further from both."""
    if min(_gap(accent_hue, BACKDROP_HUE), _gap(accent_hue, SKIN_HUE)) >= SET_OFF:
        return accent_hue
    turns = [(accent_hue + 120) % 360, (accent_hue - 120) % 360]
    return max(turns, key=lambda h: min(_gap(h, BACKDROP_HUE), _gap(h, SKIN_HUE)))


def sits_for_a_portrait(person, drawing: str) -> bool:
    """True when a portrait's person only sits for it (no pose or thing of their own: a young man, a tired nurse),
    so is painted head and shoulders; a dancer dancing or a saxophone player playing is painted whole, and so is a
    drawing whose name says its pose ("woman-dancing", "person-standing") when the words said nothing."""
    if person is None:
        return not any(word.endswith("ing") for word in drawing.split("-"))
    return person.pose == "stand" and person.prop is None


def bust_for(person) -> ObjectEntry:
    """The emoji head that describes a sitter who is this `figure.Person` (or anyone): its skin and hair are read
    from it (`read_head`); the words' hair, beard and clothes are laid over them."""
    if person is None:
        return ObjectEntry("noto", "person")
    if person.age == "old":
        return ObjectEntry("noto", "older-person")
    if person.age == "child":
        return ObjectEntry("noto", "girl" if person.dress else "boy")
    return ObjectEntry("noto", "woman" if person.dress else "man")


def read_head(head: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(skin RGB, hair RGB, how far the hair falls: 0 short .. 1 to the shoulders) of an emoji head [h, w, 4]."""
    h, w = head.shape[:2]
    ink = head[..., 3] > 0.5
    centre = head[int(0.5 * h) : int(0.75 * h), int(0.3 * w) : int(0.7 * w)]
    centre_rgb = centre[..., :3][centre[..., 3] > 0.5]
    skin = np.median(centre_rgb, 0) if len(centre_rgb) else np.array([0.88, 0.68, 0.54], np.float32)
    far = np.linalg.norm(head[..., :3] - skin, axis=-1) > 0.2
    hair = ink & far
    top = hair[: int(0.25 * h)]
    colour = np.median(head[: int(0.25 * h)][top][:, :3], 0) if top.mean() > 0.1 else skin * 0.8
    sides = np.concatenate([hair[int(0.6 * h) :, : int(0.2 * w)], hair[int(0.6 * h) :, int(0.8 * w) :]], 1)
    length = float(np.clip(sides.mean() * 4, 0, 1))
    return skin.astype(np.float32), _muted(colour.astype(np.float32)), length


def _apart_from(hair: np.ndarray, skin: np.ndarray) -> np.ndarray:
    """The emoji's hair at most HAIR_UNDER_SKIN of the skin's value: a pale blonde on pale skin read as bald."""
    most = HAIR_UNDER_SKIN * float(skin.mean())
    return hair * min(1.0, most / max(float(hair.mean()), 1e-3))


def _muted(rgb: np.ndarray) -> np.ndarray:
    grey = rgb.mean()
    chroma = float(rgb.max() - rgb.min())
    return grey + (rgb - grey) * min(1.0, HAIR_CHROMA / max(chroma, 1e-3))


def painted_sitter(head: np.ndarray, accent_hue: float, light_left: bool = True, person=None) -> np.ndarray:
    """RGBA [h * BUST, w * WIDTH, 4] of the sitter described by the emoji head [h, w, 4], in a garment of the
    painting's accent hue, the face's far side from the light (from the left, or the right) in shadow; the words'
    `person` (`figure.Person`), when given, sets the hair's colour and length, a beard and the garment's colour."""
    h, w = head.shape[:2]
    height, width = int(h * BUST), int(w * WIDTH)
    skin, hair, length = read_head(head)
    hair = _apart_from(hair, skin)
    garment = hsv_colour(garment_hue(accent_hue), 0.4, 0.42)
    man = person is not None and not person.dress
    if person is not None:
        hair = _muted(np.array(person.hair, np.float32)) if person.hair is not None else hair
        if person.hair is None and person.age == "old":  # grey or white, never the emoji's bald skin tone
            hair = np.array(OLD_HAIR, np.float32)
        length = 1.0 if person.long_hair else min(length, SHORT_HAIR) if man else length  # a man's hair is short
        if person.clothes is not None:
            grey = person.clothes[1] < 0.15
            value = cloth_value(person.clothes[0])
            if grey and person.clothes_value is not None:  # as light as said: a chef's whites, a black suit
                value = float(np.clip(person.clothes_value, 0.12, 0.85))
            garment = hsv_colour(person.clothes[0], 0.0 if grey else min(CLOTH_CHROMA, person.clothes[1]), value)
    lift = int(TOQUE_ROOM * h) if person is not None and person.hat is not None and person.headwear == "toque" else 0
    out = np.zeros((height + lift, width, 4), np.float32)  # room above the crown for a chef's toque
    yy, xx = np.mgrid[0 : height + lift, 0:width].astype(np.float32)
    yy -= lift
    cx, cy, ry, rx = width / 2, 0.5 * h, 0.4 * h, 0.3 * h  # the face: a third taller than wide
    below = np.clip((yy - cy) / ry, 0, 1)
    taper = 0.12 if man else 0.22  # a man's jaw squarer, a woman's and a child's narrower to the chin
    face = ((yy - cy) / ry) ** 2 + ((xx - cx) / (rx * (1 - taper * below**1.5))) ** 2 <= 1
    fall = 0.35 + 0.8 * length  # where the hair ends, as a share of the head's height below its top
    spread = 1.05 if man else 1.2  # short hair lies close to the head
    behind = _ellipse(yy, xx, 0.42 * h, cx, 0.45 * h, spread * rx) | (
        (np.abs(xx - cx) < (spread - 0.05) * rx) & (yy > 0.42 * h) & (yy < (0.1 + fall) * h)
    )
    _lay(out, _soft(behind, 0.01 * h), hair * 0.85)
    _strands(out, yy, xx, cx, h, behind, hair)
    rise = np.clip((yy - 1.02 * h) / (0.5 * h), 0, 1)  # from the neck's base down the slope of the shoulders
    half = 0.2 * h + (0.47 * width - 0.2 * h) * (1 - (1 - rise) ** 2.5)
    chest = (yy > 1.02 * h) & (np.abs(xx - cx) < half)
    flare = 0.09 * h * np.clip((yy - 0.98 * h) / (0.14 * h), 0, 1) ** 2  # its sides run out into the shoulders
    neck = (np.abs(xx - cx) < 0.16 * h + flare) & (yy > NECK_TOP * h) & (yy < 1.15 * h)  # top hidden by the jaw
    _lay(out, _soft(neck, 0.012 * h), skin * NECK_SHADE)  # in the shade of the head, its edges soft
    _lay(out, chest.astype(np.float32), garment)
    _garment_form(out, yy, xx, cx, h, chest, garment, 1 if light_left else -1)
    if man:  # an open shirt collar, its turned edges catching the light
        collar = chest & (np.abs(xx - cx) < (yy - 1.0 * h) * 0.42) & (yy < 1.3 * h)
        lapels = chest & ~collar & (np.abs(np.abs(xx - cx) - (yy - 1.0 * h) * 0.42) < 0.035 * h) & (yy < 1.45 * h)
        _lay(out, 0.35 * _soft(lapels, 0.012 * h), np.clip(garment * 1.25 + 0.03, 0, 1))
    else:  # a rounded neckline
        collar = chest & _ellipse(yy, xx, 1.0 * h, cx, 0.17 * h, 0.2 * h)
    _lay(out, _soft(collar, 0.008 * h), skin * 0.9)
    _lay(out, 0.5 * _soft(collar & (yy < 1.12 * h), 0.02 * h), skin * 0.6)  # the neck's shadow in the neckline
    _lay(out, _soft(face, 0.006 * h), skin)
    fringe = _ellipse(yy, xx, 0.2 * h, cx + 0.08 * rx, 0.2 * h, 1.08 * rx)
    hairline = 0.17 if person is not None and person.age == "old" else 0.27  # an old sitter's forehead is high
    fringe &= yy < hairline * h + 0.05 * h * np.sin(xx / w * 9)  # a wavy hairline
    _lay(out, _soft(fringe & behind, 0.008 * h), hair)  # within the hair's mass: no tuft standing off it
    if length > LONG_HAIR:  # hair falling past the face on both sides, over the shoulders
        curtains = (np.abs(np.abs(xx - cx) - 1.02 * rx) < 0.17 * rx) & (yy > 0.25 * h) & (yy < (0.05 + fall) * h)
        _lay(out, _soft(curtains, 0.01 * h), hair * 0.95)
    away = np.clip((xx - cx) * (1 if light_left else -1) / rx, 0, None)  # across the face, away from the light
    _ears(out, yy, xx, cx, h, rx, skin, light_left, length)
    # the terminator follows the head's form: out at the temple and the cheekbone, in under them and at the jaw
    bend = SHADOW_SIDE + 0.12 * np.cos((yy / h - 0.32) * 9) * (yy < 0.85 * h)
    shade = _soft(face & (away > bend), TERMINATOR * h) * (face | neck)
    _lay(out, FORM_SHADOW * shade, skin * SHADE)
    _lay(out, 0.25 * _soft(face & (away > 0.8), 0.03 * h) * face, skin * 0.72)  # light bounced into the shadow
    jaw_shadow = neck & (yy < 0.98 * h + 0.05 * h * np.abs(xx - cx) / (0.16 * h))  # the chin's shadow on the neck
    _lay(out, 0.75 * _soft(jaw_shadow, 0.02 * h), skin * 0.45)
    side = 1 if light_left else -1  # the side away from the light
    lit_hair = behind & ((xx - cx) * side < -0.4 * rx) & (yy < 0.6 * h)  # the hair's lit side catches the light
    _lay(out, 0.45 * _soft(lit_hair, 0.04 * h), np.clip(hair * 1.35 + 0.06, 0, 1))
    # the head turned a little towards the light: the features move that way, the broad cheek in shadow
    _features(out, yy, xx, cx - side * TURN * rx, h, rx, skin, hair, side)
    if person is not None and person.beard:
        _beard(out, yy, xx, cx - side * TURN * rx, h, rx, hair, long=person.age == "old")
    if person is not None:
        paint_things(out, yy, xx, cx - side * TURN * rx, h, rx, skin, person, side)
    return out


def _ears(out: np.ndarray, yy, xx, cx: float, h: int, rx: float, skin, light_left: bool, length: float) -> None:
    """In place: the ears at the height from brow to nose's foot, the far one in shadow (hidden by long hair)."""
    if length > LONG_HAIR:
        return
    for side in (-1, 1):
        far = (side > 0) == light_left
        ear = _ellipse(yy, xx, 0.56 * h, cx + side * 0.97 * rx, 0.085 * h, 0.13 * rx)
        _lay(out, _soft(ear, 0.006 * h), skin * (0.62 if far else 0.92))
        inner = _ellipse(yy, xx, 0.56 * h, cx + side * 0.99 * rx, 0.05 * h, 0.05 * rx)
        _lay(out, 0.5 * _soft(inner, 0.006 * h), skin * 0.5)


def _strands(out: np.ndarray, yy, xx, cx: float, h: int, hair_mass: np.ndarray, hair: np.ndarray) -> None:
    """In place: the hair painted as locks falling from the crown, lighter and darker streaks, not one flat mass."""
    angle = np.arctan2(xx - cx, np.maximum(yy - 0.05 * h, 1.0))  # locks fan out from the crown
    streaks = np.sin(angle * 22 + np.sin(yy / h * 7) * 0.8)
    _lay(out, 0.35 * _soft(hair_mass & (streaks > 0.55), 0.006 * h), np.clip(hair * 1.3 + 0.05, 0, 1))
    _lay(out, 0.3 * _soft(hair_mass & (streaks < -0.6), 0.006 * h), hair * 0.6)


def _garment_form(out: np.ndarray, yy, xx, cx: float, h: int, chest: np.ndarray, garment, side: int) -> None:
    """In place: the garment modelled, not a flat cut-out: its side away from the light and its lower part in
    shade, the lit shoulder lighter, and a few soft folds falling from the armpits."""
    across = np.clip((xx - cx) * side / (0.9 * h), -1, 1)  # -1 on the lit side, 1 on the far one
    down = np.clip((yy - 1.02 * h) / (0.7 * h), 0, 1)
    _lay(out, chest * np.clip(0.55 * across + 0.25 * down, 0, 0.65), garment * 0.55)
    lit = chest & (across < -0.35) & (yy < 1.35 * h)
    _lay(out, 0.35 * _soft(lit, 0.06 * h), np.clip(garment * 1.3 + 0.04, 0, 1))
    for sign in (-1, 1):  # a fold from each armpit towards the middle of the chest
        start = cx + sign * 0.55 * h
        t = np.clip((yy - 1.35 * h) / (0.35 * h), 0, 1)
        fold = chest & (np.abs(xx - (start - sign * 0.25 * h * t)) < 0.018 * h) & (yy > 1.35 * h)
        _lay(out, 0.25 * _soft(fold, 0.03 * h), garment * 0.6)


def _beard(out: np.ndarray, yy, xx, cx: float, h: int, rx: float, hair: np.ndarray, long: bool) -> None:
    """In place: a beard from the cheeks round the chin (an old man's falling onto the chest), the mouth left
    a shadow in it."""
    reach = 1.2 if long else 0.97  # where it ends, as a share of the head's height
    top = 0.66
    down = np.clip((yy - top * h) / ((reach - top) * h), 0, 1)  # a beard narrows to its tip
    jaw = (np.abs(xx - cx) < 0.85 * rx * (1 - 0.55 * down**1.5)) & (yy > top * h) & (yy < reach * h)
    jaw &= (np.abs(xx - cx) < 0.45 * rx) | (yy > 0.6 * h + 0.15 * h * np.abs(xx - cx) / rx)  # cheeks left bare
    jaw |= _ellipse(yy, xx, 0.7 * h, cx, 0.05 * h, 0.3 * rx)  # the moustache over the lip
    _lay(out, 0.85 * _soft(jaw, 0.02 * h), hair * 0.9)
    lit = jaw & (yy < (top + 0.15) * h)
    _lay(out, 0.3 * _soft(lit, 0.03 * h), np.clip(hair * 1.25 + 0.05, 0, 1))
    _lay(out, 0.6 * _soft(_ellipse(yy, xx, 0.745 * h, cx, 0.012 * h, 0.2 * rx), 0.006 * h), hair * 0.35)


def _features(
    out: np.ndarray, yy, xx, cx: float, h: int, rx: float, skin: np.ndarray, hair: np.ndarray, side: int = 1
) -> None:
    """In place: the face's features as soft marks of value and colour."""
    soft = max(0.6, FEATURE_SOFTNESS * h)
    eye_y, eye_dx = 0.48 * h, 0.38 * rx
    sockets = _ellipse(yy, xx, eye_y - 0.01 * h, cx - eye_dx, 0.065 * h, 0.25 * rx)
    sockets |= _ellipse(yy, xx, eye_y - 0.01 * h, cx + eye_dx, 0.065 * h, 0.25 * rx)
    _lay(out, 0.6 * _soft(sockets, 2 * soft), skin * 0.6)  # the brow's overhang shades the sockets
    eyes = _ellipse(yy, xx, eye_y, cx - eye_dx, 0.018 * h, 0.1 * rx)
    eyes |= _ellipse(yy, xx, eye_y, cx + eye_dx, 0.018 * h, 0.1 * rx)
    _lay(out, 0.45 * _soft(eyes, soft), np.array([0.9, 0.88, 0.84], np.float32) * min(1.0, skin.mean() / 0.7))
    irises = _ellipse(yy, xx, eye_y, cx - eye_dx, 0.024 * h, 0.07 * rx)
    irises |= _ellipse(yy, xx, eye_y, cx + eye_dx, 0.024 * h, 0.07 * rx)
    _lay(out, 0.95 * _soft(irises, 0.6 * soft), np.array([0.16, 0.11, 0.09], np.float32))
    for dx in (-eye_dx, eye_dx):  # the upper lid's dark line and a catch-light: eyes that look, not dots
        lid = (np.abs(xx - (cx + dx)) < 0.12 * rx) & (np.abs(yy - (eye_y - 0.022 * h)) < 0.006 * h)
        _lay(out, 0.7 * _soft(lid, 0.5 * soft), hair * 0.35)
        glint = _ellipse(yy, xx, eye_y - 0.008 * h, cx + dx - side * 0.03 * rx, 0.006 * h, 0.025 * rx)
        _lay(out, 0.8 * _soft(glint, 0.3 * soft), np.array([0.95, 0.93, 0.9], np.float32))
    bridge = (np.abs(xx - (cx - side * 0.06 * rx)) < 0.05 * rx) & (yy > 0.5 * h) & (yy < 0.62 * h)
    _lay(out, 0.35 * _soft(bridge, 1.5 * soft), np.clip(skin * 1.18 + 0.04, 0, 1))  # light down the nose
    for dx in (-0.09 * rx, 0.09 * rx):
        _lay(out, 0.5 * _soft(_ellipse(yy, xx, 0.635 * h, cx + dx, 0.007 * h, 0.04 * rx), soft), skin * 0.45)
    lit_cheek = _ellipse(yy, xx, 0.55 * h, cx - side * 0.5 * rx, 0.09 * h, 0.28 * rx)  # the cheekbone to the light
    _lay(out, 0.25 * _soft(lit_cheek, 4 * soft), np.clip(skin * 1.15 + 0.05, 0, 1))
    for side in (-1, 1):
        x = (xx - (cx + side * eye_dx)) / (0.22 * rx)
        arc = (np.abs(x) < 1) & (np.abs(yy - (eye_y - 0.075 * h + 0.02 * h * x**2)) < 0.011 * h)
        _lay(out, 0.85 * _soft(arc, 0.6 * soft), hair * 0.5)
    down = np.clip((yy - 0.5 * h) / (0.14 * h), 0, 1)  # the nose widens to its foot
    nose = (np.abs(xx - (cx + side * 0.09 * rx)) < (0.04 + 0.05 * down) * rx) & (yy > 0.5 * h) & (yy < 0.645 * h)
    _lay(out, 0.6 * _soft(nose, 1.5 * soft), skin * 0.58)  # its side away from the light
    under = _ellipse(yy, xx, 0.66 * h, cx + side * 0.05 * rx, 0.014 * h, 0.17 * rx)  # the shadow it casts below
    _lay(out, 0.6 * _soft(under, soft), skin * 0.5)
    tip = _ellipse(yy, xx, 0.62 * h, cx - side * 0.03 * rx, 0.012 * h, 0.05 * rx)  # the light on its tip
    _lay(out, 0.35 * _soft(tip, soft), np.clip(skin * 1.2 + 0.05, 0, 1))
    lips = np.array([0.72, 0.36, 0.34], np.float32) * skin.mean() / 0.7
    _lay(out, 0.85 * _soft(_ellipse(yy, xx, 0.725 * h, cx, 0.012 * h, 0.3 * rx), soft), lips * 0.72)
    _lay(out, 0.65 * _soft(_ellipse(yy, xx, 0.745 * h, cx, 0.015 * h, 0.22 * rx), soft), lips)
    parting = (np.abs(xx - cx) < 0.26 * rx) & (
        np.abs(yy - (0.734 * h - 0.004 * h * ((xx - cx) / (0.26 * rx)) ** 2)) < 0.004 * h
    )
    _lay(out, 0.7 * _soft(parting, 0.5 * soft), lips * 0.4)  # the line between the lips, the mouth's corners down
    _lay(out, 0.4 * _soft(_ellipse(yy, xx, 0.79 * h, cx, 0.014 * h, 0.2 * rx), 2 * soft), skin * 0.62)  # under the lip
    cheeks = _ellipse(yy, xx, 0.62 * h, cx - 0.55 * rx, 0.06 * h, 0.22 * rx)
    cheeks |= _ellipse(yy, xx, 0.62 * h, cx + 0.55 * rx, 0.06 * h, 0.22 * rx)
    _lay(out, 0.18 * _soft(cheeks, 3 * soft), np.array([0.85, 0.45, 0.42], np.float32) * skin.mean() / 0.7)
    chin_shadow = (np.abs(xx - cx) < 0.17 * h) & (yy > 0.86 * h) & (yy < 0.95 * h)
    _lay(out, 0.4 * _soft(chin_shadow, 2 * soft), skin * 0.6)
