"""A brief's subject -> the painter's scene: family, time of day and weather, by meaning.

Words of the subject that say when ("at dusk", "midnight") or under what sky ("foggy", "a storm")
are found word by word with sentence embeddings against a few example words per time and weather;
the rest of the subject is matched, as a phrase, against example phrases per family. With no
subject, or none close enough, the painting is the mood's abstract kind, and the result says so.
Times and weathers the subject does not give come from the mood (a sad scene under clouds).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

import numpy as np
import yaml

from tools.embedding_search import embed, similarities

SCENES_PATH = os.path.join(os.path.dirname(__file__), "data", "scenes.yaml")
# The brief's older painting styles, used when the subject names no scene.
STYLE_FAMILIES = {"color_field": "colour_field", "geometric": "geometric", "strokes": "gestural", "horizon": "meadow"}
STOP_WORDS = {"a", "an", "the", "at", "in", "on", "of", "with", "and", "by", "under", "during", "over", "some"}


@functools.lru_cache(maxsize=1)
def scene_words() -> dict:
    with open(SCENES_PATH) as f:
        return yaml.safe_load(f)


@dataclass(frozen=True)
class SceneReading:
    family: str
    time: str
    weather: str
    matched: bool  # False: no subject, or none close enough (the mood's abstract kind)
    similarity: float
    time_from_words: bool
    weather_from_words: bool


def mood_abstract_kind(valence: float, arousal: float) -> str:
    if arousal > 0.35:
        return "gestural"
    if valence > 0.2 and arousal > -0.2:
        return "geometric"
    return "colour_field"


def mood_time(valence: float, arousal: float) -> str:
    """Dawn for quiet contentment, else day: a sad mood shows in grey light (the weather), not in a warm dusk."""
    if arousal < -0.3 and valence > 0:
        return "dawn"
    return "day"


def mood_weather(valence: float, arousal: float, family: str | None = None) -> str:
    """The sky a mood brings, unless the scene's subject is the clear sky itself (a starry night)."""
    if family == "night_sky":
        return "clear"
    if valence < -0.3 and arousal > 0.3:
        return "stormy"
    if valence < -0.3:
        return "misty" if arousal < -0.3 else "cloudy"
    return "clear"


@functools.lru_cache(maxsize=4)
def _examples(kind: str) -> tuple[list[str], object]:
    """(labels, embeddings) of the example words of 'times' or 'weathers', one row per example."""
    table = scene_words()[kind]
    return [label for label, ex in table.items() for _ in ex], embed([e for ex in table.values() for e in ex])


def _scores(vectors, kind: str):
    """[words, labels] best similarity of each word to each label's examples."""
    labels, examples = _examples(kind)
    names = list(dict.fromkeys(labels))
    per_example = vectors @ examples.T
    return names, np.stack([per_example[:, [j for j, lab in enumerate(labels) if lab == n]].max(1) for n in names], 1)


def _condition_words(words: list[str]) -> tuple[str | None, str | None, set[int]]:
    """Time and weather named by single words of the subject (a word names one or the other), and which words."""
    content = [i for i, w in enumerate(words) if w not in STOP_WORDS]
    if not content:
        return None, None, set()
    vectors = embed([words[i] for i in content])
    threshold = scene_words()["thresholds"]["word"]
    found, used = {}, set()
    candidates = [(kind, *_scores(vectors, kind)) for kind in ("times", "weathers")]
    while candidates:
        best = max(candidates, key=lambda c: c[2].max() if c[2].size else -1)
        kind, names, scores = best
        candidates.remove(best)
        if not scores.size or scores.max() < threshold:
            continue
        w, label = divmod(int(scores.argmax()), scores.shape[1])
        found[kind], used = names[label], used | {content[w]}
        keep = [k for k in range(len(content)) if content[k] not in used]
        candidates = [(k, n, sc[keep]) for k, n, sc in candidates]
        content = [content[k] for k in keep]
    return found.get("times"), found.get("weathers"), used


def _family(phrase: str) -> tuple[str | None, float]:
    families = scene_words()["families"]
    examples = [e for ex in families.values() for e in ex]
    owners = [f for f, ex in families.items() for _ in ex]
    scores = similarities(phrase, examples)
    best = int(scores.argmax())
    return owners[best], float(scores[best])


def read_scene(subject: str, valence: float, arousal: float, style: str | None = None) -> SceneReading:
    """The scene a subject asks for; the mood fills in what the subject leaves open."""
    words = re.findall(r"[a-z']+", subject.lower())
    time, weather, used = _condition_words(words)
    rest = " ".join(w for i, w in enumerate(words) if i not in used and w not in STOP_WORDS)
    family, similarity = None, 0.0
    for phrase in dict.fromkeys(p for p in (rest, subject.strip()) if p):  # the scene words, then the whole subject
        candidate = _family(phrase)
        if candidate[1] > similarity:
            family, similarity = candidate
    matched = family is not None and similarity >= scene_words()["thresholds"]["family"]
    if not matched:
        family = STYLE_FAMILIES.get(style or "", mood_abstract_kind(valence, arousal))
    return SceneReading(
        family=family,
        time=time or mood_time(valence, arousal),
        weather=weather or mood_weather(valence, arousal, family),
        matched=matched,
        similarity=similarity,
        time_from_words=time is not None,
        weather_from_words=weather is not None,
    )
