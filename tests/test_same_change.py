"""The same change for another work: "make the melody happier", then "do the same for the painting" (dev v11)."""

from __future__ import annotations

from assistant.same_change import SAME, target_tool
from assistant.session import Session
from tests.test_work_settings import say

TAKE = ("paint", {"new_variation": True})


def melody_and_lake(tmp_path, scripted) -> Session:
    s = Session.create(str(tmp_path))
    say(
        s,
        "a melody and a painting of a lake",
        scripted,
        ("compose_melody", {"bars": 2}),
        ("paint", {"subject": "a lake"}),
    )
    return s


def test_the_last_change_of_one_work_is_made_to_the_work_named(tmp_path, scripted):
    s = melody_and_lake(tmp_path, scripted)
    say(s, "make the melody happier", scripted, ("compose_melody", {"valence_change": 0.3}))
    say(s, "now do the same to the painting", scripted, TAKE)
    painting = s.current("painting")
    assert painting.number == 2 and painting.arguments == {"valence_change": 0.3}
    assert painting.brief.valence > s.versions["painting_1"].brief.valence


def test_a_change_the_work_cannot_take_leaves_it_and_says_so(tmp_path, scripted):
    s = melody_and_lake(tmp_path, scripted)
    say(s, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    reply = say(s, "same for the painting please", scripted, TAKE)
    assert len(s.of_kind("painting")) == 1 and "left as it is" in reply


def test_without_the_same_or_with_the_work_asked_anew_the_plan_is_the_models(tmp_path, scripted):
    s = melody_and_lake(tmp_path, scripted)
    say(s, "make the melody happier", scripted, ("compose_melody", {"valence_change": 0.3}))
    say(s, "another take of the painting", scripted, TAKE)
    assert s.current("painting").arguments == {"new_variation": True}
    assert target_tool("a poem in the same mood", s) is None  # a new poem, asked by name
    assert target_tool("make the painting the same as the melody", s) is None  # two works named


def test_the_phrasings_of_the_same():
    for said in ("do the same for the painting", "same for the tune please", "do that to the melody too", "likewise"):
        assert SAME.search(said), said
    assert not SAME.search("do the painting again")
