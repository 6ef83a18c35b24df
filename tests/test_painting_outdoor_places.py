"""Outdoor places and kinds of land a person names ("a petrol station", "salt flats", "rice paddies") are read as
places: their land, their landform, and what such a place holds, never a drawing of a word in their name."""

import pytest


@pytest.mark.parametrize(
    "phrase, place",
    [
        ("an old petrol station", "petrol station"),
        ("endless salt flats", "salt flats"),
        ("rolling tea plantations", "plantation"),
        ("a peat bog", "wetland"),
        ("a busy market square", "market"),
        ("a tram stop", "stop"),
    ],
)
def test_a_named_place_is_found_by_meaning(phrase, place):
    from tools.thing_phrases import place_of

    assert place_of(phrase).name == place


@pytest.mark.parametrize("phrase", ["a lighthouse", "a fuel pump", "a red fox", "a kitchen", "a harbour town"])
def test_things_rooms_and_towns_are_no_places(phrase):
    from tools.thing_phrases import place_of

    assert place_of(phrase) is None


def test_a_petrol_station_is_its_road_and_pumps_not_a_train_station():
    from tools.object_matching import available
    from tools.scene_mapping import read_scene

    reading = read_scene("a petrol station in a snowstorm at midnight", -0.2, 0.0)
    assert (reading.family, reading.landform, reading.time, reading.weather) == ("snow", "road", "night", "snow")
    if available():
        assert "fuel-pump" in {m.entry.name for m in reading.objects}


def test_salt_flats_are_a_desert_not_a_salt_cellar():
    from tools.object_matching import available
    from tools.scene_mapping import read_scene

    reading = read_scene("endless salt flats with one tiny person walking", 0.0, 0.0)
    assert reading.family == "desert" and reading.stage == "landscape"
    if available():
        assert [m.role for m in reading.objects] == ["figure"]


@pytest.mark.parametrize(
    "subject, landform",
    [("terraced rice paddies flooded with water", "terraces"), ("rolling tea plantations on hills", "rows")],
)
def test_a_place_of_the_land_carves_its_own_landform(subject, landform):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.3, -0.3)
    assert reading.landform == landform and not reading.objects


def test_a_tram_stop_is_a_street_stop_not_a_tram_carriage():
    from tools.object_matching import available
    from tools.scene_mapping import read_scene

    reading = read_scene("a tram stop in heavy rain at night", -0.3, -0.2)
    assert (reading.stage, reading.family, reading.landform) == ("landscape", "city", "street")
    if available():
        assert "bus-stop" in {m.entry.name for m in reading.objects}


def test_a_setting_that_names_other_land_moves_the_place_there():
    from tools.scene_mapping import read_scene

    desert = read_scene("a lone gas station in the desert", 0.0, 0.0)
    assert (desert.family, desert.landform) == ("desert", None)
    country = read_scene("a lonely bus stop on a country road", -0.2, -0.2)
    assert (country.family, country.landform) == ("meadow", "road")  # no city street of its own


def test_a_setting_that_is_a_place_gives_its_land():
    from tools.scene_mapping import read_scene

    assert read_scene("an old phone box alone on a moor", 0.0, 0.0).family == "meadow"


def test_a_towns_lit_windows_are_its_houses_own():
    from tools.object_matching import available
    from tools.scene_mapping import read_scene

    if not available():
        pytest.skip("the icon sets are not installed")
    reading = read_scene("a small harbour town at night with lit windows", 0.0, 0.0)
    assert {m.entry.name for m in reading.objects} == {"house"}


def test_the_reply_names_the_place_painted():
    from tools.brief import CreativeBrief
    from tools.paint import describe
    from tools.painting_mapping import painting_parameters

    said = describe(painting_parameters(CreativeBrief(subject="a petrol station in a snowstorm at midnight")))
    assert said.startswith("a petrol station") and "snowy" in said


def test_a_place_keeps_its_emblem_beside_the_things_its_words_list():
    from tools.object_matching import available
    from tools.scene_mapping import read_scene

    if not available():
        pytest.skip("the icon sets are not installed")
    reading = read_scene("an old railway station with an empty platform, a bench and a clock", 0.0, 0.0)
    names = [m.entry.name for m in reading.objects]
    assert "station" in names and len(names) == 3


def test_a_hyphened_doing_word_stays_with_its_thing():
    from tools.object_matching import available
    from tools.scene_mapping import read_scene

    if not available():
        pytest.skip("the icon sets are not installed")
    reading = read_scene("a fire-breathing dragon", 0.0, 0.0)
    assert [m.phrase for m in reading.objects] == ["a fire-breathing dragon"]  # no fire beside a dragon
