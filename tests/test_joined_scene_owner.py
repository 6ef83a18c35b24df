"""A scene joined bare to another work's part is the painting's: its subject and its words (dev v11)."""

from __future__ import annotations


def test_a_work_word_before_a_join_governs_nothing_past_it():
    from assistant.orchestrators.subject_owner import owner_tool, without_scene_mood

    assert owner_tool("a slow cello melody, and a lighthouse at dusk", "a lighthouse at dusk") != "compose_melody"
    assert owner_tool("a melody about a fox and a hare", "a fox and a hare") == "compose_melody"
    dunes = "sand dunes at sunset and a slow desert melody"
    sunset = '[["compose_melody", {"mood": "sunset", "tempo_scale": 0.8}], ["paint", {"subject": "sand dunes"}]]'
    assert without_scene_mood(sunset, dunes) == sunset.replace('"mood": "sunset", ', "")  # the painting's word
    assert without_scene_mood(sunset, "a sunset melody") == sunset  # no scene joined: the melody's
