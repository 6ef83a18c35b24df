"""A change goes only to the works that have what it changes: "both slower" leaves the painting (issue #32, v3)."""

from __future__ import annotations

from assistant.own_changes import owned_changes, says_nothing_else
from assistant.session import Session
from tests.test_work_settings import melody_and_beach, say

SLOWER = ("compose_melody", {"tempo_scale": 0.8})
DARKER = ("paint", {"brightness_change": -0.3})


def test_a_tempo_is_the_melodys_a_colour_the_paintings_a_length_also_a_texts():
    assert owned_changes("both slower")[0] == [("tempo", frozenset({"melody"}))]
    assert owned_changes("make everything more blue")[0] == [("colour", frozenset({"painting"}))]
    assert owned_changes("both a bit longer")[0] == [("length", frozenset({"melody", "text"}))]
    assert owned_changes("make both happier")[0] == []
    assert owned_changes("make it 100 bpm")[0] == [("tempo", frozenset({"melody"}))]
    assert says_nothing_else(owned_changes("make them both a bit faster pls")[1])
    assert not says_nothing_else(owned_changes("make both slower and darker")[1])


def test_both_slower_slows_the_melody_and_says_the_painting_has_no_tempo(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    reply = say(s, "both slower", scripted, SLOWER, DARKER)
    assert len(s.of_kind("melody")) == 2 and len(s.of_kind("painting")) == 1
    assert "a painting has no tempo, so it is left as it is" in reply


def test_a_change_the_other_work_takes_keeps_its_call(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "make both slower and darker", scripted, SLOWER, DARKER)
    assert len(s.of_kind("melody")) == 2 and len(s.of_kind("painting")) == 2


def test_a_change_of_a_work_alone_that_cannot_take_it_is_said_in_words(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    say(s, "paint a lake", scripted, ("paint", {"subject": "a lake"}))
    reply = say(s, "faster", scripted, ("paint", {"brightness_change": 0.3}))
    assert (
        len(s.of_kind("painting")) == 1 and reply == "Nothing changed: a painting has no tempo, so it is left as it is."
    )
