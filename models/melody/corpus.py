"""Monophonic melodies from the corpus music21 ships, quantised, key-normalised and split by piece.

Each melody is transposed so its tonic is C (the model learns scale degrees; the tool
transposes to the asked key), fitted into MIN_PITCH..MAX_PITCH, and stored as events.
Key and mode come from a Krumhansl-Kessler profile match on the duration-weighted
pitch-class histogram (ABC key fields say the signature, not the mode).
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from multiprocessing import Pool

import numpy as np

from models.melody.events import Note, fit_to_range, notes_to_events, transpose_notes

SOURCES = ("essenFolksong", "oneills1850", "ryansMammoth", "airdsAirs", "bach")
KK_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
KK_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
SUPPORTED_BAR_STEPS = (6, 8, 12, 16, 18, 24)


@dataclass
class Melody:
    """One key-normalised melody (tonic C) with what we know about it."""

    events: np.ndarray  # int16, one event per 16th step
    mode: str  # "major" | "minor"
    steps_per_bar: int
    source: str
    title: str


def estimate_key(notes: list[Note]) -> tuple[int, str]:
    """Tonic pitch class and mode by correlating with the Krumhansl-Kessler profiles."""
    hist = np.zeros(12)
    for n in notes:
        hist[n.pitch % 12] += n.duration
    best = (-2.0, 0, "major")
    for tonic in range(12):
        rotated = np.roll(hist, -tonic)
        for mode, profile in (("major", KK_MAJOR), ("minor", KK_MINOR)):
            r = float(np.corrcoef(rotated, profile)[0, 1]) if hist.std() > 0 else 0.0
            if r > best[0]:
                best = (r, tonic, mode)
    return best[1], best[2]


def normalise_to_c(notes: list[Note]) -> tuple[list[Note], str] | None:
    tonic, mode = estimate_key(notes)
    shift = -tonic if tonic <= 6 else 12 - tonic  # nearest transposition to C
    fitted = fit_to_range(transpose_notes(notes, shift))
    return (fitted, mode) if fitted else None


def _score_to_notes(score) -> tuple[list[Note], int] | None:
    """Top line of a music21 score as grid notes, plus steps per bar; None when unusable."""
    part = score.parts[0] if hasattr(score, "parts") and len(score.parts) else score
    flat = part.flatten()
    sigs = list(flat.getElementsByClass("TimeSignature"))
    if len({s.ratioString for s in sigs}) > 1:
        return None
    bar_steps = int(round((sigs[0].barDuration.quarterLength if sigs else 4.0) * 4))
    if bar_steps not in SUPPORTED_BAR_STEPS:
        return None
    measures = list(part.getElementsByClass("Measure"))
    pad = 0
    if measures:
        first_len = int(round(measures[0].duration.quarterLength * 4))
        if 0 < first_len < bar_steps:
            pad = bar_steps - first_len  # align the pickup so bar lines fall on bar_steps
    notes: list[Note] = []
    for el in flat.notes:
        start, dur = el.offset * 4, el.quarterLength * 4
        if abs(start - round(start)) > 0.05 or abs(dur - round(dur)) > 0.05 or round(dur) <= 0:
            return None  # tuplets or grace notes: not on our grid
        pitch = max(p.midi for p in el.pitches)
        tie = el.tie.type if el.tie is not None else None
        if tie in ("continue", "stop") and notes and notes[-1].pitch == pitch:
            prev = notes.pop()  # merge tied notes without music21's slow stripTies (a deepcopy)
            notes.append(Note(prev.start, int(round(start)) + pad + int(round(dur)) - prev.start, pitch))
            continue
        notes.append(Note(int(round(start)) + pad, int(round(dur)), pitch))
    notes = _drop_overlaps(notes)
    return (notes, bar_steps) if len(notes) >= 8 else None


def _drop_overlaps(notes: list[Note]) -> list[Note]:
    out: list[Note] = []
    for n in sorted(notes, key=lambda n: n.start):
        if out and n.start < out[-1].start + out[-1].duration:
            prev = out[-1]
            if n.start == prev.start:
                continue
            out[-1] = Note(prev.start, n.start - prev.start, prev.pitch)
        out.append(n)
    return out


def _parse_file(args: tuple[str, str]) -> list[Melody]:
    path, source = args
    from music21 import converter

    try:
        parsed = converter.parse(path)
    except Exception:
        return []
    scores = list(parsed.scores) if hasattr(parsed, "scores") else [parsed]
    melodies = []
    for score in scores:
        try:
            got = _score_to_notes(score)
        except Exception:
            continue
        if got is None:
            continue
        normed = normalise_to_c(got[0])
        if normed is None:
            continue
        title = (score.metadata.title if score.metadata and score.metadata.title else "") or ""
        events = np.array(notes_to_events(normed[0]), dtype=np.int16)
        melodies.append(Melody(events, normed[1], got[1], source, title))
    return melodies


def corpus_files(sources: tuple[str, ...] = SOURCES) -> list[tuple[str, str]]:
    from music21 import corpus

    root = os.path.dirname(corpus.__file__)
    files = []
    for source in sources:
        for ext in ("abc", "mxl", "xml", "krn"):
            for path in sorted(glob.glob(os.path.join(root, source, "**", f"*.{ext}"), recursive=True)):
                files.append((path, source))
    return files


def extract_melodies(sources: tuple[str, ...] = SOURCES, workers: int = 2, limit_files: int | None = None):
    files = corpus_files(sources)[:limit_files]
    with Pool(workers) as pool:
        chunks = pool.map(_parse_file, files, chunksize=4)
    return [m for chunk in chunks for m in chunk]


def split_of(melody: Melody) -> str:
    """Deterministic split by piece (hash of source, title and first events): 90/5/5."""
    key = f"{melody.source}|{melody.title}|{melody.events[:64].tobytes().hex()}"
    h = int(hashlib.sha1(key.encode()).hexdigest(), 16) % 100
    return "test" if h < 5 else "validation" if h < 10 else "train"


def save_corpus(melodies: list[Melody], path: str) -> None:
    lengths = np.array([len(m.events) for m in melodies])
    np.savez_compressed(
        path,
        events=np.concatenate([m.events for m in melodies]),
        lengths=lengths,
        modes=np.array([m.mode == "minor" for m in melodies], dtype=np.int8),
        bar_steps=np.array([m.steps_per_bar for m in melodies], dtype=np.int16),
        sources=np.array([m.source for m in melodies]),
        splits=np.array([split_of(m) for m in melodies]),
    )


def load_corpus(path: str) -> dict[str, list[dict]]:
    """Split name -> list of {events, mode, steps_per_bar, source}."""
    data = np.load(path)
    ends = np.cumsum(data["lengths"])
    starts = ends - data["lengths"]
    out: dict[str, list[dict]] = {"train": [], "validation": [], "test": []}
    for i, (a, b) in enumerate(zip(starts, ends)):
        out[str(data["splits"][i])].append(
            {
                "events": data["events"][a:b].astype(np.int64),
                "mode": "minor" if data["modes"][i] else "major",
                "steps_per_bar": int(data["bar_steps"][i]),
                "source": str(data["sources"][i]),
            }
        )
    return out
