"""Each work keeps its own settings (#31): the scenarios of the issue, through `run_turn` with a scripted LM.

Before #31 one shared brief held every work's settings, so a change to one work rewrote the others
("slower" on a melody after a cheerful painting made a faster tune in another key).
"""

from __future__ import annotations

import json
import os

from assistant.session import Session
from assistant.turn import Reply, run_turn
from tools.mood_mapping import music_parameters


def say(session, message, lm_factory, *calls):
    """One turn whose scripted model answers with these [name, arguments] calls; returns the reply text."""
    events = list(run_turn(session, message, lm_factory([list(c) for c in calls])))
    assert isinstance(events[-1], Reply)
    return events[-1].text


def melody_and_beach(tmp_path, scripted) -> Session:
    s = Session.create(str(tmp_path))
    say(
        s, "a melancholic melody in A minor at 72 bpm", scripted, ("compose_melody", {"mood": "melancholic", "bars": 2})
    )
    say(s, "a cheerful painting of a beach", scripted, ("paint", {"mood": "cheerful", "subject": "a sunny beach"}))
    return s


def test_slower_is_slower_than_the_melody_heard_and_keeps_its_notes(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    first = s.current("melody")
    say(s, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    second = s.current("melody")
    assert second.parent == first.id and second.brief.mood == "melancholic"
    assert second.data["tempo"] < first.data["tempo"]  # before #31: 94 bpm after 72, from the painting's mood
    assert (second.data["tonic"], second.data["mode"]) == (first.data["tonic"], first.data["mode"]) == ("A", "minor")
    assert second.data["events"] == first.data["events"]
    assert s.current("painting").brief.mood == "cheerful"  # the painting is untouched


def test_restoring_the_melody_leaves_the_painting_its_subject_and_composition(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    beach = s.current("painting")
    say(s, "go back to the first melody", scripted, ("go_to_version", {"kind": "melody", "number": 1}))
    assert s.current("melody").id == "melody_1" and s.current("painting").id == beach.id
    reply = say(s, "brighter", scripted, ("paint", {"brightness_change": 0.3}))
    brighter = s.current("painting")
    assert brighter.brief.subject == "a sunny beach" and brighter.brief.mood == "cheerful"
    assert brighter.data["spec"]["family"] == beach.data["spec"]["family"] and brighter.seed == beach.seed
    assert "same composition" in reply and "abstract" not in reply  # before: a colour field in the mood's navy
    assert brighter.data["spec"]["brightness"] > beach.data["spec"]["brightness"]


def test_a_new_painting_subject_leaves_the_tune_to_be_sped_up(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    tune = s.current("melody")
    say(
        s,
        "paint an old lighthouse on a cliff at sunset instead",
        scripted,
        ("paint", {"subject": "an old lighthouse on a cliff at sunset"}),
    )
    say(s, "the tune is a bit too slow, speed it up a little", scripted, ("compose_melody", {"tempo_scale": 1.1}))
    faster = s.current("melody")
    assert faster.data["events"] == tune.data["events"] and faster.data["tonic"] == tune.data["tonic"]
    assert faster.data["tempo"] > tune.data["tempo"]


def test_after_restoring_a_painting_twice_as_long_continues_the_melody_on_screen(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "on the saxophone", scripted, ("compose_melody", {"instrument": "saxophone"}))
    on_screen = s.current("melody")
    say(s, "paint a lighthouse instead", scripted, ("paint", {"subject": "a lighthouse"}))
    say(s, "go back to the first painting", scripted, ("go_to_version", {"kind": "painting", "number": 1}))
    say(
        s,
        "put the melody on a flute and make it twice as long",
        scripted,
        ("compose_melody", {"instrument": "flute", "add_bars": 2}),
    )
    longer = s.current("melody")
    assert longer.parent == on_screen.id and longer.data["bars"] == 4 and longer.data["instrument"] == "flute"
    assert longer.data["events"][: len(on_screen.data["events"])] == on_screen.data["events"]
    assert (longer.data["tonic"], longer.data["tempo"]) == (on_screen.data["tonic"], on_screen.data["tempo"])


def test_start_fresh_carries_nothing_over(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "on the saxophone", scripted, ("compose_melody", {"instrument": "saxophone"}))
    old_seeds = {v.seed for v in s.versions.values()}
    reply = say(
        s,
        "start fresh: something spooky for halloween, music and a picture",
        scripted,
        ("compose_melody", {"mood": "spooky", "new_variation": True}),
        ("paint", {"mood": "spooky", "new_variation": True}),
    )
    melody, painting = s.current("melody"), s.current("painting")
    assert melody.parent is None and painting.parent is None and "Made melody_" in reply
    assert melody.data["instrument"] == "piano" and melody.brief.bars == 8  # before: the saxophone stayed
    assert painting.brief.subject == "" and painting.brief.mood == "spooky"  # before: the beach's composition
    assert melody.seed not in old_seeds and painting.seed not in old_seeds


def test_another_take_of_one_work_keeps_its_settings(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "on the saxophone", scripted, ("compose_melody", {"instrument": "saxophone"}))
    say(s, "another one", scripted, ("compose_melody", {"new_variation": True}))
    again = s.current("melody")
    assert again.parent is not None and again.data["instrument"] == "saxophone" and again.brief.mood == "melancholic"


def test_a_matching_work_takes_the_mood_and_subject_of_the_work_it_matches(tmp_path, scripted, tiny_lm):
    s = Session.create(str(tmp_path))
    say(
        s,
        "a melancholic melody and a matching painting",
        scripted,
        ("compose_melody", {"mood": "melancholic", "bars": 2}),
        ("paint", {}),
    )
    assert s.current("painting").brief.mood == "melancholic"
    say(s, "paint the sea at night, joyful", scripted, ("paint", {"mood": "joyful", "subject": "the sea at night"}))
    say(s, "and a poem to go with it", scripted, ("write_text", {"kind": "poem"}))
    poem = s.current("text")
    assert poem.brief.mood == "joyful" and poem.brief.subject == "the sea at night"
    assert poem.brief.bars == 2  # the melody's own settings travel with the shared ones


def test_the_first_request_sets_the_shared_mood_whichever_call_names_it(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    say(
        s,
        "a painting and a melancholic melody to go with it",
        scripted,
        ("paint", {}),
        ("compose_melody", {"mood": "melancholic", "bars": 2}),
    )
    assert s.current("painting").brief.mood == "melancholic"  # before: the default calm


def test_a_change_to_both_keeps_each_works_identity(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "on the saxophone", scripted, ("compose_melody", {"instrument": "saxophone"}))
    beach = s.current("painting")
    say(
        s,
        "make them both happier",
        scripted,
        ("compose_melody", {"valence_change": 0.3}),
        ("paint", {"valence_change": 0.3}),
    )
    melody, painting = s.current("melody"), s.current("painting")
    assert melody.data["instrument"] == "saxophone" and melody.brief.valence > -0.6
    assert painting.brief.subject == "a sunny beach" and painting.seed == beach.seed
    assert painting.brief.valence == 1.0  # cheerful (+0.8) raised to the top, not the melody's valence raised


def test_undo_acts_on_one_work(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    say(s, "more blue", scripted, ("paint", {"emphasize_colour": "blue"}))
    say(s, "undo the painting", scripted, ("undo", {"kind": "painting"}))
    assert s.current("painting").id == "painting_1" and s.current("melody").id == "melody_2"
    say(s, "faster", scripted, ("compose_melody", {"tempo_scale": 1.25}))
    assert s.current("melody").parent == "melody_2" and s.current("melody").brief.palette == []


def test_a_session_saved_before_keeps_opening_with_each_works_settings(tmp_path, scripted):
    """A session.json of the shared-brief days: its brief is the painting's (the last made); the melody's
    settings come from its version's snapshot."""
    old = melody_and_beach(tmp_path / "old", scripted)
    old.brief = old.current("painting").brief  # what the shared brief held then
    folder = os.path.join(str(tmp_path), "legacy", old.id)
    os.makedirs(os.path.dirname(folder))
    os.rename(old.folder, folder)
    with open(os.path.join(folder, "session.json"), "w") as f:
        json.dump(old.model_dump(mode="json"), f)
    back = Session.load(folder)
    heard = music_parameters(back.current("melody").brief).tempo
    say(back, "slower", scripted, ("compose_melody", {"tempo_scale": 0.8}))
    assert back.current("melody").data["tempo"] < heard and back.current("melody").brief.mood == "melancholic"


def test_an_unchanged_work_called_beside_a_mood_change_matches_it(tmp_path, scripted):
    """What the shipped model answers for 'start fresh: something spooky for halloween, music and a picture'
    (a mood on the melody, the painting called as it is): the painting takes the new mood, keeps its scene."""
    s = melody_and_beach(tmp_path, scripted)
    beach = s.current("painting")
    say(
        s,
        "start fresh: something spooky for halloween, music and a picture",
        scripted,
        ("compose_melody", {"mood": "spooky", "arousal_change": 0.3}),
        ("paint", {}),
    )
    painting = s.current("painting")
    assert painting.parent == beach.id and painting.brief.mood == "spooky"  # before #31 it did too (shared brief)
    assert painting.brief.subject == "a sunny beach" and painting.seed == beach.seed


def test_a_change_to_one_work_leaves_the_other_as_it_is(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    beach = s.current("painting")
    say(
        s,
        "a sad melody, and more blue in the painting",
        scripted,
        ("compose_melody", {"mood": "sad"}),
        ("paint", {"emphasize_colour": "blue"}),
    )
    assert s.current("painting").brief.mood == "cheerful" and s.current("painting").seed == beach.seed


def test_starting_over_one_work_in_words_makes_it_new_from_the_request_alone(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    say(s, "a fast techno beat", scripted, ("compose_melody", {"mood": "energetic", "bars": 2, "tempo": 160}))
    slower_take = ("compose_melody", {"new_variation": True, "tempo_scale": 0.8})
    say(s, "start over with something completely different: a slow folk song", scripted, slower_take)
    folk = s.current("melody")
    assert folk.parent is None and folk.data["tempo"] < 100  # not 0.8 times the techno's 160
    say(s, "don't start over, just another one", scripted, slower_take)
    assert s.current("melody").parent == folk.id


def test_starting_over_with_a_new_scene_makes_only_the_painting_new(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    scene = ("paint", {"subject": "a dark stormy sea"})
    say(s, "start over: a dark stormy sea", scripted, scene, ("compose_melody", {"new_variation": True}))
    assert s.current("painting").parent is None and s.current("melody") is None  # the bare melody take went
    take = ("compose_melody", {"new_variation": True})
    say(s, "start over: a sad melody and a matching painting", scripted, scene, take)
    assert s.current("melody") is not None  # a work the request names is made


def test_starting_over_clears_the_studio_and_keeps_every_version(tmp_path, scripted):
    """The frozen dialogues' reading of "start over" (issue #32): a red barn, darker, then "start over with a
    cheerful flute melody" leaves one melody on screen; the barn's two versions are kept, no longer current."""
    s = Session.create(str(tmp_path))
    say(s, "paint a red barn in a field", scripted, ("paint", {"subject": "a red barn in a field"}))
    say(s, "make it darker", scripted, ("paint", {"brightness_change": -0.3}))
    barns = set(s.versions)
    say(s, "start over with a cheerful flute melody", scripted, ("compose_melody", {"mood": "cheerful"}))
    assert s.current("painting") is None and len(s.of_kind("painting")) == 0
    assert len(s.of_kind("melody")) == 1 and s.current("melody").parent is None
    assert barns < set(s.versions)  # nothing lost: the barns can still be restored by id
    again = Session.load(s.folder)  # what another tab or a resume sees
    assert again.heads == s.heads and again.started == s.started and len(again.of_kind("painting")) == 0
    reply = say(s, "ok let's start over", scripted, ("compose_melody", {"new_variation": True}))
    assert s.heads == {} and s.of_kind("melody") == []  # a bare start over clears and makes nothing, whatever
    assert "What shall we make" in reply  # the model answered: the next request says what to make
    s.go_to(sorted(barns)[0])  # an earlier work can still be put back on screen
    assert s.current("painting") is not None


def test_redoing_one_work_from_scratch_leaves_the_others_on_screen(tmp_path, scripted):
    s = melody_and_beach(tmp_path, scripted)
    say(s, "redo the painting from scratch", scripted, ("paint", {"new_variation": True}))
    assert s.current("melody") is not None and len(s.of_kind("painting")) == 2
