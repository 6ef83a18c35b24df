"""Stroke-based painterly rendering of an underpainting (after Hertzmann 1998, "Painterly rendering
with curved brush strokes of multiple sizes").

Layers of strokes from a large brush to a small one; each layer paints where the canvas still
differs from the reference blurred at that brush's scale, so small brushes go to edges and detail.
Strokes are short curves that follow the forms (along the edges of the reference, or the region's
own direction: water and sky horizontal, grass upright in narrow blades), each with a few bristle lines
and a height for impasto light, laid a little transparent so wet strokes melt into each other; the sky
and water are then blended wet-into-wet (a blotchy patchwork of flat strokes read as crude).
Everything is drawn with PIL at the output size, so it stays sharp at 512 or 1024.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from models.painter.scene_layout import CLASSES

HORIZONTAL = [
    CLASSES.index(c) for c in ("sky", "water", "foam", "sand", "snow", "far", "field_main", "field_light", "field_dark")
]
UPRIGHT = [CLASSES.index(c) for c in ("grass", "trunk", "building")]
WATERY = [CLASSES.index(c) for c in ("water", "foam")]
WATER_WIDTH, WATER_LENGTH = 0.55, 1.5  # a water stroke's width and length against the others'
GRASS, GRASS_WIDTH = CLASSES.index("grass"), 0.6  # grass in narrow upright strokes: blades, not blocks
GRASS_LENGTH, BLADE_LEAN = 0.65, 0.3  # a grass stroke's length against the others', and its lean (radians, sd)
DABS = [CLASSES.index(c) for c in ("foliage", "petal", "bloom", "cloud")]
SOFT_EDGED = [CLASSES.index("field_accent")]  # a drawn thing's outline: some strokes cross it (lost edges)
CROSSING = 0.06  # share of the strokes at a soft edge that carry on across it (more hid a thing's thin parts)
THING_MIX = 1.3  # a drawn thing's strokes vary in value a little more than the land's: they show
THING_CROSSING = 0.08  # of a drawn thing's own strokes (more smeared a body over its legs into a lump)
BRUSHES = (1 / 20, 1 / 40, 1 / 80, 1 / 170)  # brush radius as a share of the side
THRESHOLDS = (0.045, 0.045, 0.045, 0.09)  # the finest brush only where detail is strong
THING_DETAIL = 0.6  # inside a drawn thing a finer brush goes where a third of that detail is
OPACITY = 0.82  # a stroke's paint covers most of what is under it, not all: wet strokes melt into each other
OPEN_CALM = 0.35  # skies, water, sand, snow: value spread of strokes and bristles against the land's (no blotches)
LAND = [CLASSES.index(c) for c in ("grass", "earth", "sand", "snow", "petal", "bloom")]
NEAR_FAR = (0.5, 1.3)  # a land stroke's size at the horizon and at the picture's foot: strokes shrink with distance
BLENDED = [CLASSES.index(c) for c in ("sky", "cloud", "water")]  # worked wet-into-wet: stroke edges softened
BLEND_SHARE, BLEND_RADIUS = 0.55, 1 / 90  # how much of a softened stroke edge, over what share of the side


def _direction_field(ref: np.ndarray, labels: np.ndarray, energy: float, rng: np.random.Generator) -> np.ndarray:
    """Stroke angle (radians) per pixel: along edges where the image has them, else the region's own."""
    grey = ref.mean(-1)
    gy, gx = np.gradient(grey)
    magnitude = np.hypot(gx, gy)
    along_edge = np.arctan2(gx, -gy)  # perpendicular to the gradient
    size = labels.shape[0]
    wobble = np.asarray(  # low-frequency turns, so flat regions are not ruled with parallel strokes
        Image.fromarray(rng.normal(0, 0.12 + 0.3 * energy, (5, 5)).astype(np.float32)).resize(
            (size, size), Image.BICUBIC
        )
    )
    own = wobble.copy()
    own[np.isin(labels, UPRIGHT)] += np.pi / 2
    swirl = rng.uniform(0, 2 * np.pi) + np.sin(np.linspace(0, 6, labels.shape[0]))[:, None] * (0.5 + energy)
    dab = np.isin(labels, DABS)
    own[dab] = (swirl + np.cos(np.linspace(0, 9, labels.shape[1]))[None, :])[dab]
    grass = labels == GRASS  # blades lean every way a little: a field of parallel streaks read as a smear
    own[grass] += rng.normal(0, BLADE_LEAN, int(grass.sum())).astype(np.float32)
    weight = np.clip(magnitude / 0.02, 0, 1)
    # angles are axial (a stroke has no head): blend the doubled angles
    c = weight * np.cos(2 * along_edge) + (1 - weight) * np.cos(2 * own)
    s = weight * np.sin(2 * along_edge) + (1 - weight) * np.sin(2 * own)
    return 0.5 * np.arctan2(s, c)


def _stroke_paths(points, angles, labels, length, steps: int = 3, crosses=None):
    """[N, steps+1, 2] curved paths (x, y) that follow the direction field from each start point and stop
    at the edge of the region they started in, as a painter keeps a horizon or a roofline clean; strokes
    marked in `crosses` carry on over a soft edge (into or out of a drawn thing)."""
    size = labels.shape[0]
    paths = [points.astype(np.float32)]
    start = labels[points[:, 1].astype(int), points[:, 0].astype(int)]
    crosses = np.zeros(len(points), bool) if crosses is None else crosses
    heading, going = None, np.ones(len(points), dtype=bool)
    for _ in range(steps):
        x, y = paths[-1][:, 0], paths[-1][:, 1]
        ix, iy = np.clip(x.astype(int), 0, size - 1), np.clip(y.astype(int), 0, size - 1)
        theta = angles[iy, ix]
        step = np.stack([np.cos(theta), np.sin(theta)], -1)
        if heading is not None:  # keep going the same way along an axial field
            step *= np.sign((step * heading).sum(-1, keepdims=True) + 1e-6)
        heading = step
        nxt = paths[-1] + step * (length / steps)[:, None]
        nx, ny = np.clip(nxt[:, 0].astype(int), 0, size - 1), np.clip(nxt[:, 1].astype(int), 0, size - 1)
        there = labels[ny, nx]
        soft = np.isin(there, SOFT_EDGED) | np.isin(start, SOFT_EDGED)
        going &= (there == start) | (crosses & soft)
        paths.append(np.where(going[:, None], nxt, paths[-1]))
    return np.stack(paths, 1)


def _layer_points(size: int, radius: float, rng: np.random.Generator) -> np.ndarray:
    spacing = max(1.0, radius * 0.9)
    ys, xs = np.mgrid[0:size:spacing, 0:size:spacing]
    pts = np.stack([xs.ravel(), ys.ravel()], -1) + rng.uniform(-spacing / 2, spacing / 2, (xs.size, 2))
    return np.clip(pts, 0, size - 1)[rng.permutation(xs.size)]


# brush shapes: the stroke's width along its path, as a share of its full width
SHAPES = np.array(
    [
        [0.85, 1.0, 1.0, 0.85],  # flat: square-ish ends
        [0.45, 1.0, 0.9, 0.35],  # filbert: tapered both ends
        [0.95, 1.0, 0.75, 0.25],  # round, lifted off at the end
        [0.3, 0.8, 1.0, 0.6],  # pressed down along the way
    ],
    np.float32,
)
BRISTLES = 3  # streaks of lighter and darker paint along a stroke


def stroke_outlines(paths: np.ndarray, widths: np.ndarray, shapes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[N, P, 2] paths, [N] widths, [N, P] width shares -> ([N, P, 2] unit normals, [N, P] half widths)."""
    tangent = np.gradient(paths, axis=1)
    norm = np.linalg.norm(tangent, axis=-1, keepdims=True)
    tangent = np.where(norm > 1e-6, tangent / np.maximum(norm, 1e-6), np.array([1.0, 0.0], np.float32))
    normal = np.stack([-tangent[..., 1], tangent[..., 0]], -1)
    return normal, 0.5 * widths[:, None] * shapes


def land_depth(labels: np.ndarray) -> np.ndarray:
    """float32 [S, S]: a factor on the size of a stroke starting at each pixel: on the land, small at the far edge
    of its field (grass towards the horizon) and large at the picture's foot, as a painter's marks shrink with
    distance (one size of stroke over a whole field read as a flat smear); 1 off the land. Once per painting."""
    size = labels.shape[0]
    factor = np.ones(labels.shape, np.float32)
    rows = np.arange(size, dtype=np.float32)[:, None]
    for kind in np.intersect1d(np.unique(labels), LAND):
        field = labels == kind
        far = float(np.median(np.argmax(field[:, field.any(0)], 0)))  # where the field begins, down the picture
        near = np.clip((rows - far) / max(1.0, size - far), 0, 1)
        factor = np.where(field, NEAR_FAR[0] + (NEAR_FAR[1] - NEAR_FAR[0]) * near, factor)
    return factor


def paint_layer(
    canvas,
    heights,
    ref,
    coarser,
    labels,
    angles,
    radius,
    spec_energy,
    rng,
    threshold,
    depth,
    thickness=None,
    crossing=1.0,
):
    """Draw one brush size's strokes on the PIL canvas and height map: everywhere for the first brush, then
    only where this scale's reference holds detail that the coarser one lacks (edges, small forms).

    Each stroke is a shaped polygon (flat, filbert, round, pressed) with bristle streaks along it; the height
    map gets the streaks as ridges, so the impasto light shows the bristles rather than each stroke's rim.
    `depth` (`land_depth`): each pixel's factor on the size of a stroke that starts there.
    `thickness` (pixels from a drawn thing's pixel to its outline, 0 elsewhere): inside a thing the brush is
    no wider or longer than the thing is thick there, and the finer brushes go over all of it. `crossing` scales
    how many strokes carry on over a soft edge (0: none, a sitter's outline against a backdrop)."""
    size = ref.shape[0]
    pts = _layer_points(size, radius, rng)
    ix, iy = pts[:, 0].astype(int), pts[:, 1].astype(int)
    thick = thickness[iy, ix] if thickness is not None else np.zeros(len(pts), np.float32)
    if coarser is not None:
        detail = np.abs(coarser[iy, ix] - ref[iy, ix]).sum(-1)
        if thickness is not None:  # in a thing: what the canvas still lacks (a scene's stroke may have crossed it)
            painted = np.asarray(canvas, np.float32)[iy, ix] / 255
            detail = np.where(thick > 0, np.maximum(detail, np.abs(painted - ref[iy, ix]).sum(-1)), detail)
        wanted = threshold * np.where(thick > 0, THING_DETAIL, 1.0)
        keep = detail > wanted * rng.uniform(0.5, 1.5, len(pts))  # a ragged edge to where detail begins
        pts, ix, iy, thick = pts[keep], ix[keep], iy[keep], thick[keep]
    if thickness is not None:  # the scene's strokes first, then the things' over them
        order = np.argsort(thick > 0, kind="stable")
        pts, ix, iy, thick = pts[order], ix[order], iy[order], thick[order]
    n = len(pts)
    start = labels[iy, ix]
    factor = np.where(np.isin(start, DABS), 1.3, np.where(np.isin(start, HORIZONTAL), 2.4, 2.0))
    depth = depth[iy, ix]
    length = radius * factor * rng.lognormal(0, 0.35, n) * depth
    inside = thick > 0
    length = np.where(inside, np.minimum(length, 1.0 + 3.0 * thick), length)
    length = np.where(np.isin(start, WATERY), WATER_LENGTH * length, length)
    length = np.where(start == GRASS, GRASS_LENGTH * length, length)  # short blades, not long streaks
    crossing = np.where(inside, THING_CROSSING, CROSSING) * crossing  # a thing's own break its outline more often
    paths = _stroke_paths(pts, angles, labels, length, crosses=rng.random(n) < crossing)
    calm_region = np.where(np.isin(start, HORIZONTAL), OPEN_CALM, 1.0)[:, None]  # skies and water blend smoother
    calm_region = np.where(inside[:, None], THING_MIX, calm_region)  # a thing's paint as unevenly mixed as the land's
    shade = 1 + rng.normal(0, 0.035 + 0.045 * spec_energy, (n, 1)) * calm_region  # paint mixed unevenly: value
    colours = np.clip(ref[iy, ix] * shade + rng.normal(0, 0.012, (n, 3)), 0, 1)
    widths = np.maximum(1.0, 1.3 * radius * rng.lognormal(0, 0.3, n) * depth)
    widths = np.where(inside, np.minimum(widths, 1.0 + 1.6 * thick), widths)
    widths = np.where(np.isin(start, WATERY), WATER_WIDTH * widths, widths)  # water: long thin strokes, not blocks
    widths = np.where(start == GRASS, GRASS_WIDTH * widths, widths)
    shapes = SHAPES[rng.integers(0, len(SHAPES), n)] * rng.uniform(0.85, 1.15, (n, 1))
    normal, half = stroke_outlines(paths, widths, shapes)
    left, right = paths + normal * half[..., None], paths - normal * half[..., None]
    offsets = rng.uniform(-0.75, 0.75, (n, BRISTLES))
    streak_shade = 1 + rng.normal(0, 0.07, (n, BRISTLES)) * calm_region
    streak_height = rng.uniform(60, 200, (n, BRISTLES))
    base_height = rng.normal(128, 6, n)
    draw, hdraw = ImageDraw.Draw(canvas, "RGBA"), ImageDraw.Draw(heights)
    # colours and outlines as plain Python numbers once (PIL wants tuples; per-stroke numpy is the slow part)
    alpha = np.where(inside, 255, int(255 * OPACITY))[:, None]  # a drawn thing's own strokes stay opaque
    fills = [tuple(c) for c in np.concatenate([(colours * 255).astype(np.int32), alpha], 1).tolist()]
    streak_rgb = np.clip(colours[:, None, :] * 255 * streak_shade[..., None], 0, 255).astype(np.int32)
    streak_fills = np.concatenate([streak_rgb, np.broadcast_to(alpha[:, None], (n, BRISTLES, 1))], -1).tolist()
    stroke_widths = np.round(widths).astype(np.int32).tolist()
    thins = np.maximum(1, (widths / 7).astype(np.int32)).tolist()
    base_heights, ridge_heights = base_height.astype(np.int32).tolist(), streak_height.astype(np.int32).tolist()
    if radius < 3.5:  # the finest brush: a plain short line
        for path, fill, width, ridge in zip(paths.tolist(), fills, stroke_widths, ridge_heights):
            path = [tuple(p) for p in path]
            draw.line(path, fill=fill, width=width)
            hdraw.line(path, fill=ridge[0], width=width)
        return
    outlines = np.concatenate([left, right[:, ::-1]], 1).tolist()
    streaks = (paths[:, None] + normal[:, None] * (half[:, None] * offsets[..., None])[..., None]).tolist()
    for k in range(n):
        outline = [tuple(p) for p in outlines[k]]
        draw.polygon(outline, fill=fills[k])
        hdraw.polygon(outline, fill=base_heights[k])
        for b in range(BRISTLES):
            streak = [tuple(p) for p in streaks[k][b]]
            draw.line(streak, fill=tuple(streak_fills[k][b]), width=thins[k])
            hdraw.line(streak, fill=ridge_heights[k][b], width=thins[k])


def restate_classes(painted: np.ndarray, ref: np.ndarray, labels: np.ndarray, shares: dict[int, float]) -> np.ndarray:
    """float32 [S, S, 3]: the smooth reference laid back over the strokes, each class by its share (a stroke is one
    colour, so across a smooth fall of light, a dune's slope, open water, a plaster wall, strokes broke it into
    blocks)."""
    if not shares:
        return painted
    amount = sum(share * (labels == cls) for cls, share in shares.items())
    return painted + (ref - painted) * amount[..., None]


def impasto(canvas: Image.Image, heights: Image.Image, strength: float = 0.06) -> np.ndarray:
    """Light the paint's relief from the top left: float32 [H, W, 3] in [0, 1]."""
    h = np.asarray(heights.filter(ImageFilter.GaussianBlur(1)), dtype=np.float32) / 255
    gy, gx = np.gradient(h)
    shade = 1 + strength * 4 * (-(gx + gy))
    return np.clip(np.asarray(canvas, dtype=np.float32) / 255 * shade[..., None], 0, 1)


def _normalised_blur(ref: np.ndarray, part: np.ndarray, radius: float) -> np.ndarray:
    """float32 [S, S, 3]: the reference blurred at `radius` over the pixels of `part` only (the colour and its
    weight blurred together as one RGBA image, then divided)."""
    weight = part.astype(np.float32)[..., None]
    rgba = np.concatenate([ref * weight, weight], -1)
    img = Image.fromarray((np.clip(rgba, 0, 1) * 255).astype(np.uint8), "RGBA")
    blurred = np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32)
    return blurred[..., :3] / np.maximum(blurred[..., 3:], 1.0)


def _blurred_apart(ref: np.ndarray, things: np.ndarray | None, radius: float) -> np.ndarray:
    """float32 [S, S, 3]: the reference blurred at `radius`, a drawn thing's pixels from the thing's colours only
    and the scene's from the scene's only (a small thing keeps its own colour under a big brush, and no halo
    of it is smeared into the ground around it)."""
    img = Image.fromarray((np.clip(ref, 0, 1) * 255).astype(np.uint8))
    out = np.asarray(img.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255
    if things is None or not things.any():
        return out
    ys, xs = np.nonzero(things)
    pad = int(3 * radius) + 2  # only around the things does the plain blur mix them with the scene
    y0, y1 = max(0, ys.min() - pad), min(ref.shape[0], ys.max() + pad + 1)
    x0, x1 = max(0, xs.min() - pad), min(ref.shape[1], xs.max() + pad + 1)
    inside, box = things[y0:y1, x0:x1, None], ref[y0:y1, x0:x1]
    own, scene = _normalised_blur(box, inside[..., 0], radius), _normalised_blur(box, ~inside[..., 0], radius)
    out[y0:y1, x0:x1] = np.clip(np.where(inside, own, scene), 0, 1)
    return out


def paint_strokes(
    ref: np.ndarray,
    labels: np.ndarray,
    energy: float,
    rng: np.random.Generator,
    things: np.ndarray | None = None,
    crossing: float = 1.0,
) -> np.ndarray:
    """float32 [S, S, 3] underpainting + int class map [S, S] -> float32 [S, S, 3] painting in [0, 1];
    `things` (bool [S, S], the drawn things' pixels) are painted in their own colours with brushes their size;
    `crossing` scales the strokes that carry on over their outlines (`paint_layer`)."""
    size = ref.shape[0]
    canvas = Image.fromarray((_blurred_apart(ref, things, size / 24) * 255).astype(np.uint8))
    heights = Image.new("L", (size, size), 128)
    thickness = None
    if things is not None and things.any():
        from scipy import ndimage

        thickness = ndimage.distance_transform_edt(things).astype(np.float32)
    coarser, depth = None, land_depth(labels)
    for share, threshold in zip(BRUSHES, THRESHOLDS):
        radius = share * size
        blurred = _blurred_apart(ref, things, radius / 2)
        angles = _direction_field(blurred, labels, energy, rng)
        paint_layer(
            canvas,
            heights,
            blurred,
            coarser,
            labels,
            angles,
            radius,
            energy,
            rng,
            threshold,
            depth,
            thickness,
            crossing,
        )
        coarser = blurred
    return impasto(*_blend_open(canvas, heights, labels))


def _blend_open(canvas: Image.Image, heights: Image.Image, labels: np.ndarray) -> tuple[Image.Image, Image.Image]:
    """Sky and water worked wet-into-wet, as a painter blends a sky: each pixel there half mixed with its
    neighbourhood (stroke edges and ridges softened, their direction still showing); land, crests and drawn
    things untouched."""
    size = labels.shape[0]
    soft = (np.isin(labels, BLENDED) * int(255 * BLEND_SHARE)).astype(np.uint8)
    mask = Image.fromarray(soft).filter(ImageFilter.GaussianBlur(2))
    radius = BLEND_RADIUS * size
    canvas = Image.composite(canvas.filter(ImageFilter.GaussianBlur(radius)), canvas, mask)
    heights = Image.composite(heights.filter(ImageFilter.GaussianBlur(radius)), heights, mask)
    return canvas, heights
