import pytest

from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.mood_lexicon import load_lexicon, read_mood, vader_valence
from tools.mood_mapping import DENSITY_SPREAD, density_for_seed, music_parameters
from tools.painting_mapping import painting_parameters
from tools.palette import hue_distance, read_colour


def brief_for(mood: str) -> CreativeBrief:
    return apply_changes(CreativeBrief(), BriefChanges(mood=mood))[0]


def test_lexicon_size_and_range():
    table = load_lexicon()
    assert len(table) >= 300
    assert all(-1 <= v <= 1 and -1 <= a <= 1 for v, a in table.values())


def test_lexicon_valence_agrees_with_vader_where_vader_knows_the_word():
    pairs = [(v, vader_valence(w)) for w, (v, _) in load_lexicon().items() if vader_valence(w) not in (None, 0.0)]
    assert len(pairs) >= 100
    agree = sum((a > 0) == (b > 0) for a, b in pairs if abs(a) >= 0.2)
    assert agree / sum(1 for a, _ in pairs if abs(a) >= 0.2) >= 0.9


def test_read_mood_phrases():
    assert read_mood("very sad").valence < read_mood("sad").valence < 0
    assert read_mood("not happy").valence < 0
    assert read_mood("melancholically").known == ("melancholically",)
    unknown = read_mood("florbish")
    assert unknown.known == () and unknown.unknown == ("florbish",)


@pytest.mark.parametrize("sad,happy", [("melancholic", "joyful"), ("gloomy", "cheerful"), ("sorrowful", "elated")])
def test_music_follows_mood(sad, happy):
    s, h = music_parameters(brief_for(sad)), music_parameters(brief_for(happy))
    assert s.tempo < h.tempo and s.mode == "minor" and h.mode == "major"
    assert s.register < h.register and s.density < h.density


def test_a_moods_density_varies_by_seed_within_real_tunes_and_a_seed_keeps_its_own():
    base = music_parameters(brief_for("calm")).density
    by_seed = [density_for_seed(base, seed) for seed in range(1, 41)]
    assert by_seed == [density_for_seed(base, seed) for seed in range(1, 41)]
    assert all(0.19 <= d <= 0.46 and abs(d - base) <= DENSITY_SPREAD + 1e-9 for d in by_seed)
    assert max(by_seed) - min(by_seed) > DENSITY_SPREAD  # calm is not one fixed busyness
    sad_mean = sum(density_for_seed(music_parameters(brief_for("melancholic")).density, s) for s in range(1, 41)) / 40
    happy_mean = sum(density_for_seed(music_parameters(brief_for("joyful")).density, s) for s in range(1, 41)) / 40
    assert sad_mean < happy_mean


@pytest.mark.parametrize("sad,happy", [("melancholic", "joyful"), ("gloomy", "cheerful"), ("sorrowful", "elated")])
def test_painting_follows_mood(sad, happy):
    s, h = painting_parameters(brief_for(sad)).spec, painting_parameters(brief_for(happy)).spec
    assert s.brightness < h.brightness and s.saturation < h.saturation
    assert hue_distance(s.hue, 220) < hue_distance(h.hue, 220)  # cooler: nearer blue


def test_explicit_palette_wins_over_mood_hue():
    b = apply_changes(brief_for("joyful"), BriefChanges(palette=["navy", "gold"]))[0]
    p = painting_parameters(b).spec
    assert hue_distance(p.hue, read_colour("navy").hue) < 1 and hue_distance(p.accent_hue, 48) < 1
    assert p.palette_strength > painting_parameters(brief_for("joyful")).spec.palette_strength
