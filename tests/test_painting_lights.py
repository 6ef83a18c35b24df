"""Things that give light are the picture's light: a lantern's heart is warm and bright, its light falls around it."""

import numpy as np

from models.painter.glow import dim_the_room, gives_light, light_the_lights
from models.painter.object_form import OBJECT
from models.painter.object_library import ObjectEntry
from models.painter.objects import PlacedObject
from models.painter.scene_layout import CLASSES


def test_which_drawings_give_light_is_read_from_their_names_last_word():
    assert gives_light("red-paper-lantern") and gives_light("fireplace") and gives_light("desk-lamp")
    assert not gives_light("fire-engine") and not gives_light("fire-extinguisher") and not gives_light("teapot")


def _lantern_scene(size=128, name="lantern"):
    labels = np.full((size, size), CLASSES.index("field_main"))
    labels[50:90, 50:78] = OBJECT
    ref = np.full((size, size, 3), 0.2, np.float32)
    obj = PlacedObject(ObjectEntry("game-icons", name), "still_life", cx=64 / size, base_y=90 / size, height=40 / size)
    return ref, labels, obj


def test_a_lantern_at_night_is_the_warm_light_of_the_picture():
    ref, labels, obj = _lantern_scene()
    light_the_lights(ref, labels, [obj], "night", indoors=True)
    heart = ref[68, 64]
    assert heart.mean() > 0.7 and heart[0] > heart[2] + 0.2  # bright and warm
    near, far = ref[70, 95].mean(), ref[10, 5].mean()
    assert near > far + 0.05  # its light falls around it
    teapot_ref, teapot_labels, teapot = _lantern_scene(name="teapot")
    light_the_lights(teapot_ref, teapot_labels, [teapot], "night", indoors=True)
    assert np.allclose(teapot_ref, 0.2)


def test_a_room_at_night_is_dim_but_its_window_still_shows_the_night_sky():
    labels = np.full((64, 64), CLASSES.index("field_main"))
    labels[10:30, 20:40] = CLASSES.index("sky")
    ref = np.full((64, 64, 3), 0.8, np.float32)
    dim_the_room(ref, labels, "night")
    assert ref[50, 50].mean() < 0.4 and np.allclose(ref[20, 30], 0.8)
    day = np.full((64, 64, 3), 0.8, np.float32)
    dim_the_room(day, labels, "day")
    assert np.allclose(day, 0.8)
