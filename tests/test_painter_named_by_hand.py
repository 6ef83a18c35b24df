"""Things read by their word and painted by hand (`built_by_hand.BY_NAME`): a typewriter, which no icon set draws
(its nearest drawing was a hand holding a pen: "a crude glove-like shape"), and a piano, whose nearest colour drawing
is an electric keyboard."""

import pytest

from models.painter.grand_pianos import painted_grand_piano
from models.painter.object_library import installed
from models.painter.typewriters import painted_typewriter

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def test_a_typewriter_has_its_paper_above_and_rows_of_light_keys_below():
    rgba = painted_typewriter(120, seed=0)
    h = rgba.shape[0]
    paper = rgba[: int(0.2 * h), int(0.4 * rgba.shape[1]) : int(0.6 * rgba.shape[1])]
    assert (paper[..., :3].min(-1) > 0.8).mean() > 0.5  # a white sheet rises from the roller
    keys = rgba[int(0.5 * h) : int(0.85 * h)]
    light = (keys[..., :3].min(-1) > 0.75) & (keys[..., 3] > 0.5)
    assert light.mean() > 0.15  # ivory key tops on the black body


@needs_icons
def test_a_typewriter_is_read_as_the_hand_drawn_one_and_a_keyboard_stays_a_keyboard():
    from models.painter.built_by_hand import painted_name
    from tools.scene_mapping import read_scene

    thing = read_scene("a vintage typewriter", 0.0, 0.0).objects[0]
    assert painted_name(thing.entry) == "typewriter" and thing.role == "still_life" and thing.exact
    assert read_scene("a keyboard", 0.0, 0.0).objects[0].entry.source != "game-icons"


def test_a_grand_piano_is_black_with_its_lid_raised_over_its_case():
    rgba = painted_grand_piano(120, seed=0)
    h, w = rgba.shape[:2]
    ink = rgba[..., 3] > 0.5
    assert w > 1.2 * h and (rgba[..., :3].max(-1)[ink] < 0.25).mean() > 0.8  # long and black
    assert ink[: h // 3, int(0.8 * w) :].any() and not ink[: h // 3, : int(0.3 * w)].any()  # the lid rises to the tail


@needs_icons
def test_a_piano_is_the_hand_drawn_grand_piano_and_a_piano_keyboard_stays_a_keyboard():
    from tools.scene_mapping import read_scene

    assert read_scene("a piano in an empty hall", 0.0, 0.0).things_in_words() == ["grand piano"]
    assert read_scene("a piano keyboard", 0.0, 0.0).things_in_words() == ["musical keyboard"]
