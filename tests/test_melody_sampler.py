from models.melody.events import scale_pitch_classes
from models.melody.lstm import load_melody_lstm
from models.melody.sampler import MelodyRequest, sample_melody
from models.registry import MELODY_LSTM, checkpoint_dir


def model():
    return load_melody_lstm(checkpoint_dir(MELODY_LSTM))


def test_exact_bars_seeded_and_ranked():
    req = MelodyRequest(bars=4, tonic=2, mode="minor", seed=7, candidates=3)
    a, b = sample_melody(model(), req), sample_melody(model(), req)
    assert len(a) == 3 and all(len(c.events) == 64 for c in a)
    assert [c.events for c in a] == [c.events for c in b]
    assert a[0].score >= a[-1].score
    assert a[0].events[0] >= 2  # starts with a note


def test_hard_key_constraint_and_range():
    req = MelodyRequest(bars=2, tonic=7, mode="major", key_penalty=1e6, pitch_low=60, pitch_high=72, register=66)
    scale = scale_pitch_classes(7, "major")
    for cand in sample_melody(model(), req):
        pitches = [n.pitch for n in cand.notes]
        assert all(p % 12 in scale for p in pitches) and all(60 <= p <= 72 for p in pitches)


def test_continuation_keeps_the_primer():
    first = sample_melody(model(), MelodyRequest(bars=2, seed=1))[0].events
    longer = sample_melody(model(), MelodyRequest(bars=2, seed=3, primer=first))[0].events
    assert len(longer) == 64 and longer[:32] == first
