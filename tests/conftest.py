"""Shared fixtures: tiny seeded models instead of the shipped ones, a fresh loader, scripted LMs."""

from __future__ import annotations

import json

import pytest
import torch

from assistant.orchestrators.base import Orchestrator, PlanRequest
from models import loader as loader_module
from models.melody.character import CHARACTER_NAMES, CharacterQuantiles
from models.melody.harmony import HarmonyConfig, HarmonyLSTM, save_harmony
from models.melody.lstm import MelodyLSTM, MelodyLSTMConfig, save_melody_lstm
from models.painter.layout_vae import LayoutVAE
from models.painter.placement import PlacementVAE
from models.registry import SENTENCE_EMBEDDER


@pytest.fixture(scope="session")
def tiny_checkpoints(tmp_path_factory):
    """Folders holding tiny random-weight melody and painter checkpoints (same code paths, fast)."""
    root = tmp_path_factory.mktemp("tiny_models")
    torch.manual_seed(0)
    quantiles = CharacterQuantiles.fit([{k: i / 20 for k in CHARACTER_NAMES} for i in range(21)])
    plans = ["new new varied2 exact2 new new exact4 exact4", "new varied1 new new exact4 varied4 new new new"]
    tiny = MelodyLSTM(MelodyLSTMConfig(embed_dim=8, hidden_size=16, num_layers=1))
    save_melody_lstm(tiny, str(root / "melody"), quantiles, plans)
    save_harmony(HarmonyLSTM(HarmonyConfig(hidden_size=8, num_layers=1, dropout=0.0)), str(root / "harmony"))
    LayoutVAE(latent_dim=8, base_channels=8).save_pretrained(str(root / "painter"))
    PlacementVAE(latent_dim=4, hidden=16).save_pretrained(str(root / "placement"))
    names = ("melody", "harmony", "painter", "placement")
    return {name: str(root / name) for name in names}


@pytest.fixture(scope="session")
def sentence_embedder():
    """The shipped sentence-embedding model (it is small and offline), loaded once per test run."""
    from models.language.sentence_embedding import load_sentence_embedder

    return load_sentence_embedder().eval()


@pytest.fixture(autouse=True)
def tiny_models(tiny_checkpoints, sentence_embedder, monkeypatch, tmp_path):
    """Every test gets a fresh process loader that loads the tiny checkpoints, and its own sessions folder."""
    monkeypatch.setenv("ARTCHAT_MELODY_LSTM_DIR", tiny_checkpoints["melody"])
    monkeypatch.setenv("ARTCHAT_HARMONY_LSTM_DIR", tiny_checkpoints["harmony"])
    monkeypatch.setenv("ARTCHAT_PAINTER_LAYOUT_VAE_DIR", tiny_checkpoints["painter"])
    monkeypatch.setenv("ARTCHAT_PAINTER_PLACEMENT_DIR", tiny_checkpoints["placement"])
    monkeypatch.setenv("ARTCHAT_HOME", str(tmp_path / "sessions"))
    monkeypatch.setenv("ARTCHAT_WRITER_LORA", "none")  # a shipped writer adapter fits the real base, not these
    loader = loader_module.ModelLoader(device="cpu")
    loader.register(SENTENCE_EMBEDDER, lambda: sentence_embedder)
    monkeypatch.setattr(loader_module, "_default", loader)
    yield


class ScriptedLM(Orchestrator):
    """A fake language model that answers with prepared outputs, in order, and records what it saw."""

    name = "scripted"

    def __init__(self, *outputs):
        self.outputs = [o if isinstance(o, str) else json.dumps(o) for o in outputs]
        self.requests: list[PlanRequest] = []

    def plan(self, request: PlanRequest) -> str:
        self.requests.append(request)
        return self.outputs.pop(0) if self.outputs else '{"calls": []}'


@pytest.fixture
def tiny_lm():
    """The tiny random Gemma registered as the process's Gemma (tokenizer included)."""
    from models.language import shared_lm
    from tests.tiny_lm import tiny_gemma

    model, tokenizer = tiny_gemma()
    shared_lm.use_tokenizer("gemma", tokenizer)
    loader_module.default_loader().register(shared_lm.GEMMA, lambda: model)
    return model, tokenizer


@pytest.fixture
def scripted():
    return ScriptedLM


@pytest.fixture(scope="module")
def chat_lm():
    """The tiny rhyme-taught chat model and its tokenizer (built once per test module)."""
    from tests.tiny_chat_lm import rhyme_chat_model

    return rhyme_chat_model()
