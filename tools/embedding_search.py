"""Nearest known phrases to a new one, by meaning: cosine similarity of sentence embeddings.

Each text is embedded once per process (a bounded memo), and the texts a call has not seen are embedded in one
batch: a request's scene reading asks for its words and phrases again and again (time, weather, scene, object)."""

from __future__ import annotations

import functools
from collections import OrderedDict

import numpy as np

from models.registry import SENTENCE_EMBEDDER, register_shipped_models

MEMO_SIZE = 4096
_memo: OrderedDict[str, np.ndarray] = OrderedDict()


def embed(texts: list[str]) -> np.ndarray:
    """float32 [len(texts), D] unit vectors; new texts embedded in one batch, known ones from the memo."""
    new = list(dict.fromkeys(t for t in texts if t not in _memo))
    if new:
        vectors = np.asarray(register_shipped_models().get(SENTENCE_EMBEDDER).embed(new), dtype=np.float32)
        for text, vector in zip(new, vectors):
            _memo[text] = vector
    for text in texts:  # this call's texts become the newest, so trimming below never drops one of them
        _memo.move_to_end(text)
    if not texts:
        return np.zeros((0, next(iter(_memo.values())).shape[0] if _memo else 0), dtype=np.float32)
    found = np.stack([_memo[t] for t in texts])
    while len(_memo) > max(MEMO_SIZE, len(texts)):
        _memo.popitem(last=False)
    return found


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
