"""Outdoor places and kinds of land a person names ("a petrol station", "salt flats", "rice paddies") are read as
places: their land, their landform, and what such a place holds, never a drawing of a word in their name."""

import numpy as np
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
    said = describe(painting_parameters(CreativeBrief(subject="a bus stop in heavy rain at night")))
    assert said.startswith("a bus stop") and said.count("bus stop") == 1  # not "a bus stop with bus stop"


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


def _lake() -> np.ndarray:
    from models.painter.scene_layout import LAYOUT_SIZE, C

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[24:] = C["water"]
    labels[40:44, 20:36] = C["boat"]
    return labels


def test_salt_flats_are_a_white_cracked_crust_to_the_horizon():
    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C

    labels = _lake()
    carve_landform(labels, "salt_flat", 0)
    near = labels[40:]
    assert (near == C["snow"]).mean() > 0.6 and (near == C["sand"]).mean() > 0.05  # white plates, pale cracks
    assert (labels[24:27] == C["water"]).any() and not (labels == C["boat"]).any()  # a sheet of water far off


def test_a_bog_is_land_with_small_pools_and_no_boat():
    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C

    labels = _lake()
    carve_landform(labels, "wetland", 0)
    land = labels[24:]
    assert (land == C["grass"]).mean() > 0.4 and 0.05 < (land == C["water"]).mean() < 0.5
    assert not (labels == C["boat"]).any()  # a peat bog was read as a hazy sea with a sailboat


@pytest.mark.parametrize(
    "subject, place",
    [
        ("salt flats stretching all the way to the horizon", "salt flats"),  # was the sea, with a boat
        ("salt flats stretching to the horizon", "salt flats"),
        ("a volcanic black sand beach with basalt columns", "a volcanic beach"),
    ],
)
def test_how_far_a_place_reaches_is_no_thing_and_leaves_the_place(subject, place):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)
    assert reading.place == place and not reading.objects


def test_a_scene_keeps_its_own_land_beside_another_lands_landform():
    from tools.scene_mapping import read_scene

    meadow = read_scene("an alpine meadow full of wildflowers below a glacier", 0.0, 0.0)
    assert (meadow.family, meadow.landform) == ("meadow", None)  # was a glacier in the sea: "an iceberg"
    assert read_scene("a meadow by a river", 0.0, 0.0).landform == "river"  # a river runs through any land
    assert read_scene("a lighthouse on a cliff", 0.0, 0.0).landform == "cliffs"  # a thing stands on its landform


def test_a_mangrove_swamp_is_trees_on_roots_standing_in_water():
    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C

    labels = _lake()
    carve_landform(labels, "mangroves", 0)
    assert (labels == C["foliage"]).sum() > 60 and (labels == C["trunk"]).sum() > 20  # crowns on their roots
    assert (labels[-1] == C["water"]).mean() > 0.5 and not (labels == C["boat"]).any()


def test_rock_pools_are_bare_rock_with_pools_in_front_of_the_sea():
    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C

    labels = _lake()
    carve_landform(labels, "rock_pools", 0)
    assert (labels[26] == C["water"]).all()  # the sea far off
    near = labels[44:]
    assert (near == C["rock"]).mean() > 0.4 and (near == C["water"]).mean() > 0.05


@pytest.mark.parametrize(
    "subject",
    ["a mangrove swamp with all the tangled roots in the water", "mangrove swamp, roots everywhere, murky water"],
)
def test_a_swamps_roots_are_its_own_and_its_water_no_other_land(subject):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.0, 0.0)  # roots were three green stump creatures; "in the water" the sea
    assert (reading.landform, reading.family) == ("mangroves", "lake") and not reading.objects


def test_a_setting_word_that_names_land_moves_the_place_there():
    from tools.scene_mapping import read_scene

    station = read_scene("a lonely gas station on an empty desert highway", 0.0, 0.0)
    assert station.family == "desert"  # was a meadow: "a red car on a winding path through a flower meadow"
    assert read_scene("an old petrol station", 0.0, 0.0).family == "meadow"


def test_a_salt_crust_is_warm_white_plates_netted_by_ridges_that_shrink_to_the_horizon():
    from models.painter.salt_crust import salt_crust

    ref = np.full((200, 200, 3), (0.75, 0.8, 0.9), np.float32)  # a bluish white: the layout's snow
    salt = np.zeros((200, 200), bool)
    salt[60:] = True
    salt_crust(ref, salt, 60, seed=3)
    plates = ref[salt]
    assert (plates[:, 0] >= plates[:, 2]).mean() > 0.9  # warm salt, never snow's blue
    assert (ref[:60] == np.float32((0.75, 0.8, 0.9))).all()  # the sky untouched
    ridge = ref.max(-1) >= 0.99
    crossings = np.abs(np.diff(ridge.astype(int), axis=1)).sum(1)  # ridges met along each row
    assert ridge[60:].mean() > 0.02 and crossings[70:90].mean() > 1.5 * crossings[180:200].mean()  # smaller far off


def test_nothing_stands_on_a_salt_flat_but_far_mountains():
    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C

    labels = np.full((64, 64), C["sand"], np.int64)
    labels[:30] = C["sky"]
    labels[26:30, 10:20] = C["rock"]  # a desert's boulder on the horizon
    carve_landform(labels, "salt_flat", 1)
    assert not (labels[:30] == C["rock"]).any()
    assert (labels[40:] == C["snow"]).mean() > 0.7


def test_a_vineyard_is_rows_of_leafy_vines_over_bare_earth_hung_with_grapes():
    from models.painter.landforms import carve_landform, hang_grapes
    from models.painter.scene_layout import C
    from tools.scene_mapping import read_scene

    assert read_scene("a vineyard on a clear afternoon", 0.0, 0.0).landform == "vines"
    assert read_scene("lavender fields", 0.0, 0.0).landform == "rows"  # flowers stay flowers
    labels = np.full((64, 64), C["grass"], np.int64)
    labels[:24] = C["sky"]
    carve_landform(labels, "vines", 2)
    near = labels[50:]
    assert 0.3 < (near == C["foliage"]).mean() < 0.7 and (near == C["earth"]).mean() > 0.3
    big = np.repeat(np.repeat(labels, 8, 0), 8, 1)
    ref = np.full(big.shape + (3,), 0.4, np.float32)
    hang_grapes(ref, big, np.random.default_rng(0))
    purple = (ref[..., 2] > ref[..., 1] + 0.05) & (ref[..., 0] > ref[..., 1])
    assert purple.any() and not purple[: 24 * 8].any()  # grapes in the rows, none in the sky


def test_a_deep_dweller_asked_alone_is_seen_under_the_water_a_whale_on_the_sea():
    from tools.scene_mapping import read_scene

    for subject in ("jellyfish", "an octopus", "a sea turtle gliding over seagrass"):
        assert read_scene(subject, 0.0, 0.0).landform == "underwater", subject
    assert read_scene("a whale", 0.0, 0.0).landform != "underwater"  # it breaks the surface


def test_a_rooms_coloured_tiles_are_its_walls_not_dominoes():
    from tools.scene_mapping import read_scene

    for subject in ("a bathroom with green tiles and a clawfoot tub", "a kitchen with blue and white tiles"):
        reading = read_scene(subject, 0.0, 0.0)
        assert reading.stage == "interior" and "domino-tiles" not in [m.entry.name for m in reading.objects]
