"""Pure functions from the brief (valence/arousal plus explicit choices) to each medium's parameters.

This mapping is what makes the works match: a melancholic brief gives a slower, minor, lower,
sparser melody and a darker, cooler, less saturated painting than a joyful one (the painting's
side, with its subject and palette, is in `painting_mapping`).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from models.melody.performance import Performance
from tools.brief import KEY_TO_PITCH_CLASS, CreativeBrief, clamp, effective_tempo, mood_mode, tonic_of
from tools.instruments import resolve_instrument
from tools.melody_character import character_levels, performance

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


def music_parameters(brief: CreativeBrief) -> MusicParameters:
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
