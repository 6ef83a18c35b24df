"""A portrait's sitter against a quiet backdrop (issue 36, stop 42): no stroke carries the sitter's paint out over
the backdrop, and hair the words do not name is darker than the skin (a pale blonde on pale skin read as bald)."""

import numpy as np


def test_no_stroke_carries_a_sitters_paint_over_the_backdrop_when_crossing_is_off():
    from models.painter.brushwork import paint_strokes
    from models.painter.scene_layout import CLASSES

    size = 128
    ref = np.zeros((size, size, 3), np.float32)
    ref[:] = (0.2, 0.3, 0.5)
    labels = np.full((size, size), CLASSES.index("earth"))
    things = np.zeros((size, size), bool)
    things[40:90, 40:90] = True
    ref[things] = (0.9, 0.3, 0.1)
    labels[things] = CLASSES.index("field_accent")
    out = paint_strokes(ref, labels, 0.5, np.random.default_rng(3), things, crossing=0.0)
    far = np.ones_like(things)
    far[34:96, 34:96] = False  # a few pixels' margin for the canvas blur
    assert (out[far][:, 0] - out[far][:, 2]).max() < 0.1  # nowhere a red scrap on the blue


def test_hair_the_words_do_not_name_is_kept_darker_than_the_skin():
    from models.painter.sitter import HAIR_UNDER_SKIN, _apart_from

    skin = np.array([0.88, 0.73, 0.58], np.float32)
    blonde = np.array([0.63, 0.53, 0.28], np.float32)
    kept = _apart_from(blonde, skin)
    assert kept.mean() <= HAIR_UNDER_SKIN * skin.mean() + 1e-6
    assert np.argmax(kept) == 0  # still a warm blonde, only darker
    dark = np.array([0.2, 0.15, 0.1], np.float32)
    assert np.allclose(_apart_from(dark, skin), dark)
