"""A baseline for the music report: a second-order Markov chain over the same events, trained on the same tunes."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from models.melody.events import VOCAB_SIZE

BEGIN = -1


class MarkovMelody:
    def __init__(self, melodies: list[np.ndarray]):
        counts: dict[tuple[int, int], np.ndarray] = defaultdict(lambda: np.full(VOCAB_SIZE, 0.01))
        for events in melodies:
            prev = (BEGIN, BEGIN)
            for e in events.tolist():
                counts[prev][e] += 1
                prev = (prev[1], e)
        self.table = {k: v / v.sum() for k, v in counts.items()}
        self.unigram = np.bincount(np.concatenate(melodies), minlength=VOCAB_SIZE) / sum(len(m) for m in melodies)

    def sample(self, steps: int, seed: int) -> list[int]:
        rng = np.random.default_rng(seed)
        prev, out = (BEGIN, BEGIN), []
        for _ in range(steps):
            p = self.table.get(prev, self.unigram)
            e = int(rng.choice(VOCAB_SIZE, p=p))
            out.append(e)
            prev = (prev[1], e)
        return out
