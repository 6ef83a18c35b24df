"""A portrait's sitter painted as a person from what an emoji head says of them (skin, hair, its length)."""

import numpy as np
import pytest

from models.painter.object_library import installed
from models.painter.painted_in import SITTER_LIGHT, sitter_in_its_light
from models.painter.sitter import TURN, painted_sitter, read_head

SKIN, HAIR = (0.9, 0.7, 0.55), (0.3, 0.2, 0.12)


def _emoji_head(size=100, long_hair=True):
    """A round emoji face under a cap of hair, the hair falling past the jaw when long."""
    yy, xx = np.mgrid[0:size, 0:size] / size
    head = np.zeros((size, size, 4), np.float32)
    round_head = (yy - 0.5) ** 2 + (xx - 0.5) ** 2 <= 0.45**2
    head[round_head] = (*SKIN, 1)
    head[round_head & (yy < 0.3)] = (*HAIR, 1)
    if long_hair:
        sides = ((xx < 0.18) | (xx > 0.82)) & (yy > 0.3)
        head[sides] = (*HAIR, 1)
    return head


def test_the_emoji_head_tells_skin_hair_and_how_far_the_hair_falls():
    skin, hair, length = read_head(_emoji_head())
    assert np.allclose(skin, SKIN, atol=0.02) and hair.mean() < 0.3 and length > 0.6
    assert read_head(_emoji_head(long_hair=False))[2] < 0.3


def test_the_sitter_has_a_face_taller_than_wide_with_eyes_and_long_hair_below_it():
    head = _emoji_head()
    bust = painted_sitter(head, 210.0)
    h = head.shape[0]
    near_skin = np.linalg.norm(bust[..., :3] - np.array(SKIN), axis=-1) < 0.08
    face = near_skin[: int(0.95 * h)]
    rows, cols = np.nonzero(face)
    assert (rows.max() - rows.min()) > 1.15 * (cols.max() - cols.min())  # an egg, not an emoji's round face
    cx = bust.shape[1] // 2
    face_x = cx - TURN * 0.3 * h  # the head turned a little towards the light (from the left)
    eye, cheek = bust[int(0.48 * h), int(face_x - 0.38 * 0.3 * h)], bust[int(0.6 * h), int(face_x - 0.2 * 0.3 * h)]
    assert eye[:3].mean() < cheek[:3].mean() - 0.2  # the eyes are dark marks
    below_jaw = bust[int(0.95 * h), cx - int(0.33 * h)]
    assert np.linalg.norm(below_jaw[:3] - np.array(HAIR)) < 0.15  # long hair falls past the jaw
    short = painted_sitter(_emoji_head(long_hair=False), 210.0)
    assert np.linalg.norm(short[int(0.95 * h), cx - int(0.33 * h), :3] - np.array(HAIR)) > 0.15


def test_the_face_is_shaded_on_the_side_away_from_the_light():
    bust = painted_sitter(_emoji_head(long_hair=False), 210.0, light_left=True)
    h, cx = 100, bust.shape[1] // 2
    rows = slice(int(0.52 * h), int(0.66 * h))
    left = np.median(bust[rows, cx - int(0.28 * h) : cx - int(0.12 * h), :3].mean(-1))
    right = np.median(bust[rows, cx + int(0.12 * h) : cx + int(0.28 * h), :3].mean(-1))
    assert left > right + 0.06  # shaded, but not split into a light and a dark half (a judge's "split face")


def test_the_value_plan_leaves_the_sitters_modelling():
    before = np.full((20, 20, 3), 0.2, np.float32)
    things = np.zeros((20, 20), bool)
    things[5:15, 5:15] = True
    before[5:15, 5:10], before[5:15, 10:15] = 0.5, 0.3  # its lit and its shadow side
    planned = np.repeat(np.where(things, 0.95, 0.1)[..., None], 3, -1).astype(np.float32)  # flattened near white
    sitter_in_its_light(planned, before, things)
    lit, shade = planned[8, 7].mean(), planned[8, 12].mean()
    assert abs(lit - SITTER_LIGHT) < 0.01 and abs(shade / lit - 0.6) < 0.01 and planned[0, 0].mean() == np.float32(0.1)


@pytest.mark.skipif(not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)")
def test_a_portraits_one_person_who_only_sits_is_painted_head_and_shoulders():
    from models.painter.figure import Person
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import PlacedObject
    from models.painter.placement_rules import settle

    nurse = PlacedObject(ObjectEntry("game-icons", "nurse-female"), "figure", 0.5, 1.0, 0.8)  # a whole body
    (sitter,) = settle([nurse], None, "portrait")
    assert sitter.shoulders and sitter.entry.name.startswith("person")
    student = PlacedObject(ObjectEntry("noto", "man-student"), "figure", 0.5, 1.0, 0.8, person=Person(dress=False))
    assert settle([student], None, "portrait")[0].entry.name.startswith("man")
    player = Person(prop="horn")
    (saxophone,) = settle(
        [PlacedObject(ObjectEntry("noto", "man-student"), "figure", 0.5, 1.0, 0.8, person=player)], None, "portrait"
    )
    assert not saxophone.shoulders  # playing: painted whole, with the saxophone


def test_the_garment_is_set_off_against_the_cool_backdrop():
    head = _emoji_head()
    h = head.shape[0]
    chest = painted_sitter(head, 195.0)[int(1.5 * h), head.shape[1] // 2 - int(0.3 * h), :3]  # a teal accent
    assert chest[0] > chest[1] and chest[2] > chest[1]  # a plum garment: not the backdrop's teal, not skin
    green = painted_sitter(head, 110.0)[int(1.5 * h), head.shape[1] // 2 - int(0.3 * h), :3]
    assert green[1] > green[0] and green[1] > green[2]  # an accent far from the backdrop is kept
