"""The accompaniment model: for each beat of a melody, the bass pitch class and the chord's pitch classes.

A small bidirectional LSTM over beats (the whole melody is known, so it can look ahead to the cadence), trained
on Bach's chorales (`chorales.py`): input per beat the melody's pitch class and height, the beat in the bar,
the mode and how many beats are left; output a bass pitch class (softmax) and the chord's pitch classes
(independent sigmoids). Everything is in the key-normalised space (tonic C) the melody model uses.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn

from models.melody.chorales import REST

FEATURES = 13 + 1 + 4 + 1 + 4  # soprano pitch class (or rest), height, beat in bar, minor, beats left (0-3+)


@dataclass
class HarmonyConfig:
    hidden_size: int = 96
    num_layers: int = 2
    dropout: float = 0.2


def beat_features(soprano: np.ndarray, beat: np.ndarray, minor: bool) -> np.ndarray:
    """[n_beats, FEATURES] from soprano MIDI pitches (-1 for silence) and beat-in-bar indices."""
    n = len(soprano)
    feats = np.zeros((n, FEATURES), dtype=np.float32)
    pc = np.where(soprano >= 0, soprano % 12, REST)
    feats[np.arange(n), pc] = 1.0
    feats[:, 13] = np.where(soprano >= 0, (soprano - 67) / 12.0, 0.0)
    feats[np.arange(n), 14 + np.minimum(beat, 3)] = 1.0
    feats[:, 18] = 1.0 if minor else 0.0
    feats[np.arange(n), 19 + np.minimum(n - 1 - np.arange(n), 3)] = 1.0
    return feats


class HarmonyLSTM(nn.Module):
    def __init__(self, config: HarmonyConfig):
        super().__init__()
        self.config = config
        self.lstm = nn.LSTM(
            FEATURES,
            config.hidden_size,
            num_layers=config.num_layers,
            dropout=config.dropout,
            batch_first=True,
            bidirectional=True,
        )
        self.bass = nn.Linear(2 * config.hidden_size, 12)
        self.chord = nn.Linear(2 * config.hidden_size, 12)

    def forward(self, feats: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """feats [B, T, FEATURES] -> bass logits [B, T, 12], chord logits [B, T, 12]."""
        out, _ = self.lstm(feats)
        return self.bass(out), self.chord(out)


def save_harmony(model: HarmonyLSTM, folder: str, extra: dict | None = None) -> None:
    from safetensors.torch import save_file

    os.makedirs(folder, exist_ok=True)
    save_file({k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}, f"{folder}/model.safetensors")
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump({"config": asdict(model.config), **(extra or {})}, f, indent=2)


def load_harmony(folder: str, device: str | torch.device = "cpu") -> HarmonyLSTM:
    from safetensors.torch import load_file

    with open(os.path.join(folder, "config.json")) as f:
        model = HarmonyLSTM(HarmonyConfig(**json.load(f)["config"]))
    model.load_state_dict(load_file(os.path.join(folder, "model.safetensors"), device=str(device)))
    return model.to(device).eval()
