"""Objects painted into a scene, not stuck on it.

Each placed object (a drawing of the library at its place and height) is relit before it goes into
the underpainting: its colours move towards the scene's light and the mood's saturation, its side away
from the light darkens, distance fades it into the horizon's colour, a silhouette takes the scene's
darkest tone; it casts a soft shadow on the ground or a broken reflection on the water. Its region
then gets a class of its own, so the brushwork strokes it with the scene's brushes and stops at its
edges; after the strokes, a thin layer of the object's own colour restates its drawing under the finish.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageFilter

from models.painter.birds import painted_bird
from models.painter.bridges import is_bridge, painted_bridge, suspension
from models.painter.built_by_hand import drawn_by_hand
from models.painter.figure import FACES_LEFT_PAST, Person, painted_figure, partner
from models.painter.lying import laid_flat
from models.painter.object_library import ObjectEntry, render
from models.painter.perches import BENEATH, CONTAINERS, ON_THE_GROUND, SHADE, container, support
from models.painter.rails import runs_on_rails, track, with_carriage
from models.painter.recolour import recoloured
from models.painter.scene_colours import hsv_colour, mood_grade, rgb_to_hsv
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec
from models.painter.sitter import BUST, painted_sitter
from models.painter.spoked_wheels import is_spoked_wheel, painted_wheel
from models.painter.sunk import afloat, seated
from models.painter.working_boat import is_working_boat, painted_boat

OBJECT_CLASS = CLASSES.index("field_accent")  # a class landscapes never use: strokes stop at the object's edge
RESTATE = 0.35  # how much of the object's own drawing is laid over the strokes
INNER_LINE = 0.35  # how much lighter a silhouette's inner lines are drawn than its body
HEAP_RISE = 0.45  # the clear space under a heap in a container, as a share of one of its things' height
WIDEST_FIGURE = 0.9  # a figure with what it plays or works at is at most this share of the picture wide
COLOUR_SETS = ("fluent-emoji-flat", "noto")
# a portrait's sitter is lit by a warm studio light, not by the colour of the dark backdrop behind it (that
# turned a face grey-green, and the value plan then lifted it to a flat cream)
STUDIO_LIGHT = np.array([0.8, 0.74, 0.64], np.float32)
GROUND_LINE = (0.1, 0.5, 0.15)  # a ground line: under this share of the height, over this of the width, in the bottom


@dataclass(frozen=True)
class PlacedObject:
    entry: ObjectEntry
    role: str
    cx: float  # centre x, base y and height, as shares of the picture's side
    base_y: float
    height: float
    shoulders: bool = False  # a head alone (a portrait's sitter) is given a neck and shoulders
    mirrored: bool = False  # drawn facing the other way (one of several copies: a herd, not a stamp)
    colour: tuple[float, ...] | None = None  # (hue, saturation, value) asked for it ("a red barn"): a silhouette's own
    tone: float = 1.0  # its colour's value against its drawing's (copies of one thing differ a little)
    flock: bool = False  # one of a flock far off: painted as a few strokes (`birds`), not as its drawing
    person: Person | None = None  # a person in a pose (`figure`), painted by our hand, not as their drawing
    size: float | None = None  # how big the thing is, in metres, if known (`placement_rules.relative_sizes`)
    perch: str | None = None  # what a bird sits on (`perches`): drawn under it


def _relit(
    rgba: np.ndarray, obj: PlacedObject, spec: SceneSpec, light: np.ndarray, light_x: float, stencil: bool | None = None
) -> np.ndarray:
    """The object's RGB under the scene's light: tinted by it, shaded away from it, graded by the mood; a stencil
    (a silhouette's drawing, by default when the entry is one) painted in its local colour first."""
    rgb = rgba[..., :3].copy()
    stencil = obj.entry.silhouette if stencil is None else stencil
    if not stencil and obj.colour is not None:  # "a yellow school bus": its body in that colour
        rgb = recoloured(rgba, *obj.colour)
    if stencil:  # never a black cut-out: its local colour, lit
        inner = rgba[..., :3].max(-1) > INNER_LINE / 2  # its inner lines (`_holes_filled`)
        rgb[:] = _local_colour(spec, light, obj.role, obj.colour or colour_twin(obj.entry))
        rgb[inner] = np.minimum(1.0, rgb[inner] * 1.5 + 0.1)
        h, w = rgb.shape[:2]
        toward = np.linspace(-1, 1, w)[None, :, None] * (-1 if light_x < obj.cx else 1)
        rgb *= 1 + 0.25 * np.clip(toward, 0, 1) - 0.1 * np.linspace(0, 1, h)[:, None, None]
    luminance = float(light.mean())
    rgb = rgb * (0.55 + 0.45 * light / max(light.max(), 1e-3)) * np.clip(0.45 + luminance, 0.45, 1.05)
    h, w = rgb.shape[:2]
    across = np.linspace(-1, 1, w)[None, :, None] * (1 if light_x < obj.cx else -1)
    rgb *= 1 - 0.22 * np.clip(across, 0, 1)  # the far side from the light in shade
    rgb *= 1 - 0.12 * np.linspace(0, 1, h)[:, None, None] ** 2
    return np.clip(mood_grade(rgb, spec), 0, 1)


# A silhouette's local colour by what it is (hue, saturation): walls of wood and brick, hulls of wood, hides, leaves;
# things in the air and on tables take the painting's accent.
LOCAL_COLOURS = {
    "building": (18, 0.5),
    "floats": (24, 0.45),
    "stands": (28, 0.45),
    "figure": (15, 0.4),
    "plant": (105, 0.45),
    "swims": (200, 0.4),
}


@functools.lru_cache(maxsize=256)
def colour_twin(entry: ObjectEntry) -> tuple[float, float] | None:
    """(hue, saturation) of the colour drawing of the same name as a silhouette (the fox emoji's orange for the
    fox silhouette), from its most colourful opaque half, saturation 0 when it is white or grey (the polar bear);
    None when no colour set draws it."""
    for source in COLOUR_SETS:
        twin = ObjectEntry(source, entry.name)
        try:
            rgba = render(twin, 32)
        except (KeyError, OSError, ValueError):
            continue
        rgb = rgba[..., :3][rgba[..., 3] > 0.5]
        if len(rgb) == 0:
            continue
        hsv = rgb_to_hsv(rgb) / np.array([360.0, 1.0, 1.0], np.float32)  # hue as a share of the circle
        colourful = hsv[hsv[:, 1] >= np.median(hsv[:, 1])]
        angle = np.angle(np.exp(2j * np.pi * colourful[:, 0]).mean())  # the circular mean of the hues
        if np.median(colourful[:, 1]) < 0.2:  # a white or grey thing (the polar bear) stays so, not the role's hue
            return float(np.degrees(angle) % 360), 0.0
        return float(np.degrees(angle) % 360), float(np.median(colourful[:, 1]))
    return None


def _local_colour(
    spec: SceneSpec, light: np.ndarray, role: str = "flies", own_colour: tuple[float, ...] | None = None
) -> np.ndarray:
    """A silhouette's body colour: its own (`own_colour`: its colour twin's) or its local colour (by role; the
    accent for things in the air or on a table; then nudged towards the accent), warmed or cooled by the light
    around it, at a value apart from what lies around it (a little darker than a light ground, lighter on a dark
    one; its inner lines lighter still), or its own colour at full value: a coloured thing in that light, never a
    black cut-out."""
    tint = light / max(float(light.max()), 1e-3)
    if own_colour is not None:  # a fox is orange: its own colour leads, the light only tints it
        grey = own_colour[1] < 0.15  # white, grey, black asked: no hue of their own
        asked = grey and len(own_colour) > 2  # a black cat; a colour twin is (hue, saturation) only
        value = float(np.clip(own_colour[2], 0.15, 0.9)) if asked else 0.5
        own = hsv_colour(own_colour[0], own_colour[1] if grey else float(np.clip(own_colour[1], 0.4, 0.85)), value)
        colour = 0.8 * own + 0.2 * own.mean() * tint
    else:
        hue, saturation = LOCAL_COLOURS.get(role, (spec.accent_hue, 0.35 + 0.4 * spec.accent_saturation))
        own = 0.75 * hsv_colour(hue, float(np.clip(saturation, 0.3, 0.75)), 0.5)
        own = own + 0.25 * hsv_colour(spec.accent_hue, 0.5, 0.5)
        colour = 0.65 * own + 0.35 * own.mean() * tint
    around = float(light.mean())
    value = float(np.clip(around - 0.15, 0.4, 0.7) if around > 0.45 else around + 0.3)  # apart from its ground
    if own_colour is not None and own_colour[1] >= 0.15:  # a fox's orange at full strength: the light and the
        value = 1.0  # turn of the form darken it after (at 0.45 here it was "a crude dark shape", keep 2)
    return np.clip(colour * value / max(float(colour.max()), 1e-3), 0, 1).astype(np.float32)


def _box(obj: PlacedObject, size: int, shape: tuple[int, int]) -> tuple[int, int]:
    """Top-left pixel of the object's drawing: centred on cx, standing on base_y."""
    h, w = shape
    return int(obj.base_y * size) - h, int(obj.cx * size - w / 2)


def _paste(target: np.ndarray, image: np.ndarray, alpha: np.ndarray, top: int, left: int) -> np.ndarray:
    """Alpha-blend image [h, w, C] into target at (top, left), clipped at the frame; the mask it covered."""
    size = target.shape[0]
    h, w = alpha.shape
    y0, x0, y1, x1 = max(0, top), max(0, left), min(size, top + h), min(target.shape[1], left + w)
    covered = np.zeros(target.shape[:2], dtype=np.float32)
    if y1 <= y0 or x1 <= x0:
        return covered
    a = alpha[y0 - top : y1 - top, x0 - left : x1 - left, None]
    patch = image[y0 - top : y1 - top, x0 - left : x1 - left]
    target[y0:y1, x0:x1] = (1 - a) * target[y0:y1, x0:x1] + a * patch
    covered[y0:y1, x0:x1] = a[..., 0]
    return covered


def heaped(rgba: np.ndarray) -> np.ndarray:
    """Three of the drawing heaped at its size: two side by side, overlapping, and one on them between (the
    heap a bowl or a basket holds), the front ones drawn last; clear space under them, so the heap rises from
    inside its container (drawn in front, from the same foot) and never hangs below it."""
    h, w = rgba.shape[:2]
    small = (
        np.asarray(
            Image.fromarray((rgba * 255).astype(np.uint8)).resize((max(1, int(0.62 * w)), max(1, int(0.62 * h)))),
            np.float32,
        )
        / 255
    )
    sh, sw = small.shape[:2]
    out = np.zeros((int((1.45 + HEAP_RISE) * sh) + 1, int(1.75 * sw) + 1, 4), np.float32)
    low = int(0.45 * sh)  # the lower two's top
    for top, left in ((0, int(0.375 * sw)), (low, 0), (low, out.shape[1] - sw)):
        region = out[top : top + sh, left : left + sw]
        alpha, under = small[..., 3:], region[..., 3:] * (1 - small[..., 3:])  # straight alpha, "over"
        total = alpha + under
        region[..., :3] = (small[..., :3] * alpha + region[..., :3] * under) / np.maximum(total, 1e-6)
        region[..., 3:] = total
    return out


def _ground_shadow(ref: np.ndarray, obj: PlacedObject, width: int, size: int) -> None:
    """A soft dark ellipse where the object meets the ground."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    cy, cx = obj.base_y * size, obj.cx * size
    d = ((xx - cx) / (0.6 * width)) ** 2 + ((yy - cy) / (0.09 * width + 2)) ** 2
    ref *= (1 - 0.4 * np.exp(-2 * d))[..., None]


def _reflection(ref: np.ndarray, rgb: np.ndarray, alpha: np.ndarray, obj: PlacedObject, size: int) -> None:
    """The object upside down in the water below it, squashed, broken by ripples and faded."""
    h, w = alpha.shape
    flip_h = max(1, int(h * 0.6))
    img = Image.fromarray((np.dstack([rgb, alpha]) * 255).astype(np.uint8)).transpose(Image.FLIP_TOP_BOTTOM)
    img = img.resize((w, flip_h)).filter(ImageFilter.GaussianBlur(max(1, w // 40)))
    arr = np.asarray(img, dtype=np.float32) / 255
    ripples = (np.sin(np.arange(flip_h) * 1.3) > -0.2)[:, None].astype(np.float32)
    a = arr[..., 3] * 0.4 * ripples * np.linspace(1, 0.2, flip_h)[:, None]
    _paste(ref, arr[..., :3] * 0.8, a, int(obj.base_y * size), int(obj.cx * size - w / 2))


SKY_LIKE = tuple(CLASSES.index(c) for c in ("sky", "cloud", "light"))


def _sky_light(ref: np.ndarray, labels: np.ndarray, around: np.ndarray) -> np.ndarray:
    """The light a thing is lit by: the sky's colour (not its ground's: a white rabbit on grass is not green), at
    the brightness of what lies around it; indoors, or with no sky, what lies around it."""
    sky = np.isin(labels, SKY_LIKE)
    if sky.sum() < 16:
        return around
    colour = ref[sky].mean(0)
    return colour * float(around.mean()) / max(float(colour.mean()), 1e-3)


def _holes_filled(rgba: np.ndarray) -> np.ndarray:
    """A silhouette with its inner lines (a barn's planks, a tower's windows) drawn as its own colour lighter,
    not as holes that show the sky through it (`_relit` paints them lighter than the body)."""
    from scipy import ndimage

    ink = rgba[..., 3] > 0.5
    holes = ndimage.binary_fill_holes(ink) & ~ink
    if not holes.any():
        return rgba
    out = rgba.copy()
    out[holes, 3] = 1.0
    out[holes, :3] = np.minimum(1.0, out[holes, :3] + INNER_LINE)
    return out


def without_ground_line(rgba: np.ndarray) -> np.ndarray:
    """A silhouette without the strip of ground or water drawn under it (the fishing boat's waves: painted, they
    read as a black bar floating on the painted sea): a separate, flat, wide piece of ink along its bottom edge,
    then cropped to what is left."""
    from scipy import ndimage

    ink = rgba[..., 3] > 0.5
    parts, count = ndimage.label(ink)
    if count < 2:
        return rgba
    h, w = ink.shape
    sizes = ndimage.sum(ink, parts, range(1, count + 1))
    out = rgba.copy()
    for i, (sl_y, sl_x) in enumerate(ndimage.find_objects(parts), start=1):
        flat = sl_y.stop - sl_y.start < GROUND_LINE[0] * h and sl_x.stop - sl_x.start > GROUND_LINE[1] * w
        if flat and sl_y.start > (1 - GROUND_LINE[2]) * h and sizes[i - 1] < sizes.max():
            out[ndimage.binary_dilation(parts == i, iterations=2) & ~ink] = 0  # its soft rim too
            out[parts == i] = 0
    ys, xs = np.nonzero(out[..., 3] > 0.05)
    return out[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1] if len(ys) else rgba


def _partners(objects: list[PlacedObject]) -> list[PlacedObject]:
    """The objects with each copy of one person told apart where the words ask for a couple (a man and a woman)."""
    seen: dict[Person, int] = {}
    out = []
    for obj in objects:
        if obj.person is not None:
            copy = seen.get(obj.person, 0)
            seen[obj.person] = copy + 1
            obj = replace(obj, person=partner(obj.person, copy))
        out.append(obj)
    return out


class ObjectPainter:
    """The renderer's hook: `underpaint` puts the objects into the underpainting and labels their regions;
    `restate` lays their drawing thinly over the strokes."""

    def __init__(self, objects: list[PlacedObject], spec: SceneSpec, light_x: float = 0.5):
        self.objects, self.spec, self.light_x = sorted(_partners(objects), key=lambda o: o.base_y), spec, light_x
        self._layers: list[tuple[np.ndarray, np.ndarray, int, int]] = []
        self._hands: dict[int, tuple[float, float]] = {}  # a figure's near hand, in its drawing's pixels
        self._branch_painted = False  # one branch for all the birds on it

    def _drawing(self, obj: PlacedObject, size: int) -> tuple[np.ndarray, bool]:
        """(RGBA of the thing at its size, whether it is a stencil to be painted in its local colour): a sitter, a
        flock's bird and a working boat painted by their own hands, anything else its library drawing."""
        seed = int(obj.cx * 1e4 + obj.base_y * 1e6)
        if obj.shoulders:
            head = render(obj.entry, max(8, int(obj.height * size / BUST)))
            return painted_sitter(head, self.spec.accent_hue, self.light_x < obj.cx, obj.person), False
        if obj.person is not None:
            stature, facing_left = max(12, int(obj.height * size)), obj.cx > FACES_LEFT_PAST
            rgba, hand = painted_figure(obj.person, stature, seed, self.spec.accent_hue, facing_left=facing_left)
            if rgba.shape[1] > WIDEST_FIGURE * size:  # a pianist's grand piano: the figure smaller, all in the frame
                stature = max(12, int(stature * WIDEST_FIGURE * size / rgba.shape[1]))
                rgba, hand = painted_figure(obj.person, stature, seed, self.spec.accent_hue, facing_left=facing_left)
            self._hands[id(obj)] = hand
            return rgba, False
        if obj.flock:
            return painted_bird(max(6, int(obj.height * size)), seed), False
        if is_bridge(obj.entry):
            return painted_bridge(max(24, int(obj.height * size)), seed, hanging=suspension(obj.entry)), False
        if is_spoked_wheel(obj.entry):
            return painted_wheel(max(16, int(obj.height * size)), seed), False
        built = drawn_by_hand(obj.entry, obj.height * size, seed, light_left=self.light_x < obj.cx)
        if built is not None:
            return built, False
        if is_working_boat(obj.entry):
            return painted_boat(max(12, int(obj.height * size)), seed, facing_left=obj.mirrored), False
        rgba = render(obj.entry, max(8, int(obj.height * size)))
        rgba = laid_flat(rgba) if obj.role == "still_life" else rgba  # a knife lies on the table, not on its tip
        rgba = heaped(rgba) if obj.role == "still_life" and obj.perch in CONTAINERS else rgba  # lemons in a bowl
        flat_foot = obj.role == "still_life" and obj.perch not in CONTAINERS and not obj.entry.silhouette
        rgba = seated(rgba) if flat_foot else rgba  # on its flat foot (a stencil's cut rim read "a ring and a coil")
        rgba = afloat(rgba) if obj.role == "floats" else rgba  # a duck on a lake: its legs under the water
        rgba = with_carriage(rgba, obj.entry)  # a steam engine pulls a carriage
        rgba = rgba[:, ::-1] if obj.mirrored else rgba
        return (_holes_filled(without_ground_line(rgba)), True) if obj.entry.silhouette else (rgba, False)

    def underpaint(self, ref: np.ndarray, labels: np.ndarray) -> None:
        size = ref.shape[0]
        for obj in self.objects:  # back to front: farther (higher) objects first
            rgba, stencil = self._drawing(obj, size)
            top, left = _box(obj, size, rgba.shape[:2])
            if obj.person is not None:  # a figure with a long rod or an easel: all of it inside the frame
                left = int(np.clip(left, 0, max(0, size - rgba.shape[1])))
            around = ref[max(0, top) : max(1, top + rgba.shape[0]), max(0, left) : max(1, left + rgba.shape[1])]
            light = around.reshape(-1, 3).mean(0) if around.size else ref.reshape(-1, 3).mean(0)
            lit_by = STUDIO_LIGHT if obj.shoulders else _sky_light(ref, labels, light)  # a sitter: the studio's
            rgb = np.clip(_relit(rgba, obj, self.spec, lit_by, self.light_x, stencil) * obj.tone, 0, 1)
            mirrored = obj.role in ("floats", "swims") and (labels == CLASSES.index("sky")).any()  # not under water
            if obj.perch in BENEATH:
                self._perch(ref, labels, obj, lit_by)
            if mirrored:
                _reflection(ref, rgb, rgba[..., 3], obj, size)
            elif obj.role not in ("flies", "figure") and obj.perch in (None, *SHADE):
                _ground_shadow(ref, obj, rgba.shape[1], size)
            if runs_on_rails(obj.entry) and obj.role != "still_life":  # (a toy train on a rug has no track)
                self._lay_track(ref, labels, obj, lit_by, top + rgba.shape[0] - 1, rgba.shape[0])
            if obj.height < 0.12 and obj.role != "still_life":  # far away: the air comes between
                rgb = 0.8 * rgb + 0.2 * light
            covered = _paste(ref, rgb, rgba[..., 3], top, left)
            labels[covered > 0.5] = OBJECT_CLASS
            self._layers.append((rgb, rgba[..., 3], top, left))
            if obj.perch in CONTAINERS:  # the box it sits in, in front of it
                box = container(obj.perch, obj.cx, obj.base_y, rgba.shape[:2], size)
                self._paste_drawn(ref, labels, obj, lit_by, *box)
            if id(obj) in self._hands:
                self._hands[id(obj)] = (left + self._hands[id(obj)][0], top + self._hands[id(obj)][1])
        self._kite_strings(ref)

    def _perch(self, ref: np.ndarray, labels: np.ndarray, obj: PlacedObject, light: np.ndarray) -> None:
        """What the bird sits on, painted under it (in place), lit like the other things, with its own shadow on the
        ground; the branch once for all the birds on it."""
        size = ref.shape[0]
        if obj.perch == "branch" and self._branch_painted:
            return
        self._branch_painted |= obj.perch == "branch"
        seed = int(obj.cx * 1e4 + obj.base_y * 1e6)
        drawn, top, left = support(obj.perch, obj.cx, obj.base_y, obj.height, size, seed, self.light_x < obj.cx)
        if obj.perch in ON_THE_GROUND:
            foot = replace(obj, base_y=top / size + drawn.shape[0] / size)
            _ground_shadow(ref, foot, drawn.shape[1], size)
        self._paste_drawn(ref, labels, obj, light, drawn, top, left)

    def _lay_track(self, ref, labels, obj: PlacedObject, lit_by, rail_top: int, vehicle_height: int) -> None:
        """In place: the track a rail vehicle runs on, across the picture, its rail's top at `rail_top`, lit as the
        vehicle is."""
        strip = track(ref.shape[1], vehicle_height, seed=int(obj.cx * 1e4))
        rgb = _relit(strip, replace(obj, colour=None), self.spec, lit_by, self.light_x, stencil=False)
        covered = _paste(ref, rgb, strip[..., 3], rail_top, 0)
        labels[covered > 0.5] = OBJECT_CLASS
        self._layers.append((rgb, strip[..., 3], rail_top, 0))

    def _paste_drawn(self, ref, labels, obj: PlacedObject, light, drawn: np.ndarray, top: int, left: int) -> None:
        """A perch or a container drawn with `obj` (in place), lit like it, labelled and restated like a thing."""
        plain = replace(obj, entry=ObjectEntry("perch", obj.perch), colour=None)
        rgb = _relit(drawn, plain, self.spec, light, self.light_x, stencil=False)
        covered = _paste(ref, rgb, drawn[..., 3], top, left)
        labels[covered > 0.5] = OBJECT_CLASS
        self._layers.append((rgb, drawn[..., 3], top, left))

    def _kite_strings(self, ref: np.ndarray) -> None:
        """A fine string from a kite flier's hand up to the kite, so the kite is theirs (in place)."""
        size = ref.shape[0]
        kites = [o for o in self.objects if o.role == "flies"]
        for obj in self.objects:
            if obj.person is None or obj.person.prop != "kite" or id(obj) not in self._hands or not kites:
                continue
            kite = kites[0]
            hx, hy = self._hands[id(obj)]
            kx, ky = kite.cx * size, (kite.base_y - 0.2 * kite.height) * size
            steps = np.linspace(0, 1, int(abs(ky - hy) + abs(kx - hx)) + 2)
            sag = 0.06 * size * np.sin(np.pi * steps)  # a string sags a little under its own weight
            ys = (hy + (ky - hy) * steps + sag).astype(int)
            xs = (hx + (kx - hx) * steps).astype(int)
            inside = (ys >= 0) & (ys < size) & (xs >= 0) & (xs < size)
            ref[ys[inside], xs[inside]] = 0.7 * ref[ys[inside], xs[inside]] + 0.3 * np.array([0.95, 0.93, 0.88])

    def restate(self, painted: np.ndarray, amount: float = RESTATE) -> np.ndarray:
        for rgb, alpha, top, left in self._layers:
            _paste(painted, rgb, alpha * amount, top, left)
        return painted
