"""Painting craft: the value plan, round suns, strokes, colour schemes, buildings, and a subject for a mood."""

import numpy as np

from models.painter.boats import BOAT, paint_boats
from models.painter.brushwork import SHAPES, stroke_outlines
from models.painter.buildings import BUILDING, dress_buildings, find_blocks
from models.painter.celestial import LIGHT, SKY, paint_discs, take_discs
from models.painter.render import break_crests, render_class_map
from models.painter.scene_colours import _hue_of, class_colours
from models.painter.scene_layout import CLASSES, draw_layout
from models.painter.scene_spec import SceneSpec
from models.painter.value_plan import apply_value_plan, luminance, value_targets
from tools.brief import CreativeBrief
from tools.painting_mapping import mood_scene_table, painting_parameters, unasked_time
from tools.palette import hue_distance

SAD = SceneSpec(family="lake", time="day", weather="cloudy", hue=220, saturation=0.2, brightness=0.2, valence=-0.7)
JOYFUL = SceneSpec(family="meadow", hue=45, saturation=0.8, brightness=0.85, valence=0.8, arousal=0.5)


def test_value_plan_gives_a_grey_sad_picture_real_darks_and_lights():
    flat = np.random.default_rng(0).uniform(0.4, 0.5, (64, 64, 1)).repeat(3, -1).astype(np.float32)
    darkest, lightest, key = value_targets(SAD)
    value = luminance(apply_value_plan(flat, SAD))
    assert np.percentile(value, 1) < darkest + 0.05 and np.percentile(value, 99) > lightest - 0.05
    assert abs(np.median(value) - key) < 0.05
    assert value_targets(JOYFUL)[2] > key  # the mood sets the key, not the range


def test_a_sad_painting_keeps_its_contrast():
    rng = np.random.default_rng(3)
    image = np.asarray(render_class_map(draw_layout(SAD, rng), SAD, 3, size=128, finish=False), np.float32) / 255
    value = luminance(image)
    assert np.percentile(value, 2) < 0.2 and np.percentile(value, 98) > 0.6


def test_a_lumpy_sun_becomes_a_round_disc_over_the_sky_only():
    size = 128
    labels = np.full((size, size), SKY)
    labels[40:52, 30:46] = LIGHT
    labels[44:60, 38:44] = LIGHT  # a lump hanging off it
    labels[90:, :] = CLASSES.index("far")
    discs = take_discs(labels)
    assert len(discs) == 1 and not (labels == LIGHT).any()
    canvas = np.zeros((size, size, 3), np.float32)
    paint_discs(canvas, labels, discs, SceneSpec(time="dusk"))
    painted = canvas.max(-1) > 0.5
    yy, xx = np.nonzero(painted)
    assert abs(yy.mean() - discs[0].y) < 1 and abs(xx.mean() - discs[0].x) < 1
    assert abs(painted.sum() / (np.pi * discs[0].radius ** 2) - 1) < 0.15  # a disc, not the blob


def test_strokes_come_in_shapes_not_one_capsule():
    paths = np.stack([np.linspace([0, 0], [30, 0], 4)] * len(SHAPES)).astype(np.float32)
    _, half = stroke_outlines(paths, np.full(len(SHAPES), 10.0), SHAPES)
    assert len({tuple(np.round(h, 2)) for h in half}) == len(SHAPES)
    assert (half[:, 0] < half[:, 1]).any() and (half[:, -1] < half[:, 1]).all()  # tapered ends


def test_two_named_colours_share_the_picture():
    spec = SceneSpec(
        family="mountains", hue=330, accent_hue=45, saturation=0.6, accent_saturation=0.7, palette_strength=0.85
    )
    colours = class_colours(spec)
    hue = {name: _hue_of(colours[CLASSES.index(name)]) for name in ("sky", "grass", "light")}
    assert hue_distance(hue["sky"], 330) < 40  # the main colour leads in the sky
    assert hue_distance(hue["grass"], 330) > 60  # but the meadow is not pink
    assert hue_distance(hue["light"], 45) < 30  # the gold is the sun's


def test_a_town_gets_roofs_windows_and_a_door():
    size = 128
    labels = np.full((size, size), SKY)
    labels[100:, :] = CLASSES.index("grass")
    labels[80:100, 20:33] = BUILDING
    labels[30:100, 60:72] = BUILDING
    assert len(find_blocks(labels, 6)) == 2
    ref = np.full((size, size, 3), 0.6, np.float32)
    dress_buildings(ref, labels, SceneSpec(family="city", time="night"), np.random.default_rng(0))
    assert (labels[72:80, 20:33] == BUILDING).any()  # a pitched roof above the small house
    house = ref[80:100, 20:33].reshape(-1, 3)
    assert len(np.unique(np.round(house, 2), axis=0)) >= 3  # wall, windows (some lit at night), door


def test_a_mood_alone_gets_a_scene_that_carries_it_and_says_so():
    brief = CreativeBrief(mood="melancholic", valence=-0.6, arousal=-0.4)
    chosen = {painting_parameters(brief, seed=s).subject for s in range(6)}
    assert chosen <= set(mood_scene_table()["melancholic"]["scenes"]) and len(chosen) > 1
    params = painting_parameters(brief, seed=0)
    assert params.chosen_subject and params.scene.matched
    assert params.subject_note() == f"no subject given: {params.subject}, for melancholic"
    asked = painting_parameters(brief.model_copy(update={"subject": "a red fox"}))
    assert not asked.chosen_subject and asked.subject == "a red fox" and asked.subject_note() is None


def test_a_boat_blob_becomes_a_hull_with_a_sail():
    size = 128
    labels = np.full((size, size), CLASSES.index("water"))
    labels[:50] = SKY
    labels[70:76, 40:52] = BOAT
    ref = np.full((size, size, 3), 0.5, np.float32)
    ref[:50] = 0.9  # a pale sky
    paint_boats(ref, labels, SceneSpec(family="lake"), np.random.default_rng(0))
    boat = labels == BOAT
    rows = np.nonzero(boat.any(1))[0]
    assert rows.min() < 62 and rows.max() >= 72  # a sail rises well above the waterline blob
    sail, hull = ref[rows.min() + 3][boat[rows.min() + 3]], ref[rows.max() - 1][boat[rows.max() - 1]]
    assert sail.mean() > hull.mean() + 0.2  # a pale sail over a dark hull


def test_foam_rows_break_into_crests():
    size = 128
    labels = np.full((size, size), CLASSES.index("water"))
    for y in range(10, size, 12):
        labels[y : y + 2] = CLASSES.index("foam")
    before = (labels == CLASSES.index("foam")).sum()
    break_crests(labels, np.random.default_rng(1))
    after = labels == CLASSES.index("foam")
    assert 0.3 * before < after.sum() < 0.95 * before
    assert (~after[10]).any()  # a row no longer runs unbroken


def test_greens_lead_on_the_land_not_in_the_sky():
    spec = SceneSpec(family="meadow", hue=120, accent_hue=90, saturation=0.6, palette_strength=0.85)
    colours = class_colours(spec)
    assert hue_distance(_hue_of(colours[CLASSES.index("sky")]), 120) > 50
    assert hue_distance(_hue_of(colours[CLASSES.index("grass")]), 120) < 30


def test_a_sky_has_one_sun():
    labels = np.full((128, 128), SKY)
    labels[10:20, 10:20] = LIGHT
    labels[10:16, 90:96] = LIGHT
    assert len(take_discs(labels)) == 1 and not (labels == LIGHT).any()


def test_a_storm_or_rain_hides_the_sun():
    for weather, shown in (("stormy", 0), ("rain", 0), ("cloudy", 1)):
        labels = np.full((128, 128), SKY)
        labels[10:20, 10:20] = LIGHT
        assert len(take_discs(labels, weather)) == shown and not (labels == LIGHT).any()


def test_a_snowy_scene_is_not_said_twice_snowy():
    params = painting_parameters(CreativeBrief(subject="a cabin in the snow"))
    assert "snowy snowy" not in params.description()


def test_an_unasked_time_is_mostly_day_varied_by_seed_and_mood():
    calm, sad = CreativeBrief(), CreativeBrief(mood="melancholic", valence=-0.6, arousal=-0.4)
    calm_times = [unasked_time(calm.valence, calm.arousal, "lake", s) for s in range(200)]
    assert calm_times.count("day") > 120 and calm_times.count("dawn") + calm_times.count("dusk") < 60
    assert len(set(calm_times)) == 4  # the seed varies it
    sad_times = [unasked_time(sad.valence, sad.arousal, "lake", s) for s in range(200)]
    assert sad_times.count("dusk") + sad_times.count("night") > calm_times.count("dusk") + calm_times.count("night")
    assert unasked_time(0.5, 0.5, "night_sky", 3) == "night"
    lakes = {painting_parameters(calm.model_copy(update={"subject": "a lake"}), seed=s).spec.time for s in range(8)}
    assert "day" in lakes  # a calm mood no longer paints every unasked hour as dawn
    at_dusk = calm.model_copy(update={"subject": "a lake at dusk"})
    dusk = {painting_parameters(at_dusk, seed=s).spec.time for s in (1, 2)}
    assert dusk == {"dusk"}  # asked words win
