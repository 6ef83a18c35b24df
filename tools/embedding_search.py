"""Nearest known phrases to a new one, by meaning: cosine similarity of sentence embeddings."""

from __future__ import annotations

import functools

import numpy as np

from models.registry import SENTENCE_EMBEDDER, register_shipped_models


def embed(texts: list[str]) -> np.ndarray:
    return register_shipped_models().get(SENTENCE_EMBEDDER).embed(texts)


@functools.lru_cache(maxsize=32)
def _embedded(candidates: tuple[str, ...]) -> np.ndarray:
    return embed(list(candidates))


def similarities(text: str, candidates: list[str]) -> np.ndarray:
    """Cosine similarity of a text to each candidate (candidate embeddings cached per list)."""
    return _embedded(tuple(candidates)) @ embed([text])[0]


def nearest(text: str, candidates: list[str], n: int = 3) -> list[tuple[str, float]]:
    scores = similarities(text, candidates)
    order = np.argsort(-scores)[:n]
    return [(candidates[i], float(scores[i])) for i in order]
