"""Sampling melodies from the LSTM, plan first: seed, temperature, exact bars, continuation, ranked candidates.

A form plan (`form_plan.py`: which bars return on the bar line and how, chords, half cadence and tonic) is
drawn first; then the LSTM proposes every 16th step's event and the plan and the line rules
(`melody_rules.py`: rhythm grid, range, leaps on chord tones and recovered, chromatic notes resolved) score
its logits, so the notes are the network's within what the plan and a musician allow. Candidates are ranked
by the network's own likelihood, the brief's density and character, and what is left to mark in the line.

The network works in C (tonic pitch class 0): events stay in that "model space" and a
candidate carries the `shift` (semitones) that takes them to the asked key and register, so a
melody can be continued (primer in model space) or transposed (another shift) exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from models.melody.character import CHARACTER_NAMES, events_character
from models.melody.events import (
    HOLD,
    MIN_PITCH,
    REST,
    VOCAB_SIZE,
    Note,
    events_to_notes,
    transpose_notes,
)
from models.melody.form_plan import FormPlan, choose_pickup, form_from_plan, plan_form
from models.melody.lstm import START, MelodyCondition, MelodyLSTM, condition_features, lookback_inputs
from models.melody.melody_rules import PITCHES, LineRules, LineState, step_bias
from models.melody.phrases import (
    bar_plan,
    from_first_downbeat,
    pickup_length,
    plan_distance,
    plan_kept,
    reference_events,
)
from models.melody.stats import MelodyStats, melody_stats
from models.melody.voice_leading import climaxes, line_measures


@dataclass
class MelodyRequest:
    bars: int = 8
    steps_per_bar: int = 16
    tonic: int = 0  # pitch class of the tonic
    mode: str = "major"
    density: float = 0.2
    register: float = 67.0  # target mean pitch (MIDI) in the asked key
    pitch_low: int = 48
    pitch_high: int = 84
    temperature: float = 1.0
    seed: int = 1
    candidates: int = 8
    key_penalty: float = 2.0  # nats subtracted from out-of-scale pitches
    primer: list[int] | None = None  # model-space events to continue from
    shift: int | None = None  # model space -> asked key; None chooses one from tonic and register
    character: tuple[float, ...] = (0.5,) * len(CHARACTER_NAMES)  # quantile levels in CHARACTER_NAMES order
    plan: list[int] | None = None  # phrase plan (PLANS per bar) of the new bars; None draws a form (seeded)
    pickup: int | None = 0  # 16ths of anacrusis before the first downbeat (in a bar of its own, on top of `bars`);
    # None: drawn by seed and mood (form_plan.choose_pickup); a primer keeps its own


@dataclass
class MelodyCandidate:
    events: list[int]  # model space (tonic C)
    shift: int  # semitones from model space to the asked key
    notes: list[Note]  # in the asked key, absolute MIDI pitches
    log_likelihood: float  # mean per generated step
    stats: MelodyStats
    score: float
    plan: list[int]  # the phrase plan (a PLANS index per bar) it was composed to
    form: str = ""  # the form plan's name (form_plan.FORMS)


def notes_in_key(events: list[int], shift: int) -> list[Note]:
    """Model-space events -> notes in the asked key."""
    return transpose_notes(events_to_notes(events), shift)


def _lookback_at(events: np.ndarray, t: int, bar: int, plan: list[int]) -> np.ndarray:
    """[K, 4] (previous, one bar back, two bars back, the planned reference) events at step t, START where none."""

    def at(i: int) -> np.ndarray:
        return events[:, i] if i >= 0 else np.full(len(events), START, dtype=np.int64)

    distance = plan_distance(plan[t // bar])
    reference = at(t - distance * bar) if distance else at(-1)  # a new bar refers to nothing: START
    return np.stack([at(t - 1), at(t - bar), at(t - 2 * bar), reference], axis=1)


def form_for(req: MelodyRequest, primer: np.ndarray) -> FormPlan:
    """The form plan of every bar (the primer's bars stay as they are): drawn (seeded) from the forms, or built
    from an asked per-bar LSTM plan (`req.plan`); with a pickup bar in front where the request or the primer
    has one."""
    rng = np.random.default_rng(req.seed)
    before = len(primer) // req.steps_per_bar
    if before:
        pickup = pickup_length(primer, req.steps_per_bar)
    elif req.pickup is None:
        pickup = choose_pickup(np.random.default_rng([req.seed, 1]), req.density, (list(req.character) + [0.5] * 3)[2])
    else:
        pickup = req.pickup
    lead = int(pickup > 0)
    if req.plan is not None:
        return form_from_plan(list(req.plan)[: req.bars], req.mode, rng, before, lead, pickup)
    return plan_form(req.bars, req.mode, rng, before, lead=lead, pickup=pickup, character=tuple(req.character))


def choose_shift(tonic: int, register: float) -> int:
    """Semitones from the model's C to the asked tonic, in the octave that puts the register near the model's centre.
    (The instrument's range is enforced by masking during sampling, not here.)"""
    options = [tonic + 12 * k for k in (-2, -1, 0, 1)]
    model_centre = 66.0
    return min(options, key=lambda s: abs((register - s) - model_centre))


FIRST_NOTE_REACH = 5  # semitones from the register within which a first note costs nothing
FIRST_NOTE_PENALTY = 0.75  # nats per semitone beyond that reach
RANGE_BY_LEAPS = (12, 17)  # the melody's span: an octave for the most stepwise moods, an eleventh for the leapiest
CHROMATIC_MOOD = 0.6  # the character level from which a mood's line may leave the scale
PLAIN_KEY_PENALTY = 4.0  # nats off a chromatic note where the mood has no chromatic colour


def _register_bias(register: float) -> np.ndarray:
    """Bias over the vocabulary for a melody's first note: free near the register, dearer further out."""
    beyond = np.clip(np.abs(PITCHES - register) - FIRST_NOTE_REACH, 0, None)
    bias = -FIRST_NOTE_PENALTY * beyond
    bias[HOLD] = bias[REST] = 0
    return bias


def line_rules(req: MelodyRequest, shift: int) -> LineRules:
    """The request's range, leaps and chromatic colour as rules in model space (syncopation is the network's, on
    the grid every mood shares)."""
    leaps, _, _, _, chromatic = (list(req.character) + [0.5] * 5)[:5]
    width = round(RANGE_BY_LEAPS[0] + leaps * (RANGE_BY_LEAPS[1] - RANGE_BY_LEAPS[0]))
    low = max(MIN_PITCH, req.pitch_low - shift)
    high = min(MIN_PITCH + VOCAB_SIZE - 3, req.pitch_high - shift)
    centre = req.register - shift
    bottom = int(np.clip(round(centre - width / 2), low, max(low, high - width)))
    colourful = chromatic >= CHROMATIC_MOOD
    return LineRules(
        mode=req.mode,
        low=bottom,
        high=min(high, bottom + width),
        max_leap=7 if leaps < 0.3 else 9,
        key_penalty=req.key_penalty if colourful else max(req.key_penalty, PLAIN_KEY_PENALTY),
        tension=colourful and req.mode == "minor",
        steps_per_bar=req.steps_per_bar,
    )


@torch.no_grad()
def _generate(
    model: MelodyLSTM, req: MelodyRequest, shift: int, primer: np.ndarray, form: FormPlan
) -> tuple[np.ndarray, np.ndarray]:
    """[K, total] events in model space and [K] summed log-likelihood of the generated part, each step's event
    chosen by the LSTM under the form plan's and the line rules' scores."""
    device = next(model.parameters()).device
    bar, k = req.steps_per_bar, req.candidates
    total = len(form.bars) * bar
    plan = form.lstm_plan()
    if len(primer):
        plan[: len(primer) // bar] = bar_plan(primer, bar)
    cond = MelodyCondition(req.mode, req.density, req.register - shift, bar, tuple(req.character), tuple(plan))
    feats = torch.from_numpy(condition_features(cond, 0, total, total)).to(device)
    rules = line_rules(req, shift)
    opening = _register_bias(req.register - shift)
    first_step = form.lead * bar - form.pickup if not len(primer) else -1
    gen = torch.Generator(device="cpu").manual_seed(req.seed)
    events = np.zeros((k, total), dtype=np.int64)
    events[:, : len(primer)] = primer
    states = [LineState() for _ in range(k)]
    for t, event in enumerate(primer):
        for state in states:
            state.update(t, int(event), bar)
    loglik = np.zeros(k)
    state = None
    start = max(0, len(primer) - 1)
    if len(primer) > 1:  # teacher-force the primer to build the state
        forced = primer[:-1]  # the same inputs as in training: the primer's own plan points back into it
        one = lookback_inputs(forced, bar, reference_events(forced, plan, bar))
        inputs = torch.from_numpy(np.repeat(one[None], k, axis=0))
        _, state = model(inputs.to(device), feats[: len(primer) - 1].expand(k, -1, -1), None)
    for t in range(start, total):
        inputs = torch.from_numpy(_lookback_at(events, t, bar, plan))
        logits, state = model(inputs[:, None, :].to(device), feats[t : t + 1].expand(k, 1, -1), state)
        if t < len(primer):
            continue
        bias = np.stack([step_bias(states[i], t, events[i], form, rules) for i in range(k)])
        if t == first_step:
            bias = bias + opening
        scored = logits[:, 0].cpu() + torch.from_numpy(bias).float()
        probs = torch.softmax(scored / req.temperature, dim=-1)
        choice = torch.multinomial(probs, 1, generator=gen)[:, 0].numpy()
        logp = torch.log_softmax(logits[:, 0].cpu(), dim=-1).numpy()  # how natural the LSTM finds the choice
        loglik += logp[np.arange(k), choice]
        events[:, t] = choice
        for i in range(k):
            states[i].update(t, int(choice[i]), bar)
    return events, loglik


PLAN_WEIGHT = 1.0  # a candidate that makes all its planned returns against one that makes none: like 1 nat a step
LINE_COSTS = {  # score per count in a candidate: what the rules could only discourage, judged on the whole line
    "leaps_beyond_seventh": 1.0,
    "leaps_sixth_or_seventh": 0.3,
    "unrecovered_leaps": 0.3,
    "unresolved_chromatic": 0.5,
    "long_notes_off_beat": 0.3,
    "motif_returns_off_bar": 0.2,
}
CLIMAX_COST = 0.4  # per note beyond one at a phrase's highest pitch
TONIC_UNHEARD = 2.0  # when the first two bars never sound the tonic, the key is left in doubt


def rank_score(
    stats: MelodyStats, mean_loglik: float, target_density: float, character_miss: float = 0.0, form_kept: float = 1.0
) -> float:
    """Model likelihood plus music-theory preferences: in key, opens in its register and not on a long note, ends
    home, density and character as asked, the phrase plan's returns made, few repeated notes."""
    return (
        mean_loglik
        + PLAN_WEIGHT * form_kept
        + 2.0 * stats.in_key_ratio
        + 1.0 * stats.ends_on_tonic
        - 1.0 * stats.opens_low
        - 1.0 * stats.opens_long
        - 3.0 * abs(stats.density - target_density)
        - 3.0 * max(0.0, stats.repeated_note_ratio - 0.3)
        - 2.0 * character_miss
    )


def line_cost(notes: list[Note], mode: str, bars: int, steps_per_bar: int) -> float:
    """What a musician would mark in the line: big or unrecovered leaps, stray chromatic notes, long notes off
    the beat, motifs off the bar line, a phrase that peaks more than once, an opening without the tonic."""
    measures = line_measures(notes, mode)
    cost = sum(weight * measures[name] for name, weight in LINE_COSTS.items())
    for first in range(0, bars, 4):
        cost += CLIMAX_COST * max(0, climaxes(notes, (first, first + 4), steps_per_bar) - 1)
    opening = [n.pitch % 12 for n in notes if n.start < 2 * steps_per_bar]
    return cost + TONIC_UNHEARD * (0 not in opening)


def character_miss(model: MelodyLSTM, events: list[int], mode: str, target: tuple[float, ...]) -> float:
    """Mean distance between a melody's character levels and the asked ones (0 = as asked, 1 = opposite)."""
    levels = model.quantiles.levels(events_character(events, mode))
    return float(np.abs(levels - np.asarray(target)).mean())


def sample_melody(model: MelodyLSTM, req: MelodyRequest) -> list[MelodyCandidate]:
    """Candidates best first. With a primer, the primer is kept and `bars` new bars follow it."""
    shift = req.shift if req.shift is not None else choose_shift(req.tonic, req.register)
    primer = np.array(req.primer or [], dtype=np.int64)
    if len(primer) and (primer.min() < 0 or primer.max() >= VOCAB_SIZE):
        raise ValueError("primer has events outside the vocabulary")
    if len(primer) % req.steps_per_bar:
        raise ValueError("a primer must be whole bars")
    form = form_for(req, primer)
    events, loglik = _generate(model, req, shift, primer, form)
    plan = form.lstm_plan()
    generated_steps = events.shape[1] - len(primer)
    out = []
    for i in range(len(events)):
        notes = notes_in_key(events[i].tolist(), shift)
        stats = melody_stats(notes, len(events[i]), req.tonic, req.mode)
        mean_ll = float(loglik[i] / max(1, generated_steps))
        miss = character_miss(model, events[i, len(primer) :].tolist(), req.mode, req.character)
        kept = plan_kept(events[i], plan, req.steps_per_bar)
        in_c = from_first_downbeat(events_to_notes(events[i].tolist()), form.lead * req.steps_per_bar)
        score = rank_score(stats, mean_ll, req.density, miss, kept) - line_cost(
            in_c, req.mode, len(events[i]) // req.steps_per_bar - form.lead, req.steps_per_bar
        )
        out.append(MelodyCandidate(events[i].tolist(), shift, notes, mean_ll, stats, score, plan, form.name))
    return sorted(out, key=lambda c: -c.score)
