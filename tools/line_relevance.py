"""How near a candidate line comes to a line the poem already has, by meaning (sentence embeddings,
`tools.embedding_search.embed`): "the pigeons are gentle and friendly" after "the pigeons are being cared for"
says the same thing again, a loop in the making."""

from __future__ import annotations

import numpy as np

from tools.embedding_search import embed

NEAR_REPEAT = 0.5  # cosine to an earlier line above which a line starts to say the same thing again
REPEAT_WEIGHT = 4.0  # nats per unit of cosine above NEAR_REPEAT


def nearest_earlier(lines: list[str], earlier: list[str]) -> np.ndarray:
    """The highest cosine of each line to an earlier line (0 when there is none)."""
    if not lines or not earlier:
        return np.zeros(len(lines))
    vectors = embed([*earlier, *lines])
    return (vectors[len(earlier) :] @ vectors[: len(earlier)].T).max(axis=1)


def relevance(lines: list[str], earlier: list[str]) -> list[float]:
    """Nats taken from each line's score for what it repeats of an earlier line."""
    near = nearest_earlier([line.strip() for line in lines], [e.strip() for e in earlier])
    return (-REPEAT_WEIGHT * np.clip(near - NEAR_REPEAT, 0, None)).tolist()
