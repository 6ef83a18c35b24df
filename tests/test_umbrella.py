"""A person with an umbrella holds it open over their head, out in the rain (issue 36): "a woman in a yellow
raincoat holding an umbrella" stood in a room before a table, the umbrella a drawing behind her (keep 2)."""

import numpy as np
import pytest

from models.painter.figure import Person, painted_figure
from models.painter.object_library import installed

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def test_the_umbrella_is_open_over_the_head():
    bare, _ = painted_figure(Person(pose="stand"), 144, seed=1, accent_hue=200.0)
    held, _ = painted_figure(Person(pose="stand", prop="umbrella"), 144, seed=1, accent_hue=200.0)
    assert held.shape[0] > bare.shape[0] + 10 and held.shape[1] > bare.shape[1]  # room above and beside the head
    rows = np.nonzero(held[..., 3].max(1) > 0.5)[0]
    canopy = held[rows[0] + 2 : rows[0] + 8]
    assert (canopy[..., 3] > 0.5).sum(1).max() > 0.3 * held.shape[1]  # a wide dome at the top, not a stick


@needs_icons
def test_a_person_with_an_umbrella_is_out_in_the_rain_unless_the_words_say_otherwise():
    from tools.scene_mapping import read_scene

    woman = read_scene("a woman in a yellow raincoat holding an umbrella", 0.0, 0.0)
    assert (woman.stage, woman.family, woman.weather) == ("landscape", "city", "rain")
    assert woman.objects[0].person.prop == "umbrella" and len(woman.objects) == 1
    assert read_scene("a man with an umbrella on a sunny day", 0.0, 0.0).weather == "clear"
