import music21

from models.melody.corpus import _score_to_notes, estimate_key
from models.melody.events import Note


def scale_notes(tonic_midi, steps):
    return [Note(i * 4, 4, tonic_midi + s) for i, s in enumerate(steps)]


def test_key_estimate_major_and_minor():
    assert estimate_key(scale_notes(62, [0, 2, 4, 5, 7, 9, 11, 12, 7, 4, 0, 0])) == (2, "major")
    assert estimate_key(scale_notes(57, [0, 2, 3, 5, 7, 8, 7, 3, 0, 3, 7, 0])) == (9, "minor")


def test_score_to_notes_merges_ties_and_aligns_pickup():
    tune = music21.converter.parse("tinyNotation: 4/4 c4 d4 e4 f4~ f4 g4 a4 b4 c'2 c'2")
    got = _score_to_notes(tune)
    assert got is not None
    notes, bar_steps = got
    assert bar_steps == 16
    f = [n for n in notes if n.pitch == 65]
    assert len(f) == 1 and f[0].duration == 8  # the tie became one half note
