"""The held-out loss `lora_train --heldout` reports: the base's, then the adapter's, on pairs never trained on."""

from models.language.lora_train import add_lora, heldout_loss, train_lora
from tests.tiny_lm import tiny_gemma


def test_training_lowers_the_loss_on_pairs_it_learnt_and_the_base_is_reachable():
    model, tokenizer = tiny_gemma()
    pairs = [("Say the colour:", " red blue red blue")] * 4
    model = add_lora(model, rank=4)
    with model.disable_adapter():
        base = heldout_loss(model, tokenizer, pairs)
    assert base == heldout_loss(model, tokenizer, pairs)  # a fresh adapter (B = 0) changes nothing
    train_lora(model, tokenizer, pairs, steps=20, batch=2, lr=5e-2, log=lambda m: None)
    assert heldout_loss(model, tokenizer, pairs) < base
    with model.disable_adapter():
        assert abs(heldout_loss(model, tokenizer, pairs) - base) < 1e-5
