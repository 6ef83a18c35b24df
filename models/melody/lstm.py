"""The melody LSTM: next-event prediction conditioned on mode, density, register, character, metre and form.

Input at step t (predicting event e_t):
  embed(e_{t-1}) | embed(e_{t-bar}) | embed(e_{t-2bar}) | embed(e_ref) | cond_t
The lookback embeddings (melody_rnn's lookback idea) show the previous bars; e_ref is the event at the
same position in the bar this bar's phrase plan refers to (see `phrases`), so the network learns to
repeat or vary it where real tunes do. cond_t carries the brief (mode, density, register), the
character levels (leaps, contour, dotted rhythm, syncopation, chromaticism as corpus quantiles), the
bar's plan, and where we are in the bar, the phrase and the piece (so it can cadence at the end).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn

from models.melody.character import CharacterQuantiles
from models.melody.corpus import SUPPORTED_BAR_STEPS
from models.melody.events import MIN_PITCH, VOCAB_SIZE

START = VOCAB_SIZE  # also the padding for lookbacks before the first bar and for bars with no reference
MAX_BAR_POSITIONS = 24
NUM_CHARACTER = 5  # models.melody.character.CHARACTER_NAMES
NUM_PLANS = 7  # models.melody.phrases.PLANS
NUM_INPUTS = 4  # previous event, one bar back, two bars back, the planned reference
COND_DIM = 3 + MAX_BAR_POSITIONS + len(SUPPORTED_BAR_STEPS) + 4 + 4 + NUM_CHARACTER + NUM_PLANS


@dataclass
class MelodyLSTMConfig:
    vocab_size: int = VOCAB_SIZE
    embed_dim: int = 48
    hidden_size: int = 256
    num_layers: int = 2
    dropout: float = 0.2
    cond_dim: int = COND_DIM


@dataclass
class MelodyCondition:
    """What the brief controls: mode, note-on density per 16th step, mean pitch (MIDI), character levels
    (quantiles 0-1 in CHARACTER_NAMES order), and the phrase plan (a PLANS index per bar)."""

    mode: str = "major"
    density: float = 0.25
    register: float = 67.0
    steps_per_bar: int = 16
    character: tuple[float, ...] = (0.5,) * NUM_CHARACTER
    plan: tuple[int, ...] = ()


def condition_features(cond: MelodyCondition, start: int, n_steps: int, total_steps: int) -> np.ndarray:
    """[n_steps, COND_DIM] features for absolute steps start..start+n_steps."""
    bar = cond.steps_per_bar
    steps = np.arange(start, start + n_steps)
    feats = np.zeros((n_steps, COND_DIM), dtype=np.float32)
    feats[:, 0] = 1.0 if cond.mode == "minor" else 0.0
    feats[:, 1] = cond.density * 4.0
    feats[:, 2] = (cond.register - 66.0) / 12.0
    col = 3
    feats[np.arange(n_steps), col + np.minimum(steps % bar, MAX_BAR_POSITIONS - 1)] = 1.0
    col += MAX_BAR_POSITIONS
    feats[:, col + SUPPORTED_BAR_STEPS.index(bar)] = 1.0
    col += len(SUPPORTED_BAR_STEPS)
    bar_index = steps // bar
    feats[np.arange(n_steps), col + bar_index % 4] = 1.0
    col += 4
    total_bars = max(1, -(-total_steps // bar))
    bars_left = np.clip(total_bars - 1 - bar_index, 0, 3)
    feats[np.arange(n_steps), col + bars_left] = 1.0
    col += 4
    feats[:, col : col + NUM_CHARACTER] = np.asarray(cond.character, dtype=np.float32) * 2.0 - 1.0
    col += NUM_CHARACTER
    plan = np.asarray(cond.plan or (0,), dtype=np.int64)
    feats[np.arange(n_steps), col + plan[np.minimum(bar_index, len(plan) - 1)]] = 1.0
    return feats


def lookback_inputs(events: np.ndarray, bar: int, reference: np.ndarray) -> np.ndarray:
    """[n, 4] of (previous event, event one bar back, two bars back, planned reference), START-padded."""
    n = len(events)
    padded = np.concatenate([np.full(2 * bar + 1, START, dtype=np.int64), events.astype(np.int64)])
    idx = np.arange(n) + 2 * bar + 1
    return np.stack([padded[idx - 1], padded[idx - bar], padded[idx - 2 * bar], reference[:n]], axis=1)


def melody_statistics(events: np.ndarray) -> tuple[float, float]:
    """(note-on density per step, mean pitch) of an event sequence."""
    ons = events[events >= 2]
    density = len(ons) / max(1, len(events))
    register = float(np.mean(ons - 2 + MIN_PITCH)) if len(ons) else 67.0
    return density, register


class MelodyLSTM(nn.Module):
    def __init__(self, config: MelodyLSTMConfig):
        super().__init__()
        self.config = config
        self.embed = nn.Embedding(config.vocab_size + 1, config.embed_dim)  # +1: START
        self.lstm = nn.LSTM(
            NUM_INPUTS * config.embed_dim + config.cond_dim,
            config.hidden_size,
            num_layers=config.num_layers,
            dropout=config.dropout if config.num_layers > 1 else 0.0,
            batch_first=True,
        )
        self.head = nn.Linear(config.hidden_size, config.vocab_size)

    def forward(self, inputs: torch.Tensor, cond: torch.Tensor, state=None):
        """inputs [B, T, 4] event ids, cond [B, T, C] -> logits [B, T, V], new state."""
        emb = self.embed(inputs).flatten(2)  # [B, T, 4E]
        out, state = self.lstm(torch.cat([emb, cond], dim=-1), state)
        return self.head(out), state


PLANS_FILE = "phrase_plans.txt"  # one real tune's phrase plan per line, drawn from at composition time


def save_melody_lstm(model: MelodyLSTM, folder: str, quantiles, plans: list[str], extra: dict | None = None) -> None:
    """Weights, config (with the character quantile tables and `extra`) and the phrase plans to draw from."""
    from safetensors.torch import save_file

    os.makedirs(folder, exist_ok=True)
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    save_file(state, os.path.join(folder, "model.safetensors"))
    saved = {"config": asdict(model.config), "character_quantiles": quantiles.as_dict(), **(extra or {})}
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(saved, f, indent=2)
    with open(os.path.join(folder, PLANS_FILE), "w") as f:
        f.write("".join(p + "\n" for p in plans))


def load_melody_lstm(folder: str, device: str | torch.device = "cpu") -> MelodyLSTM:
    """Load config + weights, with the character quantiles (`model.quantiles`) and the real tunes' phrase plans
    (`model.plans`) saved beside them; the config must match the code's features."""
    from safetensors.torch import load_file

    with open(os.path.join(folder, "config.json")) as f:
        saved = json.load(f)
    config = MelodyLSTMConfig(**saved["config"])
    if config.cond_dim != COND_DIM:
        raise ValueError(f"checkpoint cond_dim {config.cond_dim} != code's {COND_DIM}: retrain the melody model")
    model = MelodyLSTM(config)
    model.load_state_dict(load_file(os.path.join(folder, "model.safetensors"), device=str(device)))
    model.quantiles = CharacterQuantiles(saved["character_quantiles"])
    with open(os.path.join(folder, PLANS_FILE)) as f:
        model.plans = [line.strip() for line in f if line.strip()]
    return model.to(device).eval()
