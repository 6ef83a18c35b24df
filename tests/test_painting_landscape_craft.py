"""Landscape craft: skies blended wet-into-wet, grass in blades, land lit in bands, beds of flowers, green land
that keeps its green under a dusk light."""

import numpy as np
import pytest

from models.painter.brushwork import paint_strokes
from models.painter.render import complete_flowers, flower_beds
from models.painter.scene_colours import _hue_of, class_colours
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec
from models.painter.surfaces import moving_light

SKY, GRASS, PETAL, BLOOM, SAND = (CLASSES.index(c) for c in ("sky", "grass", "petal", "bloom", "sand"))


def _sky_over_grass(size=128):
    labels = np.full((size, size), GRASS)
    labels[: size // 2] = SKY
    ref = np.zeros((size, size, 3), np.float32)
    y = np.linspace(0, 1, size // 2, dtype=np.float32)[:, None, None]
    ref[: size // 2] = (0.35, 0.5, 0.8) + y * np.array([0.3, 0.3, 0.15], np.float32)  # a graded sky
    rng = np.random.default_rng(3)
    ref[size // 2 :] = np.clip(0.45 + 0.25 * rng.random((size // 2, size, 1)), 0, 1) * np.array([0.6, 1.0, 0.4])
    return labels, ref


def _roughness(image: np.ndarray) -> float:
    """Mean absolute difference between horizontal neighbours: how hard the stroke edges are."""
    return float(np.abs(np.diff(image.mean(-1), axis=1)).mean())


def test_a_sky_is_blended_smoother_than_the_same_gradient_painted_as_sand():
    labels, ref = _sky_over_grass()
    sky = paint_strokes(ref, labels, 0.6, np.random.default_rng(0))
    sand = paint_strokes(ref, np.where(labels == SKY, SAND, labels), 0.6, np.random.default_rng(0))
    assert _roughness(sky[8:56]) < 0.7 * _roughness(sand[8:56])  # the same strokes, their edges worked in
    assert sky[50:56].mean() > sky[4:10].mean() + 0.1  # still lighter towards the horizon
    assert np.abs(sky[72:] - sand[72:]).max() < 0.03  # the land is painted as before


def test_a_mass_of_petals_becomes_a_bed_of_many_heads_each_with_a_centre():
    size = 256
    labels = np.full((size, size), GRASS)
    labels[120:200, 60:180] = PETAL  # one blob far larger than a flower head
    labels[30:38, 30:38] = PETAL  # a real head: left as it is
    flower_beds(labels, np.random.default_rng(0))
    complete_flowers(labels)
    from scipy import ndimage

    heads, count = ndimage.label(labels[120:200, 60:180] == PETAL)
    assert count >= 15  # many flowers, not one mound
    assert (labels[120:200, 60:180] == GRASS).mean() > 0.2  # with grass between them
    assert (labels[120:200, 60:180] == BLOOM).any()  # each with its dark centre, small
    assert (labels[120:200, 60:180] == BLOOM).mean() < 0.2
    assert (labels[30:38, 30:38] != GRASS).all()


def test_a_bed_of_flowers_inside_a_hedge_flowers_on_the_hedge_not_on_a_lawn_cut_into_it():
    """Garden beds the layout set in the hedge were painted as pale lawn ovals floating in it ("crude blotches")."""
    size = 256
    foliage = CLASSES.index("foliage")
    labels = np.full((size, size), GRASS)
    labels[40:140] = foliage  # a hedge across the picture
    labels[60:120, 60:180] = PETAL  # a bed the layout put in it
    flower_beds(labels, np.random.default_rng(0))
    bed = labels[60:120, 60:180]
    assert (bed == foliage).mean() > 0.2 and not (bed == GRASS).any()


def test_land_light_lies_in_wide_bands_not_tall_blobs():
    size = 192
    labels = np.full((size, size), GRASS)
    spreads = []
    for seed in range(4):
        ref = np.full((size, size, 3), 0.5, np.float32)
        moving_light(ref, labels, SceneSpec(weather="cloudy", valence=-0.5), np.random.default_rng(seed))
        value = ref.mean(-1)
        spreads.append((value.mean(1).std(), value.mean(0).std()))  # across rows, across columns
    rows, columns = np.mean(spreads, 0)
    assert rows > 2 * columns  # light changes going into the distance more than along the land


def test_grass_stays_green_under_a_dusk_light():
    spec = SceneSpec(family="meadow", time="dusk", weather="clear")
    grass = class_colours(spec)[GRASS]
    assert 75 <= _hue_of(grass) <= 150  # a green, not an olive or an ochre


def test_a_far_range_takes_the_skys_colour_and_a_sea_headland_keeps_its_own():
    from models.painter.surfaces import ROCK, distant_ranges

    size = 96
    labels = np.full((size, size), GRASS)
    labels[:50] = SKY
    labels[30:50, 10:60] = ROCK  # a range standing behind the meadow
    labels[60:80, 70:90] = ROCK  # a boulder in the meadow, near
    ref = np.zeros((size, size, 3), np.float32)
    ref[:50] = (0.6, 0.7, 0.9)
    ref[labels == ROCK] = (0.3, 0.25, 0.2)
    ref[labels == GRASS] = (0.3, 0.5, 0.2)
    before = ref.copy()
    distant_ranges(ref, labels, SceneSpec(family="mountains"))
    assert ref[40, 30].mean() > before[40, 30].mean() + 0.08 and ref[40, 30, 2] > ref[40, 30, 0]  # lighter, bluer
    assert np.allclose(ref[70, 80], before[70, 80]) and np.allclose(ref[70, 5], before[70, 5])
    sea = before.copy()
    distant_ranges(sea, labels, SceneSpec(family="sea"))
    assert np.allclose(sea, before)


def test_water_under_a_dusk_sky_mirrors_the_sky_above_the_glow_not_brown():
    from models.painter.scene_colours import underpainting

    size = 64
    labels = np.full((size, size), CLASSES.index("water"))
    labels[:28] = SKY
    for family in ("lake", "sea"):
        spec = SceneSpec(family=family, time="dusk", weather="clear")
        water = underpainting(labels, spec, np.random.default_rng(0))[34:].reshape(-1, 3).mean(0)
        assert water[2] > water[0] + 0.05  # a blue-violet, not the orange of the glow mixed into a grey-brown
        assert water.max() - water.min() > 0.06  # a colour, not a grey


def test_autumn_turns_the_crowns_orange_and_the_grass_gold():
    summer, autumn = (class_colours(SceneSpec(family="forest", season=s)) for s in ("any", "autumn"))
    foliage, grass = CLASSES.index("foliage"), CLASSES.index("grass")
    r, g, b = autumn[foliage]
    assert r > g > b  # orange, where summer's crowns are green
    assert summer[foliage][1] > summer[foliage][0]
    assert autumn[grass][0] > summer[grass][0]  # the grass warmer
    with pytest.raises(ValueError):
        SceneSpec(season="monsoon")


def test_autumn_crowns_take_many_hues_and_keep_their_light():
    from models.painter.autumn import turn_crowns

    labels = np.full((96, 96), CLASSES.index("grass"))
    labels[10:60, :] = CLASSES.index("foliage")  # one canopy across the picture (a wood, a hedge)
    labels[70:80, 10:20] = CLASSES.index("foliage")  # and one small crown
    ref = np.full((96, 96, 3), (0.2, 0.4, 0.15), np.float32)
    ref[10:35] *= 0.6  # the canopy's top in shade
    turn_crowns(ref, labels, np.random.default_rng(3))
    canopy = ref[10:60].reshape(-1, 3)
    assert (canopy[:, 0] > canopy[:, 1]).mean() > 0.9  # red, orange and gold, no longer green
    hues = {tuple(np.round(c, 1)) for c in canopy[::37]}
    assert len(hues) > 4  # many crowns, not one red wall (stop 27's orange read as "brown bushes")
    assert ref[10:35].max(-1).mean() < ref[35:60].max(-1).mean()  # the shade kept
    assert np.allclose(ref[85:], (0.2, 0.4, 0.15))  # the grass untouched


def test_a_meadow_at_dusk_has_wildflowers_in_the_fields_dimmer_light():
    size = 128
    labels = np.full((size, size), GRASS)
    labels[:40] = SKY

    def flowers(time: str, grass_value: float) -> tuple[np.ndarray, float]:
        ref = np.full((size, size, 3), grass_value, np.float32) * np.array([0.6, 1.0, 0.5], np.float32)
        before = ref.copy()
        moving_light(ref, labels, SceneSpec(time=time, weather="clear", valence=0.3), np.random.default_rng(1))
        dabs = np.abs(ref - before).max(-1) > 0.25  # the dabs, not the light's gentle patches
        return dabs, float(ref[dabs].max(-1).mean()) if dabs.any() else 0.0

    (day, day_value), (dusk, dusk_value) = flowers("day", 0.5), flowers("dusk", 0.25)
    assert day[40:].mean() > 0.005 and dusk[40:].mean() > 0.005  # both fields flower (dusk had none)
    assert dusk_value < 0.8 * day_value  # in the dusk field's own light
    assert flowers("night", 0.25)[0][40:].mean() < 0.001


def test_the_far_water_takes_more_of_the_skys_light_than_the_near(monkeypatch):
    from models.painter import scene_colours

    size = 64
    labels = np.full((size, size), CLASSES.index("water"))
    labels[:28] = SKY

    def gap() -> float:
        spec = SceneSpec(family="sea", time="day", weather="clear")
        rgb = scene_colours.underpainting(labels, spec, np.random.default_rng(0))
        return float(rgb[29:33].mean() - rgb[56:].mean())  # far water against near

    with_sheen = gap()
    monkeypatch.setattr(scene_colours, "SHEEN", 0.0)
    assert with_sheen > gap() + 0.03  # lighter towards the horizon than the plain mirror makes it
