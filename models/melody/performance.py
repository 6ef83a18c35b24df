"""How a melody is played: loudness, accents on the strong beats, and legato or staccato."""

from __future__ import annotations

from dataclasses import dataclass

from models.melody.events import Note

STEPS_PER_BAR = 16


@dataclass(frozen=True)
class Performance:
    velocity: int = 90  # MIDI velocity of an ordinary note
    accent: int = 0  # extra velocity on the bar's strong beats (1 and 3 in 4/4)
    gate: float = 1.0  # share of each note's written length that sounds (1 legato, 0.5 staccato)
    moved_earlier: int = 0  # steps the notes were moved earlier by (audio that starts at a pickup), for the beats

    def note_velocity(self, note: Note, steps_per_bar: int = STEPS_PER_BAR) -> int:
        strong = (note.start + self.moved_earlier) % (steps_per_bar // 2) == 0
        return max(1, min(127, self.velocity + (self.accent if strong else 0)))

    def sounding_steps(self, note: Note) -> float:
        """The heard length in 16th steps: at least a 16th note's worth, never more than written."""
        return max(min(1.0, note.duration), note.duration * self.gate)
