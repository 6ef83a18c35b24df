import json

import torch
from safetensors.torch import load_file, save_file

from models.language.lora_truncate import low_rank_factors, truncate_adapter


def _adapter(folder, rank: int, b: torch.Tensor, a: torch.Tensor, alpha: int) -> None:
    folder.mkdir()
    key = "base_model.model.model.layers.0.self_attn.q_proj"
    save_file({f"{key}.lora_A.weight": a, f"{key}.lora_B.weight": b}, str(folder / "adapter_model.safetensors"))
    (folder / "adapter_config.json").write_text(json.dumps({"r": rank, "lora_alpha": alpha, "peft_type": "LORA"}))


def test_cutting_keeps_the_weight_change_when_its_rank_allows_and_is_optimal_when_not(tmp_path):
    torch.manual_seed(0)
    b, a = torch.randn(12, 4), torch.randn(4, 10)
    b[:, 2:] *= 1e-3  # two of the four directions carry almost nothing
    _adapter(tmp_path / "wide", 4, b, a, alpha=8)
    delta = 2.0 * b.double() @ a.double()
    report = truncate_adapter(str(tmp_path / "wide"), 2, str(tmp_path / "cut"))
    cut = load_file(str(tmp_path / "cut" / "adapter_model.safetensors"))
    key = "base_model.model.model.layers.0.self_attn.q_proj"
    approx = cut[f"{key}.lora_B.weight"].double() @ cut[f"{key}.lora_A.weight"].double()  # scaling 1 now
    assert cut[f"{key}.lora_A.weight"].shape == (2, 10)
    assert json.loads((tmp_path / "cut" / "adapter_config.json").read_text())["r"] == 2
    singular = torch.linalg.svdvals(delta)
    best = float(singular[2:].norm() / singular.norm())  # Eckart-Young: nothing of rank 2 does better
    assert abs(report["max_relative_error"] - best) < 1e-6 and best < 0.01
    assert torch.allclose(approx, delta, atol=0.05)
    _, _, exact = low_rank_factors(delta, 4)
    assert exact < 1e-6
