"""Going back a written number of steps: "go back two steps", "undo the last two changes" (dev v11)."""

from __future__ import annotations

from assistant.session import Session
from assistant.steps_back import steps_asked
from tests.test_work_settings import say

UNDO = ("undo", {"kind": "painting"})


def fox_changed_twice(tmp_path, scripted) -> Session:
    s = Session.create(str(tmp_path))
    say(s, "paint a fox", scripted, ("paint", {"subject": "a fox"}))
    say(s, "brighter", scripted, ("paint", {"brightness_change": 0.3}))
    say(s, "more red", scripted, ("paint", {"emphasize_colour": "red"}))
    return s


def test_two_steps_back_restores_the_version_two_parents_up(tmp_path, scripted):
    s = fox_changed_twice(tmp_path, scripted)
    say(s, "go back two steps", scripted, UNDO)
    assert s.current("painting").number == 1 and len(s.of_kind("painting")) == 3


def test_with_no_restore_planned_the_work_the_last_turn_touched_goes_back(tmp_path, scripted):
    s = fox_changed_twice(tmp_path, scripted)
    say(s, "a calm tune", scripted, ("compose_melody", {"mood": "calm", "bars": 2}))
    say(s, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    say(s, "play it on the cello", scripted, ("compose_melody", {"instrument": "cello"}))
    say(s, "go back 2 steps", scripted)
    assert s.current("melody").number == 1 and s.current("painting").number == 3


def test_steps_follow_the_chain_and_stop_at_the_first(tmp_path, scripted):
    s = fox_changed_twice(tmp_path, scripted)
    say(s, "go back to the first painting", scripted, ("go_to_version", {"kind": "painting", "number": 1}))
    say(s, "darker", scripted, ("paint", {"brightness_change": -0.3}))  # painting_4, from painting_1
    say(s, "undo the last three changes", scripted, UNDO)
    assert s.current("painting").number == 1


def test_one_step_or_no_count_is_the_models():
    assert steps_asked("go back two steps") == 2
    assert steps_asked("undo the last 3 changes") == 3
    assert steps_asked("take it back two versions") == 2
    assert steps_asked("undo twice") == 2
    assert steps_asked("go back one step") is None
    assert steps_asked("go back to version 2") is None
    assert steps_asked("two more versions please") is None  # no going back
