"""Yang & Lerch (2020) objective features of melodies and the overlapping area of their distance distributions,
plus form measures: exact 2-bar repeats and bar-level self-similarity.

For a feature, the intra-set distances (pairs within the real set) and the inter-set distances (a generated
melody against a real one) are smoothed into densities; their overlapping area (OA, 0-1) says how far a
generated melody is, on that feature, like one more real melody. Scalars use absolute differences,
histograms and transition matrices Euclidean distances.
"""

from __future__ import annotations

import numpy as np

from models.melody.events import Note
from models.melody.phrases import jaccard

NOTE_LENGTHS = (1, 2, 3, 4, 6, 8, 12, 16)  # 16th steps: the note-length histogram's classes
FEATURES = (
    "pitch_count",
    "pitch_class_histogram",
    "pitch_class_transition",
    "pitch_range",
    "pitch_interval",
    "note_count",
    "inter_onset_interval",
    "note_length_histogram",
)


def _length_class(duration: int) -> int:
    return int(np.argmin([abs(duration - n) for n in NOTE_LENGTHS]))


def features(notes: list[Note]) -> dict[str, np.ndarray]:
    """The eight features of one melody."""
    pitches = np.array([n.pitch for n in notes])
    classes = pitches % 12
    pch = np.bincount(classes, minlength=12) / max(1, len(classes))
    pctm = np.zeros((12, 12))
    for a, b in zip(classes, classes[1:]):
        pctm[a, b] += 1
    pctm /= max(1.0, pctm.sum())
    starts = np.array([n.start for n in notes])
    nlh = np.bincount([_length_class(n.duration) for n in notes], minlength=len(NOTE_LENGTHS)) / max(1, len(notes))
    return {
        "pitch_count": np.array(len(set(pitches.tolist()))),
        "pitch_class_histogram": pch,
        "pitch_class_transition": pctm.ravel(),
        "pitch_range": np.array(pitches.max() - pitches.min() if len(pitches) else 0),
        "pitch_interval": np.array(np.abs(np.diff(pitches)).mean() if len(pitches) > 1 else 0.0),
        "note_count": np.array(len(notes)),
        "inter_onset_interval": np.array(np.diff(starts).mean() if len(starts) > 1 else 0.0),
        "note_length_histogram": nlh,
    }


def _distances(a: list[np.ndarray], b: list[np.ndarray] | None) -> np.ndarray:
    """Pairwise distances within a (b None) or between a and b."""
    x = np.stack([np.atleast_1d(v).astype(float) for v in a])
    y = x if b is None else np.stack([np.atleast_1d(v).astype(float) for v in b])
    d = np.linalg.norm(x[:, None, :] - y[None, :, :], axis=-1)
    return d[np.triu_indices(len(x), 1)] if b is None else d.ravel()


def overlapping_area(p: np.ndarray, q: np.ndarray, floor: float | None = None, points: int = 400) -> float:
    """Area under the smaller of the two smoothed densities (1 = same distribution).

    Gaussian kernels of Scott's width, never narrower than `floor` (default 2% of the pooled range): a set of
    near-identical values (most tunes have no syncopated note) is a bump, not a needle that overlaps nothing."""
    pooled = np.concatenate([p, q]).astype(float)
    lo, hi = pooled.min(), pooled.max()
    if hi - lo < 1e-9:
        return 1.0
    floor = 0.02 * (hi - lo) if floor is None else floor
    pad = 3 * max(floor, pooled.std())
    grid = np.linspace(lo - pad, hi + pad, points)
    dens = [_density(np.asarray(v, dtype=float), grid, floor) for v in (p, q)]
    return float(np.trapezoid(np.minimum(*dens), grid))


def _density(values: np.ndarray, grid: np.ndarray, floor: float) -> np.ndarray:
    width = max(values.std(ddof=1) * len(values) ** -0.2 if len(values) > 1 else 0.0, floor, 1e-9)
    z = (grid[:, None] - values[None, :]) / width
    return np.exp(-0.5 * z**2).sum(1) / (len(values) * width * np.sqrt(2 * np.pi))


def feature_overlaps(real: list[list[Note]], generated: list[list[Note]]) -> dict[str, float]:
    """OA of intra-real vs generated-to-real distances, per feature."""
    fr, fg = [features(n) for n in real], [features(n) for n in generated]
    return {
        name: overlapping_area(
            _distances([f[name] for f in fr], None), _distances([f[name] for f in fg], [f[name] for f in fr])
        )
        for name in FEATURES
    }


def bars_of(notes: list[Note], steps_per_bar: int, total_steps: int) -> list[frozenset]:
    """Each bar's onsets as (position in bar, pitch, length) sets."""
    bars = [set() for _ in range(max(1, total_steps // steps_per_bar))]
    for n in notes:
        if 0 <= n.start // steps_per_bar < len(bars):  # a pickup (before 0) belongs to no bar
            bars[n.start // steps_per_bar].add((n.start % steps_per_bar, n.pitch, n.duration))
    return [frozenset(b) for b in bars]


def has_two_bar_repeat(notes: list[Note], steps_per_bar: int = 16, total_steps: int = 128) -> bool:
    """Whether some 2-bar span (with notes) returns exactly later, without overlapping itself."""
    bars = bars_of(notes, steps_per_bar, total_steps)
    spans = [(bars[i], bars[i + 1]) for i in range(len(bars) - 1)]
    return any(
        spans[i] == spans[j] and (spans[i][0] or spans[i][1])
        for i in range(len(spans))
        for j in range(i + 2, len(spans))
    )


def _onset_sets(notes: list[Note], steps_per_bar: int, total_steps: int) -> list[frozenset]:
    return [frozenset((pos, pitch) for pos, pitch, _ in b) for b in bars_of(notes, steps_per_bar, total_steps)]


def self_similarity(notes: list[Note], steps_per_bar: int = 16, total_steps: int = 128) -> float:
    """Mean over bars after the first of the best Jaccard match of its (position, pitch) onsets with an earlier bar."""
    bars = _onset_sets(notes, steps_per_bar, total_steps)
    scores = [max(jaccard(bars[i], b) for b in bars[:i]) for i in range(1, len(bars))]
    return float(np.mean(scores)) if scores else 0.0


def self_similarity_matrix(notes: list[Note], steps_per_bar: int = 16, total_steps: int = 128) -> float:
    """The self-similarity-matrix reading: mean over every bar of its best (position, pitch) Jaccard match with
    any other bar, before or after (a bar that is later answered counts too, as in a form's first A)."""
    bars = _onset_sets(notes, steps_per_bar, total_steps)
    if len(bars) < 2:
        return 0.0
    scores = [max(jaccard(bars[i], bars[j]) for j in range(len(bars)) if j != i) for i in range(len(bars))]
    return float(np.mean(scores))
