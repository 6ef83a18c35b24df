"""How the shipped melody model's melodies open and end: on the downbeat (the form's bars start on the bar
line), never on a stray low first note; the last bar closes on the tonic."""

import os

import pytest

from models.melody.events import REST
from models.melody.lstm import load_melody_lstm
from models.melody.sampler import MelodyRequest, sample_melody
from models.melody.stats import LONG_FIRST_NOTE
from models.registry import CHECKPOINTS


@pytest.fixture(scope="module")
def candidates():
    model = load_melody_lstm(os.path.join(CHECKPOINTS, "melody_lstm"))
    out = []
    for seed in range(1, 7):
        req = MelodyRequest(bars=4, tonic=0, mode="minor" if seed % 2 else "major", seed=seed, register=67)
        out += sample_melody(model, req)
    return out


def test_melodies_open_on_the_downbeat(candidates):
    assert all(c.events[0] >= 2 and REST not in c.events[:2] for c in candidates)


def test_the_first_note_is_in_the_melody_register(candidates):
    assert all(abs(c.notes[0].pitch - 67) <= 9 for c in candidates)


def best_of_each_request(candidates):
    return candidates[:: MelodyRequest().candidates]  # each request's candidates come best first


def test_every_melody_ends_home(candidates):
    assert all(c.stats.ends_on_tonic for c in candidates)


def test_the_best_melody_does_not_open_on_a_long_note(candidates):
    assert not any(c.stats.opens_long for c in best_of_each_request(candidates))
    assert all(c.stats.opens_long == (c.notes[0].duration >= LONG_FIRST_NOTE) for c in candidates)
