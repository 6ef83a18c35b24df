import torch

from models.language.lora_blend import blend_adapters
from tests.tiny_lm import tiny_gemma


def _adapter(seed: int, folder: str) -> dict[str, torch.Tensor]:
    """A rank-2 LoRA on q_proj with random (non-zero) A and B, saved to `folder`; returns layer 0's delta."""
    from peft import LoraConfig, get_peft_model

    model, _ = tiny_gemma()
    peft_model = get_peft_model(model, LoraConfig(r=2, lora_alpha=4, target_modules=["q_proj"]))
    torch.manual_seed(seed)
    for name, p in peft_model.named_parameters():
        if "lora_" in name:
            p.data = torch.randn_like(p)
    peft_model.save_pretrained(folder)
    layer = peft_model.base_model.model.model.layers[0].self_attn.q_proj
    return layer.lora_B["default"].weight @ layer.lora_A["default"].weight * layer.scaling["default"]


def test_the_blend_adds_the_weighted_weight_changes_exactly(tmp_path):
    first, second = _adapter(1, str(tmp_path / "a")), _adapter(2, str(tmp_path / "b"))
    base, _ = tiny_gemma()
    original = base.model.layers[0].self_attn.q_proj.weight.detach().clone()
    out = blend_adapters(base, [str(tmp_path / "a"), str(tmp_path / "b")], [0.3, 0.7], str(tmp_path / "blend"))

    from peft import PeftModel

    fresh, _ = tiny_gemma()
    merged = PeftModel.from_pretrained(fresh, out).merge_and_unload()
    expected = original + 0.3 * first + 0.7 * second
    assert torch.allclose(merged.model.layers[0].self_attn.q_proj.weight, expected, atol=1e-5)
