"""A LoRA adapter merged once into a copy of the adapted layers: the adapter's outputs, the base untouched."""

import pytest
import torch

from models.language.merged_lora import merged_copy


def saved_adapter(model, path, seed=1):
    """A saved rank-4 LoRA on the attention projections with random (non-zero) B, as peft writes it."""
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(seed)
    config = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "k_proj", "v_proj", "o_proj"])
    peft_model = get_peft_model(model, config)
    for name, p in peft_model.named_parameters():
        if "lora_B" in name:
            p.data.normal_(0, 0.5)
    peft_model.save_pretrained(str(path))
    return peft_model


def test_the_merged_copy_computes_what_the_adapter_does_and_leaves_the_base(tmp_path):
    from tests.tiny_lm import tiny_qwen

    model, tokenizer = tiny_qwen()
    ids = tokenizer("Works: none.\nRequest: slower\nCalls:", return_tensors="pt").input_ids
    with torch.no_grad():
        plain = model(ids).logits
    peft_model = saved_adapter(model, tmp_path)
    with torch.no_grad():
        adapted = peft_model(ids).logits
    base = peft_model.unload()
    merged = merged_copy(base, str(tmp_path))
    with torch.no_grad():
        assert torch.allclose(merged(ids).logits, adapted, atol=1e-4)
        assert torch.equal(base(ids).logits, plain)  # the base reads as before
    assert not torch.allclose(adapted, plain, atol=1e-2)  # the adapter does change the answer
    shared = {id(p) for p in base.parameters()}
    new = [n for n, p in merged.named_parameters() if id(p) not in shared]
    assert new and all(n.rsplit(".", 2)[-2] in ("q_proj", "k_proj", "v_proj", "o_proj") for n in new)


def test_an_adapter_for_other_modules_is_refused(tmp_path):
    from tests.tiny_lm import tiny_gemma, tiny_qwen

    saved_adapter(tiny_qwen()[0], tmp_path).unload()
    model, _ = tiny_gemma()
    model.model.layers = model.model.layers[:0]  # a base without those layers
    with pytest.raises(ValueError, match="no module"):
        merged_copy(model, str(tmp_path))
