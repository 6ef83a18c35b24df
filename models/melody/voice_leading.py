"""What a musician checks in a melody line, as counts per melody: big leaps, leaps left unrecovered, long notes
off the beat, chromatic notes that go nowhere, motifs that return off the bar line, and the cadences at bars 4
and 8; plus the rhythm grid a note may take by where it starts. The sampler steers by the same rules
(`melody_rules.py`) and evals/music_report.py measures real tunes and ours with these functions.

All in the key-normalised space (tonic C) on the 16th-note grid, 16 steps to the bar.
"""

from __future__ import annotations

import numpy as np

from models.melody.events import MAJOR_SCALE, MINOR_SCALE, Note

STEPS_PER_BEAT = 4
LEAP = 6  # semitones: a leap larger than a fourth wants a step back the other way
BEYOND_SEVENTH = 12  # an octave or more
LONG_NOTE = 4  # a quarter or longer


def diatonic(mode: str) -> set[int]:
    """The natural scale's pitch classes (tonic C); in minor the raised sixth and seventh are chromatic here."""
    return set(MAJOR_SCALE if mode == "major" else MINOR_SCALE)


def allowed_durations(position: int, steps_per_bar: int = 16) -> tuple[int, ...]:
    """Lengths (16th steps) a note or rest starting at `position` in the bar may take on the grid: long notes
    start on beats, an off-beat eighth lasts to the next beat (syncopated moods syncopate with eighths and
    dotted rhythms, never with long notes off the beat: real tunes almost never have one),
    a 16th off the eighth lasts one step, and nothing crosses the bar line."""
    room = steps_per_bar - position
    if position % STEPS_PER_BEAT == 0:
        strong = position % (steps_per_bar // 2) == 0
        lengths = (1, 2, 3, 4, 6, 8, 12) if strong else (1, 2, 3, 4)  # a whole bar's note only at a cadence
    elif position % 2 == 0:
        lengths = (1, 2)
    elif position % STEPS_PER_BEAT == 1:
        lengths = (1, 3)  # a 16th on the beat, then a dotted eighth: the snap
    else:
        lengths = (1,)
    return tuple(n for n in lengths if n <= room)


def big_leaps(notes: list[Note], at_least: int = BEYOND_SEVENTH) -> int:
    """Intervals between consecutive notes of `at_least` semitones or more."""
    pitches = np.array([n.pitch for n in notes])
    return int((np.abs(np.diff(pitches)) >= at_least).sum()) if len(pitches) > 1 else 0


def unrecovered_leaps(notes: list[Note]) -> int:
    """Leaps larger than a fourth not followed by a step (1-2 semitones) the other way (a last leap counts when
    nothing follows it only if it is not the final note)."""
    pitches = [n.pitch for n in notes]
    count = 0
    for i in range(1, len(pitches) - 1):
        leap, after = pitches[i] - pitches[i - 1], pitches[i + 1] - pitches[i]
        if abs(leap) >= LEAP and not (1 <= abs(after) <= 2 and np.sign(after) == -np.sign(leap)):
            count += 1
    return count


def long_notes_off_beat(notes: list[Note]) -> int:
    """Notes of a quarter or longer that start off the beat."""
    return sum(1 for n in notes if n.duration >= LONG_NOTE and n.start % STEPS_PER_BEAT)


def unresolved_chromatic(notes: list[Note], mode: str) -> int:
    """Notes outside the natural scale not followed by a step (1-2 semitones) to the next note."""
    scale = diatonic(mode)
    count = 0
    for i, n in enumerate(notes):
        if n.pitch % 12 in scale:
            continue
        if i + 1 >= len(notes) or not 1 <= abs(notes[i + 1].pitch - n.pitch) <= 2:
            count += 1
    return count


def motif_returns_off_bar(notes: list[Note], size: int = 4, steps_per_bar: int = 16) -> int:
    """Four-note figures (at least three pitches, same pitches and onset spacing) that return at least half a bar
    later but not a whole number of half bars later; each figure counted once."""
    half = steps_per_bar // 2
    figures = [
        (
            tuple(n.pitch for n in notes[i : i + size]),
            tuple(b.start - a.start for a, b in zip(notes[i : i + size], notes[i + 1 : i + size])),
        )
        for i in range(len(notes) - size + 1)
    ]
    count = 0
    for i, fig in enumerate(figures):
        if len(set(fig[0])) < 3:
            continue
        offsets = [notes[j].start - notes[i].start for j in range(i + 1, len(figures)) if figures[j] == fig]
        count += any(o >= half and o % half for o in offsets)
    return count


def cadence_at_bar(notes: list[Note], bar: int, tonic: bool, steps_per_bar: int = 16) -> bool:
    """Whether the bar closes on a note that starts on a strong beat (the downbeat or the middle) and lasts a
    quarter or more, followed at most by a pickup in the bar's last beat; with `tonic`, the tonic."""
    inside = [n for n in notes if n.start // steps_per_bar == bar]
    body = [n for n in inside if n.start % steps_per_bar < steps_per_bar - STEPS_PER_BEAT] or inside
    if not body:
        return False
    last = body[-1]
    strong = last.start % (steps_per_bar // 2) == 0
    return strong and last.duration >= LONG_NOTE and (not tonic or last.pitch % 12 == 0)


def climaxes(notes: list[Note], bars: tuple[int, int], steps_per_bar: int = 16) -> int:
    """How many notes of a phrase (bars [first, last)) reach its highest pitch."""
    inside = [n.pitch for n in notes if bars[0] <= n.start // steps_per_bar < bars[1]]
    return inside.count(max(inside)) if inside else 0


def line_measures(notes: list[Note], mode: str) -> dict[str, float]:
    """The counts per 8-bar melody that evals/music_report.py sets beside real tunes'."""
    return {
        "leaps_beyond_seventh": big_leaps(notes),
        "leaps_sixth_or_seventh": big_leaps(notes, 8) - big_leaps(notes),
        "unrecovered_leaps": unrecovered_leaps(notes),
        "long_notes_off_beat": long_notes_off_beat(notes),
        "unresolved_chromatic": unresolved_chromatic(notes, mode),
        "motif_returns_off_bar": motif_returns_off_bar(notes),
        "cadence_bar_4": float(cadence_at_bar(notes, 3, tonic=False)),
        "cadence_bar_8_tonic": float(cadence_at_bar(notes, 7, tonic=True)),
        "climax_notes_per_phrase": float(np.mean([climaxes(notes, (0, 4)), climaxes(notes, (4, 8))])),
    }
