"""The hour and the weather seen: fog over the distance, rain in every light, the turning hours' skies, a moon."""

import numpy as np
from PIL import Image

from models.painter.atmosphere import lay_fog, rain
from models.painter.celestial import SKY, Disc, add_moon
from models.painter.scene_colours import sky_gradient
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec
from models.painter.value_plan import value_targets

GRASS = CLASSES.index("grass")


def _meadow(size=128, horizon=56):
    labels = np.full((size, size), GRASS)
    labels[:horizon] = SKY
    return labels


def _stripes(size=128):
    """A picture of strong vertical light and dark stripes: contrast everywhere."""
    rgb = np.zeros((size, size, 3), np.float32)
    rgb[:, ::8] = rgb[:, 1::8] = rgb[:, 2::8] = rgb[:, 3::8] = 0.8
    rgb[..., 2] += 0.1
    return rgb


def test_fog_takes_the_distance_and_leaves_the_near_ground_clear():
    labels, rgb = _meadow(), _stripes()
    fogged = lay_fog(rgb, labels, SceneSpec(time="day", weather="misty"))
    far, near = slice(58, 66), slice(120, 128)
    assert fogged[far].std() < 0.5 * rgb[far].std()  # paler and softer behind
    assert np.allclose(fogged[near], rgb[near], atol=0.02)  # the foreground as painted
    assert lay_fog(rgb, labels, SceneSpec(time="day", weather="clear")) is rgb


def test_a_cliff_asked_for_stands_in_the_middle_of_the_fog_not_at_its_far_line():
    """A lighthouse's cliff and a house's hill rising over the horizon vanished into a sad mood's mist."""
    labels, rgb = _meadow(), _stripes()
    labels[20:56, :70] = CLASSES.index("rock")  # the cliff rising over the horizon
    spec = SceneSpec(time="day", weather="misty")
    cliff = slice(24, 50)
    seen, lost = lay_fog(rgb, labels, spec, "cliffs"), lay_fog(rgb, labels, spec)
    assert seen[cliff, :70].std() > 1.5 * lost[cliff, :70].std()  # its face still reads
    assert np.allclose(seen[:, 70:], lost[:, 70:])  # the sky and the far ground as foggy as ever


def test_a_dawn_has_its_low_mist_on_the_land_and_a_dusk_none():
    labels, rgb = _meadow(), _stripes()
    dawn = lay_fog(rgb, labels, SceneSpec(time="dawn", weather="clear"))
    below_horizon = slice(58, 70)
    assert dawn[below_horizon].std() < 0.85 * rgb[below_horizon].std()
    assert lay_fog(rgb, labels, SceneSpec(time="dusk", weather="clear")) is rgb


def test_rain_is_light_on_a_dark_ground_and_dark_on_a_light_one():
    for fill, lighter in ((20, True), (235, False)):
        canvas = Image.new("RGB", (128, 128), (fill, fill, fill))
        rain(canvas, np.random.default_rng(0))
        value = np.asarray(canvas.convert("L"), np.float32)
        changed = np.abs(value - fill) > 12
        assert 0.005 < changed.mean() < 0.015  # seen, but no veil: twice as many read as "a mechanical overlay"
        assert (value[changed].mean() > fill) == lighter


def test_rain_in_a_room_falls_only_in_its_window():
    canvas = Image.new("RGB", (128, 128), (30, 30, 30))
    window = np.zeros((128, 128), bool)
    window[:40, :40] = True
    rain(canvas, np.random.default_rng(1), window)
    changed = np.abs(np.asarray(canvas.convert("L"), np.float32) - 30) > 12
    assert changed[:40, :40].any() and not changed[60:, 60:].any()


def _warmth(rgb):
    return float(rgb[0] - rgb[2])


def test_a_stormy_sunset_keeps_a_warm_break_of_light_low_in_the_sky():
    y = np.array([[0.05], [0.6]], np.float32)
    top, low = sky_gradient(SceneSpec(time="dusk", weather="stormy"), y)[:, 0]
    day_low = sky_gradient(SceneSpec(time="day", weather="stormy"), y)[1, 0]
    assert _warmth(low) > _warmth(top) + 0.15 and _warmth(low) > _warmth(day_low) + 0.15


def test_dawn_is_paler_and_dusk_deeper_and_redder():
    y = np.linspace(0, 0.65, 14, dtype=np.float32)[:, None]
    dawn, dusk = (sky_gradient(SceneSpec(time=t, weather="clear"), y)[:, 0] for t in ("dawn", "dusk"))
    assert dawn.mean() > dusk.mean() + 0.1
    band = slice(6, 12)
    assert (dusk[band, 0] - dusk[band, 1]).mean() > (dawn[band, 0] - dawn[band, 1]).mean()  # red against gold
    assert value_targets(SceneSpec(time="dusk"))[2] < value_targets(SceneSpec(time="dawn"))[2]


def test_a_night_sky_without_a_moon_gets_one_but_not_in_the_rain():
    labels = _meadow()
    moon = add_moon(labels, [], SceneSpec(time="night", weather="clear"))
    assert len(moon) == 1 and int(0.12 * 128) <= moon[0].y <= 0.45 * 128
    assert add_moon(labels, [], SceneSpec(time="night", weather="rain")) == []
    assert add_moon(labels, [], SceneSpec(time="dusk", weather="clear")) == []
    kept = [Disc(20.0, 30.0, 5.0)]
    assert add_moon(labels, kept, SceneSpec(time="night")) == kept


def test_a_wood_in_fog_keeps_its_silhouettes_and_a_clouds_dark_underside_goes_under_the_fog():
    """A foggy pine forest read as "a misty meadow" (the trees melted into the fog) with "smoke" in its sky."""
    labels, rgb = _meadow(), np.full((128, 128, 3), 0.75, np.float32)
    trees = np.zeros_like(labels, bool)
    trees[40:62, 20:60] = True  # a wood on the far line
    labels[trees], rgb[trees] = CLASSES.index("foliage"), 0.2
    cloud = np.zeros_like(labels, bool)
    cloud[10:20, 70:110] = True
    labels[cloud], rgb[cloud] = CLASSES.index("cloud"), 0.25
    fogged = lay_fog(rgb, labels, SceneSpec(time="day", weather="misty"))
    assert fogged[56:60, 20:60].mean() < 0.5  # the trees' feet a dark shape in the fog (0.2 painted, 0.75 fog)
    assert abs(fogged[12:18, 75:105].mean() - fogged[12:18, 5:40].mean()) < 0.1  # the cloud nearly gone in it
