"""What gave the v2 melodies away, planned out: consequents that copy their antecedent, one stock close, no
pickups, whole tonic bars, long notes off the beat; and the judge's cut, the same for ours and real tunes."""

import os

import numpy as np
import pytest

from evals.melody_abc import phrase_window, plain_abc
from models.melody.events import HOLD, Note, notes_to_events
from models.melody.form_plan import FORMS, plan_form
from models.melody.lstm import load_melody_lstm
from models.melody.phrases import from_first_downbeat, lead_bars, pickup_length
from models.melody.sampler import MelodyRequest, sample_melody
from models.melody.voice_leading import cadence_at_bar, long_notes_off_beat
from models.registry import CHECKPOINTS


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_consequent_keeps_at_most_the_idea_of_its_antecedent(name):
    for seed in range(10):
        plan = plan_form(8, "major", np.random.default_rng(seed), name=name)
        followed = sum(r.copy_until for r in plan.bars[4:] if r.source is not None and r.source < 4)
        assert followed <= 32  # the two-bar idea at most: never a 4+4 copy
        assert not any(r.source in (2, 3) for r in plan.bars[6:])  # the consequent closes its own way


def test_closes_differ_by_seed_and_are_not_all_whole_bars():
    closes = set()
    for seed in range(20):
        last = plan_form(8, "minor", np.random.default_rng(seed))
        closes.add((last.approach, last.bars[-1].cadence_at, last.bars[-1].cadence_len))
        assert all(pcs != (4,) for _, _, pcs in last.approach)  # minor's third is 3
    assert len(closes) >= 8 and sum(c[2] == 16 for c in closes) <= 3


def test_a_pickup_gets_a_bar_of_its_own_and_the_last_bar_is_short_by_as_much():
    plan = plan_form(8, "major", np.random.default_rng(3), lead=1, pickup=4)
    assert len(plan.bars) == 9 and plan.bars[0].kind == "pickup" and plan.lead == 1
    assert plan.bars[4].cadence in ("half", "open") and plan.bars[4].breath_until == 12  # the pickup again
    last = plan.bars[8]
    assert last.cadence == "tonic" and last.cadence_at + last.cadence_len <= 12
    assert all(r.source is None or 1 <= r.source < b for b, r in enumerate(plan.bars))
    again = plan_form(4, "major", np.random.default_rng(4), before=9, lead=1, pickup=4)  # a continuation
    assert len(again.bars) == 13 and again.bars[12].cadence == "tonic" and not again.bars[8].cadence


def test_pickup_bars_are_read_from_the_events():
    pickup = [HOLD] * 12 + notes_to_events([Note(0, 4, 67), Note(4, 16, 72)])
    assert pickup_length(pickup) == 4 and lead_bars(pickup) == 1
    assert pickup_length(notes_to_events([Note(0, 4, 67), Note(4, 16, 72)])) == 0
    assert from_first_downbeat([Note(12, 4, 67)], 16) == [Note(-4, 4, 67)]


def test_both_sources_are_cut_from_the_pickup_to_the_phrase_end():
    bar = [Note(0, 4, 72), Note(4, 4, 74), Note(8, 4, 76), Note(12, 4, 74)]
    body = [Note(16 * b + n.start, n.duration, n.pitch) for b in range(7) for n in bar]
    close = [Note(112, 4, 74), Note(116, 4, 71), Note(120, 4, 72), Note(124, 2, 67), Note(126, 2, 69)]
    events = [HOLD] * 12 + notes_to_events(
        [Note(0, 4, 67)] + [Note(n.start + 4, n.duration, n.pitch) for n in body + close]
    )
    notes, closes = phrase_window(events + [HOLD] * 32)
    assert closes and notes[0] == Note(-4, 4, 67) and notes[-1] == Note(120, 4, 72)  # next phrase's pickup dropped
    abc = plain_abc(notes, 0, "major").split("\n")[4]
    assert abc.startswith("G4 | c4") and abc.endswith("c4 |]")
    _, open_ended = phrase_window(notes_to_events(body + [Note(112, 2, 72), Note(114, 2, 74)]) + [HOLD] * 14)
    assert not open_ended


@pytest.fixture(scope="module")
def with_pickup():
    model = load_melody_lstm(os.path.join(CHECKPOINTS, "melody_lstm"))
    return [sample_melody(model, MelodyRequest(bars=8, seed=s, pickup=4, candidates=2))[0] for s in (3, 4)]


def test_a_melody_with_a_pickup_keeps_its_cadences_and_its_grid(with_pickup):
    for best in with_pickup:
        events = best.events
        assert len(events) == 9 * 16 and all(e == HOLD for e in events[:12]) and events[12] >= 2
        notes = from_first_downbeat(best.notes, 16)
        assert cadence_at_bar(notes, 3, tonic=False) and cadence_at_bar(notes, 7, tonic=True)
        assert notes[-1].start + notes[-1].duration <= 8 * 16 - 4  # the last bar is short by the pickup
        assert long_notes_off_beat(notes) == 0
