"""The shipped melody model follows its phrase plan and its character levels (real weights, a few seconds)."""

import os

import numpy as np
import pytest

from models.melody.character import character
from models.melody.form_plan import FORMS, plan_form
from models.melody.lstm import load_melody_lstm
from models.melody.phrases import PLANS
from models.melody.sampler import MelodyRequest, sample_melody
from models.registry import CHECKPOINTS


@pytest.fixture(scope="module")
def model():
    return load_melody_lstm(os.path.join(CHECKPOINTS, "melody_lstm"))


def test_a_planned_repeat_is_heard_and_drawn_forms_are_the_planned_ones(model):
    plan = [PLANS.index(p) for p in "new new new new exact4 exact4 exact4 exact4".split()]
    best = sample_melody(model, MelodyRequest(bars=8, seed=5, plan=plan, candidates=2))[0]
    events = np.array(best.events)
    assert best.plan[:7] == plan[:7]  # the last bar returns up to its cadence: a varied return
    assert (events[80:112] == events[16:48]).mean() >= 0.8  # bars 6-7 restate bars 2-3 (the last bar cadences)
    drawn = sample_melody(model, MelodyRequest(bars=8, seed=5, candidates=1))[0]
    assert drawn.form in FORMS and drawn.plan == plan_form(8, "major", np.random.default_rng(5)).lstm_plan()


def test_character_levels_move_the_notes(model):
    def mean_leap(levels):
        melodies = [sample_melody(model, MelodyRequest(bars=8, seed=s, character=levels))[0] for s in (1, 2, 3)]
        return np.mean([character(m.notes, "major")["leaps"] for m in melodies])

    assert mean_leap((0.95, 0.5, 0.5, 0.35, 0.33)) > mean_leap((0.05, 0.5, 0.5, 0.35, 0.33)) + 0.5
