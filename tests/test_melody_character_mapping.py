from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.melody_character import character_levels, performance, prototypes
from tools.mood_mapping import music_parameters


def params(mood):
    return music_parameters(apply_changes(CreativeBrief(), BriefChanges(mood=mood))[0])


def test_each_prototype_mood_gets_its_own_character():
    for (v, a), spec, _ in prototypes():
        levels = character_levels(v, a)
        assert max(abs(x - spec[k]) for x, k in zip(levels, spec)) < 0.2


def test_neighbouring_moods_differ_in_the_notes():
    tense, angry = params("tense"), params("angry")
    calm, dreamy = params("calm"), params("dreamy")
    assert sum(abs(x - y) >= 0.15 for x, y in zip(tense.character, angry.character)) >= 2
    assert sum(abs(x - y) >= 0.15 for x, y in zip(calm.character, dreamy.character)) >= 2
    assert tense.character[4] > 0.8 and angry.character[0] > 0.8  # chromatic tension, wide leaps


def test_unknown_moods_borrow_from_the_nearest():
    assert params("anxious").character == params("tense").character or (
        abs(params("anxious").character[4] - params("tense").character[4]) < 0.2
    )
    assert performance(0.0, 0.0).velocity > 0


def test_playing_follows_the_mood():
    assert params("angry").performance.velocity > params("calm").performance.velocity
    assert params("playful").performance.gate < params("dreamy").performance.gate


def test_character_words_name_only_a_marked_contour():
    from models.melody.character import CHARACTER_NAMES
    from tools.melody_character import character_words

    def levels(**marked):
        return tuple(marked.get(name, 0.5) for name in CHARACTER_NAMES)

    assert character_words(levels(ascent=0.1, leaps=0.08)) == "that falls in small steps"
    assert character_words(levels(ascent=0.9, leaps=0.92)) == "that rises in wide leaps"
    assert character_words(levels(ascent=0.9)) == "that rises"
    assert character_words(levels(leaps=0.92)) == ""  # leaps without a direction say nothing alone
