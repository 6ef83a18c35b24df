"""A still life seen close (its table, not a room around a giant on a stool), long things lying on it, a close-up
read as its thing, and a thing's place read from the furniture or the tools it names."""

import numpy as np
import pytest

from models.painter.object_library import ObjectEntry, installed
from models.painter.objects import PlacedObject

needs_icons = pytest.mark.skipif(
    not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)"
)


def _bar(angle: float, length: int = 60, width: int = 8) -> np.ndarray:
    """RGBA of a long bar at that angle (degrees from level, anticlockwise), in a square box."""
    size = 90
    y, x = np.mgrid[0:size, 0:size] - size / 2
    a = np.radians(angle)
    along, across = x * np.cos(a) - y * np.sin(a), x * np.sin(a) + y * np.cos(a)
    rgba = np.zeros((size, size, 4), np.float32)
    rgba[(np.abs(along) < length / 2) & (np.abs(across) < width / 2)] = (0.6, 0.6, 0.7, 1.0)
    return rgba


def test_a_long_slanted_drawing_is_laid_level_and_a_round_or_upright_one_is_not():
    from models.painter.lying import laid_flat, long_axis

    assert abs(long_axis(_bar(45)[..., 3])[0] - 45) < 3 and long_axis(_bar(45)[..., 3])[1] > 4
    flat = laid_flat(_bar(45))
    assert flat.shape[1] > 3 * flat.shape[0]  # level now: much wider than tall
    assert max(flat.shape[:2]) == max(_bar(45).shape[:2])  # the same longer side
    assert abs(long_axis(flat[..., 3])[0]) < 5
    upright = _bar(88)
    assert laid_flat(upright) is upright  # a bottle stands
    disc = np.zeros((40, 40, 4), np.float32)
    disc[5:35, 5:35] = 1.0
    assert laid_flat(disc) is disc


def test_a_close_still_life_is_a_table_across_the_picture_with_no_floor():
    from models.painter.rooms import CLOSE_FRONT, CLOSE_TOP, FLOOR, LEDGE, SKY, TABLE, WALL, still_life_layout

    labels = still_life_layout(64, window_left=True)
    row = lambda share: labels[int(share * 63)]  # noqa: E731
    assert (row((CLOSE_TOP + CLOSE_FRONT) / 2) == TABLE).all()  # the table's top from edge to edge
    assert (row(0.97) == LEDGE).all() and not (labels == FLOOR).any()
    assert (labels[:, :8] == SKY).any() and not (labels[:, 40:] == SKY).any()  # its window on the light's side
    assert (row(0.05) == WALL).all()


def test_things_seen_close_stand_on_the_table_a_lemon_smaller_than_its_jug():
    from models.painter.rooms import CLOSE_FRONT, CLOSE_TOP, arrange_close

    jug = PlacedObject(ObjectEntry("noto", "jug"), "still_life", 0.4, 0.68, 0.4, size=0.25)
    lemon = PlacedObject(ObjectEntry("noto", "lemon"), "still_life", 0.7, 0.7, 0.4, size=0.1)
    jug, lemon = arrange_close([jug, lemon], table_y=0.62)
    assert all(CLOSE_TOP < o.base_y < CLOSE_FRONT for o in (jug, lemon))
    assert lemon.height < 0.6 * jug.height  # was as big as the jug
    (alone,) = arrange_close([PlacedObject(ObjectEntry("noto", "bread"), "still_life", 0.9, 0.7, 0.42)], 0.62)
    assert alone.height > 0.42 and 0.0 < alone.cx - alone.height / 2 and alone.cx + alone.height / 2 < 1.0
    (knife,) = arrange_close([PlacedObject(ObjectEntry("noto", "kitchen-knife"), "still_life", 0.5, 0.7, 0.3)], 0.62)
    assert knife.height > 0.44  # a thing seen close fills the table: at 0.35 "a tiny knife in a mostly empty frame"


def test_a_view_word_before_of_is_how_the_picture_shows_its_thing():
    from tools.thing_phrases import shown_thing

    assert shown_thing("a close up of a bumblebee") == "a bumblebee"
    assert shown_thing("a view of the old harbour") == "the old harbour"
    assert shown_thing("a basket of apples") is None and shown_thing("a bumblebee") is None


@needs_icons
def test_a_close_up_a_workbench_and_sofa_cushions_are_read():
    from tools.scene_mapping import read_scene

    bee = read_scene("a close-up of a bumblebee on a lavender flower", 0.0, 0.0)  # was an empty sky
    assert [m.entry.name for m in bee.objects] == ["honeybee"]
    wrench = read_scene("a rusty adjustable wrench lying on a workbench covered in sawdust", 0.0, 0.0)
    assert wrench.stage == "interior" and wrench.objects[0].role == "still_life"  # was a meadow: a "building"
    dog = read_scene("a dachshund asleep on sofa cushions", 0.0, 0.0)  # was a dog in a meadow
    assert dog.stage == "interior" and "sofa" in [m.entry.name for m in dog.objects]
    bench = read_scene("a dog on a park bench", 0.0, 0.0)
    assert bench.stage == "landscape"


@needs_icons
def test_a_table_of_things_in_no_named_room_is_seen_close_and_a_room_is_not():
    from models.painter.pipeline import _seen_close

    class Plan:
        room = None

    pot = PlacedObject(ObjectEntry("noto", "teapot"), "still_life", 0.5, 0.7, 0.4)
    dog = PlacedObject(ObjectEntry("fluent-emoji-flat", "dog"), "stands", 0.3, 0.8, 0.35)
    assert _seen_close(Plan(), [pot]) and not _seen_close(Plan(), [pot, dog]) and not _seen_close(Plan(), [])
    Plan.room = "kitchen"
    assert not _seen_close(Plan(), [pot])


@needs_icons
def test_a_camera_is_a_still_life_a_clock_tower_a_building_and_a_typewriter_stays_one():
    from tools.scene_mapping import read_scene

    camera = read_scene("an old film camera", 0.0, 0.0)
    assert camera.stage == "interior" and camera.objects[0].role == "still_life"  # before: it stood in a city
    tower = read_scene("a tall clock tower in a town square", 0.0, 0.0)
    assert tower.objects[0].role == "building"  # before: a still life, drawn small on the street
    typewriter = read_scene("an old typewriter on a wooden desk", 0.0, 0.0)
    assert typewriter.objects[0].phrase == "an old typewriter"  # not said plainer as "an old printer"
