"""A melody's character in the notes: leaps, contour, dotted rhythm, syncopation, chromaticism.

These five numbers are measured on real tunes (each training window gets its own) and given to the
network as conditions, each as its quantile among the training windows (0 = the plainest real tune,
1 = the most), so a request can ask for "leaps like the top fifth of real tunes" and stay inside what
the data holds. The same measures score generated melodies in the evals.
"""

from __future__ import annotations

import numpy as np

from models.melody.events import MAJOR_SCALE, MINOR_SCALE, Note, events_to_notes

CHARACTER_NAMES = ("leaps", "ascent", "dotted", "syncopation", "chromatic")
DOTTED_DURATIONS = (3, 6, 12)  # dotted 8th, dotted quarter, dotted half (16th steps)


def leaps(notes: list[Note]) -> float:
    """Mean absolute interval between consecutive notes, semitones."""
    pitches = np.array([n.pitch for n in notes])
    return float(np.abs(np.diff(pitches)).mean()) if len(pitches) > 1 else 0.0


def ascent(notes: list[Note]) -> float:
    """Share of moving intervals that rise (contour: 0 falls throughout, 1 climbs throughout)."""
    steps = np.diff([n.pitch for n in notes])
    moving = steps[steps != 0]
    return float((moving > 0).mean()) if len(moving) else 0.5


def dotted(notes: list[Note]) -> float:
    """Share of notes whose written length (to the next onset) is dotted: long-short rhythm."""
    if len(notes) < 2:
        return 0.0
    iois = np.diff([n.start for n in notes])
    return float(np.isin(iois, DOTTED_DURATIONS).mean())


def syncopation(notes: list[Note], steps_per_beat: int = 4) -> float:
    """Share of notes that start off the beat and sound across the next beat."""
    if not notes:
        return 0.0
    off = [n for n in notes if n.start % steps_per_beat]
    crossing = [n for n in off if (n.start % steps_per_beat) + n.duration > steps_per_beat]
    return len(crossing) / len(notes)


def chromatic(notes: list[Note], mode: str, tonic: int = 0) -> float:
    """Share of notes outside the natural scale (raised leading tones in minor count: they add tension)."""
    if not notes:
        return 0.0
    scale = {(tonic + d) % 12 for d in (MAJOR_SCALE if mode == "major" else MINOR_SCALE)}
    return float(np.mean([n.pitch % 12 not in scale for n in notes]))


def character(notes: list[Note], mode: str, tonic: int = 0) -> dict[str, float]:
    """The five measures by name."""
    return {
        "leaps": leaps(notes),
        "ascent": ascent(notes),
        "dotted": dotted(notes),
        "syncopation": syncopation(notes),
        "chromatic": chromatic(notes, mode, tonic),
    }


def events_character(events, mode: str) -> dict[str, float]:
    """The five measures of a model-space event sequence (tonic C)."""
    return character(events_to_notes(list(events)), mode)


class CharacterQuantiles:
    """Raw measures <-> quantile levels, from the training windows' distribution (saved with the model)."""

    LEVELS = np.linspace(0.0, 1.0, 21)

    def __init__(self, table: dict[str, list[float]]):
        self.table = {name: np.asarray(table[name], dtype=np.float64) for name in CHARACTER_NAMES}

    @classmethod
    def fit(cls, rows: list[dict[str, float]]) -> CharacterQuantiles:
        return cls({k: np.quantile([r[k] for r in rows], cls.LEVELS).tolist() for k in CHARACTER_NAMES})

    def level(self, name: str, value: float) -> float:
        """Quantile of a raw value; a value many windows share (no chromatic note) takes the middle of its span."""
        table = self.table[name]
        same = np.flatnonzero(np.isclose(table, value))
        if len(same) > 1:
            return float((self.LEVELS[same[0]] + self.LEVELS[same[-1]]) / 2)
        return float(np.interp(value, table, self.LEVELS, left=0.0, right=1.0))

    def levels(self, measures: dict[str, float]) -> np.ndarray:
        return np.array([self.level(k, measures[k]) for k in CHARACTER_NAMES], dtype=np.float32)

    def value(self, name: str, level: float) -> float:
        """The raw measure at a quantile level."""
        return float(np.interp(level, self.LEVELS, self.table[name]))

    def as_dict(self) -> dict[str, list[float]]:
        return {k: [float(x) for x in v] for k, v in self.table.items()}
