"""An accompaniment under a melody: a bass note and a three-note chord every half bar, from the harmony model.

The harmony model gives, per beat, a bass distribution and chord pitch-class probabilities; a half bar takes the
bass that fits both of its beats best and the chord tones most likely across them (the bass always among them),
voiced below the melody, each chord close to the one before (small moves, as voice leading wants).
"""

from __future__ import annotations

import numpy as np
import torch

from models.melody.events import Note, events_to_notes
from models.melody.harmony import HarmonyLSTM, beat_features

STEPS_PER_BEAT = 4
BASS_RANGE = (36, 52)  # model space (tonic C): C2..E3
CHORD_RANGE = (52, 67)  # E3..G4, and below the melody where it can be
CHORD_TONES = 3


def melody_beats(events: list[int], steps_per_bar: int) -> tuple[np.ndarray, np.ndarray]:
    """(soprano pitch sounding at each beat's start or -1, beat in bar) for a model-space melody."""
    notes = events_to_notes(events)
    beats = len(events) // STEPS_PER_BEAT
    soprano = np.full(beats, -1, dtype=np.int64)
    for n in notes:
        first, last = -(-n.start // STEPS_PER_BEAT), (n.start + n.duration - 1) // STEPS_PER_BEAT
        soprano[first : last + 1] = n.pitch
    beat = np.arange(beats) % (steps_per_bar // STEPS_PER_BEAT)
    return soprano, beat


@torch.no_grad()
def harmony_probabilities(model: HarmonyLSTM, soprano: np.ndarray, beat: np.ndarray, minor: bool):
    """Per beat: bass log-probabilities [n, 12] and chord pitch-class probabilities [n, 12]."""
    device = next(model.parameters()).device
    feats = torch.from_numpy(beat_features(soprano, beat, minor))[None].to(device)
    bass, chord = model(feats)
    return torch.log_softmax(bass[0], -1).cpu().numpy(), torch.sigmoid(chord[0]).cpu().numpy()


def _place(pc: int, low: int, high: int, near: float) -> int:
    options = [p for p in range(low, high + 1) if p % 12 == pc]
    return min(options, key=lambda p: abs(p - near))


def accompany(model: HarmonyLSTM, events: list[int], steps_per_bar: int, minor: bool) -> tuple[list[Note], list[Note]]:
    """(bass notes, chord notes) in model space under a melody, from its first full bar to its end."""
    soprano, beat = melody_beats(events, steps_per_bar)
    if (soprano < 0).all():
        return [], []
    bass_logp, chord_p = harmony_probabilities(model, soprano, beat, minor)
    span = max(1, steps_per_bar // STEPS_PER_BEAT // 2)  # beats per chord: a half bar in 4/4
    first_note = next(i for i, e in enumerate(events) if e >= 2)
    start_beat = -(-first_note // steps_per_bar) * (steps_per_bar // STEPS_PER_BEAT)  # after a pickup bar
    top = int(soprano[soprano >= 0].min())
    chord_high = min(CHORD_RANGE[1], top - 1)
    bass, chords, centre = [], [], float(CHORD_RANGE[0] + chord_high) / 2
    for b in range(start_beat, len(soprano), span):
        window = slice(b, min(b + span, len(soprano)))
        bass_pc = int(bass_logp[window].sum(0).argmax())
        tones = [bass_pc] + [int(pc) for pc in np.argsort(-chord_p[window].mean(0)) if pc != bass_pc]
        start, length = b * STEPS_PER_BEAT, (window.stop - b) * STEPS_PER_BEAT
        bass.append(Note(start, length, _place(bass_pc, *BASS_RANGE, near=44)))
        high = max(chord_high, CHORD_RANGE[0] + 11)
        voiced = sorted(_place(pc, CHORD_RANGE[0], high, centre) for pc in tones[:CHORD_TONES])
        chords += [Note(start, length, p) for p in voiced]
        centre = float(np.mean(voiced))
    return bass, chords
