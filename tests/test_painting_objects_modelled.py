"""Drawn things painted as forms in the scene's light: lit and shadow sides, a cast shadow, their own strokes."""

import numpy as np

from models.painter.brushwork import paint_strokes
from models.painter.object_form import OBJECT, cast_shadows, model_objects, skin_for_sitters, volume
from models.painter.painted_in import restate_things
from models.painter.scene_layout import CLASSES

GRASS, SKY = CLASSES.index("grass"), CLASSES.index("sky")
FROM_LEFT = np.array([-0.3, -0.95], np.float32)  # (dy, dx) towards the light: up and to the left


def _disc_on_grass(size=128, radius=30, centre=(60, 64)):
    labels = np.full((size, size), GRASS)
    labels[: size // 3] = SKY
    yy, xx = np.mgrid[0:size, 0:size]
    disc = (yy - centre[0]) ** 2 + (xx - centre[1]) ** 2 <= radius**2
    labels[disc] = OBJECT
    ref = np.where(labels[..., None] == GRASS, [0.3, 0.55, 0.25], [0.55, 0.7, 0.9]).astype(np.float32)
    ref[disc] = [0.8, 0.2, 0.2]
    return ref, labels, disc


def test_a_flat_disc_gets_a_lit_side_towards_the_light_and_a_shadow_side_away():
    ref, labels, disc = _disc_on_grass()
    scene = ref.copy()
    model_objects(ref, scene, labels, FROM_LEFT, "day")
    value = ref.mean(-1)
    left, right = value[45:75, 36:50][disc[45:75, 36:50]], value[45:75, 78:92][disc[45:75, 78:92]]
    assert left.mean() > right.mean() + 0.08
    assert (ref[disc][:, 0] > ref[disc][:, 1]).mean() > 0.95  # still a red thing
    assert np.allclose(ref[~disc], scene[~disc])  # the scene around it untouched


def test_shapes_inside_a_drawing_become_small_domes():
    ref, labels, disc = _disc_on_grass()
    ref[40:80, 64:] = np.where(disc[40:80, 64:, None], [0.2, 0.2, 0.8], ref[40:80, 64:])  # a second colour shape
    height = volume(ref, labels == OBJECT)
    # across the inner border the surface dips (a turn of the form), so it is not one smooth dome
    assert height[60, 64] < height[60, 58] and height[60, 64] < height[60, 70]


def test_a_thing_on_the_ground_casts_a_shadow_away_from_the_light_and_a_flying_one_none():
    ref, labels, disc = _disc_on_grass()
    before = ref.copy()
    cast_shadows(ref, labels, FROM_LEFT)
    darker = before.mean(-1) - ref.mean(-1)
    assert darker[92:100, 70:100].mean() > darker[92:100, 28:58].mean() + 0.02  # to the right, away from the light
    flying_ref, flying_labels, _ = _disc_on_grass(centre=(22, 64), radius=12)  # over the sky
    kept = flying_ref.copy()
    cast_shadows(flying_ref, flying_labels, FROM_LEFT)
    assert np.allclose(flying_ref, kept)


def test_a_small_thing_keeps_its_own_colour_under_the_strokes():
    size = 256
    ref, labels, _ = _disc_on_grass(size, radius=8, centre=(180, 128))
    things = labels == OBJECT
    mixed = paint_strokes(ref, labels, 0.3, np.random.default_rng(1))
    own = paint_strokes(ref, labels, 0.3, np.random.default_rng(1), things)
    redness = lambda image: (image[..., 0] - image[..., 1])[things].mean()  # noqa: E731
    assert redness(own) > redness(mixed) + 0.08 and redness(own) > 0.5


def test_restating_leaves_the_outline_to_the_strokes():
    ref, labels, disc = _disc_on_grass()
    painted = np.zeros_like(ref)
    out = restate_things(painted, ref, disc)
    edge = disc & ~np.roll(disc, 1, 1)
    assert np.allclose(out[edge], 0) and out[60, 64].sum() > 0 and np.allclose(out[~disc], 0)


def test_a_sitters_emoji_yellow_skin_is_repainted_in_a_skin_colour_and_keeps_its_shading():
    ref, labels, disc = _disc_on_grass()
    ref[disc] = (1.0, 0.8, 0.15)  # the emoji's yellow face
    ref[55:60, 50:78] = np.where(disc[55:60, 50:78, None], (0.5, 0.4, 0.075), ref[55:60, 50:78])  # in shade
    skin_for_sitters(ref, labels, seed=1)
    face = ref[disc]
    assert (face[:, 2] > 0.35).mean() > 0.95  # blue well up: a skin colour, not yellow
    assert ref[57, 64].mean() < ref[70, 64].mean() - 0.15  # the shade kept
    blue_shirt, blue_labels, blue_disc = _disc_on_grass()
    blue_shirt[blue_disc] = (0.2, 0.4, 0.8)
    kept = blue_shirt.copy()
    skin_for_sitters(blue_shirt, blue_labels, seed=1)
    assert np.allclose(blue_shirt, kept)


def _legged_thing(size=256):
    """A red body on two thin legs (a horse's, 3 px wide) standing in the grass."""
    ref, labels, _ = _disc_on_grass(size, radius=28, centre=(150, 128))
    legs = np.zeros(labels.shape, bool)
    legs[175:215, 112:115] = legs[175:215, 140:143] = True
    labels[legs] = OBJECT
    ref[legs] = [0.8, 0.2, 0.2]
    return ref, labels, legs


def test_a_things_drawing_is_kept_under_its_strokes_not_smeared_into_a_lump():
    ref, labels, legs = _legged_thing()
    ref[140:146, 120:126] = [0.1, 0.05, 0.05]  # an eye
    ref[150:178, 100:156] *= 0.6  # the side away from the light
    things = labels == OBJECT
    for seed in range(3):
        painted = paint_strokes(ref, labels, 0.5, np.random.default_rng(seed), things)
        out = restate_things(painted, ref, things)
        assert np.abs(out - ref)[things].mean() < 0.019  # 0.022-0.024 when its strokes ran over its legs and eye
        assert (out[..., 0] - out[..., 1])[legs].mean() > 0.35  # the legs its own red, not the grass's


def test_a_silhouettes_ground_line_is_taken_away_and_its_base_kept():
    from models.painter.objects import without_ground_line

    rgba = np.zeros((100, 100, 4), np.float32)
    rgba[20:80, 30:70] = 1.0  # the boat
    rgba[94:100, 2:98] = 1.0  # the waves drawn under it, apart from it
    out = without_ground_line(rgba)
    assert out.shape[:2] == (60, 40) and out[..., 3].all()
    based = np.zeros((100, 100, 4), np.float32)
    based[10:85, 40:60] = 1.0
    based[86:100, 20:80] = 1.0  # a lantern's foot: too tall for a line
    assert without_ground_line(based).shape[:2] == (90, 60)  # all of it kept
    one = np.zeros((50, 50, 4), np.float32)
    one[5:45, 5:45] = 1.0
    assert without_ground_line(one) is one
