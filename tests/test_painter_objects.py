"""Painter v3's objects: the library, subjects matched by meaning, placement where things belong, the pipeline."""

import numpy as np
import pytest
import torch

from models.painter.object_library import ObjectEntry, installed, render
from models.painter.objects import OBJECT_CLASS, ObjectPainter, PlacedObject
from models.painter.pipeline import INDOOR_STAGES, ObjectRequest, PaintingPlan, indoor_layout, paint
from models.painter.placement import COND_DIM, OUT_DIM, SKY, WATER, PlacementVAE, condition, slots_mask
from models.painter.placement_corpus import composed_example
from models.painter.scene_layout import LAYOUT_SIZE, C
from models.painter.scene_spec import SceneSpec
from tools.object_matching import count_of

needs_icons = pytest.mark.skipif(
    not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)"
)


def test_counts_as_people_say_them():
    assert count_of("two cats") == 2 and count_of("a cat") == 1 and count_of("three red boats") == 3
    assert 2 <= count_of("fishing boats") <= 4 and count_of("a flock of birds") >= 5  # a flock is many
    assert count_of("a glass") == 1 and count_of("12 ducks") == 6  # at most six
    assert count_of("a basket of apples") == 1 and count_of("two cups of tea") == 2  # the holder is counted
    assert count_of("palms") >= 2 and count_of("cherries") >= 2 and count_of("an oasis") == 1


def test_singular_forms_by_their_ending():
    from tools.object_matching import singular

    pairs = {"palms": "palm", "cherries": "cherry", "boxes": "box", "geese": "goose", "glass": "glass", "bus": "bus"}
    assert {w: singular(w) for w in pairs} == pairs


def test_composed_scenes_put_things_where_they_belong():
    rng = np.random.default_rng(0)
    seen = set()
    for _ in range(300):
        cond, out, count = composed_example(rng)
        stage = int(cond[:16].argmax())
        role = int(cond[16:24].argmax())
        seen.add(role)
        assert cond.shape == (COND_DIM,) and out.shape == (OUT_DIM,) and 1 <= count <= 6
        heights = out[2 : 3 * count : 3]
        assert (heights > 0.04).all() and (heights < 1).all()
        if stage >= 14:  # interior or portrait: the table's edge is in the picture's lower half
            assert 0.5 < out[-3] < 0.75
    assert seen == set(range(8))


def test_placement_network_draws_a_group_per_seed():
    torch.manual_seed(0)
    model = PlacementVAE(latent_dim=4, hidden=16)
    both = [condition("sea", "floats", 3, None), condition("interior", "still_life", 1, None)]
    cond = torch.from_numpy(np.stack(both))
    out, mu, logvar = model(torch.rand(2, OUT_DIM), cond)
    assert out.shape == (2, OUT_DIM) and mu.shape == (2, 4) and float(out.detach().min()) >= 0
    mask = slots_mask(torch.tensor([3, 1]))
    assert mask[0, :9].sum() == 9 and mask[0, 9:18].sum() == 0 and mask[1, -3:].sum() == 3


def test_indoor_layouts_have_a_floor_a_window_and_a_table_under_its_things():
    room = indoor_layout("interior", 0.62, 0.3, 0.3, table=(0.3, 0.7))
    row = room[int(0.68 * LAYOUT_SIZE)]  # across the table's top: the table only under its things
    assert (row[int(0.4 * LAYOUT_SIZE) : int(0.6 * LAYOUT_SIZE)] == C["earth"]).all()
    assert row[2] != C["earth"] and row[-3] != C["earth"]
    assert (room[-1] == C["sand"]).mean() > 0.8  # the floor runs to the frame's foot, not a table's front
    assert (room == C["sky"]).sum() > 20 and (room[:, -10:] != C["sky"]).all()  # the window on the left
    assert (indoor_layout("interior", 0.62, 0.3, 0.3) != C["earth"]).all()  # nothing on a table: no table
    assert set(np.unique(indoor_layout("portrait", 0.62, 0.5, 0.3))) <= {C["field_main"], C["field_dark"]}
    assert INDOOR_STAGES == ("interior", "portrait")


@needs_icons
def test_objects_render_as_cropped_rgba():
    lighthouse = render(ObjectEntry("noto", "lighthouse"), 96)
    assert lighthouse.shape[2] == 4 and abs(max(lighthouse.shape[:2]) - 96) <= 2 and lighthouse[..., 3].max() > 0.9
    assert lighthouse.shape[0] > lighthouse.shape[1]  # tall, cropped to its ink
    silhouette = ObjectEntry("game-icons", "sailboat")
    assert silhouette.silhouette and not ObjectEntry("noto", "cat").silhouette


@needs_icons
def test_an_object_is_painted_into_the_underpainting_and_labelled():
    spec = SceneSpec(family="sea", time="dusk")
    ref = np.full((128, 128, 3), 0.5, np.float32)
    labels = np.full((128, 128), C["water"], np.int64)
    labels[:40] = C["sky"]  # (seen from under the water, with no sky, a boat has no reflection)
    boat = PlacedObject(ObjectEntry("fluent-emoji-flat", "sailboat"), "floats", 0.5, 0.7, 0.3)
    painter = ObjectPainter([boat], spec, light_x=0.2)
    painter.underpaint(ref, labels)
    inside = labels == OBJECT_CLASS
    assert 200 < inside.sum() < 0.3 * 128 * 128
    assert np.abs(ref[inside] - 0.5).mean() > 0.05  # its colours, relit, not the water's
    assert np.abs(ref[int(0.78 * 128), 64] - 0.5).sum() > 0.01  # a reflection below the waterline
    painted = painter.restate(np.zeros_like(ref))
    assert painted[inside].mean() > 0.05


@needs_icons
@pytest.mark.parametrize(
    "subject,names,stage,family",
    [
        ("a lighthouse on a cliff at dusk", ["lighthouse"], "landscape", "sea"),
        ("two cats on a windowsill", ["cat"], "interior", None),
        ("fishing boats in a harbour", ["fishing-boat"], "landscape", "sea"),
        ("a teapot and a cup", ["teapot", "coffee-cup"], "interior", None),
        ("a portrait of a young woman", ["woman"], "portrait", None),
        ("a sleepy dog by the fire", ["dog", "fireplace"], "interior", None),  # by the fire: the room's fireplace
        ("camels in the desert", ["camel"], "landscape", "desert"),
        ("tulip fields in spring", [], "landscape", "meadow"),  # no coil spring: a field in rows (a landform)
        ("a castle by the sea", ["castle"], "landscape", "sea"),
        ("a lake under a crescent moon", [], "landscape", "lake"),  # the moon is the night's, not a sticker
    ],
)
def test_subjects_name_their_things_by_meaning(subject, names, stage, family):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.3, 0.0)
    assert [m.entry.name for m in scene.objects] == names and scene.stage == stage
    assert family is None or scene.family == family
    if subject.startswith(("two", "fishing", "camels")):
        assert scene.objects[0].count >= 2
    if "moon" in subject:
        assert scene.time == "night"


@needs_icons
def test_the_sea_is_a_scene_not_a_thing():
    from tools.scene_mapping import read_scene

    assert read_scene("the sea at dusk", 0.3, 0.0).objects == ()
    assert read_scene("Venice at night", 0.3, 0.0).family == "city"


@needs_icons
def test_pipeline_paints_things_where_they_belong(tiny_checkpoints):
    from models.painter.layout_vae import LayoutVAE

    layout_vae = LayoutVAE.from_pretrained(tiny_checkpoints["painter"])
    placement = PlacementVAE.from_pretrained(tiny_checkpoints["placement"])
    teapot = ObjectRequest(ObjectEntry("fluent-emoji-flat", "teapot"), "still_life", 1)
    plan = PaintingPlan(SceneSpec(family="colour_field", weather="rain"), "interior", (teapot,))
    image = paint(plan, 3, layout_vae, placement, size=128, finish=False)
    assert image.size == (128, 128)
    again = paint(plan, 3, layout_vae, placement, size=128, finish=False)
    assert np.array_equal(np.asarray(image), np.asarray(again))  # the seed keeps the picture
    bare = paint(PaintingPlan(plan.spec, "interior"), 3, layout_vae, placement, size=128, finish=False)
    assert np.abs(np.asarray(image, float) - np.asarray(bare, float)).mean() > 1


def test_snapping_puts_boats_on_water_and_birds_in_the_sky():
    from models.painter.pipeline import _snap

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"])
    labels[40:] = C["water"]
    labels[40:, :20] = C["rock"]
    assert np.isin(labels[int(_snap(labels, "floats", 0.7, 0.2)[1] * 63), 44], WATER)
    assert np.isin(labels[int(_snap(labels, "flies", 0.7, 0.9)[1] * 63), 44], SKY)
    assert abs(_snap(labels, "building", 0.1, 0.9)[1] - 40 / 63) < 0.05  # on the cliff's top
    cx, base_y = _snap(labels, "building", 0.8, 0.5)  # over open water: moved onto the cliff
    assert cx < 20 / 63 and abs(base_y - 40 / 63) < 0.05


def test_a_working_boat_is_painted_as_a_hull_a_wheelhouse_and_a_mast_not_a_stencil():
    from models.painter.working_boat import HULLS, is_working_boat, painted_boat

    assert is_working_boat(ObjectEntry("game-icons", "fishing-boat"))
    assert not is_working_boat(ObjectEntry("noto", "sailboat"))  # a colour drawing keeps its own
    assert not is_working_boat(ObjectEntry("game-icons", "barn"))
    boat = painted_boat(80, seed=0)
    h, w = boat.shape[:2]
    assert 70 <= w <= 82 and h < 0.8 * w
    hull = boat[int(0.8 * h), w // 2]
    assert hull[3] > 0.9 and np.allclose(hull[:3], HULLS[0], atol=0.05)  # a red hull
    assert ((boat[..., :3].min(-1) > 0.8) & (boat[..., 3] > 0.9)).any()  # a white wheelhouse
    assert boat[: h // 4, :, 3].sum() < 0.1 * boat[..., 3].sum()  # above the deck only the mast
    assert np.allclose(painted_boat(80, seed=0, facing_left=True), boat[:, ::-1])
    assert not np.allclose(painted_boat(80, seed=1)[int(0.8 * h), w // 2, :3], hull[:3])  # another hull colour


def test_the_reply_calls_a_drawing_near_only_when_the_words_name_something_else():
    from tools.object_matching import ObjectMatch
    from tools.paint import _named_in_phrase

    def match(phrase, name):
        return ObjectMatch(phrase, ObjectEntry("noto", name.replace(" ", "-")), "animal", 0.6, 1)

    assert _named_in_phrase(match("a heron standing still in shallow water", "heron"))
    assert _named_in_phrase(match("two herons", "heron")) and _named_in_phrase(
        match("a hot air balloon", "hot air balloon")
    )
    assert not _named_in_phrase(match("an old typewriter", "writing hand"))
    assert not _named_in_phrase(match("a red fox curled up asleep", "sleepy"))
