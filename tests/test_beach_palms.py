"""A beach with palm trees has its palms (issue 36): "palm trees" was compared by its last word ("trees") with the
drawing's head ("palm"), so the palms were dropped and the beach was "crude and empty"; "turquoise water" is the
sea's own, not a thing left out ("the nearest I have is blueberries")."""

import pytest

from models.painter.object_library import installed

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


@needs_icons
def test_a_tropical_beach_has_its_palm_trees_and_its_water_is_the_seas():
    from tools.scene_mapping import read_scene

    scene = read_scene("tropical beach with palm trees and turquoise water", 0.0, 0.0)
    assert scene.family == "sea" and [m.entry.name for m in scene.objects] == ["palm-tree"]
    assert scene.left_out == ()
