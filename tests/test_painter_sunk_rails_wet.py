"""A duck afloat shows no legs, a cake rests on a flat foot, a train runs on its track, a wet street at night
mirrors its lights."""

import numpy as np
import pytest

from models.painter.object_library import ObjectEntry, installed
from models.painter.objects import OBJECT_CLASS, ObjectPainter, PlacedObject
from models.painter.rails import runs_on_rails, track, with_carriage
from models.painter.scene_layout import C
from models.painter.scene_spec import SceneSpec
from models.painter.sunk import afloat, seated

needs_icons = pytest.mark.skipif(
    not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)"
)


def _duck_on_legs() -> np.ndarray:
    """RGBA: a wide body (rows 0-59) on two thin legs (rows 60-79)."""
    rgba = np.zeros((80, 60, 4), np.float32)
    rgba[:60, 5:55] = 1.0
    rgba[60:, 18:21] = 1.0
    rgba[60:, 38:41] = 1.0
    return rgba


def test_a_thing_afloat_loses_its_legs_under_the_water():
    cut = afloat(_duck_on_legs())
    assert cut.shape[0] == 60  # down to the body's last row
    raft = np.ones((20, 60, 4), np.float32)
    assert afloat(raft).shape == raft.shape  # as wide at its foot as its body: nothing under the water


def test_a_rounded_underside_is_flattened_a_little_and_no_more():
    rgba = np.zeros((100, 100, 4), np.float32)
    yy, xx = np.mgrid[0:100, 0:100]
    rgba[((yy - 50) ** 2 + (xx - 50) ** 2) < 49.5**2] = 1.0  # a ball
    cut = seated(rgba)
    assert 100 - 8 <= cut.shape[0] < 100
    assert seated(_duck_on_legs()).shape[0] >= 80 - 8  # legs are never cut as a rounding


def test_the_track_is_steel_on_top_and_fades_into_the_ground():
    strip = track(200, 100, seed=1)
    assert strip.shape[1] == 200 and strip.shape[0] >= 4
    assert strip[0, :, 3].min() == 1.0  # the rail runs the whole width
    assert strip[-1, :, 3].mean() < strip[0, :, 3].mean()


@needs_icons
def test_an_engine_pulls_a_carriage_and_runs_on_rails():
    from models.painter.object_library import render

    engine = ObjectEntry("noto", "locomotive")
    drawn = render(engine, 60)
    train = with_carriage(drawn, engine)
    assert train.shape[0] == drawn.shape[0] and train.shape[1] > 1.6 * drawn.shape[1]
    assert runs_on_rails(engine) and not runs_on_rails(ObjectEntry("noto", "train"))  # (a front view has its track)
    ref = np.full((128, 128, 3), 0.4, np.float32)
    labels = np.full((128, 128), C["grass"], np.int64)
    labels[:50] = C["sky"]
    placed = PlacedObject(engine, "stands", 0.5, 0.8, 0.25)
    ObjectPainter([placed], SceneSpec(), light_x=0.2).underpaint(ref, labels)
    row = int(0.8 * 128)
    assert (labels[row - 1 : row + 3] == OBJECT_CLASS).any(0).all()  # the track across the whole picture


def test_a_wet_street_at_night_mirrors_its_lit_windows():
    from models.painter.wet_ground import is_wet_dark, mirror_lights

    labels = np.full((64, 64), C["building"], np.int64)
    labels[40:] = C["earth"]  # the street below the facade
    ref = np.full((64, 64, 3), 0.15, np.float32)
    ref[30:36, 10:16] = (1.0, 0.85, 0.4)  # a lit window
    before = ref.copy()
    mirror_lights(ref, labels)
    assert ref[44:50, 10:16].mean() > before[44:50, 10:16].mean() + 0.05  # its light in the street below
    assert ref[44:50, 40:46].mean() <= before[44:50, 40:46].mean()  # no light where none was above: wet, darker
    assert np.array_equal(ref[:40], before[:40])
    assert is_wet_dark(SceneSpec(weather="rain", time="night")) and not is_wet_dark(SceneSpec(weather="rain"))
