import numpy as np

from models.melody.character import CharacterQuantiles, character
from models.melody.events import Note, notes_to_events
from models.melody.lstm import START
from models.melody.performance import Performance
from models.melody.phrases import (
    PLANS,
    bar_plan,
    draw_plan,
    form_letters,
    parse_plan,
    plan_distance,
    plan_kept,
    reference_events,
)

A = [Note(0, 4, 60), Note(4, 4, 62), Note(8, 4, 64), Note(12, 4, 60)]
B = [Note(0, 8, 67), Note(8, 2, 65), Note(10, 2, 64), Note(12, 4, 62)]


def bars(*patterns, transpose=None):
    notes = []
    for i, pattern in enumerate(patterns):
        notes += [Note(n.start + 16 * i, n.duration, n.pitch) for n in pattern]
    return np.array(notes_to_events(notes, 16 * len(patterns)))


def test_plan_finds_exact_and_varied_returns_nearest_first():
    a_up = [Note(n.start, n.duration, n.pitch + 2) for n in A]  # same rhythm, other pitches: a sequence
    plan = [PLANS[p] for p in bar_plan(bars(A, B, a_up, B, A, B, A, A), 16)]
    assert plan == ["new", "new", "varied2", "exact2", "exact4", "exact2", "exact2", "exact1"]


def test_plan_kept_counts_the_returns_the_notes_make():
    a_up = [Note(n.start, n.duration, n.pitch + 2) for n in A]
    plan = parse_plan("new new exact2 varied2")
    assert plan_kept(bars(A, B, A, B), plan, 16) == 1.0
    assert plan_kept(bars(A, B, a_up, B), plan, 16) == 0.5  # a varied bar where an exact return was planned
    assert plan_kept(bars(A, B, a_up, B), parse_plan("new new varied2 exact2"), 16) == 1.0
    assert plan_kept(bars(A, B, B, A), plan, 16) == 0.0
    assert plan_kept(bars(A, B), parse_plan("new new"), 16) == 1.0  # nothing planned to return


def test_reference_points_at_the_planned_bar():
    events = bars(A, B, A, B)
    plan = bar_plan(events, 16)
    ref = reference_events(events, plan, 16)
    assert (ref[:32] == START).all() and (ref[32:] == events[:32]).all()


def test_drawn_plans_are_real_and_refer_only_backwards():
    plans = ["new new exact2 new", "new new varied1 exact2 new new exact4 exact4 new"]
    rng = np.random.default_rng(0)
    for bars_wanted in (2, 4, 9, 20):
        plan = draw_plan(plans, bars_wanted, rng)
        assert len(plan) == bars_wanted
        assert all(plan_distance(p) <= i for i, p in enumerate(plan))
    assert draw_plan(plans, 5, rng) == [PLANS.index(w) for w in plans[1].split()[:5]]  # the only long one


def test_character_measures():
    dotted_leaps = [Note(0, 6, 60), Note(6, 2, 67), Note(8, 6, 72), Note(14, 2, 65)]
    even_steps = [Note(i * 4, 4, 60 + (i % 2) * 2) for i in range(4)]
    syncopated = [Note(0, 2, 60), Note(2, 4, 62), Note(6, 4, 61)]
    assert character(dotted_leaps, "major")["dotted"] == 2 / 3
    assert character(dotted_leaps, "major")["leaps"] > character(even_steps, "major")["leaps"]
    assert character(even_steps, "major")["syncopation"] == 0
    assert character(syncopated, "major")["syncopation"] == 2 / 3
    assert character(syncopated, "major")["chromatic"] == 1 / 3  # C# in C major
    assert character([Note(0, 4, 60), Note(4, 4, 71)], "minor")["chromatic"] == 0.5  # the raised leading tone


def test_quantiles_round_trip_and_ties_take_the_middle():
    rows = [{"leaps": x, "ascent": 0.5, "dotted": 0.0, "syncopation": x / 10, "chromatic": 0.0} for x in range(101)]
    q = CharacterQuantiles.fit(rows)
    assert abs(q.level("leaps", 25.0) - 0.25) < 1e-6 and abs(q.value("leaps", 0.8) - 80.0) < 1e-6
    assert q.level("chromatic", 0.0) == 0.5
    assert CharacterQuantiles(q.as_dict()).level("leaps", 50.0) == q.level("leaps", 50.0)


def test_performance_accents_strong_beats_and_shortens_staccato():
    play = Performance(velocity=80, accent=20, gate=0.5)
    assert play.note_velocity(Note(0, 4, 60)) == 100 and play.note_velocity(Note(8, 4, 60)) == 100
    assert play.note_velocity(Note(4, 4, 60)) == 80
    assert play.sounding_steps(Note(0, 4, 60)) == 2 and play.sounding_steps(Note(0, 1, 60)) == 1
    assert Performance(80, 20, 1.0, moved_earlier=4).note_velocity(Note(4, 4, 60)) == 100


def test_form_letters():
    plan = [PLANS.index(w) for w in "new new varied2 exact2 exact4 exact2 exact2 exact1".split()]
    assert form_letters(plan) == "A B A' B A B A A"
