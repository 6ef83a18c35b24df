"""Places that read: seasons that are not winter, streets that go back, towns behind their harbour, trees
rooted on the shore, landforms in their own colours."""

import pytest


@pytest.mark.parametrize("subject", ["a birch forest in autumn", "a path through an autumn forest"])
def test_autumn_is_no_winter(subject):
    from tools.scene_mapping import read_scene

    reading = read_scene(subject, 0.2, 0.0)
    assert reading.weather != "snow" and reading.family != "snow"


def test_a_city_street_is_a_street_seen_from_its_pavement():
    from tools.scene_mapping import read_scene

    reading = read_scene("a city street in the rain at night", -0.5, -0.3)
    assert (reading.family, reading.landform) == ("city", "street")
    assert read_scene("a city skyline at night", 0.0, 0.0).landform is None  # a skyline stays a skyline


def test_the_street_goes_back_to_one_vanishing_point():
    import numpy as np

    from models.painter.street_view import street_classes, street_view

    view = street_view(7)
    size = 128
    facades, road, pavement = street_classes(view, size)
    vp = int(view.vp_x * size)
    widths = road.sum(1)
    rows = np.nonzero(widths)[0]
    near, far = rows[len(rows) // 2], rows[len(rows) // 8]
    assert rows.min() >= view.horizon * size - 1 and widths[near] > 2.5 * widths[far]  # it narrows going back
    assert facades[:, : vp - 10].any() and facades[:, vp + 10 :].any()  # houses on both sides
    assert not facades[: int(0.2 * size), vp - 2 : vp + 3].any()  # sky down the middle, above the street's end
    assert pavement[:, :vp].any() and pavement[:, vp:].any()  # a pavement each side of the road


def test_a_street_painting_is_dressed_with_its_windows_and_lamps():
    import numpy as np

    from models.painter.render import render_layout
    from models.painter.scene_layout import C, one_hot
    from models.painter.scene_spec import SceneSpec

    layout = np.full((64, 64), C["sky"], np.int64)
    spec = SceneSpec(family="city", time="night", weather="clear")
    image = np.asarray(render_layout(one_hot(layout), spec, 3, 128, finish=False, landform="street"), np.float32)
    warm = (image[..., 0] > 180) & (image[..., 0] > image[..., 2] + 60)  # lit windows and lamps at night
    assert warm.mean() > 0.01


def test_a_harbour_town_stands_along_the_far_quay_with_the_water_in_front():
    import numpy as np

    from models.painter.scene_layout import LAYOUT_SIZE, C
    from models.painter.streets import carve_street

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[26:] = C["water"]  # an open sea from the horizon down
    carve_street(labels, 5, "sea", seed=4)
    rows = np.nonzero((labels == C["building"]).any(1))[0]
    assert rows.max() < 40  # the houses stand across the water, near its far edge
    assert (labels[rows.max() + 3 :] == C["water"]).mean() > 0.9  # the harbour's water in front of them


def _land_and_sky(ground: str, top: int = 30):
    import numpy as np

    from models.painter.scene_layout import LAYOUT_SIZE, C

    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[top - 6 : top] = C["far"]
    labels[top:] = C[ground]
    return labels


def test_a_lakes_trees_stand_on_a_bank_of_its_far_shore_never_in_the_water():
    import numpy as np

    from models.painter.scene_layout import C
    from models.painter.tree_lines import lay_tree_line

    for seed in range(4):
        labels = _land_and_sky("water")
        lay_tree_line(labels, "lake", np.random.default_rng(seed))
        trees = np.isin(labels, (C["foliage"], C["trunk"]))
        columns = np.nonzero(trees.any(0))[0]
        assert len(columns) > 0.3 * labels.shape[1]  # a wooded stretch of shore
        for col in columns:
            foot = np.nonzero(trees[:, col])[0].max()
            assert labels[min(foot + 1, 63), col] in (C["grass"], C["foliage"], C["trunk"])  # its bank, not water


def test_a_forest_has_a_wood_edge_of_crowns_across_its_width():
    import numpy as np

    from models.painter.scene_layout import C
    from models.painter.tree_lines import lay_tree_line

    labels = _land_and_sky("snow")
    lay_tree_line(labels, "forest", np.random.default_rng(2))
    crowns = labels[18:31] == C["foliage"]
    assert crowns.any(0).mean() > 0.8  # one mass across the picture, not scattered trees


def test_a_canyons_walls_are_red_rock():
    import numpy as np

    from models.painter.landforms import carve_landform
    from models.painter.render import render_layout
    from models.painter.scene_layout import C, one_hot
    from models.painter.scene_spec import SceneSpec

    labels = np.full((64, 64), C["sky"], np.int64)
    labels[34:] = C["sand"]
    carve_landform(labels, "canyon", 5)
    spec = SceneSpec(family="desert", time="day", weather="clear")
    image = np.asarray(render_layout(one_hot(labels), spec, 5, 128, finish=False, landform="canyon"), np.float32)
    r, g, b = image[96:124, 2:24].reshape(-1, 3).mean(0)  # the near wall at the left
    assert r > 1.4 * g and r > 2 * b


def test_lavender_fields_are_rows_of_lavender_going_back():
    import numpy as np

    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C
    from tools.brief import CreativeBrief
    from tools.painting_mapping import painting_parameters

    params = painting_parameters(CreativeBrief(subject="lavender fields in Provence"))
    assert params.scene.landform == "rows" and 240 <= params.spec.accent_hue <= 290  # the flowers in lavender
    labels = _land_and_sky("grass")
    carve_landform(labels, "rows", 3)
    bottom = labels[-1] == C["petal"]
    runs = int((np.diff(bottom.astype(int)) == 1).sum())
    assert runs >= 3 and 0.3 < bottom.mean() < 0.8  # rows of flowers with grass between


def test_a_scrap_of_cloud_on_the_sun_goes_back_to_the_sky_a_bank_stays():
    import numpy as np

    from models.painter.celestial import clear_wisps
    from models.painter.scene_layout import C, disc

    labels = np.full((64, 64), C["sky"], np.int64)
    labels[disc(0.3, 0.3, 0.06)] = C["light"]
    labels[12:16, 17:22] = C["cloud"]  # a wisp on the sun's rim: it reads as smoke
    labels[disc(0.3, 0.75, 0.05)] = C["light"]  # (a second disc, for the bank below)
    labels[14:26, 36:62] = C["cloud"]  # a bank of cloud across it
    clear_wisps(labels)
    assert not (labels[12:16, 17:22] == C["cloud"]).any() and (labels[14:26, 36:62] == C["cloud"]).mean() > 0.9


def test_a_canyons_bands_are_broad_layers_not_bricks():
    import numpy as np

    from models.painter.landforms import carve_landform
    from models.painter.scene_layout import C

    for seed in range(3):
        labels = _land_and_sky("sand", 34)
        carve_landform(labels, "canyon", seed)
        column = labels[:, 3] == C["sand"]
        starts = np.nonzero(np.diff(column.astype(int)) == 1)[0]
        runs = column.sum() / max(1, len(starts))
        assert runs >= 1.5 and np.diff(starts).mean() >= 5  # broad pale layers down the wall, well apart


def test_a_snowy_wood_is_pines():
    import numpy as np

    from models.painter.scene_layout import C
    from models.painter.tree_lines import lay_tree_line

    labels = _land_and_sky("snow")
    lay_tree_line(labels, "forest", np.random.default_rng(1), conifers=1.0)
    crowns = labels == C["foliage"]
    rows = np.nonzero(crowns.any(1))[0]
    widths = crowns[rows].sum(1)
    assert widths[-1] > 1.5 * widths[0]  # triangles, widest at their feet


def test_a_glaciers_face_is_blue_ice_darker_down_to_the_water_with_crevasses():
    import numpy as np

    from models.painter.landforms import ice_face
    from models.painter.scene_layout import C

    labels = np.full((128, 128), C["water"], np.int64)
    labels[:40] = C["sky"]
    labels[20:60, :90] = C["snow"]
    ref = np.full((128, 128, 3), 0.3, np.float32)
    ref[labels == C["snow"]] = 0.92
    ice_face(ref, labels, np.random.default_rng(0))
    face = ref[20:60, :90]
    top, low = face[:4].reshape(-1, 3).mean(0), face[-4:].reshape(-1, 3).mean(0)
    assert top[2] > top[0] + 0.05 and low.mean() < top.mean() - 0.05  # blue ice, darker down the face
    across = face[20].mean(-1)
    assert across.max() - across.min() > 0.1  # crevasses split it


def test_a_black_sand_beach_is_dark_sand_before_a_sea_with_tall_stacks():
    import numpy as np

    from models.painter.landforms import carve_landform, darken_sand
    from models.painter.scene_layout import C

    labels = _land_and_sky("grass", 30)
    carve_landform(labels, "black_sand", 2)
    assert (labels[-1] == C["sand"]).all() and (labels[34] == C["water"]).mean() > 0.5
    from scipy import ndimage

    stacks, count = ndimage.label(labels == C["rock"])
    assert count >= 2
    tallest = max(ndimage.find_objects(stacks), key=lambda box: box[0].stop - box[0].start)
    assert tallest[0].stop - tallest[0].start > 1.5 * (tallest[1].stop - tallest[1].start)  # pillars, not lumps
    ref = np.full(labels.shape + (3,), 0.8, np.float32)
    darken_sand(ref, labels)
    assert ref[labels == C["sand"]].mean() < 0.35  # black sand, whatever the palette's sand was


def test_sea_stacks_are_the_lands_own_not_a_drawing_of_a_stack():
    from models.painter.object_library import installed
    from tools.scene_mapping import read_scene

    if not installed():
        return
    beach = read_scene("black sand volcanic beach with sea stacks out in the water", 0.0, 0.0)
    assert beach.landform == "black_sand" and beach.objects == ()
