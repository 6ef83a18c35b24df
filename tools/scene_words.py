"""The scene words table (`tools/data/scenes.yaml`): example phrases per scene family, stage, time, weather and
object role, the matching thresholds and the labels a reply uses. Read once."""

from __future__ import annotations

import functools
import os

import yaml

SCENES_PATH = os.path.join(os.path.dirname(__file__), "data", "scenes.yaml")


@functools.lru_cache(maxsize=1)
def scene_words() -> dict:
    with open(SCENES_PATH) as f:
        return yaml.safe_load(f)


@functools.lru_cache(maxsize=1)
def scene_examples() -> tuple[list[str], list[str]]:
    """(owner, example) of every scene family's and indoor stage's example phrase, families first, as two lists."""
    table = scene_words()
    pairs = [(owner, e) for group in ("families", "stages") for owner, ex in table[group].items() for e in ex]
    return [o for o, _ in pairs], [e for _, e in pairs]
