"""The plan and the rules, as scores on the LSTM's logits, one step and one candidate at a time.

At each 16th step a candidate's next event is either forced by the form plan (a bar that returns copies its
source's rhythm, and its pitches where the plan keeps them; a cadence note is held) or left to the LSTM with
masks and scores: the rhythm grid (`voice_leading.allowed_durations`), the range, no leap beyond the mood's
widest, a leap landing on a chord tone and recovered by a step the other way, a chromatic note approached and
left by step, no cross-relation in a bar, chord tones on strong beats, and a lead into a return or a cadence.
Hard rules are -1e9; the others cost nats, so the LSTM still chooses among what a musician would write.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from models.melody.events import HOLD, MIN_PITCH, REST, VOCAB_SIZE, scale_pitch_classes
from models.melody.form_plan import BarRole, FormPlan
from models.melody.voice_leading import LEAP, STEPS_PER_BEAT, allowed_durations, diatonic

NEG = -1e9
PITCHES = MIN_PITCH + np.arange(VOCAB_SIZE) - 2  # pitch of each event (meaningless for HOLD and REST)
NOTE_ONS = np.arange(VOCAB_SIZE) >= 2
CADENCE_PITCH_CLASSES = {
    ("half", "major"): (7, 2),  # the fifth or the second: a phrase does not rest on the leading tone
    ("half", "minor"): (7, 2),
    ("open", "major"): (4, 7),
    ("open", "minor"): (3, 7),
    ("tonic", "major"): (0,),
    ("tonic", "minor"): (0,),
}
FORCED_FLOOR = -30.0  # where the plan forces a note, the other rules may only rank its choices
FIGURE_BY_LEAP = 1.0  # nats per semitone beyond a major third into the closing figure's first note
SAME_AS_SOURCE = 1.0  # nats off a varied bar's free note that would restate its source's pitch
# cost in nats of each broken rule
UNRECOVERED, THIRD_BACK, LEAP_OFF_CHORD, CHROMATIC_BY_LEAP, UNRESOLVED, CROSS_RELATION = 5.0, 1.5, 3.0, 4.0, 6.0, 4.0
WEAK_ON_STRONG_BEAT, WEAK_ON_BEAT, LEAD_IN, TRITONE, FINAL_BY_LEAP = 1.0, 0.4, 0.6, 5.0, 5.0
LEAD_HOME = 1.2  # per semitone: the line heads home harder before the last cadence
CADENCE_LEAD = 8  # steps before a cadence note in which the line heads for it
TONIC_TRIAD = {"major": (0, 4, 7), "minor": (0, 3, 7)}
# each chromatic pitch class and the scale tone it alters: above it, it is raised and rises; below, it falls
NATURAL_OF = {"major": {1: 0, 3: 4, 6: 5, 8: 9, 10: 11}, "minor": {1: 2, 4: 3, 6: 5, 9: 8, 11: 10}}


@dataclass(frozen=True)
class LineRules:
    """A request's rules in model space (tonic C)."""

    mode: str
    low: int
    high: int
    max_leap: int
    key_penalty: float
    tension: bool  # minor that wants harmonic minor: the raised leading tone over the flat seventh
    steps_per_bar: int = 16


@dataclass
class LineState:
    """What one candidate has written so far that the rules look at."""

    item_start: int = -1  # where the sounding note or rest began (-1: nothing yet)
    previous_length: int = 0  # length of the note or rest before it
    item_is_note: bool = False
    pitches: list[int] = field(default_factory=list)
    bar_pitch_classes: set[int] = field(default_factory=set)

    def update(self, t: int, event: int, steps_per_bar: int) -> None:
        if t % steps_per_bar == 0:
            self.bar_pitch_classes = set()
        if event == HOLD:
            return
        self.previous_length = t - self.item_start if self.item_start >= 0 else 0
        self.item_start, self.item_is_note = t, event >= 2
        if event >= 2:
            pitch = int(PITCHES[event])
            self.pitches.append(pitch)
            self.bar_pitch_classes.add(pitch % 12)


def only(event: int) -> np.ndarray:
    bias = np.full(VOCAB_SIZE, NEG)
    bias[event] = 0.0
    return bias


def sequence_pitch(pitch: int, step: int, mode: str) -> int:
    """A pitch moved by `step` scale steps (a chromatic pitch moves as the scale tone below it does)."""
    scale = sorted(diatonic(mode))
    below = max(d for d in scale if d <= pitch % 12)
    index = scale.index(below) + step
    octave, index = divmod(index, len(scale))
    return pitch - below + scale[index] + 12 * octave


def step_bias(state: LineState, t: int, events: np.ndarray, plan: FormPlan, rules: LineRules) -> np.ndarray:
    """[VOCAB_SIZE] nats added to the LSTM's logits for one candidate's event at step t."""
    bar = rules.steps_per_bar
    b, pos = divmod(t, bar)
    role = plan.bars[b] if b < len(plan.bars) else BarRole()
    figure = plan.approach_at(t)
    if figure is not None:  # the closing figure: its rhythm, its pitch classes, the octave the line's
        if t != figure[0]:
            return only(HOLD)
        bias = _forced_note(state, t, plan, rules, figure[2])
        if state.pitches and figure == plan.approach[0]:  # entered by a step or a third, not a leap
            bias -= FIGURE_BY_LEAP * np.clip(np.abs(PITCHES - state.pitches[-1]) - 4, 0, None)
        return bias
    if role.kind == "pickup":  # silence, then the pickup into the first downbeat
        if pos < bar - plan.pickup:
            return only(HOLD)
        return _free(state, t, events, plan, rules)
    if role.cadence and pos >= role.cadence_at:
        return _cadence(state, t, events, role, plan, rules)
    if role.source is not None and pos < role.copy_until:
        return _copied(state, t, events, role, plan, rules)
    return _free(state, t, events, plan, rules)


def _free(state: LineState, t: int, events: np.ndarray, plan: FormPlan, rules: LineRules) -> np.ndarray:
    return _grammar(state, t, rules, plan.lead) + np.where(
        NOTE_ONS, pitch_bias(state, t, plan, rules) + _lead_in(t, events, plan, rules), 0.0
    )


def _forced_note(state: LineState, t: int, plan: FormPlan, rules: LineRules, pitch_classes) -> np.ndarray:
    """A note-on here, of these pitch classes; the other rules choose among them (never ruling all out)."""
    allowed = pitch_class_mask(frozenset(pitch_classes)) & NOTE_ONS
    return np.where(allowed, np.maximum(pitch_bias(state, t, plan, rules), FORCED_FLOOR), NEG)


def _cadence(state: LineState, t: int, events: np.ndarray, role: BarRole, plan: FormPlan, rules: LineRules):
    """The cadence note, held for its length; then a breath (a rest), and the next phrase's pickup: the tune's
    opening pickup again where the next phrase begins as the first did, else the line's own."""
    bar = rules.steps_per_bar
    pos = t % bar
    if pos == role.cadence_at:
        bias = _forced_note(state, t, plan, rules, CADENCE_PITCH_CLASSES[(role.cadence, rules.mode)])
        by_fifth = state.pitches and state.pitches[-1] % 12 == 7  # a 5-1 close leaps by design
        if role.cadence == "tonic" and state.pitches and not by_fifth:  # home by a step, not a tacked-on leap
            bias -= np.where(np.abs(PITCHES - state.pitches[-1]) > 2, FINAL_BY_LEAP, 0.0)
        return bias
    end = role.cadence_at + role.cadence_len
    if pos < end:
        return only(HOLD)
    if pos == end and pos < role.breath_until:
        return only(REST)
    if pos < role.breath_until or role.cadence == "tonic":
        return only(HOLD)
    b = t // bar
    following = plan.bars[b + 1] if b + 1 < len(plan.bars) else BarRole()
    if plan.lead and following.source == plan.lead and plan.pickup:  # the opening's pickup comes back with it
        return _copied(state, t, events, BarRole(0, "exact"), plan, rules)
    if plan.pickup and pos == role.breath_until:
        return np.where(NOTE_ONS, pitch_bias(state, t, plan, rules) + _lead_in(t, events, plan, rules), NEG)
    return _free(state, t, events, plan, rules)


def _copied(state: LineState, t: int, events: np.ndarray, role: BarRole, plan: FormPlan, rules: LineRules):
    """A returning bar: the source's event, its rhythm with moved pitches (sequence) or free pitches (varied)."""
    pos = t % rules.steps_per_bar
    src = int(events[role.source * rules.steps_per_bar + pos])
    if src == HOLD and pos == 0 and state.item_is_note:
        src = REST  # nothing crosses the bar line
    if src == REST and not state.item_is_note:
        src = HOLD
    if src < 2:
        return only(src)
    pitch = int(PITCHES[src])
    if role.kind == "sequence":
        pitch = sequence_pitch(pitch, role.step, rules.mode)
    elif role.kind == "varied" and pos >= role.pitches_from:
        free = pitch_bias(state, t, plan, rules) - np.where(PITCHES == pitch, SAME_AS_SOURCE, 0.0)
        return np.where(NOTE_ONS, free - 0.1 * np.abs(PITCHES - pitch), NEG)  # near the source's, not on it
    if rules.low <= pitch <= rules.high:
        return only(pitch - MIN_PITCH + 2)
    return np.where(NOTE_ONS, pitch_bias(state, t, plan, rules), NEG)


def _grammar(state: LineState, t: int, rules: LineRules, lead: int = 0) -> np.ndarray:
    """HOLD, REST and note-ons allowed by the rhythm grid given the sounding note or rest."""
    bias = np.zeros(VOCAB_SIZE)
    if state.item_start < 0:  # the melody opens on the downbeat
        bias[HOLD] = bias[REST] = NEG
        return bias
    pos = t % rules.steps_per_bar
    length = t - state.item_start
    start = state.item_start % rules.steps_per_bar
    allowed = allowed_durations(start, rules.steps_per_bar)
    if start % 4 == 2 and state.previous_length != 1:  # a 16th off the eighth only continues a run of 16ths
        allowed = tuple(a for a in allowed if a != 1) or allowed
    can_end = length in allowed
    can_hold = pos != 0 and any(a > length for a in allowed)
    if not can_end:
        return only(HOLD)
    if not can_hold:
        bias[HOLD] = NEG
    unit_end = (t // rules.steps_per_bar - lead) % 2 == 1 and pos == rules.steps_per_bar - STEPS_PER_BEAT
    if not state.item_is_note or length < STEPS_PER_BEAT or not unit_end:  # a breath only after a held note,
        # in the last beat of a two-bar unit: the phrase's own rests are at its cadence
        bias[REST] = NEG
    return bias


@functools.cache
def pitch_class_mask(pitch_classes: frozenset[int]) -> np.ndarray:
    """[VOCAB_SIZE] bool: the events whose pitch class is one of these (read-only, shared)."""
    mask = np.isin(PITCHES % 12, list(pitch_classes))
    mask.flags.writeable = False
    return mask


def pitch_bias(state: LineState, t: int, plan: FormPlan, rules: LineRules) -> np.ndarray:
    """Nats for each pitch (over the vocabulary; HOLD and REST get 0) as the next note."""
    p = PITCHES
    bias = np.where((p < rules.low) | (p > rules.high), NEG, 0.0)
    pcs = p % 12
    bias -= np.where(pitch_class_mask(frozenset(scale_pitch_classes(0, rules.mode))), 0.0, rules.key_penalty)
    chord = plan.chord_at(t, rules.steps_per_bar)
    if t % 4 == 0:  # beats lean on the chord, the downbeat and the middle of the bar most
        off_chord = WEAK_ON_STRONG_BEAT if t % (rules.steps_per_bar // 2) == 0 else WEAK_ON_BEAT
        bias -= np.where(pitch_class_mask(frozenset(chord)), 0.0, off_chord)
    if t == plan.lead * rules.steps_per_bar or not state.pitches and not plan.lead:  # the first downbeat is of
        # the tonic chord: the key is heard at once
        bias += np.where(pitch_class_mask(frozenset(TONIC_TRIAD[rules.mode])), 0.0, NEG)
    if rules.tension:
        bias -= np.where(pcs == 10, 1.0, 0.0)
    for altered, plain in NATURAL_OF[rules.mode].items():  # no C and C sharp in one bar
        if altered in state.bar_pitch_classes:  # once C sharp has sounded, C natural waits for the next bar
            bias -= np.where(pcs == plain, CROSS_RELATION, 0.0)
        if plain in state.bar_pitch_classes and (not state.pitches or state.pitches[-1] % 12 != plain):
            bias -= np.where(pcs == altered, CROSS_RELATION, 0.0)
    if state.pitches:
        bias += _interval_bias(state, chord, rules)
    bias[:2] = 0.0
    return bias


def _interval_bias(state: LineState, chord: tuple[int, ...], rules: LineRules) -> np.ndarray:
    prev = state.pitches[-1]
    interval = PITCHES - prev
    size = np.abs(interval)
    bias = np.where(size > rules.max_leap, NEG, np.where(size == 6, -TRITONE, 0.0))
    bias -= np.where((size >= 5) & ~pitch_class_mask(frozenset(chord)), LEAP_OFF_CHORD, 0.0)
    if len(state.pitches) >= 2:
        last = prev - state.pitches[-2]
        if abs(last) >= LEAP:
            back = np.sign(interval) == -np.sign(last)
            bias -= np.where(
                back & (size <= 2) & (size >= 1), 0.0, np.where(back & (size <= 4), THIRD_BACK, UNRECOVERED)
            )
    natural = frozenset(diatonic(rules.mode))
    bias -= np.where(~pitch_class_mask(natural) & (size > 2), CHROMATIC_BY_LEAP, 0.0)
    if prev % 12 not in natural:  # a chromatic note resolves by step the way it leans, best by a semitone
        plain = NATURAL_OF[rules.mode].get(prev % 12, prev % 12)
        lean = 1 if (prev - plain) % 12 == 1 else -1  # raised notes rise, lowered ones fall
        onward = (np.sign(interval) == lean) & (size >= 1) & (size <= 2)
        bias -= np.where(onward, np.where(size == 2, 1.0, 0.0), UNRESOLVED)
    return bias


def _lead_in(t: int, events: np.ndarray, plan: FormPlan, rules: LineRules) -> np.ndarray:
    """In the half bar before a cadence note or the beat before a returning bar, notes near where it goes cost
    less, and a chromatic note that could not resolve onto where it goes costs more."""
    bar = rules.steps_per_bar
    b, pos = divmod(t, bar)
    role = plan.bars[b] if b < len(plan.bars) else BarRole()
    following = plan.bars[b + 1] if b + 1 < len(plan.bars) else BarRole()
    targets: list[int] = []
    cadence = ""
    if role.cadence and role.cadence_at - CADENCE_LEAD <= pos < role.cadence_at:
        cadence = role.cadence
    elif pos >= bar - CADENCE_LEAD and following.cadence and following.cadence_at == 0:
        cadence = following.cadence
    figure = plan.approach[0] if plan.approach else None
    if figure and figure[0] - CADENCE_LEAD <= t < figure[0]:  # the closing figure's first note is the goal
        cadence = "tonic"
        targets = [int(p) for p in PITCHES[2:] if p % 12 in figure[2]]
    elif cadence:
        pcs = CADENCE_PITCH_CLASSES[(cadence, rules.mode)]
        targets = [int(p) for p in PITCHES[2:] if p % 12 in pcs]
    elif pos >= bar - 4 and following.source is not None:
        first = int(events[following.source * bar])
        targets = [int(PITCHES[first])] if first >= 2 else []
    if not targets:
        return np.zeros(VOCAB_SIZE)
    distance = np.min(np.abs(PITCHES[:, None] - np.array(targets)[None, :]), axis=1)
    bias = -(LEAD_HOME if cadence == "tonic" else LEAD_IN) * np.clip(distance - 2, 0, None)
    bias -= np.where(~pitch_class_mask(frozenset(diatonic(rules.mode))) & (distance > 1), UNRESOLVED, 0.0)
    return bias
