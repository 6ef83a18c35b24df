"""The blind melody test's plain ABC and its scoring, on melodies and verdicts whose answers are known."""

import pytest

from evals.melody_abc import plain_abc
from evals.melody_judge import summarise
from models.melody.events import Note


def body(abc: str) -> str:
    return abc.strip().split("\n")[-1]


def test_a_melody_in_d_major_is_written_in_c_with_bars_and_ties():
    notes = [Note(0, 4, 62), Note(4, 4, 64), Note(8, 12, 66), Note(20, 4, 62)]  # D E F# (across the bar) D
    abc = plain_abc(notes, tonic=2, mode="major")
    assert "K:C" in abc and body(abc) == "c4 d4 e8- | e4 c4 |]"


def test_accidentals_hold_to_the_bar_line_as_abc_reads_them():
    notes = [Note(0, 4, 68), Note(4, 4, 69), Note(8, 4, 68), Note(12, 4, 67), Note(16, 4, 67)]  # in A minor
    abc = plain_abc(notes, tonic=9, mode="minor")
    assert "K:Am" in abc and body(abc) == "^G4 A4 G4 =G4 | G4 |]"


def test_a_pickup_is_written_as_a_short_first_bar():
    assert body(plain_abc([Note(12, 4, 72), Note(16, 8, 72)], tonic=0, mode="major")).startswith("c4 | c8")


def test_scoring_counts_person_calls_and_musicality_per_source():
    key = {"p1": {"source": "ours"}, "p2": {"source": "ours"}, "p3": {"source": "real"}, "p4": {"source": "real"}}
    verdicts = {
        "p1": {"verdict": "person", "musicality": 4},
        "p2": {"verdict": "machine", "musicality": 2},
        "p3": {"verdict": "Person", "musicality": 4},
        "p4": {"verdict": "person", "musicality": 3},
    }
    out = summarise(verdicts, key)
    assert out["ours"]["person_rate"] == 0.5 and out["real"]["person_rate"] == 1.0
    assert out["person_rate_ratio"] == 0.5 and out["musicality_gap"] == pytest.approx(0.5)


def test_scoring_gives_the_before_version_its_own_row_when_it_is_in_the_job():
    key = {"p1": {"source": "ours"}, "p2": {"source": "before"}, "p3": {"source": "real"}, "p4": {"source": "real"}}
    verdicts = {n: {"verdict": v, "musicality": 3} for n, v in zip(key, ("person", "machine", "person", "machine"))}
    out = summarise(verdicts, key)
    assert out["before"]["person_rate"] == 0.0 and out["before_person_rate_ratio"] == 0.0
    assert out["person_rate_ratio"] == 2.0 and "before" not in summarise(verdicts, {"p1": key["p1"], "p3": key["p3"]})
