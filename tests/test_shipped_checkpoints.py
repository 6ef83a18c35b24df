"""The checkpoints we ship: present, small, documented, loadable, and good enough to use."""

import json
import os

import pytest

from models.melody.lstm import load_melody_lstm
from models.melody.sampler import MelodyRequest, sample_melody
from models.painter.layout_vae import LayoutVAE
from models.registry import CHECKPOINTS

WEIGHTS = {"melody_lstm": "model.safetensors", "painter_layout_vae": "diffusion_pytorch_model.safetensors"}


@pytest.mark.parametrize("name", WEIGHTS)
def test_checkpoint_is_small_and_has_a_card_with_the_retrain_command(name):
    folder = os.path.join(CHECKPOINTS, name)
    assert os.path.getsize(os.path.join(folder, WEIGHTS[name])) < 30 * 2**20
    card = open(os.path.join(folder, "MODEL_CARD.md")).read()
    assert "## Retrain" in card and "python -m models." in card and "## Data" in card


@pytest.mark.parametrize("name", ["orchestrator_lora", "orchestrator_lora_qwen"])
def test_orchestrator_adapter_is_small_and_documented(name):
    folder = os.path.join(CHECKPOINTS, name)
    assert os.path.getsize(os.path.join(folder, "adapter_model.safetensors")) < 30 * 2**20
    card = open(os.path.join(folder, "MODEL_CARD.md")).read()
    assert "## Retrain" in card and "python -m models.language.lora_train" in card
    config = json.load(open(os.path.join(folder, "adapter_config.json")))
    assert set(config["target_modules"]) == {"q_proj", "k_proj", "v_proj", "o_proj"}


def test_shipped_models_load():
    assert load_melody_lstm(os.path.join(CHECKPOINTS, "melody_lstm")) is not None
    assert LayoutVAE.from_pretrained(os.path.join(CHECKPOINTS, "painter_layout_vae")) is not None


def test_shipped_melody_model_stays_in_key():
    model = load_melody_lstm(os.path.join(CHECKPOINTS, "melody_lstm"))
    for seed in (1, 2, 3):
        best = sample_melody(model, MelodyRequest(bars=4, tonic=9, mode="minor", seed=seed, register=64))[0]
        assert best.stats.in_key_ratio >= 0.85 and 0.05 <= best.stats.density <= 0.5


def test_adapter_card_is_rebuilt_from_its_training_stages_keeping_the_written_sections(tmp_path):
    import shutil

    from models.model_card import write_card

    folder = tmp_path / "orchestrator_lora"
    shutil.copytree(os.path.join(CHECKPOINTS, "orchestrator_lora"), folder)
    before = (folder / "MODEL_CARD.md").read_text()
    after = open(write_card(str(folder))).read()
    assert "| 1 | v3" in after and "| 900 | 0.0020 |" in after
    assert after[after.find("## Retrain") :] == before[before.find("## Retrain") :]
