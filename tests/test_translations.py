from tools.instruments import resolve_instrument
from tools.mood_lexicon import read_mood
from tools.palette import read_palette


def test_german_french_and_spanish_words_are_read_as_the_english_ones():
    assert read_mood("traurige").valence == read_mood("sad").valence < 0
    assert read_mood("joyeuse").valence > 0.3 and read_mood("tranquilo").arousal < 0
    known, unknown = read_palette(["Blau", "rouge", "verdes", "weiß"])
    assert [c.name for c in known] == ["blue", "red", "green", "white"] and not unknown
    assert resolve_instrument("violoncelle")[0] == "cello" and resolve_instrument("Geige")[0] == "violin"


def test_an_english_word_keeps_its_english_meaning():
    assert read_palette(["orange"])[0][0].name == "orange" and resolve_instrument("piano")[0] == "piano"
