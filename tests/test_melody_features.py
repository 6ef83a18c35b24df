"""The music report's form measures on tunes whose answers are known by hand."""

import pytest

from evals.melody_features import has_two_bar_repeat, self_similarity, self_similarity_matrix
from models.melody.events import Note

A = [(0, 60), (2, 62)]
B = [(0, 65), (2, 67)]
C = [(0, 69), (1, 71)]


def tune(*bars, steps_per_bar=4):
    return [Note(b * steps_per_bar + pos, 2, pitch) for b, bar in enumerate(bars) for pos, pitch in bar]


def test_self_similarity_counts_returns_to_earlier_bars_only():
    assert self_similarity(tune(A, A, B, A), 4, 16) == pytest.approx(2 / 3)


def test_matrix_reading_also_credits_a_bar_that_returns_later():
    assert self_similarity_matrix(tune(A, A, B, A), 4, 16) == pytest.approx(3 / 4)
    assert self_similarity_matrix(tune(A, B, C, B), 4, 16) == pytest.approx(1 / 2)


def test_bars_that_never_return_score_zero_in_both_readings():
    notes = tune(A, B, C, [(3, 50)])
    assert self_similarity(notes, 4, 16) == 0.0
    assert self_similarity_matrix(notes, 4, 16) == 0.0


def test_two_bar_repeat_needs_a_whole_span_returning():
    assert has_two_bar_repeat(tune(A, B, A, B), 4, 16)
    assert not has_two_bar_repeat(tune(A, B, A, C), 4, 16)
