from tools.brief import BriefChanges, CreativeBrief, apply_changes, effective_tempo


def test_slower_scales_the_effective_tempo_and_clamps():
    b = CreativeBrief()
    slower, notes = apply_changes(b, BriefChanges(tempo_scale=0.8))
    assert slower.tempo == round(effective_tempo(b) * 0.8) and "bpm" in notes[0]
    assert apply_changes(b, BriefChanges(tempo_scale=4.9))[0].tempo == 200
    assert apply_changes(b, BriefChanges(tempo=500))[0].tempo == 200


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
    out, notes = apply_changes(b, BriefChanges(mood="qwzx", key="H", palette=["blurple"], emphasize_colour="zzz"))
    assert out.mood == b.mood and out.key is None and out.palette == []
    assert any("qwzx" in n for n in notes) and any("'H'" in n for n in notes) and any("blurple" in n for n in notes)
