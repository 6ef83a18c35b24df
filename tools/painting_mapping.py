"""The brief -> the painter's spec: scene from the subject, colours from the palette or the mood.

Named colours lead (the first is the main colour, the second the accent) and the scene's own
colours give way to them; with no palette the mood picks the hue and only tints the scene. The mood
always sets brightness, saturation and the brushwork's energy: a melancholic painting is darker,
cooler and more muted than a joyful one of the same scene.
"""

from __future__ import annotations

import functools
import os
import random
import re
from dataclasses import dataclass, replace

import yaml

from models.painter.scene_spec import ABSTRACT_FAMILIES, SceneSpec
from tools.brief import CreativeBrief, clamp
from tools.mood_lexicon import read_mood
from tools.mood_mapping import mood_hue
from tools.object_matching import singular
from tools.palette import COLOURS, Colour, hue_distance, read_palette
from tools.scene_mapping import SceneReading, family_of, read_scene, scene_words
from tools.word_net import THINGS, senses

NAMED_PALETTE_STRENGTH = 0.85
MOOD_PALETTE_STRENGTH = 0.32
PAINTABLE = (*THINGS, "location", "object")  # WordNet's things, places and natural objects ("a graveyard")
WORK_NOUNS = {"painting", "picture", "piece", "drawing", "artwork", "image", "something", "canvas"}  # the work itself
LANDFORM_SATURATION = 0.5  # the least saturation of a colour a landform's words name (lavender is pale)
BASIC_HUES = ("red", "orange", "gold", "yellow", "green", "teal", "blue", "navy", "violet", "purple", "pink")
MOOD_SCENES_PATH = os.path.join(os.path.dirname(__file__), "data", "mood_scenes.yaml")


@dataclass(frozen=True)
class PaintingParameters:
    spec: SceneSpec
    scene: SceneReading
    colours: tuple[str, ...]  # the palette as read ("purple", "grey"); empty: from the mood
    subject: str = ""  # what is painted: the brief's subject, or a scene chosen for the mood
    mood: str = ""
    chosen_subject: bool = False  # True: the brief named none, the mood's scene was chosen

    def subject_note(self) -> str | None:
        """The sentence that tells the person which scene was chosen for their mood, when one was."""
        return f"no subject given: {self.subject}, for {self.mood}" if self.chosen_subject else None

    def description(self) -> str:
        """What was painted, in words: "a stormy sea at dusk in purple and grey"."""
        labels = scene_words()["labels"]
        scene = labels["families"][self.spec.family]
        if self.scene.stage == "landscape" and self.scene.landform in labels["landforms"]:
            scene = labels["landforms"][self.scene.landform]  # "a vineyard at dusk", not "a meadow at dusk"
        if self.spec.family not in ABSTRACT_FAMILIES:
            weather = labels["weathers"][self.spec.weather]
            if weather:
                scene = _with_adjective(scene, weather)
            scene = f"{scene} {labels['times'][self.spec.time]}"
            scene += " in autumn" if self.spec.season == "autumn" else ""
        if self.colours:
            return f"{scene} in {_joined(self.colours)}"
        return f"{scene} in the mood's {hue_name(self.spec.hue)}"


def _with_adjective(phrase: str, adjective: str) -> str:
    if adjective in phrase.split():  # "a snowy landscape" is not made "a snowy snowy landscape"
        return phrase
    for article in ("the ", "an ", "a "):
        if phrase.startswith(article):
            rest = phrase[len(article) :]
            return f"{'an' if adjective[0] in 'aeiou' else 'a'} {adjective} {rest}"
    return f"{adjective} {phrase}"


def _joined(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def hue_name(hue: float) -> str:
    return min(BASIC_HUES, key=lambda n: hue_distance(COLOURS[n][0], hue))


def _accent(colours: list[Colour], hue: float, saturation: float, valence: float) -> tuple[float, float]:
    if len(colours) > 1:
        return colours[1].hue, colours[1].saturation
    return (hue + (35 if valence >= 0 else -35)) % 360, saturation * 0.8


@functools.lru_cache(maxsize=1)
def mood_scene_table() -> dict:
    with open(MOOD_SCENES_PATH) as f:
        return yaml.safe_load(f)["regions"]


def mood_scene(valence: float, arousal: float, seed: int) -> str:
    """A scene that carries the mood: the nearest mood region's scenes, one picked by the seed."""
    regions = mood_scene_table().values()
    nearest = min(regions, key=lambda r: (r["at"][0] - valence) ** 2 + (r["at"][1] - arousal) ** 2)
    return nearest["scenes"][seed % len(nearest["scenes"])]


def unasked_time(valence: float, arousal: float, family: str, seed: int) -> str:
    """The time of day when the words name none: mostly day, the rest leaning with the mood (a sad or
    dreamy mood sometimes dusk, a mysterious one sometimes night), drawn by the seed; a starry sky is night.
    One seeded draw against the mood's shares, so a small change of mood rarely changes the hour."""
    if family == "night_sky":
        return "night"
    dusk = 0.08 + 0.1 * max(0.0, -arousal) + 0.06 * max(0.0, -valence) + 0.08 * max(0.0, valence) * (1 - abs(arousal))
    night = 0.04 + 0.12 * max(0.0, -valence) * max(0.0, 1 - abs(arousal))
    dawn = 0.07 + 0.05 * max(0.0, valence) * max(0.0, -arousal)
    u = random.Random(f"time-{seed}").random()
    for time, share in (("dawn", dawn), ("dusk", dusk), ("night", night)):
        if u < share:
            return time
        u -= share
    return "day"


def _scene_colours(colours: list[Colour], scene: SceneReading) -> list[Colour]:
    """The palette less the colours the words give to one thing ("a yellow school bus", "a red bicycle"): those
    are the thing's own, not the whole scene's (a yellow palette made the sky and street "a sickly yellow-olive
    haze" around the bus); colours named for the picture ("in soft pastels") stay."""
    said = " ".join(m.phrase.lower() for m in scene.objects)
    return [c for c in colours if not re.search(rf"\b{re.escape(c.name)}\b", said)]


def _names_a_thing(subject: str) -> bool:
    """True when a noun phrase of the subject ends in a thing or a place in its usual sense ("a red car", "a
    graveyard"), not a feeling ("pure chaos"), a colour ("in blues and greys") or the work itself ("a melancholy
    painting")."""
    for chunk in re.split(r"\b(?:of|in|on|with|and|about|like)\b|[,.;!?]", subject.lower()):
        words = re.findall(r"[a-z]+", chunk)
        head = singular(words[-1]) if words else ""
        if not head or head in WORK_NOUNS or head in COLOURS:
            continue
        found = (senses(f"{words[-2]} {head}") if len(words) > 1 else ()) or senses(head)  # "hot springs"
        if found and found[0].lexicon in PAINTABLE:
            return True
    return False


def _mood_named(subject: str) -> tuple[float, float] | None:
    """(valence, arousal) when the subject names only a mood ("pure chaos", "loneliness", "the feeling of
    nostalgia"), near no scene (a sunset is one, and so is a stormy sea) and no thing ("a car" read by meaning was
    a mood, painted as a castle), else None. As a subject a mood drew a game-icons smiley for "melancholy" and a
    night sky for "pure chaos"."""
    if not subject or _names_a_thing(subject):
        return None
    reading = read_mood(subject, by_meaning=True)
    if not reading.known or reading.unknown or family_of(subject)[1] >= scene_words()["thresholds"]["stage"]:
        return None
    return reading.valence, reading.arousal


def painting_parameters(brief: CreativeBrief, seed: int | None = None) -> PaintingParameters:
    """The spec for this brief; with no subject (and no abstract style asked), a scene chosen for the mood by
    the seed (the brief's painting seed unless given)."""
    v, a = brief.valence, brief.arousal
    colours, _ = read_palette(brief.palette)
    subject, chosen = brief.subject.strip(), False
    felt, mood = _mood_named(subject), brief.mood
    if felt is not None:  # "a painting of pure chaos": a mood, painted as a scene that carries it
        subject, mood, (v, a) = "", subject, felt
    if not subject and brief.style is None:
        seed = brief.seeds.get("painting", 1) if seed is None else seed
        subject, chosen = mood_scene(v, a, seed), True
    scene = read_scene(subject, v, a, brief.style)
    colours = _scene_colours(colours, scene)
    if colours and scene.weather == "misty" and not scene.weather_from_words:
        scene = replace(scene, weather="cloudy")  # a sad mood's mist greyed out the colours named ("more blue")
    if not scene.time_from_words:
        seed = brief.seeds.get("painting", 1) if seed is None else seed
        scene = replace(scene, time=unasked_time(v, a, scene.family, seed))
    mood_saturation = 0.6 + 0.25 * a + 0.15 * v
    brightness = 0.55 + 0.25 * v + 0.05 * a + brief.brightness_offset
    if colours:
        hue, saturation = colours[0].hue, 0.3 * mood_saturation + 0.7 * colours[0].saturation
        brightness = 0.75 * brightness + 0.25 * colours[0].value
        strength = NAMED_PALETTE_STRENGTH
    else:
        hue, saturation, strength = mood_hue(v, a), mood_saturation, MOOD_PALETTE_STRENGTH
    saturation = clamp(saturation + brief.saturation_offset, 0.03, 1)
    accent_hue, accent_saturation = _accent(colours, hue, saturation, v)
    if not colours and scene.landform_colour is not None:  # "lavender fields": its flowers in lavender
        accent_hue, accent_saturation = scene.landform_colour[0], max(scene.landform_colour[1], LANDFORM_SATURATION)
    spec = SceneSpec(
        family=scene.family,
        time=scene.time,
        weather=scene.weather,
        hue=round(hue, 1),
        accent_hue=round(accent_hue, 1),
        saturation=round(saturation, 3),
        accent_saturation=round(clamp(accent_saturation + brief.saturation_offset, 0.0, 1), 3),
        brightness=round(clamp(brightness, 0.12, 0.95), 3),
        energy=round((a + 1) / 2, 3),
        palette_strength=strength,
        valence=round(v, 3),
        arousal=round(a, 3),
        season=scene.season,
        trees=scene.trees,
    )
    return PaintingParameters(spec, scene, tuple(c.name for c in colours), subject, mood, chosen)
