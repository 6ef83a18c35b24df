"""A bird sitting on what it was asked to sit on: a post, a fence, a stump, a rock, a branch; a bee on a flower;
a cat in a box.

"A barn owl perched on a fence post at dusk" was painted as an owl flying over an empty meadow, and "two parrots
on a branch" as parrots in the sky over a wood: a bird is placed in the air unless a tree happens to be there.
A person who names the perch expects to see the bird sitting on it (and a cat "in a cardboard box" in one). On
the ground's perches the bird is placed like a thing standing in the near field, raised on its support (a
weathered post, a rail fence, a stump, a boulder) that the painter draws under its feet. On a branch it is seen
close, as in a bird study: a branch crosses the picture from one side, thick where it enters, with a few leaves,
and the birds sit along it. A bee or a butterfly on a flower sits on the head of the library's drawing of that
flower, standing tall in the near field. A box, a basket or a bucket is drawn in front of what sits in it,
hiding its lower part. A person or an animal under a tree has a broad tree carved into the scene over them.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from models.painter.drawing import canvas, finished, rgba, shaded
from models.painter.object_library import ObjectEntry, render
from models.painter.scene_layout import C

# a flower an insect or a hummingbird sits on: the library's drawing of it, tall in the near field (a flower named by
# no kind is the pink tulip: the white blossom was relit grey, "a giant grey cartoon flower")
FLOWERS = {"sunflower": "sunflower", "rose": "rose", "tulip": "tulip", "flower": "tulip", "hibiscus": "hibiscus"}
# what an animal, or a still life's pile of fruit, sits in, drawn in front of it: (icon set, drawing, share of its top
# cut away: a box's closed lid); no set draws a plain bowl (noto's has a spoon in it): painted by hand
CONTAINERS = {
    "box": ("noto", "package", 0.32),
    "basket": ("noto", "basket", 0.0),
    "bucket": ("noto", "bucket", 0.0),
    "bowl": ("hand", "bowl", 0.0),
}
GLAZE, GLAZE_BAND, BOWL_INSIDE = (0.9, 0.87, 0.8), (0.25, 0.4, 0.62), (0.62, 0.58, 0.52)
IN_FRONT_WIDTH, IN_FRONT_HEIGHT = 1.15, 0.55  # a container's width and most height against what sits in it
SHADE = ("tree",)  # what a person or an animal sits or stands under: carved into the scene behind them
TREE_CROWN = (0.3, 0.2)  # the crown's radii across and up, as shares of the picture
TREE_TOP = 0.16  # the crown's centre never higher than this (its top stays in the picture)
ON_THE_GROUND = ("post", "fence", "stump", "rock", *FLOWERS)  # what stands in the field: placed as standing things
BENEATH = (*ON_THE_GROUND, "branch")  # drawn under the thing that sits on it (a container in front, a tree carved)
PERCHES = (*BENEATH, *CONTAINERS, *SHADE)
FLOWER_HEIGHT, HEAD_AT = 0.5, 0.3  # a flower's height (share of the picture) and its head's centre down it
ON_A_FLOWER = 0.2  # the longer side of what sits on the flower's head
FLOWER_FOOT = (0.7, 0.97)  # where the flower's stem meets the ground: in the near field, whole in the frame
RISE = {"post": 1.0, "fence": 0.85, "stump": 0.4, "rock": 0.45}  # the support's height, per the bird's longer side
ON_GROUND_SCALE = 0.75  # a perched bird against a standing thing's size: the support takes the rest
BRANCH_Y, BRANCH_SLOPE = 0.64, 0.08  # where the branch is under the birds, and how much it climbs across
ON_A_BRANCH = 0.3  # a bird's longer side on a branch seen close, as a share of the picture
WOOD, BARK, STONE, LEAF = (0.46, 0.35, 0.24), (0.36, 0.27, 0.2), (0.55, 0.54, 0.52), (0.3, 0.48, 0.24)


def perched_place(perch: str, cx: float, base: float, longer: float, index: int, count: int):
    """(cx, base, longer side) of a bird on its perch, from where it would stand: raised by its support on the
    ground, or spread along the branch (`index` of `count` birds on it); in a container, where it stands."""
    if perch in CONTAINERS or perch in SHADE:
        return cx, base, longer
    if perch in FLOWERS:
        foot = float(np.clip(base, *FLOWER_FOOT))
        return cx, foot - (1 - HEAD_AT) * FLOWER_HEIGHT, ON_A_FLOWER
    if perch in ON_THE_GROUND:
        longer *= ON_GROUND_SCALE
        return cx, base - RISE[perch] * longer, longer
    spot = (index + 1) / (count + 1) if count > 1 else 0.55
    cx = 0.2 + 0.6 * spot
    return cx, branch_y(cx), ON_A_BRANCH / (1 + 0.2 * (count - 1))


def branch_y(x: float) -> float:
    """The branch's height at x (shares of the picture): it climbs gently from the left edge."""
    return BRANCH_Y + BRANCH_SLOPE * (0.5 - x)


def support(perch: str, cx: float, base: float, longer: float, size: int, seed: int, light_left: bool):
    """(RGBA, top, left) of the support under a perched bird whose feet are at (cx, base), `longer` its size, as
    shares of the `size`-pixel picture; the branch spans the whole picture."""
    if perch == "branch":
        return painted_branch(size, seed), 0, 0
    if perch in FLOWERS:
        drawn = render(ObjectEntry("fluent-emoji-flat", FLOWERS[perch]), int(FLOWER_HEIGHT * size))
        top = int((base - HEAD_AT * FLOWER_HEIGHT) * size)
        return drawn, top, int(cx * size - drawn.shape[1] / 2)
    bird = longer * size
    height = max(6, int(RISE[perch] * bird))
    drawn = {"post": _post, "fence": _fence, "stump": _stump, "rock": _rock}[perch](bird, height, seed, light_left)
    top = int(base * size) - max(1, int(0.04 * bird))  # a little behind the feet, so the bird stands on it
    return drawn, top, int(cx * size - drawn.shape[1] / 2)


def container(kind: str, cx: float, base: float, thing: tuple[int, int], size: int):
    """(RGBA, top, left) of the container an animal sits in, drawn in front of it: a little wider than the animal
    (`thing`: its drawing's height and width in pixels), its foot at the animal's foot (`base`), hiding the lower
    part of it (a box open at the top: its lid cut away; a lower box than drawn for a long, low animal)."""
    source, name, lid = CONTAINERS[kind]
    height, width = thing
    wide = max(8, int(IN_FRONT_WIDTH * width))
    drawn = painted_bowl(wide) if source == "hand" else render(ObjectEntry(source, name), wide)
    drawn = drawn[int(lid * drawn.shape[0]) :]
    if drawn.shape[0] > IN_FRONT_HEIGHT * height:  # never so tall that the animal is lost in it: a lower box
        low = Image.fromarray((drawn * 255).astype(np.uint8)).resize((drawn.shape[1], int(IN_FRONT_HEIGHT * height)))
        drawn = np.asarray(low, np.float32) / 255
    return drawn, int(base * size) - drawn.shape[0], int(cx * size - drawn.shape[1] / 2)


def painted_bowl(width: int) -> np.ndarray:
    """float32 RGBA of a glazed bowl `width` pixels wide seen from the front, a little from above: the far half of
    its rim's inside showing over the body, a blue band under the rim, a foot ring."""
    height = max(6, int(0.5 * width))
    image, draw, w, h = canvas(height, 6, width / height)
    rim = 0.22 * h
    draw.ellipse((0.02 * w, 0.0, 0.98 * w, 2 * rim), fill=rgba(BOWL_INSIDE))  # the inside, seen over the near rim
    body = (0.02 * w, -0.78 * h + rim, 0.98 * w, 0.9 * h)
    draw.chord(body, 0, 180, fill=rgba(GLAZE_BAND))  # the body: a band under the rim, then the glaze below it
    band = 0.09 * h
    draw.chord((body[0] + band, body[1] + 2 * band, body[2] - band, body[3]), 0, 180, fill=rgba(GLAZE))
    draw.rectangle((0.38 * w, 0.88 * h, 0.62 * w, h), fill=rgba(shaded(GLAZE, 0.78)))  # the foot ring
    return finished(image)


def carve_shade_tree(labels: np.ndarray, cx: float, base: float, height: float, seed: int) -> None:
    """In place on the layout: a broad tree whose crown spreads over a figure standing or sitting at (cx, base)
    (`height` its height; shares of the picture), its trunk just beside them, so they are under the tree, not in
    a field with a tree somewhere ("a seated figure among bushes in a meadow", keep 2)."""
    size = labels.shape[0]
    side = 1 if seed % 2 else -1
    trunk_x = cx + side * (0.3 * height + 0.05)  # just beside the figure
    rx, ry = TREE_CROWN
    head = base - height
    crown_y = max(TREE_TOP, head - 0.5 * ry)  # its lower edge just over their head
    ys, xs = np.mgrid[0:size, 0:size] / (size - 1)
    trunk = (np.abs(xs - trunk_x) <= 0.025) & (ys >= crown_y) & (ys <= base + 0.01)
    crown = ((xs - trunk_x + side * 0.45 * rx) / rx) ** 2 + ((ys - crown_y) / ry) ** 2 <= 1  # spread over them
    labels[trunk] = C["trunk"]
    labels[crown & (ys < head - 0.02)] = C["foliage"]  # the crown never hides the figure's face


def _lit_block(draw, box, colour, light_left: bool) -> None:
    """A block of `colour` lit on the light's side and shaded on the other."""
    x0, y0, x1, y1 = box
    mid = (x0 + x1) / 2
    draw.rectangle(box, fill=rgba(colour))
    lit = (x0, y0, mid, y1) if light_left else (mid, y0, x1, y1)
    draw.rectangle(lit, fill=rgba(shaded(colour, 1.25)))


def _grain(draw, box, colour, rng: np.random.Generator) -> None:
    """A few darker vertical cracks in weathered wood."""
    x0, y0, x1, y1 = box
    for _ in range(3):
        x = float(rng.uniform(x0 + 1, max(x0 + 2, x1 - 1)))
        draw.line((x, y0 + (y1 - y0) * float(rng.uniform(0.05, 0.3)), x, y1), fill=rgba(shaded(colour, 0.7)))


def _post(bird: float, height: int, seed: int, light_left: bool) -> np.ndarray:
    """A weathered wooden post, its cut top lighter."""
    width = 0.3 * bird
    image, draw, w, h = canvas(height, 6, width / height)
    _lit_block(draw, (0, 0.04 * h, w, h), WOOD, light_left)
    draw.rectangle((0, 0, w, 0.06 * h), fill=rgba(shaded(WOOD, 1.45)))
    _grain(draw, (0, 0.06 * h, w, h), WOOD, np.random.default_rng(seed))
    return finished(image)


def _fence(bird: float, height: int, seed: int, light_left: bool) -> np.ndarray:
    """A length of rail fence: the post under the bird, a post either side and two rails between them."""
    span = 3.2 * bird
    image, draw, w, h = canvas(height, 6, span / height)
    post = 0.09 * w
    for x in (0.5 * w, 0.04 * w, 0.96 * w):
        top = 0 if x == 0.5 * w else 0.1 * h
        _lit_block(draw, (x - post / 2, top, x + post / 2, h), WOOD, light_left)
        draw.rectangle((x - post / 2, top, x + post / 2, top + 0.05 * h), fill=rgba(shaded(WOOD, 1.45)))
    for y in (0.22 * h, 0.58 * h):
        draw.rectangle((0, y, w, y + 0.09 * h), fill=rgba(shaded(WOOD, 0.92)))
        draw.line((0, y, w, y), fill=rgba(shaded(WOOD, 1.3)), width=max(1, int(0.02 * h)))
    _grain(draw, (0.5 * w - post / 2, 0.05 * h, 0.5 * w + post / 2, h), WOOD, np.random.default_rng(seed))
    return finished(image)


def _stump(bird: float, height: int, seed: int, light_left: bool) -> np.ndarray:
    """A sawn tree stump, wider than tall, its rings showing on top and roots spreading at its foot."""
    width = 0.8 * bird
    image, draw, w, h = canvas(height, 6, width / height)
    _lit_block(draw, (0.08 * w, 0.12 * h, 0.92 * w, h), BARK, light_left)
    draw.polygon([(0, h), (0.1 * w, 0.7 * h), (0.9 * w, 0.7 * h), (w, h)], fill=rgba(BARK))
    draw.ellipse((0.08 * w, 0, 0.92 * w, 0.26 * h), fill=rgba(shaded(WOOD, 1.5)))
    draw.ellipse((0.3 * w, 0.06 * h, 0.7 * w, 0.2 * h), outline=rgba(shaded(WOOD, 1.1)), width=max(1, h // 40))
    _grain(draw, (0.1 * w, 0.25 * h, 0.9 * w, h), BARK, np.random.default_rng(seed))
    return finished(image)


def _rock(bird: float, height: int, seed: int, light_left: bool) -> np.ndarray:
    """A rounded boulder, its top catching the light, its foot in shadow."""
    width = 1.3 * bird
    image, draw, w, h = canvas(height, 6, width / height)
    draw.ellipse((0, 0.02 * h, w, 1.9 * h), fill=rgba(STONE))
    lit = (0.05 * w, 0.04 * h, 0.6 * w, 0.7 * h) if light_left else (0.4 * w, 0.04 * h, 0.95 * w, 0.7 * h)
    draw.ellipse(lit, fill=rgba(shaded(STONE, 1.2)))
    draw.rectangle((0.1 * w, 0.8 * h, 0.9 * w, h), fill=rgba(shaded(STONE, 0.75)))
    return finished(image)


def painted_branch(size: int, seed: int) -> np.ndarray:
    """float32 RGBA [size, size, 4]: a branch entering from the left edge, thick there and tapering, climbing
    gently across the picture under the birds, with side twigs and leaves."""
    rng = np.random.default_rng(seed)
    image, draw, w, h = canvas(size, size, 1.0)
    xs = np.linspace(-0.02, 1.02, 60)
    ys = np.array([branch_y(x) for x in xs]) + 0.005 * np.sin(xs * 7 + float(rng.uniform(0, 6)))
    thick = 0.045 - 0.028 * xs  # shares of the picture: thick where it enters, thinner across
    for x0, y0, x1, y1, t in zip(xs[:-1], ys[:-1], xs[1:], ys[1:], thick[:-1]):
        draw.line((x0 * w, y0 * h, x1 * w, y1 * h), fill=rgba(BARK), width=max(2, int(t * w)))
        lit = (x0 * w, (y0 - t / 3) * h, x1 * w, (y1 - t / 3) * h)
        draw.line(lit, fill=rgba(shaded(BARK, 1.4)), width=max(1, int(t * w / 3)))
    for _ in range(int(rng.integers(4, 7))):  # side twigs with leaf clusters, away from where the birds sit
        x = float(rng.choice([rng.uniform(0.02, 0.16), rng.uniform(0.84, 0.98)]))
        y = branch_y(x)
        end = (x + float(rng.uniform(-0.08, 0.08)), y + float(rng.choice([-1, 1])) * float(rng.uniform(0.06, 0.12)))
        draw.line((x * w, y * h, end[0] * w, end[1] * h), fill=rgba(BARK), width=max(2, int(0.008 * w)))
        for _ in range(5):
            lx, ly = end[0] + float(rng.normal(0, 0.025)), end[1] + float(rng.normal(0, 0.02))
            r = float(rng.uniform(0.014, 0.024))
            leaf = shaded(LEAF, float(rng.uniform(0.8, 1.3)))
            draw.ellipse(((lx - r * 1.6) * w, (ly - r) * h, (lx + r * 1.6) * w, (ly + r) * h), fill=rgba(leaf))
    return finished(image)
