"""Plan-then-fill: the form plan, the line measures, and the shipped LSTM's melodies filling a plan."""

import os

import numpy as np
import pytest

from models.melody.events import Note, events_to_notes
from models.melody.form_plan import FORMS, plan_form
from models.melody.lstm import load_melody_lstm
from models.melody.melody_rules import sequence_pitch
from models.melody.sampler import MelodyRequest, sample_melody
from models.melody.voice_leading import (
    allowed_durations,
    big_leaps,
    cadence_at_bar,
    line_measures,
    long_notes_off_beat,
    motif_returns_off_bar,
    unrecovered_leaps,
    unresolved_chromatic,
)
from models.registry import CHECKPOINTS


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_form_cadences_at_bars_4_and_8_and_returns_only_to_earlier_bars(name):
    plan = plan_form(8, "major", np.random.default_rng(0), name=name)
    assert plan.bars[3].cadence in ("half", "open") and plan.bars[7].cadence == "tonic"
    assert all(r.source is None or r.source < b for b, r in enumerate(plan.bars))
    assert any(r.source is not None for r in plan.bars)  # something comes back
    assert plan.chords[-1] == (0, 4, 7)  # the tonic chord under the last note


def test_a_continuation_plans_only_the_new_bars():
    plan = plan_form(4, "minor", np.random.default_rng(1), before=8)
    assert len(plan.bars) == 12 and all(r.source is None and not r.cadence for r in plan.bars[:8])
    assert plan.bars[11].cadence == "tonic"


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_continuation_goes_on_with_new_material_not_the_opening_again(name):
    """'make it longer' once put the opening figure four times in twelve bars (the form came round again)."""
    for seed in range(6):
        plan = plan_form(4, "minor", np.random.default_rng(seed), before=8, name=name)
        added = plan.bars[8:]
        assert added[0].source is None and added[1].source is None  # a new idea ...
        assert {r.kind for r in added[2:]} == {"sequence"} and {r.source for r in added[2:]} == {8, 9}  # ... moved
        home = plan_form(8, "minor", np.random.default_rng(seed), before=8, name=name).bars[14:]
        assert [r.source for r in home] == [0, 1] or home[0].source == 0  # the last added unit comes home


def test_long_notes_start_on_beats_and_nothing_crosses_the_bar():
    assert 8 in allowed_durations(0) and 16 not in allowed_durations(0)
    assert max(allowed_durations(2)) == 2 and allowed_durations(3) == (1,)
    assert allowed_durations(12) == (1, 2, 3, 4) and allowed_durations(8) == (1, 2, 3, 4, 6, 8)


def test_sequence_moves_by_scale_steps():
    assert sequence_pitch(60, 1, "major") == 62 and sequence_pitch(64, 1, "major") == 65
    assert sequence_pitch(60, -1, "minor") == 58 and sequence_pitch(71, 1, "major") == 72


def test_line_measures_on_lines_whose_answers_are_known():
    leap_back = [Note(0, 4, 60), Note(4, 4, 69), Note(8, 4, 67), Note(12, 4, 65)]
    leap_on = [Note(0, 4, 60), Note(4, 4, 69), Note(8, 4, 72), Note(12, 4, 74)]
    assert unrecovered_leaps(leap_back) == 0 and unrecovered_leaps(leap_on) == 1
    assert big_leaps([Note(0, 4, 60), Note(4, 4, 74)]) == 1 and big_leaps(leap_on) == 0
    assert long_notes_off_beat([Note(0, 2, 60), Note(2, 4, 62), Note(6, 2, 64)]) == 1
    assert unresolved_chromatic([Note(0, 2, 61), Note(2, 2, 62), Note(4, 2, 66), Note(6, 2, 60)], "major") == 1
    assert unresolved_chromatic([Note(0, 2, 71), Note(2, 2, 72)], "minor") == 0  # the leading tone goes home
    figure = [Note(0, 2, 60), Note(2, 2, 62), Note(4, 2, 64), Note(6, 2, 65)]
    late = figure + [Note(n.start + 9, 2, n.pitch) for n in figure]
    on_bar = figure + [Note(n.start + 16, 2, n.pitch) for n in figure]
    assert motif_returns_off_bar(late) == 1 and motif_returns_off_bar(on_bar) == 0


def test_cadence_is_a_long_note_on_a_strong_beat_a_pickup_may_follow():
    bar4 = [Note(48, 4, 64), Note(52, 4, 62), Note(56, 6, 67), Note(62, 2, 65)]
    assert cadence_at_bar(bar4, 3, tonic=False) and not cadence_at_bar(bar4, 3, tonic=True)
    assert not cadence_at_bar([Note(48, 8, 67), Note(56, 2, 65), Note(58, 6, 64)], 3, tonic=False)
    assert cadence_at_bar([Note(112, 16, 72)], 7, tonic=True)


@pytest.fixture(scope="module")
def melodies():
    model = load_melody_lstm(os.path.join(CHECKPOINTS, "melody_lstm"))
    out = []
    for seed, mode, levels in ((1, "major", (0.08, 0.1, 0.1, 0.35, 0.33)), (2, "minor", (0.92, 0.9, 0.1, 0.97, 0.95))):
        req = MelodyRequest(bars=8, seed=seed, mode=mode, character=levels, candidates=4)
        out.append((req, sample_melody(model, req)[0]))
    return out


def test_filled_melodies_keep_the_plan(melodies):
    for req, best in melodies:
        events, notes = np.array(best.events), events_to_notes(best.events)
        assert events[0] >= 2  # opens on the downbeat
        assert cadence_at_bar(notes, 3, tonic=False) and cadence_at_bar(notes, 7, tonic=True)
        form = plan_form(8, req.mode, np.random.default_rng(req.seed))
        assert best.form == form.name
        for b, role in enumerate(form.bars):
            if role.source is None:
                continue
            ours, source = events[16 * b : 16 * b + role.copy_until], events[16 * role.source :][: role.copy_until]
            assert ((ours >= 2) == (source >= 2)).all()  # the rhythm returns exactly on the bar
            if role.kind == "exact":
                assert (ours[1:] == source[1:]).all()


def test_filled_melodies_follow_the_line_rules(melodies):
    for req, best in melodies:
        measures = line_measures(events_to_notes(best.events), req.mode)
        assert measures["leaps_beyond_seventh"] == 0
        assert measures["unresolved_chromatic"] <= 1 and measures["unrecovered_leaps"] <= 2
        pitches = [n.pitch for n in best.notes]
        assert max(pitches) - min(pitches) <= 17  # an eleventh at most
