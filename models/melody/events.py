"""Melody <-> event encoding, Magenta melody_rnn style, kept apart from any network.

A melody is a list of `Note(start_step, duration_steps, pitch)` on a 16th-note grid.
Its event sequence has one event per step:
  HOLD (0)      nothing new happens: the sounding note (or silence) continues,
  REST (1)      the sounding note stops,
  2 + p         a note of pitch MIN_PITCH + p starts.
"""

from __future__ import annotations

from dataclasses import dataclass

HOLD = 0
REST = 1
MIN_PITCH = 48  # C3
MAX_PITCH = 84  # C6
NUM_PITCHES = MAX_PITCH - MIN_PITCH + 1
VOCAB_SIZE = 2 + NUM_PITCHES
STEPS_PER_QUARTER = 4

MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)
MINOR_SCALE = (0, 2, 3, 5, 7, 8, 10)  # natural minor
HARMONIC_MINOR_EXTRA = (11,)  # the raised leading tone counts as in key in minor
PITCH_CLASS_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


@dataclass(frozen=True)
class Note:
    """One note on the 16th-note grid."""

    start: int
    duration: int
    pitch: int


def pitch_to_event(pitch: int) -> int:
    if not MIN_PITCH <= pitch <= MAX_PITCH:
        raise ValueError(f"pitch {pitch} outside {MIN_PITCH}..{MAX_PITCH}")
    return 2 + pitch - MIN_PITCH


def event_to_pitch(event: int) -> int | None:
    return MIN_PITCH + event - 2 if event >= 2 else None


def notes_to_events(notes: list[Note], total_steps: int | None = None) -> list[int]:
    """Encode non-overlapping notes as one event per step."""
    end = max((n.start + n.duration for n in notes), default=0)
    total = total_steps if total_steps is not None else end
    events = [HOLD] * total
    for note in sorted(notes, key=lambda n: n.start):
        if note.start >= total:
            break
        events[note.start] = pitch_to_event(note.pitch)
        stop = note.start + note.duration
        if stop < total and events[stop] == HOLD:
            events[stop] = REST
    return events


def events_to_notes(events: list[int]) -> list[Note]:
    """Decode events back to notes; a note lasts until the next REST or note-on."""
    notes: list[Note] = []
    current: tuple[int, int] | None = None  # (start, pitch)
    for step, event in enumerate(events):
        if event == HOLD:
            continue
        if current is not None:
            notes.append(Note(current[0], step - current[0], current[1]))
            current = None
        if event >= 2:
            current = (step, event_to_pitch(event))
    if current is not None:
        notes.append(Note(current[0], len(events) - current[0], current[1]))
    return notes


def scale_pitch_classes(tonic: int, mode: str) -> set[int]:
    """Pitch classes that count as 'in key' for a tonic (0-11) and mode."""
    degrees = MAJOR_SCALE if mode == "major" else MINOR_SCALE + HARMONIC_MINOR_EXTRA
    return {(tonic + d) % 12 for d in degrees}


def transpose_notes(notes: list[Note], semitones: int) -> list[Note]:
    return [Note(n.start, n.duration, n.pitch + semitones) for n in notes]


def fit_to_range(notes: list[Note], low: int = MIN_PITCH, high: int = MAX_PITCH) -> list[Note] | None:
    """Shift by octaves so every pitch fits the range; None when the span is too wide."""
    if not notes:
        return notes
    lo, hi = min(n.pitch for n in notes), max(n.pitch for n in notes)
    if hi - lo > high - low:
        return None
    shift = 0
    while lo + shift < low:
        shift += 12
    while hi + shift > high:
        shift -= 12
    if lo + shift < low:
        return None
    return transpose_notes(notes, shift)
