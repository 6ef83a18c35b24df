"""A colour drawing in the colour its words give it ("a yellow school bus"): its main colour turned, the rest kept."""

import numpy as np

from models.painter.recolour import recoloured
from models.painter.scene_colours import rgb_to_hsv


def _car() -> np.ndarray:
    rgba = np.zeros((40, 60, 4), np.float32)
    rgba[5:30, 5:55] = (0.85, 0.15, 0.1, 1.0)  # a red body, shaded lower down
    rgba[20:30, 5:55, :3] *= 0.7
    rgba[28:38, 10:20] = rgba[28:38, 40:50] = (0.05, 0.05, 0.05, 1.0)  # black wheels
    rgba[8:14, 15:45] = (0.7, 0.85, 0.95, 1.0)  # pale windows
    return rgba


def test_the_main_colour_turns_to_the_named_hue_and_keeps_its_shading():
    car = _car()
    blue = recoloured(car, 220.0, 0.7)
    hsv = rgb_to_hsv(blue)
    assert abs(hsv[16, 30, 0] - 220) < 3 and abs(hsv[25, 30, 0] - 220) < 3  # the body, lit and shaded
    assert hsv[25, 30, 2] < hsv[16, 30, 2]  # its shade kept
    assert np.allclose(blue[33, 15], car[33, 15, :3]) and np.allclose(blue[10, 30], car[10, 30, :3])  # wheels, windows


def test_a_white_thing_loses_its_colour_and_a_grey_drawing_is_left_alone():
    white = rgb_to_hsv(recoloured(_car(), 0.0, 0.05))
    assert white[16, 30, 1] < 0.15
    grey = np.zeros((10, 10, 4), np.float32)
    grey[...] = (0.5, 0.5, 0.5, 1.0)
    assert np.allclose(recoloured(grey, 120.0, 0.8), grey[..., :3])


def test_a_black_or_white_thing_takes_that_value_its_shading_kept():
    """ "a black dog", "a black horse" were painted white: the grey branch took the colour out and kept its light."""
    black, white = rgb_to_hsv(recoloured(_car(), 0.0, 0.0, 0.08)), rgb_to_hsv(recoloured(_car(), 0.0, 0.0, 0.98))
    assert black[16, 30, 2] < 0.35 and white[16, 30, 2] > 0.8  # the body dark, or light
    assert black[25, 30, 2] < black[16, 30, 2] and white[25, 30, 2] < white[16, 30, 2]  # its shade kept
    assert black[16, 30, 2] > 0.1  # not a flat black cut-out
