"""Plain ABC for blind judging: any melody written the same way, in C major or A minor, legato, no tempo or title.

Both our melodies and real tunes go through `plain_abc`, so neither key, articulation nor notation habits
tell them apart: notes are moved to C (major) or A (minor) in the octave nearest the middle of the treble
staff, the silence before a pickup is dropped (the first bar is short, as an anacrusis is written), notes
that cross a bar line are tied, and an accidental is written wherever a note differs from what the key
signature and the bar's earlier accidentals give (ABC carries an accidental to the end of its bar).
Both are also cut the same way (`phrase_window`): from the pickup, if there is one, to the end of the eighth
bar's phrase (its cadence note; a pickup into the next phrase is dropped), so the cut does not tell them apart.
"""

from __future__ import annotations

from models.melody.events import Note, events_to_notes
from models.melody.phrases import from_first_downbeat, lead_bars
from models.melody.voice_leading import STEPS_PER_BEAT, cadence_at_bar

STEPS_PER_BAR = 16
LETTERS = {0: "C", 2: "D", 4: "E", 5: "F", 7: "G", 9: "A", 11: "B"}
# black keys spelled as tonal music spells them: raised leading tone in minor (G#), flattened sixth in major (Ab)
SPELLING = {
    "major": {1: "^C", 3: "_E", 6: "^F", 8: "_A", 10: "_B"},
    "minor": {1: "^C", 3: "_E", 6: "^F", 8: "^G", 10: "_B"},
}
TARGET_CENTRE = 71  # B4, the middle line of the treble staff


def phrase_window(events: list[int], bars: int = 8) -> tuple[list[Note], bool]:
    """The first `bars` bars of music (after a pickup bar, which is kept) as notes timed from the first downbeat,
    cut at the end of the last bar's phrase: after its cadence note (a long note on a strong beat), which is
    held at most to the bar line; and whether there was such a phrase end."""
    lead = lead_bars(events, STEPS_PER_BAR)
    notes = from_first_downbeat(events_to_notes(list(events[: (lead + bars) * STEPS_PER_BAR])), lead * STEPS_PER_BAR)
    last = bars - 1
    closes = cadence_at_bar(notes, last, tonic=False, steps_per_bar=STEPS_PER_BAR)
    if closes:  # drop a pickup into the next phrase (in the last beat)
        end = (last + 1) * STEPS_PER_BAR - STEPS_PER_BEAT
        body = [n for n in notes if n.start < end]
        notes = body if body and body[-1].start // STEPS_PER_BAR == last else notes
    bar_end = (last + 1) * STEPS_PER_BAR
    return [Note(n.start, min(n.duration, bar_end - n.start), n.pitch) for n in notes if n.start < bar_end], closes


def normalise(notes: list[Note], tonic: int, mode: str) -> list[Note]:
    """Notes moved to C major / A minor in the octave whose mean is nearest the staff's middle, leading silence cut."""
    home = 0 if mode == "major" else 9
    delta = (home - tonic) % 12
    mean = sum(n.pitch for n in notes) / len(notes)
    shift = min((delta + 12 * k for k in range(-4, 4)), key=lambda s: abs(mean + s - TARGET_CENTRE))
    first = notes[0].start
    return [Note(n.start - first, n.duration, n.pitch + shift) for n in notes], first % STEPS_PER_BAR


def _pitch_name(pitch: int, mode: str, state: dict) -> str:
    """ABC pitch with the accidental it needs given the bar's state (letter+octave -> sounding pitch class)."""
    pc, octave = pitch % 12, pitch // 12 - 1
    token = LETTERS.get(pc) or SPELLING[mode][pc]
    accidental, letter = token[:-1], token[-1]
    natural_pc = next(p for p, name in LETTERS.items() if name == letter)
    key = (letter, octave)
    sounding = state.get(key, natural_pc)
    if sounding != pc:
        accidental = accidental or "="
    else:
        accidental = ""
    state[key] = pc
    if octave >= 5:
        return accidental + letter.lower() + "'" * (octave - 5)
    return accidental + letter + "," * (4 - octave)


def _length(steps: int) -> str:
    return "" if steps == 1 else str(steps)


def plain_abc(notes: list[Note], tonic: int, mode: str, number: int = 1) -> str:
    """An ABC tune (X, M, L, K header, then the bars) of a monophonic melody."""
    moved, pickup_at = normalise(notes, tonic, mode)
    offset = pickup_at  # the first note's place in its bar
    tokens, state = [], {}
    cursor = 0
    for n in moved:
        if n.start > cursor:
            tokens += _split("z", n.start - cursor, cursor + offset, state)
        tokens += _split(n.pitch, n.duration, n.start + offset, state, mode)
        cursor = n.start + n.duration
    body = "".join(tokens).strip().rstrip("|").rstrip() + " |]"
    key = "C" if mode == "major" else "Am"
    return f"X:{number}\nM:4/4\nL:1/16\nK:{key}\n{body}\n"


def _split(pitch, steps: int, at: int, state: dict, mode: str = "major") -> list[str]:
    """A note or rest of `steps` starting at absolute step `at`, cut (and tied) at bar lines, bar lines written."""
    out = []
    while steps > 0:
        room = STEPS_PER_BAR - at % STEPS_PER_BAR
        take = min(room, steps)
        name = "z" if pitch == "z" else _pitch_name(pitch, mode, state)
        steps -= take
        out.append(name + _length(take) + ("-" if steps > 0 and pitch != "z" else "") + " ")
        at += take
        if at % STEPS_PER_BAR == 0:
            out.append("| ")
            state.clear()
    return out
