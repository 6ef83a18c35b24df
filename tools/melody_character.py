"""A brief's mood -> how its melody moves (character levels for the network) and is played (performance).

Each mood in `data/melody_character.yaml` is a prototype placed where our mood lexicon puts its word on
the valence/arousal plane; a brief takes the prototypes' blend weighted by closeness to its own point, so
"anxious" sounds like "tense" and "furious" like "angry", and a mixed mood sits between.
"""

from __future__ import annotations

import functools
import math
import os

import yaml

from models.melody.character import CHARACTER_NAMES
from models.melody.performance import Performance
from tools.mood_lexicon import load_lexicon

CHARACTER_PATH = os.path.join(os.path.dirname(__file__), "data", "melody_character.yaml")
CLOSENESS = 0.06  # width (valence/arousal units) of each prototype's reach beyond the nearest one


@functools.cache
def prototypes() -> list[tuple[tuple[float, float], dict, dict]]:
    """((valence, arousal), character levels, articulation) per mood prototype."""
    with open(CHARACTER_PATH, encoding="utf-8") as f:
        table = yaml.safe_load(f)
    lexicon = load_lexicon()
    return [(lexicon[mood], spec["character"], spec["articulation"]) for mood, spec in table.items()]


def _weights(valence: float, arousal: float) -> list[float]:
    """Blend weights: the nearest prototype, and others as far as they are nearly as near."""
    dist2 = [(valence - v) ** 2 + (arousal - a) ** 2 for (v, a), _, _ in prototypes()]
    raw = [math.exp(-(d - min(dist2)) / (2 * CLOSENESS**2)) for d in dist2]
    total = sum(raw)
    return [w / total for w in raw]


def character_levels(valence: float, arousal: float) -> tuple[float, ...]:
    """Quantile levels (CHARACTER_NAMES order) for a point on the mood plane."""
    weights = _weights(valence, arousal)
    return tuple(round(sum(w * c[name] for w, (_, c, _) in zip(weights, prototypes())), 3) for name in CHARACTER_NAMES)


def performance(valence: float, arousal: float) -> Performance:
    """Velocity, accents and legato/staccato for a point on the mood plane."""
    weights = _weights(valence, arousal)
    blend = {k: sum(w * a[k] for w, (_, _, a) in zip(weights, prototypes())) for k in ("velocity", "accent", "gate")}
    return Performance(round(blend["velocity"]), round(blend["accent"]), round(blend["gate"], 2))


def character_words(character: tuple[float, ...]) -> str:
    """Where a melody of these character levels goes, in plain words for the texts that describe it: "that
    falls in small steps", "that rises in wide leaps", "" where its contour is not marked."""
    levels = dict(zip(CHARACTER_NAMES, character))
    motion = "that rises" if levels["ascent"] > 0.65 else "that falls" if levels["ascent"] < 0.35 else ""
    steps = " in wide leaps" if levels["leaps"] > 0.65 else " in small steps" if levels["leaps"] < 0.35 else ""
    return motion + steps if motion else ""
