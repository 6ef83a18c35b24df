"""Music-theory statistics of a melody, shared by candidate ranking and the evals."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from models.melody.events import Note, scale_pitch_classes


@dataclass(frozen=True)
class MelodyStats:
    in_key_ratio: float  # share of notes (by count) whose pitch class is in the scale
    repeated_note_ratio: float  # share of consecutive note pairs with the same pitch
    pitch_range: int  # semitones between lowest and highest note
    density: float  # note onsets per 16th step
    mean_interval: float  # mean absolute leap between consecutive notes, semitones
    mean_pitch: float
    ends_on_tonic: bool
    opens_low: bool  # a stray low first note: 9 or more semitones below the median of the rest
    opens_long: bool = False  # a first note of a half note or longer

    def as_dict(self) -> dict:
        return asdict(self)


LONG_FIRST_NOTE = 8  # 16th steps: a half note; real tunes open on one in 4% of 8-bar windows


def opens_long(notes: list[Note]) -> bool:
    """A first note of a half note or longer."""
    return bool(notes) and notes[0].duration >= LONG_FIRST_NOTE


def opens_low(notes: list[Note]) -> bool:
    """A stray low first note: 9 or more semitones below the median of the rest."""
    return len(notes) > 1 and notes[0].pitch <= np.median([n.pitch for n in notes[1:]]) - 9


def melody_stats(notes: list[Note], total_steps: int, tonic: int, mode: str) -> MelodyStats:
    if not notes:
        return MelodyStats(0.0, 0.0, 0, 0.0, 0.0, 0.0, False, False)
    pitches = np.array([n.pitch for n in notes])
    scale = scale_pitch_classes(tonic, mode)
    in_key = float(np.mean([p % 12 in scale for p in pitches]))
    steps = np.diff(pitches)
    repeated = float(np.mean(steps == 0)) if len(steps) else 0.0
    return MelodyStats(
        in_key_ratio=in_key,
        repeated_note_ratio=repeated,
        pitch_range=int(pitches.max() - pitches.min()),
        density=len(notes) / max(1, total_steps),
        mean_interval=float(np.abs(steps).mean()) if len(steps) else 0.0,
        mean_pitch=float(pitches.mean()),
        ends_on_tonic=bool(pitches[-1] % 12 == tonic % 12),
        opens_low=bool(opens_low(notes)),
        opens_long=opens_long(notes),
    )
