"""Bach chorales as harmony examples, and the shipped harmony model's accompaniment under a melody."""

import os

from models.melody.accompaniment import accompany, melody_beats
from models.melody.chorales import chorale_beats
from models.melody.events import Note, notes_to_events
from models.melody.harmony import load_harmony
from models.registry import CHECKPOINTS

# a pickup G, then C E G | F D B C | E G A F | G D B C (model space, tonic C)
TUNE = [Note(12, 4, 67)] + [Note(16 + 4 * i, 4, p) for i, p in enumerate([60, 64, 67, 65, 62, 59, 60, 64, 67, 69, 65])]
TUNE += [Note(60, 4, 67), Note(64, 4, 62), Note(68, 4, 59), Note(72, 8, 60)]


def test_a_chorale_gives_soprano_bass_and_chords_per_beat():
    from music21 import corpus

    beats = chorale_beats(corpus.parse("bach/bwv1.6"))
    n = len(beats["bass"])
    assert n > 40 and beats["chord"].shape == (n, 12) and beats["beats_per_bar"] == 4
    assert all(beats["chord"][i, beats["bass"][i]] for i in range(n))  # the bass sounds in its chord
    assert beats["soprano"][-1] % 12 == 0  # normalised to C, a chorale ends on its tonic


def test_melody_beats_read_the_note_sounding_at_each_beat():
    soprano, beat = melody_beats(notes_to_events(TUNE, 80), 16)
    assert soprano[:5].tolist() == [-1, -1, -1, 67, 60] and beat[:5].tolist() == [0, 1, 2, 3, 0]


def test_accompaniment_sits_under_the_melody_and_cadences_home():
    model = load_harmony(os.path.join(CHECKPOINTS, "harmony_lstm"))
    bass, chords = accompany(model, notes_to_events(TUNE, 80), 16, minor=False)
    assert len(bass) == 8 and len(chords) == 24 and bass[0].start == 16  # after the pickup bar, every half bar
    assert max(n.pitch for n in bass) < min(n.pitch for n in chords) <= max(n.pitch for n in chords) < 67
    assert all(b.pitch % 12 in {c.pitch % 12 for c in chords[3 * i : 3 * i + 3]} for i, b in enumerate(bass))
    assert bass[-1].pitch % 12 == 0  # the last half bar: the tonic in the bass
