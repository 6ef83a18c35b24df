"""A version spoken of by one of its facts is the one restored: "go back to the 16 bar one" (issue #32, v3)."""

from __future__ import annotations

from assistant.session import Session
from tests.test_work_settings import say

RESTORE_16 = ("go_to_version", {"kind": "melody", "number": 16})


def tune_of_lengths(tmp_path, scripted) -> Session:
    s = Session.create(str(tmp_path))
    say(s, "a happy tune", scripted, ("compose_melody", {"mood": "happy", "bars": 2}))
    say(s, "make it 4 bars", scripted, ("compose_melody", {"bars": 4}))
    say(s, "now 3 bars", scripted, ("compose_melody", {"bars": 3}))
    return s


def test_a_bar_count_names_the_version_of_that_length(tmp_path, scripted):
    s = tune_of_lengths(tmp_path, scripted)
    reply = say(s, "go back to the 4 bar one", scripted, ("go_to_version", {"kind": "melody", "number": 4}))
    assert s.current("melody").number == 2 and "Back to melody_2" in reply
    say(s, "go back to the 3 bar version", scripted, RESTORE_16)
    assert s.current("melody").number == 3 and len(s.of_kind("melody")) == 3


def test_a_word_of_degree_names_the_one_version_with_most_or_least(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    say(s, "a cheerful tune", scripted, ("compose_melody", {"mood": "cheerful", "bars": 2}))
    say(s, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    say(s, "much faster", scripted, ("compose_melody", {"tempo_scale": 1.5}))
    say(s, "go back to the slow one", scripted, ("go_to_version", {"kind": "melody", "number": 1}))
    assert s.current("melody").number == 2


def test_a_colour_preferred_without_a_restore_goes_back_to_its_version(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    say(s, "paint a harbour", scripted, ("paint", {"subject": "a harbour"}))
    say(s, "more blue", scripted, ("paint", {"emphasize_colour": "blue"}))
    say(s, "now more red", scripted, ("paint", {"emphasize_colour": "red"}))
    say(s, "i liked the blue one better", scripted, ("paint", {"emphasize_colour": "blue"}))
    assert s.current("painting").number == 2 and len(s.of_kind("painting")) == 3


def test_an_order_or_no_fact_leaves_the_models_restore(tmp_path, scripted):
    s = tune_of_lengths(tmp_path, scripted)
    say(s, "go back to the first one", scripted, ("go_to_version", {"kind": "melody", "number": 1}))
    assert s.current("melody").number == 1
    say(s, "undo", scripted, ("undo", {"kind": "melody"}))  # nothing named: the model's undo
    say(s, "undo that, not the 4 bars", scripted, ("undo", {"kind": "melody"}))  # no "the ... one": an undo
    assert s.current("melody").number == 1
    say(s, "make the blue one brighter", scripted, ("compose_melody", {"tempo_scale": 1.25}))
    assert len(s.of_kind("melody")) == 4  # no fact of any version, no preference: a change
