import pytest
from pydantic import ValidationError

from tools.brief import BriefChanges, CreativeBrief, apply_changes, effective_tempo


def test_slower_scales_the_effective_tempo_and_says_when_it_hits_the_limit():
    b = CreativeBrief()
    slower, notes = apply_changes(b, BriefChanges(tempo_scale=0.8))
    assert slower.tempo == round(effective_tempo(b) * 0.8) and "bpm" in notes[0]
    fastest, notes = apply_changes(b, BriefChanges(tempo_scale=3.9))
    assert fastest.tempo == 200 and "(the fastest)" in notes[0]
    assert apply_changes(b, BriefChanges(tempo_change=-10))[0].tempo == effective_tempo(b) - 10


def test_out_of_range_values_are_errors_not_clamped():
    for bad in (dict(tempo=500), dict(tempo=10), dict(tempo_scale=0.1), dict(tempo_scale=5), dict(bars=100),
                dict(add_bars=0), dict(transpose=13), dict(key="H")):
        with pytest.raises(ValidationError):
            BriefChanges(**bad)


def test_keys_as_people_write_them_and_transposition():
    assert [BriefChanges(key=k).key for k in ("E flat", "e-flat", "E♭", "f sharp", "bb", "D")] == [
        "Eb", "Eb", "Eb", "F#", "Bb", "D"
    ]
    up_a_fifth, notes = apply_changes(CreativeBrief(key="D"), BriefChanges(transpose=7))
    assert up_a_fifth.key == "A" and "+7" in notes[0]
    assert apply_changes(CreativeBrief(valence=-0.5), BriefChanges(transpose=-2))[0].key == "G"  # from A minor


def test_more_blue_longer_darker():
    b = CreativeBrief(palette=["gold", "grey"])
    out, _ = apply_changes(b, BriefChanges(emphasize_colour="blue", add_bars=4, brightness_change=-0.4))
    assert out.palette[0] == "blue" and out.bars == 12 and out.brightness_offset < 0


def test_new_mood_resets_mood_derived_tempo_and_mode():
    b = apply_changes(CreativeBrief(), BriefChanges(tempo=150, mode="minor"))[0]
    joyful = apply_changes(b, BriefChanges(mood="joyful"))[0]
    assert joyful.tempo is None and joyful.mode is None and joyful.valence > 0.5


def test_unknowns_are_reported_not_applied():
    b = CreativeBrief()
    out, notes = apply_changes(b, BriefChanges(mood="qwzx", palette=["blurple"], emphasize_colour="zzz"))
    assert out.mood == b.mood and out.key is None and out.palette == []
    assert any("qwzx" in n for n in notes) and any("blurple" in n for n in notes)


def test_a_subject_word_in_the_palette_is_not_reported_as_an_unknown_colour():
    b = CreativeBrief()
    out, notes = apply_changes(b, BriefChanges(subject="a birch forest in autumn", palette=["birch", "gold"]))
    assert out.palette == ["gold"] and not any("birch" in n and "colour" in n for n in notes)  # was "I don't know
    out, notes = apply_changes(b, BriefChanges(subject="a lake", palette=["birch"]))  # the colour 'birch'"
    assert any("birch" in n for n in notes)  # a word the subject does not say is still reported


def test_mood_changes_are_told_as_a_direction_with_the_value_before_and_after():
    sad = CreativeBrief(valence=-0.6, arousal=1.0)
    lighter, notes = apply_changes(sad, BriefChanges(valence_change=0.3, arousal_change=0.3))
    assert lighter.valence == pytest.approx(-0.3)
    assert notes[0] == "happier (valence -0.60 -> -0.30)"
    assert notes[1].startswith("more energetic: already at the end")
    assert apply_changes(sad, BriefChanges(valence_change=-0.3))[1] == ["sadder (valence -0.60 -> -0.90)"]
