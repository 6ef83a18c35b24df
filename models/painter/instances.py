"""Objects the layout network gives only as a density, placed one by one: trees, city blocks, wave and
dune crests, mountain peaks, and the forms of an abstraction.

A latent of 32 numbers holds a composition (horizon, ridges, where the wood or the town is) but not
the positions of twenty trees: the decoder answers with a field of tree probability, and the argmax
of that field is a few shapeless blobs. Here the field is read as the intensity of a point process:
trees stand at points drawn in proportion to it, until they cover as much ground as the field says,
each in the corpus's own tree shapes, back to front. A town's silhouette is cut into upright blocks
whose roofs follow it; a sea's foam and a desert's shaded crests are drawn as the corpus draws them,
as many as the field's foam or crest mass; a geometric painting's patches become the circle, square
or triangle each fits best, a gestural one's the brushstroke band through them; a range of mountains
gets back the height and jag of its peaks that the decoder smoothed away. Seeded by the caller, so
the same seed places the same objects.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from models.painter.scene_layout import CONIFER_SHARE, LAYOUT_SIZE, TREE_SIZE, C, disc, ridge, tree_shape
from models.painter.tree_lines import lay_tree_line, on_open_water

TREE_CLASSES = (C["foliage"], C["trunk"])
MAX_TREES = 60
MIN_MASS = 3.0  # expected object pixels below which a field is noise, not an object
SNOWY_CONIFERS = 0.85  # under snow, a wood is mostly pines: round summer crowns read as bushes on the snow
FLOOR = 0.02  # probabilities below this are the network's noise floor, not a place for a tree


def labels_without(probs: np.ndarray, classes: tuple[int, ...]) -> np.ndarray:
    """The most likely class at each pixel among all but `classes`: what lies behind those objects."""
    rest = probs.copy()
    rest[list(classes)] = -1
    return rest.argmax(0)


def _crown_centre_to_base(cy: float, size: float, conifer: bool) -> tuple[float, float]:
    """(base, scale) of a tree whose crown is centred at height cy; scale grows towards the viewer."""
    lift = 1.35 if conifer else 1.2  # crown centre above the base, in scales
    scale = size * (0.5 + cy) / (1 - lift * size)
    return cy + lift * scale, scale


def place_trees(
    labels: np.ndarray, probs: np.ndarray, family: str, rng: np.random.Generator, conifers: float | None = None
) -> None:
    """Replace the map's tree blobs by single trees drawn from the tree-probability field (in place); `conifers`
    the share of them that are pines (else the family's)."""
    density = probs[list(TREE_CLASSES)].sum(0)
    density = np.where(density > FLOOR, density, 0)
    mass = float(density.sum())
    if family not in TREE_SIZE or mass < MIN_MASS:
        return
    under = labels_without(probs, TREE_CLASSES)
    trees_here = np.isin(labels, TREE_CLASSES)
    labels[trees_here] = under[trees_here]
    share = CONIFER_SHARE.get(family, rng.uniform(0, 1)) if conifers is None else conifers
    covered = np.zeros_like(density, dtype=bool)
    trees = []
    while covered.sum() < mass and len(trees) < MAX_TREES:
        weight = (density * np.where(covered, 0.15, 1.0)).ravel()
        cy, cx = divmod(int(rng.choice(weight.size, p=weight / weight.sum())), LAYOUT_SIZE)
        conifer = bool(rng.random() < share)
        base, scale = _crown_centre_to_base(cy / (LAYOUT_SIZE - 1), TREE_SIZE[family], conifer)
        trunk, crown = tree_shape(rng, base, cx / (LAYOUT_SIZE - 1), scale, conifer)
        covered |= crown
        if not on_open_water(under, base, cx / (LAYOUT_SIZE - 1)):  # a lake's wooded shore holds its trees
            trees.append((base, trunk, crown))
    for _, trunk, crown in sorted(trees, key=lambda t: t[0]):  # far trees first, near ones over them
        labels[trunk] = C["trunk"]
        labels[crown] = C["foliage"]


def cut_blocks(labels: np.ndarray, probs: np.ndarray, rng: np.random.Generator) -> None:
    """Recut the map's buildings as a row of upright blocks with flat roofs at the silhouette's height."""
    building = labels == C["building"]
    if building.sum() < MIN_MASS:
        return
    under = labels_without(probs, (C["building"],))
    labels[building] = under[building]
    rows = np.arange(LAYOUT_SIZE)[:, None]
    top = np.where(building, rows, LAYOUT_SIZE).min(0)  # per column; LAYOUT_SIZE where none
    bottom = np.where(building, rows, -1).max(0)
    ground = int(np.median(bottom[bottom >= 0]))  # one street level for the whole row
    _fill_below(labels, ground)
    x = int(rng.integers(-2, 1))
    while x < LAYOUT_SIZE:
        width = int(rng.integers(3, 8))
        cols = np.arange(max(x, 0), min(x + width, LAYOUT_SIZE))
        present = cols[bottom[cols] >= 0]
        if len(present) * 2 >= len(cols) > 0:
            roof = min(int(np.median(top[present])), ground - 2)
            labels[roof : ground + 1, cols] = C["building"]
            if rng.random() < 0.2 and roof > 5:  # a spire
                mid = int(cols.mean())
                labels[roof - int(rng.integers(3, 6)) : roof, mid] = C["building"]
        x += width + int(rng.random() < 0.25)  # mostly wall to wall, now and then a slit of sky


def _fill_below(labels: np.ndarray, ground: int) -> None:
    """Under the street level there is ground, never sky: what the bottom rows mostly are."""
    floor = labels[ground + 1 :]
    if floor.size == 0:
        return
    values, counts = np.unique(floor[floor != C["sky"]], return_counts=True)
    if len(values):
        floor[floor == C["sky"]] = values[counts.argmax()]


# field class, crest class, crest spacing (share of the side), ridge amplitude
CRESTS = {"sea": ("water", "foam", (0.06, 0.1), 0.02), "desert": ("sand", "earth", (0.12, 0.2), 0.05)}


def draw_crests(labels: np.ndarray, probs: np.ndarray, family: str, rng: np.random.Generator) -> None:
    """Redraw a region's crest lines (foam on water, shade on dunes) as rows of ridges, as thick in all as
    the field's crest probability says."""
    field, crest, (near, far), amp = CRESTS[family]
    region = np.isin(labels, [C[field], C[crest]])
    mass = float(probs[C[crest]][region].sum())
    if mass < MIN_MASS or region.sum() < LAYOUT_SIZE:
        return
    labels[region] = C[field]
    top = int(np.median(np.argmax(region, 0)[region.any(0)]))
    rows = np.arange(top / (LAYOUT_SIZE - 1) + near * 0.6, 1.0, rng.uniform(near, far))
    thickness = np.clip(mass / max(1, len(rows)) / LAYOUT_SIZE, 1, 4) / (LAYOUT_SIZE - 1)
    y = np.arange(LAYOUT_SIZE)[:, None] / (LAYOUT_SIZE - 1)
    for row in rows:
        line = ridge(rng, row, amp * (0.5 + row), octaves=3)[None, :]
        labels[(y >= line) & (y <= line + thickness) & region] = C[crest]


FIELDS = (C["field_main"], C["field_accent"], C["field_dark"], C["field_light"])


def _primitive(mask: np.ndarray) -> np.ndarray:
    """The disc, rectangle or upright triangle that overlaps this patch best (by IoU)."""
    ys, xs = np.nonzero(mask)
    top, bottom, left, right = ys.min(), ys.max(), xs.min(), xs.max()
    yy, xx = np.indices(mask.shape)
    scale = LAYOUT_SIZE - 1
    cy, cx = ys.mean() / scale, xs.mean() / scale
    rect = (yy >= top) & (yy <= bottom) & (xx >= left) & (xx <= right)
    half = (right - left + 1) / 2 * (yy - top) / max(1, bottom - top)
    triangle = rect & (np.abs(xx - (left + right) / 2) <= half)
    shapes = [disc(cy, cx, np.sqrt(mask.sum() / np.pi) / scale), rect, triangle]
    return max(shapes, key=lambda s: (s & mask).sum() / (s | mask).sum())


def _band(mask: np.ndarray) -> np.ndarray:
    """The brushstroke through this patch: a band of even width across the whole canvas, along a
    quadratic through its pixels, in the direction of the patch's longer side."""
    ys, xs = np.nonzero(mask)
    across_x = np.ptp(xs) >= np.ptp(ys)
    along, off = (xs, ys) if across_x else (ys, xs)
    curve = np.poly1d(np.polyfit(along, off, min(2, len(set(along.tolist())) - 1)))
    half = float(np.clip(mask.sum() / (np.ptp(along) + 1) / 2, 1.0, 3.5))
    yy, xx = np.indices(mask.shape)
    a, o = (xx, yy) if across_x else (yy, xx)
    return np.abs(o - np.clip(curve(a), -half, LAYOUT_SIZE + half)) <= half


def snap_shapes(labels: np.ndarray, shape: Callable[[np.ndarray], np.ndarray] = _primitive) -> None:
    """An abstract painting's patches redrawn as clean forms, the largest first: primitives for a
    geometric one, even brushstroke bands for a gestural one."""
    from scipy import ndimage

    values, counts = np.unique(labels, return_counts=True)
    ground = values[counts.argmax()]
    patches = []
    for cls in FIELDS:
        if cls == ground:
            continue
        parts, n = ndimage.label(labels == cls)
        patches += [(cls, parts == i) for i in range(1, n + 1)]
    labels[np.isin(labels, FIELDS) & (labels != ground)] = ground
    for cls, mask in sorted(patches, key=lambda p: -p[1].sum()):
        if mask.sum() >= 6:
            labels[shape(mask)] = cls


def sharpen_peaks(labels: np.ndarray, probs: np.ndarray, rng: np.random.Generator) -> None:
    """Stretch a mountain range's ridgeline about its median height and add the fine jag of the corpus's
    ridges, then cap the high peaks with snow again."""
    rows = np.arange(LAYOUT_SIZE)[:, None]
    foot = np.where(labels == C["rock"], rows, -1).max(0)  # the lowest rock in each column, -1 where none
    rock = np.isin(labels, [C["rock"], C["snow"]]) & (rows <= foot)  # rock and its snow caps, not snowy ground
    cols = np.nonzero(foot >= 0)[0]
    if len(cols) < LAYOUT_SIZE // 2:
        return
    top = np.where(rock, rows, LAYOUT_SIZE).min(0)
    middle = np.median(top[cols])
    jag = ridge(rng, 0.0, 0.05, octaves=3) * (LAYOUT_SIZE - 1)
    new_top = np.clip(middle + 1.5 * (top - middle) + jag, 2, foot - 1).astype(int)
    behind = labels_without(probs, (C["rock"], C["snow"]))
    labels[rock] = behind[rock]
    high = new_top[cols] < np.percentile(new_top[cols], 45)
    for x, peak in zip(cols, high):
        labels[new_top[x] : foot[x] + 1, x] = C["rock"]
        if peak:
            labels[new_top[x] : new_top[x] + int(rng.integers(2, 5)), x] = C["snow"]


def place_instances(
    probs: np.ndarray, family: str, seed: int, weather: str | None = None, pines: bool = False
) -> np.ndarray:
    """int [64, 64] class map of a generated layout ([K, 64, 64] probabilities) with its objects placed (a wood
    under snow, or one the words call `pines`, of pines)."""
    rng = np.random.default_rng([seed, 7])
    labels = probs.argmax(0)
    if family == "mountains":
        sharpen_peaks(labels, probs, rng)
    conifers = SNOWY_CONIFERS if weather == "snow" or pines else None
    place_trees(labels, probs, family, rng, conifers)
    lay_tree_line(labels, family, rng, conifers)
    if family == "city":
        cut_blocks(labels, probs, rng)
    if family in CRESTS:
        draw_crests(labels, probs, family, rng)
    if family == "geometric":
        snap_shapes(labels)
    if family == "gestural":
        snap_shapes(labels, _band)
    return labels
