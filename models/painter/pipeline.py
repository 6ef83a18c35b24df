"""The painter's pipeline: latent -> layout -> objects placed -> painted.

1. The stage: for a landscape the layout VAE decodes the seed's latent under the spec (sky, water, land,
   trees, town), `instances` places its small things; an interior (`rooms`: walls, a window, a floor, a table
   under its things) or a portrait's backdrop is built from the placement network's numbers.
2. The objects asked for (library drawings with a role and a count) are placed by the placement
   network, group by group, each slot snapped onto what it belongs on (a boat onto water, a house onto
   the land's top edge).
3. The brushwork renderer paints it all, the objects relit and stroked with the scene (`objects`).
Words never reach this file: `tools/paint.py` turns a brief into a `PaintingPlan`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace

import numpy as np
import torch

from models.painter.cockpit import cockpit_layout
from models.painter.field_walls import boundary_class, carve_boundary
from models.painter.figure import Person
from models.painter.grounded import shape_headlands
from models.painter.halls import drawn_by, hall_layout, hall_of, stand_in_aisle
from models.painter.instances import place_instances
from models.painter.landforms import USUAL_LANDFORM, carve_landform
from models.painter.object_library import ObjectEntry
from models.painter.objects import ObjectPainter, PlacedObject
from models.painter.perches import CONTAINERS, ON_THE_GROUND, SHADE, carve_shade_tree
from models.painter.placement import LAND, MAX_SLOTS, SKY, WATER, sample_placement
from models.painter.placement_rules import settle
from models.painter.render import render_layout
from models.painter.room_kinds import PLAIN, RoomDress, dress_of
from models.painter.rooms import (
    arrange_close,
    arrange_room,
    room_layout,
    still_life_layout,
    table_span,
    wall_shelves,
)
from models.painter.scene_layout import LAYOUT_SIZE, C, one_hot
from models.painter.scene_spec import FAMILIES, SceneSpec
from models.painter.street_view import lay_street, street_view
from models.painter.streets import carve_street, is_house, street_of_houses

INDOOR_STAGES = ("interior", "portrait")
ON_TABLE = ("still_life", "plant")  # indoors these stand on a table
GROUND = tuple(c for c in LAND if c not in (C["foliage"], C["trunk"]))  # what things stand on (not tree crowns)


@dataclass(frozen=True)
class ObjectRequest:
    entry: ObjectEntry
    role: str
    count: int = 1
    colour: tuple[float, ...] | None = None  # (hue, saturation, value) the words give it: a silhouette is painted so
    person: Person | None = None  # a person: painted in their pose by `figure`, not as their drawing
    size: float | None = None  # how big the thing is, in metres (things drawn together keep their sizes apart)
    perch: str | None = None  # what a bird sits on (`perches.PERCHES`): drawn under it


@dataclass(frozen=True)
class PaintingPlan:
    spec: SceneSpec
    stage: str = "landscape"  # or "interior", "portrait"
    objects: tuple[ObjectRequest, ...] = field(default_factory=tuple)
    landform: str | None = None  # a landform asked as the subject, carved as the centre (`landforms.CARVE`)
    setting: str | None = None  # a portrait's place behind the sitter (`backdrops.SETTINGS`), else a wall
    room: str | None = None  # an interior's kind of room (`room_kinds.DRESSES`), fitted out as such


@contextlib.contextmanager
def small_model_threads(threads: int = 1):
    """Run the painter's small networks (sentence embedder, layout and placement VAEs) on one thread: their
    matrices are tiny, and on a busy machine a second torch thread spins waiting for a core (the embedder took
    0.25-1.3 s for four words with 2 threads on our shared 2 cores, 0.02-0.08 s with 1)."""
    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def latent_for_seed(seed: int, dim: int) -> torch.Tensor:
    return torch.randn(1, dim, generator=torch.Generator().manual_seed(seed))


@torch.no_grad()
def layout_probabilities(layout_vae, spec: SceneSpec, seed: int, blend=None) -> np.ndarray:
    """float32 [K, 64, 64] class probabilities of the composition for this seed (and blend (spec, seed, t))."""
    device = next(layout_vae.parameters()).device

    def condition(s: SceneSpec) -> torch.Tensor:
        return torch.from_numpy(s.layout_condition())[None].to(device, layout_vae.dtype)

    def latent(s: SceneSpec, sd: int) -> torch.Tensor:
        noise = latent_for_seed(sd, layout_vae.config.latent_dim).to(device, layout_vae.dtype)
        return layout_vae.latent(noise, FAMILIES.index(s.family), condition(s))

    z, cond = latent(spec, seed), condition(spec)
    if blend is not None:
        other_spec, other_seed, t = blend
        z = (1 - t) * z + t * latent(other_spec, other_seed)
        cond = (1 - t) * cond + t * condition(other_spec)
    logits = layout_vae.decode(z, cond)
    return torch.softmax(logits.float(), 1)[0].cpu().numpy()


def indoor_layout(
    stage: str,
    table_y: float,
    window_cx: float,
    window_w: float,
    table: tuple[float, float] | None = None,
    shelves=(),
    dress: RoomDress = PLAIN,
) -> np.ndarray:
    """int [64, 64] class map of an interior (`rooms.room_layout`: walls, a window, a floor, the table under its
    things or the kind's counter, bookcases and the kind's shelves built in) or a portrait's backdrop (one wall)."""
    if stage == "portrait":  # one backdrop, no ledge: a line behind the shoulders read as a table's edge
        return np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["field_main"], dtype=np.int64)
    goods = dress.goods is not None and dress.goods != "machines"
    return room_layout(LAYOUT_SIZE, table_y, window_cx, window_w, table, shelves, dress.counter, goods)


def table_under(placed: list) -> tuple[float, float] | None:
    """(left, right) of a table under the things that stand on one (a vase, apples, a plant), a margin each side,
    at least `rooms.TABLE_WIDTH` wide where no furniture stands (`rooms.table_span`); None when nothing stands on
    a table."""
    on_table = [o for o in placed if o.role in ON_TABLE]
    if not on_table:
        return None
    return table_span(on_table, [o for o in placed if o.role == "building"])


def _snap(labels: np.ndarray, role: str, cx: float, base_y: float) -> tuple[float, float]:
    """(cx, base y) moved onto what the role belongs on: to the nearest column that holds it (a lighthouse
    over open water goes to the cliff), then to the nearest row there (a building on the land's top edge)."""
    group = {"floats": WATER, "swims": WATER, "flies": SKY}.get(role, GROUND)
    holds = np.isin(labels, group)
    columns = np.nonzero(holds.any(0))[0]
    if not len(columns):
        return cx, base_y
    col = int(np.clip(cx, 0, 0.999) * LAYOUT_SIZE)
    if not holds[:, col].any():
        nearest = int(columns[np.abs(columns - col).argmin()])
        inward = min(LAYOUT_SIZE - 1, max(0, nearest + (3 if nearest > col else -3)))  # a little onto it
        col = inward if holds[:, inward].any() else nearest
        cx = col / (LAYOUT_SIZE - 1)
    rows = np.nonzero(holds[:, col])[0]
    if role == "building":  # on the land's top edge in that column
        return cx, float(rows.min() / (LAYOUT_SIZE - 1) + 0.02)
    nearest = rows[np.abs(rows / (LAYOUT_SIZE - 1) - base_y).argmin()]
    return cx, float(nearest / (LAYOUT_SIZE - 1)) + (0.0 if role == "flies" else 0.01)


def _groups(plan: PaintingPlan, stage: str) -> dict[str, list[tuple]]:
    """The things placed together, as one group of slots: those of one role (a teapot and a cup share the
    table; boats spread over the water), and indoors everything but a figure on the table."""
    groups: dict[str, list[tuple]] = {}
    for request in plan.objects:
        role = "stands" if request.perch in ON_THE_GROUND and stage not in INDOOR_STAGES else request.role
        key = role if stage not in INDOOR_STAGES or role == "figure" else "still_life"
        groups.setdefault(key, []).extend(
            [(request.entry, role, request.colour, request.person, request.size, request.perch)] * request.count
        )
    return {key: members[:MAX_SLOTS] for key, members in groups.items()}


def place_objects(placement_vae, plan: PaintingPlan, labels: np.ndarray | None, seed: int, stage: str):
    """(placed objects, interior numbers (table y, window x, window width)) for the plan's requests; a building
    asked on cliffs (the plan's landform) stands on the cliff's top wherever the cliff is."""
    placed, interior = [], None
    outdoors = labels is not None and stage not in INDOOR_STAGES
    for i, (role, members) in enumerate(_groups(plan, stage).items()):
        out = sample_placement(placement_vae, stage, role, len(members), labels, seed * 31 + i)
        interior = interior if interior is not None else tuple(float(v) for v in out[-3:])
        for k, (entry, own_role, colour, person, real, perch) in enumerate(members):
            cx, base_y, height = (float(v) for v in out[3 * k : 3 * k + 3])
            if outdoors:
                cx, base_y = _snap(labels, own_role, cx, base_y)
            height = max(0.05, height)
            perch = perch if outdoors or perch in CONTAINERS else None  # indoors: a cat's basket, no branches
            thing = PlacedObject(entry, own_role, cx, base_y, height, colour=colour, person=person, size=real)
            placed.append(replace(thing, perch=perch))
    on_cliff = plan.landform == "cliffs"
    return settle(placed, labels if outdoors else None, stage, seed, on_cliff=on_cliff), interior


def _indoor_stage(plan: PaintingPlan) -> str | None:
    if plan.stage in INDOOR_STAGES:
        return plan.stage
    return None


def _light_x(probs: np.ndarray, seed: int) -> float:
    """Where the light comes from across the picture: the sun or moon if the layout has one, else a side."""
    sun = probs[C["light"]] > 0.5
    if sun.any():
        return float(np.nonzero(sun)[1].mean() / (LAYOUT_SIZE - 1))
    return 0.25 if seed % 2 else 0.75


def _indoors(plan: PaintingPlan, seed: int, placement_vae, indoor: str):
    """(placed things, one-hot layout, the room's `RoomDress`) of an interior or a portrait's backdrop."""
    dress = dress_of(plan.room if indoor == "interior" else None)
    if not dress.table:  # no table in such a room: its things stand on the floor
        floor = tuple(replace(r, role="building") if r.role in ON_TABLE else r for r in plan.objects)
        plan = replace(plan, objects=floor)
    placed, numbers = place_objects(placement_vae, plan, None, seed, indoor) if plan.objects else ([], None)
    numbers = numbers or (0.62, 0.3, 0.3)
    shelves = ()
    if indoor == "interior" and _seen_close(plan, placed):  # a loaf, a teapot: the table, not the room around it
        placed = arrange_close(placed, numbers[0])
        layout = still_life_layout(LAYOUT_SIZE, window_left=numbers[1] < 0.5)
        return placed, one_hot(layout), replace(dress, picture=None)
    if dress.hall == "cockpit":  # its windscreen and panel are the picture; only what flies is seen outside
        return [o for o in placed if o.role == "flies"], one_hot(cockpit_layout(LAYOUT_SIZE)), dress
    hall = hall_of(dress.hall)
    if hall is not None:  # a carriage, a ward: its rows are the hall's own, the other things stand in its aisle
        placed = stand_in_aisle([o for o in placed if o.entry.name not in drawn_by(hall)], hall)
        return placed, one_hot(hall_layout(LAYOUT_SIZE, hall)), dress
    if indoor == "interior":
        placed, shelves = wall_shelves(placed)  # built in first: the other furniture is not crowded by them
        placed = arrange_room(placed, numbers[0], ON_TABLE)
    layout = indoor_layout(indoor, *numbers, table=table_under(placed), shelves=shelves, dress=dress)
    return placed, one_hot(layout), dress


def _seen_close(plan: PaintingPlan, placed: list) -> bool:
    """True for a still life: things asked for that all stand on a table, in no room the words name."""
    return plan.room is None and bool(placed) and all(o.role in ON_TABLE for o in placed)


def paint(plan: PaintingPlan, seed: int, layout_vae, placement_vae, size=512, blend=None, finish=True, shown=None):
    """PIL image of size x size: the plan's scene and objects, painted (in `shown`'s colours when blending)."""
    spec = plan.spec
    indoor = _indoor_stage(plan)
    if indoor is not None:
        spec = replace(spec, weather="clear")  # no rain indoors
        placed, probs, dress = _indoors(plan, seed, placement_vae, indoor)
    else:
        dress = PLAIN
        if plan.landform is None and spec.family in USUAL_LANDFORM:
            plan = replace(plan, landform=USUAL_LANDFORM[spec.family])
        if plan.landform == "underwater":
            spec = replace(spec, weather="clear")  # no rain or fog under the sea
        probs = layout_probabilities(layout_vae, spec, seed, blend)
        labels = place_instances(probs, spec.family, seed, spec.weather, pines=spec.trees == "pines")
        if spec.family in ("sea", "lake") and not any(o.role == "building" for o in plan.objects):
            shape_headlands(labels)  # (a lighthouse or a tower asked for keeps its cliff)
        if plan.landform == "street":  # a street seen from its pavement: its own houses are its facades
            lay_street(labels, street_view(seed))
            plan = replace(plan, objects=tuple(r for r in plan.objects if not is_house(r.entry)))
        carve_landform(labels, plan.landform, seed)
        for request in plan.objects:  # a stone wall, a fence: a line across the land, not a drawing on it
            if boundary_class(request.entry) is not None:
                carve_boundary(labels, boundary_class(request.entry), seed)
        plan = replace(plan, objects=tuple(r for r in plan.objects if boundary_class(r.entry) is None))
        houses = street_of_houses(plan.objects)
        if houses:  # a town, a row of houses: a street of them built into the scene, not drawings on it
            carve_street(labels, houses, spec.family, seed)
            plan = replace(plan, objects=tuple(r for r in plan.objects if not is_house(r.entry)))
        placed, _ = place_objects(placement_vae, plan, labels, seed, spec.family)
        for obj in placed:  # a girl under a tree: the tree over her, in the scene
            if obj.perch in SHADE:
                carve_shade_tree(labels, obj.cx, obj.base_y, obj.height, seed)
        probs = one_hot(labels)
        spec = shown or spec
    painter = ObjectPainter(placed, spec, light_x=_light_x(probs, seed)) if placed else None
    landform = plan.landform if indoor is None else None
    return render_layout(
        probs,
        spec,
        seed,
        size,
        finish,
        objects=painter,
        stage=indoor or "landscape",
        landform=landform,
        setting=plan.setting if indoor == "portrait" else None,
        room=dress,
    )
