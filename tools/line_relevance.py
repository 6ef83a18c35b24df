"""How near a candidate line comes to a line the poem already has, and to what the poem is about, by meaning
(sentence embeddings, `tools.embedding_search.embed`): "the pigeons are gentle and friendly" after "the pigeons
are being cared for" says the same thing again, a loop in the making; "his words echo in the wind" in a poem
about a chef in his kitchen wanders off it."""

from __future__ import annotations

import numpy as np

from tools.embedding_search import embed

NEAR_REPEAT = 0.5  # cosine to an earlier line above which a line starts to say the same thing again
REPEAT_WEIGHT = 4.0  # nats per unit of cosine above NEAR_REPEAT
TOPIC_WEIGHT = 3.0  # nats per unit of cosine to the poem's subject


def nearest_earlier(lines: list[str], earlier: list[str]) -> np.ndarray:
    """The highest cosine of each line to an earlier line (0 when there is none)."""
    if not lines or not earlier:
        return np.zeros(len(lines))
    vectors = embed([*earlier, *lines])
    return (vectors[len(earlier) :] @ vectors[: len(earlier)].T).max(axis=1)


def relevance(lines: list[str], earlier: list[str], topic: str = "") -> list[float]:
    """Nats added to each line's score: taken for what it repeats of an earlier line, given for how near it keeps
    to the `topic` (the poem's subject; none when empty)."""
    lines = [line.strip() for line in lines]
    near = nearest_earlier(lines, [e.strip() for e in earlier])
    score = -REPEAT_WEIGHT * np.clip(near - NEAR_REPEAT, 0, None)
    if topic.strip() and lines:
        vectors = embed([topic.strip(), *lines])
        score = score + TOPIC_WEIGHT * (vectors[1:] @ vectors[0])
    return score.tolist()
