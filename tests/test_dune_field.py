"""Dunes are a lit height field: sand under a silhouette, slip faces in warm shade, plain deserts in swells."""

import numpy as np

from models.painter import dune_field
from models.painter.landforms import carve_landform, dune_field_of, paint_mesas
from models.painter.scene_layout import LAYOUT_SIZE, C


def _land_and_sky(ground: str, top: int = 30) -> np.ndarray:
    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"], np.int64)
    labels[top:] = C[ground]
    return labels


def test_carved_dunes_are_sand_under_a_silhouette_and_sky_above_it():
    for seed in range(4):
        labels = _land_and_sky("grass")
        carve_landform(labels, "dunes", seed)
        sand = labels == C["sand"]
        assert sand[-1].all() and not sand[0].any()
        assert set(np.unique(labels)) <= {C["sky"], C["sand"]}  # the layout's grass is gone, nothing else drawn
        first = sand.argmax(0)
        assert all(sand[first[c] :, c].all() for c in range(LAYOUT_SIZE))  # sand from the silhouette down


def test_dunes_have_broad_slopes_in_sun_and_slip_faces_in_shade():
    for seed in range(4):
        field = dune_field_of(seed, "dunes", _land_and_sky("sand"), None)
        seen, lit, depth, crest = dune_field.light(field, 256)
        low, high = np.percentile(lit[seen], (10, 90))
        assert high - low > 0.3  # broad light and shade, not one flat tone
        assert crest.any() and (lit[crest] < 0.3).all()
        assert depth[seen][0] > 20 * depth[seen][-1]  # the first pixel seen (top) is far, the last (bottom) near


def test_a_dunes_shade_is_the_sands_own_colour_darker_and_warm_not_grey():
    labels = np.full((256, 256), C["sky"], np.int64)
    labels[120:] = C["sand"]
    sand = np.array([0.85, 0.7, 0.45], np.float32)
    ref = np.where((labels == C["sand"])[..., None], sand, np.array([0.5, 0.7, 0.9], np.float32)).astype(np.float32)
    field = dune_field_of(3, "dunes", labels, None)
    seen, lit, _, _ = dune_field.light(field, 256)
    dune_field.paint(ref, labels, field, C["sand"], C["sky"])
    ground = (labels == C["sand"]) & seen
    low, high = np.percentile(lit[ground], (10, 90))
    dark, bright = ref[ground & (lit <= low)].mean(0), ref[ground & (lit >= high)].mean(0)
    assert dark.sum() < 0.9 * bright.sum()
    assert dark[0] > dark[1] > dark[2] - 0.05 and bright[0] > bright[2] + 0.2


def test_a_plain_deserts_zigzag_crests_go_and_its_rocks_become_flat_topped_mesas():
    labels = _land_and_sky("sand")
    labels[40:42, :] = C["earth"]  # a ruled crest line
    bump = np.arange(LAYOUT_SIZE)[None, 10:30]
    rows = np.arange(LAYOUT_SIZE)[:, None]
    labels[:, 10:30][(rows >= 20 + np.abs(bump - 20) // 2) & (rows < 30)] = C["rock"]  # a rounded lump
    carve_landform(labels, "swells", 0)
    assert not (labels == C["earth"]).any()
    rock = labels == C["rock"]
    tops = [int(rock[:, c].argmax()) for c in range(14, 27)]
    assert len(set(tops)) == 1  # a flat top across the mesa's middle
    ref = np.zeros((LAYOUT_SIZE, LAYOUT_SIZE, 3), np.float32) + np.array([0.3, 0.3, 0.32], np.float32)
    ref[labels == C["sand"]] = (0.85, 0.7, 0.45)
    paint_mesas(ref, labels)
    r, g, b = ref[rock].mean(0)
    assert r > g > b and r > 0.5  # red sandstone in the sun, not a grey lump


def test_dunes_are_read_whole_and_their_ripples_are_the_sands_own_marks():
    from tools.scene_mapping import read_scene

    dunes = read_scene("endless red sand dunes, ripples in the sand", 0.0, 0.0)
    assert dunes.landform == "dunes" and dunes.objects == ()  # ripples were three drawings of echo ripples


def test_the_sun_rakes_across_the_crests_from_whichever_side_it_is_painted():
    for seed in range(12):
        for side in (-1, 1):
            field = dune_field_of(seed, "dunes", _land_and_sky("sand"), side)
            seen, lit, _, _ = dune_field.light(field, 128)
            low, high = np.percentile(lit[seen], (10, 90))
            assert high - low > 0.45, (seed, side)  # slanted the other way, some fields lay flat in the sun (0.29)
            assert (lit[seen] < 0.15).mean() <= 0.55  # and none lies nine tenths in shade
