"""The sea's rocks and waves, and two named colours sharing the sky."""

import numpy as np

from models.painter.grounded import shape_headlands
from models.painter.render import thin_crests
from models.painter.scene_colours import sky_gradient
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec

SKY, WATER, ROCK, FOAM = (CLASSES.index(c) for c in ("sky", "water", "rock", "foam"))


def _sea(size=64, horizon=24):
    labels = np.full((size, size), WATER)
    labels[:horizon] = SKY
    return labels


def test_a_lone_rock_in_the_sea_goes_back_to_water_and_sky():
    labels = _sea()
    labels[14:50, 25:40] = ROCK  # a stack standing in the water, above the horizon too
    shape_headlands(labels)
    assert not (labels == ROCK).any()
    assert (labels[14:24, 30] == SKY).all() and (labels[30:50, 30] == WATER).all()


def test_rock_at_the_frames_edge_becomes_a_headland_sloping_to_the_water_with_the_sea_in_front():
    labels = _sea()
    labels[12:, 40:] = ROCK  # a slab filling the right side from above the horizon to the bottom
    shape_headlands(labels)
    rock = labels == ROCK
    tops = [int(np.argmax(rock[:, x])) for x in (63, 56, 50)]
    assert tops[0] < tops[1] < tops[2]  # highest at the edge, lower as it reaches in
    assert not rock[60:].any()  # the sea in front of it
    assert rock[20:26, 60:].all()  # still a coast at the edge
    feet = {int(np.nonzero(rock[:, x])[0].max()) for x in range(40, 64) if rock[:, x].any()}
    assert len(feet) == 1  # its waterline is level: no slab hanging over the sea as it reaches in
    assert (labels[max(feet) + 1, 50:] == FOAM).all()  # the sea breaks at its foot


def test_wave_crests_are_thin_lines_of_light_thicker_nearer_the_eye():
    size = 256
    labels = np.full((size, size), WATER)
    labels[:60] = SKY
    for y in (70, 200):
        labels[y : y + 20, 20:200] = FOAM  # thick bars of foam
    thin_crests(labels)
    foam = labels == FOAM
    far, near = foam[70:90, 100].sum(), foam[200:220, 100].sum()
    assert 1 <= far < near < 12 and foam[70, 100] and foam[200, 100]  # the top of each crest stays


def test_pinks_and_golds_share_the_sky_pink_above_gold_low():
    spec = SceneSpec(
        family="sea", hue=335, accent_hue=48, saturation=0.55, accent_saturation=0.8, palette_strength=0.85
    )
    sky = sky_gradient(spec, np.array([[0.0], [0.6]], np.float32))[:, 0]
    top, low = sky
    assert top[2] > top[1]  # pink at the top: blue above green
    assert low[1] > low[2] + 0.15  # gold low: green well above blue
    one = SceneSpec(family="sea", hue=335, accent_hue=10, saturation=0.55, palette_strength=0.85)  # a neighbour
    low_one = sky_gradient(one, np.array([[0.6]], np.float32))[0, 0]
    assert low_one[2] > low_one[1] - 0.05  # one colour's sky stays that colour


def test_a_storm_gets_a_lightning_bolt_from_the_sky_and_a_clear_day_none():
    from PIL import Image

    from models.painter.render import _lightning

    labels = np.full((128, 128), CLASSES.index("grass"))
    labels[:70] = SKY
    for weather, bolts in (("stormy", True), ("clear", False)):
        canvas = Image.new("RGB", (128, 128), (60, 60, 80))
        _lightning(canvas, labels, SceneSpec(family="meadow", weather=weather), np.random.default_rng(0))
        bright = np.asarray(canvas).mean(-1) > 230
        assert bright.any() == bolts
        assert not bright[75:].any()  # it stops at the horizon


def test_no_mud_dark_olive_turns_to_ochre_dead_grey_gets_colour_bright_yellow_kept():
    from models.painter.value_plan import _hsv, clean_colour

    spec = SceneSpec(family="meadow")
    colours = np.array([[0.45, 0.42, 0.2], [0.12, 0.12, 0.12], [0.95, 0.85, 0.2], [0.2, 0.5, 0.2]], np.float32)
    out = clean_colour(colours[None], spec)[0]
    hue_before, hue_after = _hsv(colours[0])[0], _hsv(out[0])[0]
    assert hue_after < hue_before - 5  # olive -> ochre
    assert out[1][2] > out[1][0] + 0.01  # a dead grey dark gets a deep blue
    assert np.allclose(out[2], colours[2], atol=0.01) and np.allclose(out[3], colours[3], atol=0.01)


def test_a_cloud_has_a_lit_crown_and_a_cooler_darker_belly():
    import numpy as np

    from models.painter.clouds import model_clouds
    from models.painter.scene_layout import C

    labels = np.full((256, 256), C["sky"], np.int64)
    labels[40:100, 60:200] = C["cloud"]
    ref = np.zeros((256, 256, 3), np.float32)
    ref[:] = (0.45, 0.65, 0.9)
    ref[labels == C["cloud"]] = (0.92, 0.92, 0.9)
    model_clouds(ref, labels)
    crown, belly = ref[42:48, 80:180].reshape(-1, 3).mean(0), ref[92:99, 80:180].reshape(-1, 3).mean(0)
    assert crown.mean() > 0.92 and belly.mean() < 0.85 * crown.mean()  # lit above, a step darker below
    assert belly[2] - belly[0] > crown[2] - crown[0] + 0.03  # the underside takes the blue of the sky


def test_a_wave_crest_is_a_lighter_touch_of_the_water_not_a_white_line():
    from models.painter.render import dress_scene
    from models.painter.scene_colours import class_colours

    size = 256
    labels = np.full((size, size), WATER)
    labels[:60] = SKY
    labels[200:204, 20:200] = FOAM
    spec = SceneSpec(family="sea")
    colours = class_colours(spec)
    ref = colours[labels].copy()
    dress_scene(ref, labels, spec, "landscape", np.random.default_rng(0))
    water, foam, crest = colours[WATER], colours[FOAM], ref[201:203, 60:160].reshape(-1, 3).mean(0)
    assert water.mean() + 0.1 < crest.mean() < water.mean() + 0.65 * (foam - water).mean()


def test_a_bolt_of_lightning_is_thick_at_its_root_thinning_and_lights_the_cloud():
    from PIL import Image

    from models.painter.render import _lightning

    size = 256
    labels = np.full((size, size), WATER)
    labels[:150] = SKY
    canvas = Image.new("RGB", (size, size), (60, 60, 70))
    _lightning(canvas, labels, SceneSpec(family="sea", weather="stormy"), np.random.default_rng(3))
    image = np.asarray(canvas, np.float32).mean(-1)
    root, foot = ((image[rows] > 200).sum(1).mean() for rows in (slice(12, 30), slice(115, 140)))
    assert root > 1.5 * foot and foot >= 1  # tapering
    assert image[:40].mean() > image[100:140].mean() + 10  # the cloud round its root flashes


def test_a_crest_that_climbs_across_the_cells_is_redrawn_level():
    from models.painter.render import level_crests

    size = 256
    labels = np.full((size, size), WATER)
    labels[:60] = SKY
    for k in range(8):  # a zigzag: steps up and down across the cells
        labels[150 + (k % 2) * 4 : 156 + (k % 2) * 4, 40 + 10 * k : 50 + 10 * k] = FOAM
    level_crests(labels)
    rows = np.nonzero((labels == FOAM).any(1))[0]
    assert (labels == FOAM).any() and rows.max() - rows.min() <= 4  # one level dash
