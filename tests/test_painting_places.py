"""Places that read: seasons that are not winter, streets that go back, towns behind their harbour, trees
rooted on the shore, landforms in their own colours."""

import pytest


@pytest.mark.parametrize("subject", ["a birch forest in autumn", "a path through an autumn forest"])
def test_autumn_is_no_winter(subject):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.2, 0.0)
    assert reading.weather != "snow" and reading.family != "snow"
