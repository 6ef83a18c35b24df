"""Bach's four-part chorales (music21 ships 400+) as harmony examples: per beat, the soprano, the bass and the
pitch classes sounding in all four voices, key-normalised to tonic C like the melody corpus.

These teach the accompaniment model (`harmony.py`) which bass and chord go under a melody note in its place in
the bar and the phrase.
"""

from __future__ import annotations

import bisect
from multiprocessing import Pool

import numpy as np

from models.melody.corpus import estimate_key
from models.melody.events import Note

VOICES = ("sop", "alt", "ten", "bas")
REST = 12  # soprano pitch-class index for a beat with no sounding note


def _voice_parts(score) -> list | None:
    """Soprano, alto, tenor and bass parts, by name, else the only four parts in order."""
    parts = list(score.parts)
    named = []
    for voice in VOICES:
        hits = [p for p in parts if (p.partName or "").lower().startswith(voice)]
        named.append(hits[0] if hits else None)
    if all(named):
        return named
    return parts if len(parts) == 4 else None


def _part_notes(part) -> list[tuple[float, float, int]]:
    """(onset in quarters, end, MIDI pitch) of a part's notes, ties merged."""
    out: list[tuple[float, float, int]] = []
    for n in part.flatten().notes:
        pitch = max(p.midi for p in n.pitches)
        start, end = float(n.offset), float(n.offset + n.quarterLength)
        if out and n.tie is not None and n.tie.type in ("continue", "stop") and out[-1][2] == pitch:
            out[-1] = (out[-1][0], end, pitch)
        else:
            out.append((start, end, pitch))
    return out


def _sounding(notes: list[tuple[float, float, int]], starts: list[float], beat: float) -> int | None:
    i = bisect.bisect_right(starts, beat + 1e-6) - 1
    return notes[i][2] if i >= 0 and notes[i][0] <= beat + 1e-6 < notes[i][1] else None


def chorale_beats(score) -> dict | None:
    """Per-beat arrays of one chorale in C: soprano pitch (or -1), bass pitch class, chord pitch classes (12)."""
    parts = _voice_parts(score)
    if parts is None:
        return None
    sigs = list(parts[0].flatten().getElementsByClass("TimeSignature"))
    if not sigs or sigs[0].ratioString not in ("4/4", "3/4"):
        return None
    beats_per_bar = int(sigs[0].numerator)
    voices = [_part_notes(p) for p in parts]
    if any(not v for v in voices):
        return None
    every = [Note(int(s * 4), max(1, int((e - s) * 4)), p) for v in voices for s, e, p in v]
    tonic, mode = estimate_key(every)
    shift = -tonic if tonic <= 6 else 12 - tonic
    measures = list(parts[0].getElementsByClass("Measure"))
    first = float(measures[0].duration.quarterLength) if measures else beats_per_bar
    pad = beats_per_bar - first if 0 < first < beats_per_bar else 0.0
    end = max(v[-1][1] for v in voices)
    starts = [[n[0] for n in v] for v in voices]
    rows = []
    for beat in np.arange(0.0, end, 1.0):
        sounding = [_sounding(v, s, beat) for v, s in zip(voices, starts)]
        if sounding[3] is None:
            continue
        chord = np.zeros(12, dtype=np.int8)
        for p in sounding:
            if p is not None:
                chord[(p + shift) % 12] = 1
        soprano = sounding[0] + shift if sounding[0] is not None else -1
        rows.append((soprano, (sounding[3] + shift) % 12, chord, int((beat + pad) % beats_per_bar)))
    if len(rows) < 8:
        return None
    return {
        "soprano": np.array([r[0] for r in rows], dtype=np.int16),
        "bass": np.array([r[1] for r in rows], dtype=np.int8),
        "chord": np.stack([r[2] for r in rows]),
        "beat": np.array([r[3] for r in rows], dtype=np.int8),
        "minor": mode == "minor",
        "beats_per_bar": beats_per_bar,
    }


def _parse(path: str) -> dict | None:
    from music21 import corpus

    try:
        return chorale_beats(corpus.parse(path))
    except Exception:
        return None


def extract_chorales(workers: int = 2) -> list[dict]:
    from music21 import corpus

    paths = [str(p) for p in corpus.getComposer("bach")]
    with Pool(workers) as pool:
        return [c for c in pool.map(_parse, paths, chunksize=4) if c is not None]
