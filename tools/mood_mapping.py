"""Pure functions from the brief (valence/arousal plus explicit choices) to each medium's parameters: the music
mapping (mood to tempo, mode, tonic, register, density, character) lives here, and the mood's hue.

This mapping is what makes the works match: a melancholic brief gives a slower, minor, lower,
sparser melody and a darker, cooler, less saturated painting than a joyful one (the painting's
side, with its subject and palette, is in `painting_mapping`).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Protocol

from models.melody.performance import Performance
from tools.instruments import resolve_instrument
from tools.melody_character import character_levels, performance


class MusicSettings(Protocol):
    """What the music mapping reads of a work's settings (a `tools.brief.CreativeBrief`, which reads this mapping
    for relative tempo and transposition, so it is not imported here)."""

    valence: float
    arousal: float
    tempo: int | None
    key: str | None
    mode: str | None
    bars: int
    instrument: str
    accompaniment: bool


KEYS = ("C", "C#", "Db", "D", "D#", "Eb", "E", "F", "F#", "Gb", "G", "G#", "Ab", "A", "A#", "Bb", "B")
KEY_TO_PITCH_CLASS = dict(zip(KEYS, (0, 1, 1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 8, 9, 10, 10, 11), strict=True))
SHARP_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
TEMPO_RANGE = (40, 200)


def clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))


def mood_tempo(valence: float, arousal: float) -> int:
    """The mood's tempo in bpm: faster with arousal, a little with valence."""
    return int(round(clamp(92 + 40 * arousal + 6 * valence, *TEMPO_RANGE)))


def effective_tempo(brief: MusicSettings) -> int:
    """The brief's tempo, or the mood's."""
    return brief.tempo if brief.tempo is not None else mood_tempo(brief.valence, brief.arousal)


def mood_mode(mode: str | None, valence: float) -> str:
    """The brief's mode, or the mood's: minor below neutral valence."""
    return mode or ("minor" if valence < 0 else "major")


def tonic_of(key: str | None, mode: str) -> str:
    """The brief's key, or the mode's default tonic (A minor, C major)."""
    return key or ("A" if mode == "minor" else "C")


def transposed_tonic(tonic: str, semitones: int) -> str:
    return SHARP_NAMES[(KEY_TO_PITCH_CLASS[tonic] + semitones) % 12]


# Circumplex angle (degrees, valence on x, arousal on y) -> hue: joy warm yellow-orange, anger red,
# fear violet, sadness blue, calm teal-green. Interpolated around the circle.
ANGLE_TO_HUE = ((0, 50), (45, 35), (100, 0), (150, 285), (200, 230), (250, 215), (300, 165), (340, 110), (360, 50))


@dataclass(frozen=True)
class MusicParameters:
    tempo: int
    tonic: str
    tonic_pitch_class: int
    mode: str
    register: float  # target mean MIDI pitch
    density: float  # note onsets per 16th step
    bars: int
    instrument: str
    program: int
    pitch_low: int
    pitch_high: int
    character: tuple[float, ...]  # leaps, ascent, dotted, syncopation, chromatic as real-tune quantiles
    performance: Performance
    accompaniment: bool  # bass and chords under the melody


DENSITY_MID, DENSITY_RANGE = 0.26, (0.19, 0.4)
DENSITY_SPREAD, DENSITY_SEEDED_RANGE = 0.05, (0.19, 0.46)  # real tunes' 5th-95th percentiles: 0.19-0.47


def density_for_seed(density: float, seed: int) -> float:
    """The mood's density, moved up to +-DENSITY_SPREAD by the seed: tunes of one mood are not all equally busy
    (real tunes' note counts spread far wider than one fixed density gives), and the same seed keeps its value."""
    offset = random.Random(f"density-{seed}").uniform(-DENSITY_SPREAD, DENSITY_SPREAD)
    return round(clamp(density + offset, *DENSITY_SEEDED_RANGE), 3)


def music_parameters(brief: MusicSettings) -> MusicParameters:
    v, a = brief.valence, brief.arousal
    mode = mood_mode(brief.mode, v)
    tonic = tonic_of(brief.key, mode)
    tempo = effective_tempo(brief)
    name, program, low, high = resolve_instrument(brief.instrument)
    centre = (low + high) / 2
    register = clamp(centre + 4 * v + 3 * a, low + 6, high - 6)
    # onsets per 16th step, inside the real tunes' 5th-95th percentiles (0.19-0.47): slow moods are slower in
    # tempo and calmer in rhythm, never sparser than real tunes
    density = clamp(DENSITY_MID + 0.09 * a + 0.02 * v, *DENSITY_RANGE)
    return MusicParameters(
        tempo,
        tonic,
        KEY_TO_PITCH_CLASS[tonic],
        mode,
        round(register, 2),
        round(density, 3),
        brief.bars,
        name,
        program,
        low,
        high,
        character_levels(v, a),
        performance(v, a),
        brief.accompaniment,
    )


def mood_hue(valence: float, arousal: float) -> float:
    angle = math.degrees(math.atan2(arousal, valence)) % 360
    for (a0, h0), (a1, h1) in zip(ANGLE_TO_HUE, ANGLE_TO_HUE[1:]):
        if a0 <= angle <= a1:
            t = (angle - a0) / (a1 - a0)
            delta = ((h1 - h0 + 180) % 360) - 180  # shortest way round the hue circle
            return (h0 + t * delta) % 360
    return ANGLE_TO_HUE[0][1]
