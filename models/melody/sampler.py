"""Sampling melodies from the LSTM: seed, temperature, exact bars, continuation, ranked candidates.

The network works in C (tonic pitch class 0): events stay in that "model space" and a
candidate carries the `shift` (semitones) that takes them to the asked key and register, so a
melody can be continued (primer in model space) or transposed (another shift) exactly.
Out-of-scale pitches get a logit penalty (soft key constraint) and pitches outside the
instrument's range are masked, so the model's choices stay playable and in key.
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
    scale_pitch_classes,
    transpose_notes,
)
from models.melody.lstm import START, MelodyCondition, MelodyLSTM, condition_features, lookback_inputs
from models.melody.phrases import bar_plan, draw_plan, plan_distance, plan_kept, reference_events
from models.melody.stats import MelodyStats, melody_stats


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
    plan: list[int] | None = None  # phrase plan of the new bars; None draws a real tune's plan (seeded)


@dataclass
class MelodyCandidate:
    events: list[int]  # model space (tonic C)
    shift: int  # semitones from model space to the asked key
    notes: list[Note]  # in the asked key, absolute MIDI pitches
    log_likelihood: float  # mean per generated step
    stats: MelodyStats
    score: float
    plan: list[int]  # the phrase plan (a PLANS index per bar) it was composed to


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


def full_plan(model: MelodyLSTM, req: MelodyRequest, primer: np.ndarray) -> list[int]:
    """The plan of every bar: the primer's own (read from its notes), then the asked or a drawn real one."""
    before = bar_plan(primer, req.steps_per_bar) if len(primer) else []
    if req.plan is not None:
        return before + list(req.plan)[: req.bars] + [0] * max(0, req.bars - len(req.plan))
    rng = np.random.default_rng(req.seed)
    return before + draw_plan(model.plans, req.bars, rng, before)


def choose_shift(tonic: int, register: float) -> int:
    """Semitones from the model's C to the asked tonic, in the octave that puts the register near the model's centre.
    (The instrument's range is enforced by masking during sampling, not here.)"""
    options = [tonic + 12 * k for k in (-2, -1, 0, 1)]
    model_centre = 66.0
    return min(options, key=lambda s: abs((register - s) - model_centre))


def _logit_bias(mode: str, low: int, high: int, key_penalty: float) -> torch.Tensor:
    """Bias over the vocabulary in model (C) space: out-of-scale penalty, out-of-range mask."""
    bias = torch.zeros(VOCAB_SIZE)
    scale = scale_pitch_classes(0, mode)
    for event in range(2, VOCAB_SIZE):
        pitch = MIN_PITCH + event - 2
        if pitch % 12 not in scale:
            bias[event] -= key_penalty
        if not low <= pitch <= high:
            bias[event] = -1e9
    return bias


FIRST_NOTE_REACH = 5  # semitones from the register within which a first note costs nothing
FIRST_NOTE_PENALTY = 0.75  # nats per semitone beyond that reach


def _register_bias(register: float) -> torch.Tensor:
    """Bias over the vocabulary for a melody's first note: free near the register, dearer further out."""
    pitches = MIN_PITCH + torch.arange(VOCAB_SIZE) - 2
    beyond = ((pitches - register).abs() - FIRST_NOTE_REACH).clamp(min=0)
    bias = -FIRST_NOTE_PENALTY * beyond.float()
    bias[HOLD] = bias[REST] = 0
    return bias


CADENCE_BIAS = {0: 1.5, 4: 0.4, 3: 0.4, 7: 0.4}  # nats for the tonic, the third (major or minor), the fifth


def _cadence_bias(mode: str) -> torch.Tensor:
    """Bias over the vocabulary (model space, tonic C) for the final bar's notes: the tonic first, then
    the rest of the tonic chord."""
    third = 4 if mode == "major" else 3
    bias = torch.zeros(VOCAB_SIZE)
    for event in range(2, VOCAB_SIZE):
        degree = (MIN_PITCH + event - 2) % 12
        if degree in (0, third, 7):
            bias[event] = CADENCE_BIAS[degree]
    return bias


def _opening_constraint(logits: torch.Tensor, so_far: np.ndarray, t: int, bar: int, first_note: torch.Tensor):
    """Until a row's first note: silence is allowed (a pickup, as most tunes open) but never a whole bar,
    REST means nothing, and the first note keeps near the melody's register."""
    silent = ~(so_far >= 2).any(1) if t else np.ones(len(logits), dtype=bool)
    if not silent.any():
        return logits
    rows = torch.from_numpy(silent).to(logits.device)
    logits = logits.clone()
    logits[rows] += first_note
    logits[rows, REST] = -1e9
    if t >= bar - 1:  # the opening bar's last step: the tune must begin
        logits[rows, HOLD] = -1e9
    return logits


@torch.no_grad()
def _generate(
    model: MelodyLSTM, req: MelodyRequest, shift: int, primer: np.ndarray, plan: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """[K, total] events in model space and [K] summed log-likelihood of the generated part."""
    device = next(model.parameters()).device
    bar, k = req.steps_per_bar, req.candidates
    total = len(primer) + req.bars * bar if len(primer) else req.bars * bar
    cond = MelodyCondition(req.mode, req.density, req.register - shift, bar, tuple(req.character), tuple(plan))
    feats = torch.from_numpy(condition_features(cond, 0, total, total)).to(device)
    low = max(MIN_PITCH, req.pitch_low - shift)
    high = min(MIN_PITCH + VOCAB_SIZE - 3, req.pitch_high - shift)
    bias = _logit_bias(req.mode, low, high, req.key_penalty).to(device)
    opening_bias = _register_bias(req.register - shift).to(device)
    cadence = _cadence_bias(req.mode).to(device)
    gen = torch.Generator(device="cpu").manual_seed(req.seed)
    events = np.zeros((k, total), dtype=np.int64)
    events[:, : len(primer)] = primer
    loglik = np.zeros(k)
    state = None
    start = max(0, len(primer) - 1) if len(primer) else 0
    if len(primer) > 1:  # teacher-force the primer to build the state
        forced = primer[:-1]  # the same inputs as in training: the primer's own plan points back into it
        one = lookback_inputs(forced, bar, reference_events(forced, plan, bar))
        inputs = torch.from_numpy(np.repeat(one[None], k, axis=0))
        _, state = model(inputs.to(device), feats[: len(primer) - 1].expand(k, -1, -1), None)
    for t in range(start, total):
        inputs = torch.from_numpy(_lookback_at(events, t, bar, plan))
        logits, state = model(inputs[:, None, :].to(device), feats[t : t + 1].expand(k, 1, -1), state)
        logits = logits[:, 0] + bias
        if not len(primer):
            logits = _opening_constraint(logits, events[:, :t], t, bar, opening_bias)
        if t >= total - bar:  # the last bar: lean towards home, as a cadence does
            logits = logits + cadence
        if t < len(primer):
            continue
        probs = torch.softmax(logits / req.temperature, dim=-1).cpu()
        choice = torch.multinomial(probs, 1, generator=gen)[:, 0].numpy()
        logp = torch.log_softmax(logits, dim=-1).cpu().numpy()
        loglik += logp[np.arange(k), choice]
        events[:, t] = choice
    return events, loglik


PLAN_WEIGHT = 1.0  # a candidate that makes all its planned returns against one that makes none: like 1 nat a step


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
        - 2.0 * max(0.0, stats.repeated_note_ratio - 0.4)
        - 2.0 * character_miss
    )


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
    plan = full_plan(model, req, primer)
    events, loglik = _generate(model, req, shift, primer, plan)
    generated_steps = events.shape[1] - len(primer)
    out = []
    for i in range(len(events)):
        notes = notes_in_key(events[i].tolist(), shift)
        stats = melody_stats(notes, len(events[i]), req.tonic, req.mode)
        mean_ll = float(loglik[i] / max(1, generated_steps))
        miss = character_miss(model, events[i, len(primer) :].tolist(), req.mode, req.character)
        kept = plan_kept(events[i], plan, req.steps_per_bar)  # the primer's bars are alike for every candidate
        score = rank_score(stats, mean_ll, req.density, miss, kept)
        out.append(MelodyCandidate(events[i].tolist(), shift, notes, mean_ll, stats, score, plan))
    return sorted(out, key=lambda c: -c.score)
