"""From a layout to a finished painting at any size: regions, underpainting, details, brushwork, canvas.

The layout (class probabilities at 64x64) is upsampled with a slight warp, so region edges are
organic at the output size rather than blocky; then the underpainting, lit windows, strokes, the
canvas weave, the oil-paint finish (`style_finish`), and the small touches a brush places last
(stars, rain, snow).
"""

from __future__ import annotations

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFilter

from models.painter import dune_field, rooms, style_finish, underwater
from models.painter.atmosphere import lay_fog, rain
from models.painter.autumn import turn_crowns
from models.painter.boats import paint_boats
from models.painter.brushwork import paint_strokes, restate_classes
from models.painter.buildings import dress_buildings
from models.painter.celestial import add_glow, add_moon, clear_wisps, paint_discs, take_discs
from models.painter.city_street import paint_city_street
from models.painter.clouds import model_clouds
from models.painter.form_light import light_direction, model_forms
from models.painter.glow import SKY_SEEN, dim_the_room, light_the_lights
from models.painter.grounded import drop_floating_land, ground_trees, tree_shadows
from models.painter.landforms import (
    darken_sand,
    dune_field_of,
    hang_grapes,
    ice_face,
    paint_mesas,
    redden_canyon,
)
from models.painter.object_form import OBJECT, cast_shadows, model_objects, skin_for_sitters
from models.painter.overlap import ground_over_feet
from models.painter.painted_in import (
    RESTATE_BROAD,
    RESTATE_SITTER,
    aerial_perspective,
    horizon_row,
    lift_object_darks,
    restate_things,
    settle_objects,
    sitter_in_its_light,
)
from models.painter.room_kinds import PLAIN, RoomDress
from models.painter.rooms import dress_portrait, dress_room, furnish_room
from models.painter.salt_crust import salt_crust
from models.painter.scene_colours import underpainting
from models.painter.scene_layout import CLASSES, one_hot
from models.painter.scene_spec import SceneSpec
from models.painter.street_view import dress_street, lay_street, street_view
from models.painter.surfaces import distant_ranges, leafy_crowns, moving_light, rock_faces
from models.painter.value_plan import apply_value_plan, clean_colour, light_temperature, vibrance
from models.painter.wet_ground import is_wet_dark, mirror_lights, wet_ground

BACKDROP = 0.75  # a portrait's backdrop against the value plan's key
CREST_LIGHT = 0.55  # a wave crest: a lighter touch of the water, not a white line (read as squiggles)
BED_HEAD = 1 / 14  # a petal mass wider than a disc of about this share of the side is a bed, not one head


def labels_at(probs: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """[K, h, w] class probabilities -> int [size, size] class map, edges softly warped."""
    t = torch.from_numpy(probs)[None]
    base = torch.nn.functional.affine_grid(torch.eye(2, 3)[None], (1, 1, size, size), align_corners=False)
    warp = torch.from_numpy(rng.normal(0, 1, (1, 2, 8, 8)).astype(np.float32))
    warp = torch.nn.functional.interpolate(warp, size=(size, size), mode="bicubic", align_corners=False)
    grid = base + 0.012 * warp.permute(0, 2, 3, 1)
    up = torch.nn.functional.grid_sample(t, grid, mode="bilinear", padding_mode="border", align_corners=False)
    return up[0].argmax(0).numpy().astype(np.int64)


def complete_flowers(labels: np.ndarray) -> None:
    """Give every flower head its dark centre (a layout network may leave a head as one petal-coloured blob)."""
    from scipy import ndimage

    petal, bloom = CLASSES.index("petal"), CLASSES.index("bloom")
    heads, count = ndimage.label(labels == petal)
    if count == 0:
        return
    yy, xx = np.indices(labels.shape)
    for i, (sl_y, sl_x) in enumerate(ndimage.find_objects(heads), start=1):
        mask = heads[sl_y, sl_x] == i
        if (labels[sl_y, sl_x][mask] == bloom).any() or mask.sum() < 12:
            continue
        cy, cx = ndimage.center_of_mass(mask)
        r = 0.4 * np.sqrt(mask.sum() / np.pi)
        centre = (yy[sl_y, sl_x] - sl_y.start - cy) ** 2 + (xx[sl_y, sl_x] - sl_x.start - cx) ** 2 <= r * r
        labels[sl_y, sl_x][centre & mask] = bloom


def flower_beds(labels: np.ndarray, rng: np.random.Generator) -> None:
    """A mass of petal colour far larger than a flower head becomes a bed of many flowers in its grass (in place):
    the layout gives a bed as one blob, which painted whole reads as a coloured mound with a hole in it."""
    from scipy import ndimage

    petal, bloom, grass = CLASSES.index("petal"), CLASSES.index("bloom"), CLASSES.index("grass")
    size = labels.shape[0]
    masses, count = ndimage.label(np.isin(labels, (petal, bloom)))
    if count == 0:
        return
    areas = ndimage.sum_labels(np.ones_like(labels), masses, range(1, count + 1))
    big = np.isin(masses, 1 + np.nonzero(areas > (size * BED_HEAD) ** 2)[0])
    if not big.any():
        return
    for k in np.unique(masses[big]):  # each bed in what surrounds it: a flowering hedge is no lawn in the hedge
        labels[masses == k] = _surrounding(labels, masses == k, exclude=(petal, bloom), default=grass)
    radius = size / 70
    ys, xs = np.mgrid[0 : size : 2.4 * radius, 0 : size : 2.4 * radius]
    centres = np.stack([ys.ravel(), xs.ravel()], -1) + rng.uniform(-radius, radius, (ys.size, 2))
    for cy, cx in np.clip(centres, 0, size - 1):
        if big[int(cy), int(cx)]:
            r = radius * rng.uniform(0.7, 1.3) * (0.7 + 0.6 * cy / size)  # larger nearer the eye
            _stamp_head(labels, big, cy, cx, r)


def _surrounding(labels: np.ndarray, region: np.ndarray, exclude: tuple[int, ...], default: int) -> int:
    """The class most common in a thin ring around the region (classes in `exclude` aside), else `default`."""
    from scipy import ndimage

    ring = ndimage.binary_dilation(region, iterations=2) & ~region
    around = labels[ring]
    around = around[~np.isin(around, exclude)]
    return int(np.bincount(around).argmax()) if around.size else default


def _stamp_head(labels: np.ndarray, bed: np.ndarray, cy: float, cx: float, r: float) -> None:
    """One flower head of radius r inside the bed: petals round a dark centre (in place)."""
    size = labels.shape[0]
    y0, y1 = int(max(0, cy - r)), int(min(size, cy + r + 1))
    x0, x1 = int(max(0, cx - r)), int(min(size, cx + r + 1))
    yy, xx = np.mgrid[y0:y1, x0:x1]
    d2 = (yy - cy) ** 2 + (xx - cx) ** 2
    head = (d2 <= r * r) & bed[y0:y1, x0:x1]
    labels[y0:y1, x0:x1][head] = CLASSES.index("petal")
    labels[y0:y1, x0:x1][head & (d2 <= (0.35 * r) ** 2)] = CLASSES.index("bloom")


def break_crests(labels: np.ndarray, rng: np.random.Generator) -> None:
    """Break the layout's unbroken rows of foam into wave crests of varied lengths (in place): a painter never
    rules a sea with parallel lines."""
    foam = labels == CLASSES.index("foam")
    if not foam.any():
        return
    size = labels.shape[0]
    noise = np.asarray(
        Image.fromarray(rng.normal(0, 1, (24, 20)).astype(np.float32)).resize((size, size), Image.BICUBIC)
    )
    labels[foam & (noise < 0.0)] = CLASSES.index("water")  # half the crest length gone, in runs of varied length


def thin_crests(labels: np.ndarray) -> None:
    """Each wave's foam kept only along its top, as the light on a crest (in place): a line of broken light,
    thin near the horizon and thicker nearer the eye, the rest of the crest goes back to the water."""
    foam, water = CLASSES.index("foam"), CLASSES.index("water")
    is_foam = labels == foam
    if not is_foam.any():
        return
    size = labels.shape[0]
    rows = np.nonzero(is_foam.any(1))[0]
    top = rows[0]
    run = np.zeros(size, np.int32)
    for y in range(top, size):
        run = np.where(is_foam[y], run + 1, 0)
        depth = (y - top) / max(1, size - top)
        keep = 1 + (1.5 + 8 * depth) * size / 512
        labels[y, is_foam[y] & (run > keep)] = water


def level_crests(labels: np.ndarray) -> None:
    """Each wave crest redrawn as one level dash of light, tapered at both ends, at the crest's own height and
    across its own span (in place): a crest that follows the layout's cells up and down reads as a zigzag
    squiggle ("the waves are crude white squiggles")."""
    from scipy import ndimage

    foam, water = CLASSES.index("foam"), CLASSES.index("water")
    crests, count = ndimage.label(labels == foam)
    if count == 0:
        return
    size = labels.shape[0]
    top = int(np.argmax((labels == foam).any(1)))
    for i, (rows, cols) in enumerate(ndimage.find_objects(crests), start=1):
        part = crests[rows, cols] == i
        labels[rows, cols][part] = water
        cy = rows.start + float(np.nonzero(part)[0].min())  # its top: the lit edge of the crest
        depth = (cy - top) / max(1, size - top)
        thick = 1 + (1.5 + 8 * depth) * size / 512
        x = np.arange(cols.start, cols.stop)
        half = 0.5 * thick * np.sin(np.pi * (x - cols.start + 0.5) / len(x)) ** 0.6
        for k, h in zip(x, half):
            column = labels[int(cy) : int(np.ceil(cy + 2 * h)), k]  # a view: painted in place
            column[column == water] = foam


def soften_crests(
    ref: np.ndarray, labels: np.ndarray, crest: str = "foam", field: str = "water", strength: float = 1.0, blur=220
) -> None:
    """Wave crests as broken light on the water (or a dune's shaded crest on the sand), not hard bars: each
    crest's edge melts into the field's colour in its row, and crests fade towards the horizon (in place on
    the underpainting)."""
    foam, water = labels == CLASSES.index(crest), labels == CLASSES.index(field)
    if not foam.any() or not water.any():
        return
    size = labels.shape[0]
    sea = foam | water
    counts = water.sum(1, keepdims=True)
    row_water = (ref * water[..., None]).sum(1) / np.maximum(counts, 1)
    known = counts[:, 0] > 0
    rows = np.arange(size)
    row_water = np.stack([np.interp(rows, rows[known], row_water[known, c]) for c in range(3)], -1)
    soft = (
        np.asarray(
            Image.fromarray((foam * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(size / blur)), np.float32
        )
        / 255
    )
    top = int(np.argmax(sea.any(1)))
    fade = 0.35 + 0.65 * np.clip((rows - top) / max(1, 0.6 * (size - top)), 0, 1)
    crest = row_water[:, None] + (ref - row_water[:, None]) * (strength * soft * fade[:, None])[..., None]
    ref[sea] = crest[sea]


def _stars(canvas: Image.Image, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    if spec.time != "night" or spec.weather in ("stormy", "rain", "snow"):
        return
    size = labels.shape[0]
    draw = ImageDraw.Draw(canvas)
    n = int(size * size / 900 * (1.5 if spec.family == "night_sky" else 0.6))
    xs, ys = rng.integers(0, size, n), rng.integers(0, size, n)
    for x, y in zip(xs, ys):
        if labels[y, x] == CLASSES.index("sky"):
            r = rng.uniform(0.4, 1.4) * size / 512
            shade = int(rng.uniform(190, 255))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(shade, shade, int(shade * 0.9)))


def _precipitation(canvas: Image.Image, labels: np.ndarray, spec: SceneSpec, stage: str, rng) -> None:
    """Rain or snow over the canvas; in a room, rain only in what its window shows."""
    if spec.weather == "rain":
        rain(canvas, rng, None if stage == "landscape" else np.isin(labels, SKY_SEEN))
    if spec.weather != "snow":
        return
    size = canvas.size[0]
    draw = ImageDraw.Draw(canvas, "RGBA")
    n = int(size * size / 500)
    xs, ys = rng.uniform(0, size, n), rng.uniform(0, size, n)
    for x, y in zip(xs, ys):
        r = rng.uniform(0.6, 2.0) * size / 512
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(250, 250, 255, 200))


def _bolt(start: tuple[float, float], bottom: float, size: int, rng: np.random.Generator, drift: float = 0.0):
    """The points of one jagged bolt from start down to the row `bottom`."""
    (x, y), points = start, [start]
    while y < bottom:
        y = min(bottom, y + rng.uniform(0.025, 0.06) * size)
        x += (rng.normal(0, 0.025) + drift) * size
        points.append((x, y))
    return points


def _lightning(canvas: Image.Image, labels: np.ndarray, spec: SceneSpec, rng: np.random.Generator) -> None:
    """A storm outdoors gets one forked bolt from the clouds down to the horizon: thick where it leaves the cloud
    and thinning, two forks off it, its light flashing on the clouds round its root and glowing along it (a
    thin line of one width read as drawn on)."""
    if spec.weather != "stormy":
        return
    size = labels.shape[0]
    sky = np.isin(labels, [CLASSES.index(c) for c in ("sky", "cloud")])
    columns = sky.mean(0) > 0.15
    if not columns.any():
        return
    inner = np.nonzero(columns)[0]
    inner = inner[(inner > size * 0.15) & (inner < size * 0.85)]  # not hugging the frame
    x = float(rng.choice(inner)) if len(inner) else size / 2
    bottom = int(np.argmin(sky[:, int(x)])) or size // 2  # where the sky ends in that column
    trunk = _bolt((x, size * 0.04), bottom, size, rng)
    forks = []
    for k in rng.choice(np.arange(1, max(2, len(trunk) - 2)), size=2):
        drift = rng.choice([-1, 1]) * rng.uniform(0.008, 0.018)
        forks.append(_bolt(trunk[int(k)], min(bottom, trunk[int(k)][1] + 0.22 * size), size, rng, drift)[:5])
    glow, bolt = Image.new("L", canvas.size, 0), Image.new("L", canvas.size, 0)
    flash = ImageDraw.Draw(glow)
    r = size * 0.2
    flash.ellipse((x - 2 * r, size * 0.04 - r, x + 2 * r, size * 0.04 + r), fill=60)  # the cloud lit, diffusely
    glow = glow.filter(ImageFilter.GaussianBlur(size / 10))
    along = Image.new("L", canvas.size, 0)
    ImageDraw.Draw(along).line(trunk, fill=170, width=max(6, size // 28))
    glow = Image.fromarray(np.maximum(np.asarray(glow), np.asarray(along.filter(ImageFilter.GaussianBlur(size / 40)))))
    canvas.paste(Image.new("RGB", canvas.size, (230, 222, 255)), (0, 0), glow)
    draw = ImageDraw.Draw(bolt)
    for i in range(len(trunk) - 1):
        width = max(1, round(size / 64 * (1 - 0.7 * i / len(trunk))))
        draw.line(trunk[i : i + 2], fill=255, width=width)
    for fork in forks:
        draw.line(fork, fill=220, width=max(1, size // 200))
    bolt = bolt.filter(ImageFilter.GaussianBlur(max(0.6, size / 700)))
    canvas.paste(Image.new("RGB", canvas.size, (252, 250, 255)), (0, 0), bolt)


def canvas_weave(size: int) -> np.ndarray:
    """A fixed linen texture, multiplicative, near 1."""
    yy, xx = np.mgrid[0:size, 0:size]
    return 1 + 0.025 * (np.sin(xx * 2.1) * np.sin(yy * 2.3))


def dress_scene(
    ref: np.ndarray,
    labels: np.ndarray,
    spec: SceneSpec,
    stage: str,
    rng: np.random.Generator,
    landform=None,
    street=None,
    setting=None,
    room: RoomDress = PLAIN,
    fitted: tuple = (),
) -> None:
    """The underpainting's places and surfaces (in place): a room (of its kind, its `fitted` things) or a backdrop,
    or rock, clouds, crowns, light on the land; houses (or a street seen from its pavement), boats, a wet street's
    reflections, soft crests (not on a canyon's walls, whose bands are their form)."""
    if stage == "interior":
        dress_room(ref, labels, spec, rng, room, fitted)
    elif stage == "portrait":
        dress_portrait(ref, labels, spec, rng, setting)
    else:
        rock_faces(ref, labels, rng)
        if landform == "swells":  # a desert's mesas: red sandstone
            paint_mesas(ref, labels)
        model_clouds(ref, labels)
        distant_ranges(ref, labels, spec)
        leafy_crowns(ref, labels, spec, rng)
        moving_light(ref, labels, spec, rng)
    if street is not None:  # (a `street_view.StreetView` when the landform is a street)
        dress_street(ref, labels, street, spec, rng)
    else:
        if stage == "landscape":
            paint_city_street(ref, labels, spec)  # before the town, whose lit windows it may mirror
        dress_buildings(ref, labels, spec, rng)
    paint_boats(ref, labels, spec, rng)
    if stage == "landscape":
        wet_ground(ref, labels, spec)  # after the town and boats, so their lights are mirrored too
    soften_crests(ref, labels, strength=CREST_LIGHT)
    if landform == "canyon":
        redden_canyon(ref, labels)
    if landform in ("glacier", "icebergs"):
        ice_face(ref, labels, rng)
    if landform == "black_sand":
        darken_sand(ref, labels)
    if landform == "vines":
        hang_grapes(ref, labels, rng)
    if landform == "salt_flat":
        salt = np.isin(labels, (CLASSES.index("snow"), CLASSES.index("sand")))
        salt_crust(ref, salt, horizon_row(labels) or 0, int(rng.integers(1 << 16)))
    if spec.family == "desert" and landform not in ("canyon", *DUNES):  # the desert's crest lines: its dunes' shade
        soften_crests(ref, labels, "earth", "sand", strength=0.45, blur=110)


DUNES = ("dunes", "swells")  # landforms of sand lit as a field of dunes
SALT_RESTATE = 0.55  # the share of a salt flat's smooth crust laid back over the strokes: its net of ridges


BACKDROP_RESTATE = 0.55  # share of a portrait backdrop's smooth light laid back over its strokes (blind: "blotchy")


def _restated(stage: str, landform: str | None) -> dict[int, float]:
    """The classes whose smooth light is laid back over the strokes, with their shares: a room's walls and table,
    open water and its floor, a field of dunes' sand, a portrait's backdrop (all but the sitter)."""
    if stage == "portrait":
        return {k: BACKDROP_RESTATE for k in range(len(CLASSES)) if k != OBJECT}
    if stage == "interior":
        return rooms.RESTATE
    if landform == "underwater":
        return underwater.RESTATE
    if landform in DUNES:
        return {CLASSES.index("sand"): dune_field.RESTATE}
    if landform == "salt_flat":
        return {CLASSES.index("snow"): SALT_RESTATE, CLASSES.index("sand"): SALT_RESTATE}
    return {}


def render_layout(
    probs: np.ndarray,
    spec: SceneSpec,
    seed: int,
    size: int = 512,
    finish: bool = True,
    objects=None,
    stage: str = "landscape",
    landform: str | None = None,
    setting: str | None = None,
    room: RoomDress = PLAIN,
) -> Image.Image:
    """Paint a layout ([K, h, w] probabilities or a one-hot map) for this spec at size x size; `objects`
    (an `objects.ObjectPainter`) paints things into the underpainting and restates them over the strokes;
    `stage` "interior" or "portrait" paints the layout's fields as a room lit by its window or a backdrop;
    a `landform` asked as the subject is finished as such (a street drawn again crisply at the output size);
    a portrait's `setting` (`backdrops.SETTINGS`) is the sitter's place behind them, else a studio wall; an
    interior is fitted out as its kind of `room` (`room_kinds`)."""
    rng = np.random.default_rng(seed)
    labels = labels_at(probs, size, rng)
    street = street_view(seed) if landform == "street" else None
    if street is not None:
        lay_street(labels, street)
    if landform != "rows":  # a field's rows of flowers are its form, not beds or heads
        flower_beds(labels, rng)
        complete_flowers(labels)
    break_crests(labels, rng)
    thin_crests(labels)
    level_crests(labels)
    drop_floating_land(labels)
    feet = ground_trees(labels)
    clear_wisps(labels)
    discs = take_discs(labels, spec.weather)
    if stage == "landscape":
        discs = add_moon(labels, discs, spec)
    direction = light_direction(size, discs)
    fitted = furnish_room(labels, room) if stage == "interior" else ()
    ref = underpainting(labels, spec, rng)
    if spec.season == "autumn":  # (its own generator: a summer painting of the same seed is unchanged)
        turn_crowns(ref, labels, np.random.default_rng([seed, 41]))
    dress_scene(ref, labels, spec, stage, rng, landform, street, setting, room, fitted)
    if landform == "underwater":
        underwater.paint(ref, labels, spec.time, np.random.default_rng([seed, 47]))
    if landform in DUNES:  # lit by the painted sun, from its side
        field = dune_field_of(seed, landform, labels, dune_field.sun_side(discs[0].x if discs else None, size))
        dune_field.paint(ref, labels, field, CLASSES.index("sand"), CLASSES.index("sky"))
    if stage == "interior":
        dim_the_room(ref, labels, spec.time)
    add_glow(ref, labels, discs, spec)
    tree_shadows(ref, feet, float(direction[1]))
    things = None
    if objects is not None:  # before the light and the value plan, so the things share the scene's
        scene = ref.copy()
        objects.underpaint(ref, labels)
        if stage == "portrait":
            skin_for_sitters(ref, labels, seed)
        settle_objects(ref, scene, labels, spec, seed)
        model_objects(ref, scene, labels, direction, spec.time)
        cast_shadows(ref, labels, direction)
        if stage == "landscape":
            ground_over_feet(ref, labels, seed)
        light_the_lights(ref, labels, objects.objects, spec.time, indoors=stage != "landscape")
        things = labels == OBJECT
    ref = aerial_perspective(ref, labels, spec)
    ref = model_forms(ref, labels, direction)
    planned = clean_colour(vibrance(light_temperature(apply_value_plan(ref, spec), spec), spec), spec)
    if stage == "portrait" and things is not None:
        sitter_in_its_light(planned, ref, things)
    ref = planned
    if stage == "landscape" and is_wet_dark(spec):  # a rainy evening's street gives its lights back
        mirror_lights(ref, labels)
    if things is not None:
        lift_object_darks(ref, labels)
        if stage == "portrait":  # the sitter is the light of a portrait: the backdrop a step darker than the plan
            ref[~things] *= BACKDROP
    portrait = stage == "portrait"
    calm = 0.4 if portrait else 1.0  # a sitter's backdrop is laid in quietly, not a busy field
    # no stroke carries a sitter's hair or coat out over the backdrop (read as torn scraps beside the head)
    painted = paint_strokes(ref, labels, spec.energy * calm, rng, things, crossing=0.0 if portrait else 1.0)
    painted = restate_classes(painted, ref, labels, _restated(stage, landform))
    if things is not None:  # the modelled thing restated thinly inside its outline, so it reads when small
        painted = restate_things(painted, ref, things, RESTATE_SITTER if stage == "portrait" else RESTATE_BROAD)
    if stage == "landscape":
        painted = lay_fog(painted, labels, spec, landform)
    paint_discs(painted, labels, discs, spec)
    canvas = Image.fromarray((np.clip(painted * canvas_weave(size)[..., None], 0, 1) * 255).astype(np.uint8))
    if finish and landform != "underwater":  # (the network paints a dark horizon into open water's gradient)
        canvas = style_finish.finish(canvas)
    _stars(canvas, labels, spec, rng)
    _precipitation(canvas, labels, spec, stage, rng)
    if stage == "landscape":
        _lightning(canvas, labels, spec, np.random.default_rng(seed + 5))
    return canvas


def render_class_map(layout: np.ndarray, spec: SceneSpec, seed: int, size: int = 512, finish: bool = True):
    """Paint a procedural [h, w] class map (the corpus's own layouts)."""
    return render_layout(one_hot(layout), spec, seed, size, finish)
