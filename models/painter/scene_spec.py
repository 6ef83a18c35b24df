"""What a painting is asked to be: scene family, time of day, weather, palette and mood.

The spec is the painter's whole condition. The layout network sees the scene part (family, time,
weather, mood); the brushwork renderer sees all of it (palette, light, energy). Words never reach
this layer: `tools/` maps a brief's subject and colours onto a spec.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

FAMILIES = (
    "sea",
    "mountains",
    "forest",
    "meadow",
    "lake",
    "desert",
    "snow",
    "city",
    "night_sky",
    "garden",
    "sky",
    "colour_field",
    "geometric",
    "gestural",
)
ABSTRACT_FAMILIES = ("colour_field", "geometric", "gestural")
TIMES = ("dawn", "day", "dusk", "night")
WEATHERS = ("clear", "cloudy", "stormy", "misty", "rain", "snow")
SEASONS = ("any", "autumn")  # a season that changes the land's colours: autumn's foliage and grass
TREES = ("any", "pines")  # the kind of trees the words name: "a pine forest" is a wood of pines
LAYOUT_COND_DIM = len(FAMILIES) + len(TIMES) + len(WEATHERS) + 2


@dataclass(frozen=True)
class SceneSpec:
    """A painting's condition. Hues in degrees; saturations, brightness, energy in [0, 1]; mood in [-1, 1].

    `palette_strength` says how far the scene's own colours give way to the palette: high when the
    person named colours, low when the hue only comes from the mood.
    """

    family: str = "meadow"
    time: str = "day"
    weather: str = "clear"
    hue: float = 210.0
    accent_hue: float = 40.0
    saturation: float = 0.5
    accent_saturation: float = 0.5
    brightness: float = 0.6
    energy: float = 0.4
    palette_strength: float = 0.3
    valence: float = 0.0
    arousal: float = 0.0
    season: str = "any"
    trees: str = "any"

    def __post_init__(self):
        named = ((self.family, FAMILIES), (self.time, TIMES), (self.weather, WEATHERS), (self.season, SEASONS))
        named += ((self.trees, TREES),)
        for value, choices in named:
            if value not in choices:
                raise ValueError(f"{value!r} is not one of {', '.join(choices)}")

    def layout_condition(self) -> np.ndarray:
        """float32 [LAYOUT_COND_DIM]: what the layout network is conditioned on."""
        one_hot = [
            *(float(f == self.family) for f in FAMILIES),
            *(float(t == self.time) for t in TIMES),
            *(float(w == self.weather) for w in WEATHERS),
        ]
        return np.array([*one_hot, self.valence, self.arousal], dtype=np.float32)

    def as_dict(self) -> dict:
        return asdict(self)


def random_scene_spec(rng: np.random.Generator) -> SceneSpec:
    """A spec drawn over everything the painter must handle: corpus labels and eval conditions."""
    valence, arousal = (float(v) for v in rng.uniform(-1, 1, 2))
    hue = float(rng.uniform(0, 360))
    named = rng.random() < 0.5
    return SceneSpec(
        family=str(rng.choice(FAMILIES)),
        time=str(rng.choice(TIMES, p=[0.2, 0.35, 0.25, 0.2])),
        weather=str(rng.choice(WEATHERS, p=[0.3, 0.2, 0.12, 0.13, 0.13, 0.12])),
        hue=hue,
        accent_hue=(hue + float(rng.choice([30, 60, 150, 180, 210, 300]))) % 360,
        saturation=float(rng.uniform(0.1, 0.9)),
        accent_saturation=float(rng.uniform(0.05, 0.9)),
        brightness=float(np.clip(0.55 + 0.25 * valence + rng.normal(0, 0.08), 0.15, 0.95)),
        energy=float((arousal + 1) / 2),
        palette_strength=float(rng.uniform(0.6, 0.9) if named else rng.uniform(0.2, 0.4)),
        valence=valence,
        arousal=arousal,
    )
