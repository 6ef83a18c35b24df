"""A city's road is its street, and "raining" is rain (issue 36, blind dev notes): "a city intersection in heavy rain
at night ... on the wet road" was a meadow with a winding path, and "busy tokyo street at night, raining" was
painted under a clear sky."""

import pytest

from models.painter.object_library import installed

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


@needs_icons
@pytest.mark.parametrize(
    "subject, family, landform, weather",
    [
        ("a city intersection in heavy rain at night with neon reflecting on the wet road", "city", "street", "rain"),
        ("a country road at night", "meadow", "road", "clear"),
        ("busy tokyo street at night, raining", "city", None, "rain"),
        ("a village while it is snowing", None, None, "snow"),
    ],
)
def test_a_citys_road_is_a_street_and_raining_is_rain(subject, family, landform, weather):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.0, 0.0)
    assert scene.weather == weather
    assert family is None or scene.family == family
    assert landform is None or scene.landform == landform
