"""Things painted into the scene: no floating land, trees on trunks, objects in the scene's light and colour,
aerial perspective, rooms lit from their window, strokes that lose an object's edge in places."""

import numpy as np

from models.painter.brushwork import _stroke_paths
from models.painter.grounded import FOLIAGE, TRUNK, drop_floating_land, ground_trees
from models.painter.painted_in import OBJECT, aerial_perspective, lift_object_darks, settle_objects
from models.painter.rooms import dress_room, furnish_room
from models.painter.scene_colours import class_colours
from models.painter.scene_layout import CLASSES
from models.painter.scene_spec import SceneSpec
from models.painter.surfaces import ROCK, leafy_crowns, moving_light, rock_faces
from models.painter.value_plan import vibrance
from models.painter.wet_ground import wet_ground

SKY, GRASS = CLASSES.index("sky"), CLASSES.index("grass")


def _meadow(size=128):
    labels = np.full((size, size), SKY)
    labels[64:] = GRASS
    return labels


def test_land_floating_in_the_sky_goes_back_to_the_sky():
    labels = _meadow()
    labels[10:20, 10:30] = GRASS  # an island of grass in the sky, a tree on it
    labels[5:10, 15:22] = FOLIAGE
    drop_floating_land(labels)
    assert (labels[:40] == SKY).all() and (labels[64:] == GRASS).all()


def test_a_lone_crown_stands_on_a_trunk_and_a_wood_keeps_its_shape():
    labels = _meadow()
    labels[44:66, 20:34] = FOLIAGE  # a lone tree's crown resting on the ground, no trunk
    labels[40:66, 60:128] = FOLIAGE  # a wood
    feet = ground_trees(labels)
    assert len(feet) == 1
    assert (labels[58:66, 25:30] == TRUNK).any()  # a trunk under the crown
    assert (labels[60:66, 20:24] == GRASS).all()  # the crown's lower edge given back to the ground
    assert (labels[40:66, 60:128] == FOLIAGE).all()


def test_a_sticker_takes_the_scenes_colour_light_and_loses_its_edge_in_places():
    size = 128
    labels = _meadow(size)
    scene = np.zeros((size, size, 3), np.float32)
    scene[:64] = (0.55, 0.62, 0.7)  # a muted sky over a muted meadow
    scene[64:] = (0.4, 0.5, 0.3)
    ref = scene.copy()
    labels[50:90, 40:60] = OBJECT
    ref[50:70, 40:60] = (1.0, 0.0, 0.0)  # a pure red drawing, half of it flat black
    ref[70:90, 40:60] = 0.0
    settle_objects(ref, scene, labels, SceneSpec(hue=90, saturation=0.4), seed=0)
    lift_object_darks(ref, labels)
    red = ref[55:65, 45:55].reshape(-1, 3)
    assert (red.max(-1) - red.min(-1)).mean() < 0.8  # no louder than the scene's accents
    assert ref[75:85, 45:55].mean() > 0.1  # no flat black hole
    outline = ref[50:90, 39]  # just outside the left edge: partly the object's colour now, in places
    assert np.abs(outline - scene[50:90, 39]).max() > 0.02


def test_rock_has_lit_tops_and_cracks_and_land_has_moving_light():
    size = 128
    labels = _meadow(size)
    labels[30:64, 40:90] = ROCK
    ref = np.full((size, size, 3), 0.5, np.float32)
    ref[:30] = (0.6, 0.75, 0.95)
    rng = np.random.default_rng(0)
    rock_faces(ref, labels, rng)
    assert ref[31:33, 45:85].mean() > ref[45:60, 45:85].mean()  # the top plane catches the sky's light
    assert ref[40:64, 40:90].mean(-1).std() > 0.03  # planes and cracks, not one flat brown
    before = ref[64:].copy()
    moving_light(ref, labels, SceneSpec(weather="clear"), rng)
    grass = ref[64:]
    assert grass.mean(-1).std() > before.mean(-1).std() + 0.02
    warm = grass[..., 0] - grass[..., 2]
    assert warm.max() - warm.min() > 0.1  # sunlit patches lean warm, shaded ones cool


def test_the_distance_goes_to_the_horizons_colour():
    size = 128
    labels = _meadow(size)
    ref = np.zeros((size, size, 3), np.float32)
    ref[:64] = (0.7, 0.8, 0.95)
    ref[64:] = (0.1, 0.4, 0.1)
    out = aerial_perspective(ref, labels, SceneSpec())
    near_horizon, foreground = out[66, 64], out[126, 64]
    assert np.abs(near_horizon - ref[62, 64]).sum() < 0.85 * np.abs(ref[66, 64] - ref[62, 64]).sum()
    assert np.allclose(foreground, ref[126, 64])


def test_a_room_is_lit_from_its_window_not_painted_in_the_mood_colour():
    size = 128
    labels = np.full((size, size), CLASSES.index("field_main"))
    labels[13:60, 20:50] = SKY  # the window, on the left
    labels[80:] = CLASSES.index("earth")
    furnish_room(labels)
    assert (labels == CLASSES.index("field_light")).any()  # a curtain by the window
    ref = np.zeros((size, size, 3), np.float32)
    teal_mood = SceneSpec(hue=170, saturation=0.8, palette_strength=0.32, valence=0.4)
    dress_room(ref, labels, teal_mood, np.random.default_rng(0))
    wall = labels == CLASSES.index("field_main")
    chroma = ref.max(-1) - ref.min(-1)
    assert chroma[wall].mean() < 0.3
    near, far = ref[70, 55:60], ref[70, 118:123]
    assert wall[70, 55:60].all() and wall[70, 118:123].all() and near.mean() > far.mean() + 0.05


def test_some_strokes_cross_a_drawn_things_edge():
    labels = _meadow(64)
    labels[:, 32:] = OBJECT
    points = np.array([[20.0, 40.0]] * 2)
    angles = np.zeros((64, 64))  # strokes go right, towards the thing
    paths = _stroke_paths(points, angles, labels, np.array([24.0, 24.0]), crosses=np.array([True, False]))
    assert paths[0, -1, 0] > 34 and paths[1, -1, 0] < 33


def test_a_tree_crown_has_lit_clumps_not_one_dark_blob():
    size = 128
    labels = _meadow(size)
    labels[30:64, 40:80] = FOLIAGE
    ref = np.full((size, size, 3), 0.3, np.float32)
    leafy_crowns(ref, labels, SceneSpec(), np.random.default_rng(0))
    crown = ref[30:64, 40:80].mean(-1)
    assert crown[:2].mean() > crown[10:25].mean() + 0.05  # the top catches the light
    assert crown[5:25].std() > 0.02  # clumps of varied value


def test_dusk_light_shifts_the_seas_colour_without_greying_it():
    water = CLASSES.index("water")
    day, dusk = (class_colours(SceneSpec(family="sea", time=t))[water] for t in ("day", "dusk"))
    assert dusk.max() - dusk.min() > 0.8 * (day.max() - day.min()) * 0.72  # chroma kept (dusk dims the value)


def test_wet_ground_mirrors_what_stands_on_it_in_the_rain():
    size = 128
    labels = _meadow(size)
    labels[:, :] = np.where(np.arange(size)[:, None] < 64, SKY, CLASSES.index("earth"))
    ref = np.full((size, size, 3), 0.4, np.float32)
    ref[40:64, 50:60] = 0.95  # a pale house wall standing on the ground
    dry = ref.copy()
    wet_ground(ref, labels, SceneSpec(weather="clear"))
    assert np.array_equal(ref, dry)
    wet_ground(ref, labels, SceneSpec(weather="rain"))
    assert ref[66:80, 52:58].mean() > dry[66:80, 52:58].mean() + 0.1  # its reflection below it
    assert abs(ref[66:80, 100:110].mean() - 0.4) < 0.05  # not where nothing stands


def test_vibrance_revives_dull_colours_and_spares_strong_ones():
    dull, strong = np.array([[0.42, 0.48, 0.4]], np.float32), np.array([[0.9, 0.1, 0.1]], np.float32)
    spec = SceneSpec(valence=0.5)
    chroma = lambda c: float(c.max() - c.min())  # noqa: E731
    assert chroma(vibrance(dull, spec)) > 1.2 * chroma(dull)
    assert abs(chroma(vibrance(strong, spec)) - chroma(strong)) < 1e-6
