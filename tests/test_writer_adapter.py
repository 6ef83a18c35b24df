"""The writing adapter: merged into a copy of the writer's adapted layers only while writing, beside the chat's."""

import pytest
import torch

from models.language import shared_lm
from tests.test_merged_lora import saved_adapter


@pytest.fixture
def tiny_writer(monkeypatch):
    """The tiny Qwen registered as the process's Qwen, with no adapter attached yet."""
    from models.language.base_models import base_model
    from models.loader import default_loader
    from tests.tiny_lm import tiny_qwen

    model, tokenizer = tiny_qwen()
    shared_lm.forget_adapters()
    shared_lm.use_tokenizer("qwen", tokenizer)
    default_loader().register(base_model("qwen").loader_name, lambda: model)
    monkeypatch.setenv("ARTCHAT_TEXT_LM", "qwen")
    yield model, tokenizer
    shared_lm.forget_adapters()


def test_the_writer_adapter_is_chosen_by_variable_else_shipped(monkeypatch, tmp_path):
    import models.registry as registry

    monkeypatch.setattr(registry, "CHECKPOINTS", str(tmp_path))
    monkeypatch.delenv("ARTCHAT_WRITER_LORA", raising=False)
    assert registry.writer_adapter("qwen") is None
    (tmp_path / "writer_lora_qwen").mkdir()
    (tmp_path / "writer_lora_qwen" / "adapter_config.json").write_text("{}")
    assert registry.writer_adapter("qwen") == str(tmp_path / "writer_lora_qwen")
    assert registry.writer_adapter("qwen15") is None  # the larger writer has none
    monkeypatch.setenv("ARTCHAT_WRITER_LORA", "none")
    assert registry.writer_adapter("qwen") is None
    monkeypatch.setenv("ARTCHAT_WRITER_LORA", "/some/adapter")
    assert registry.writer_adapter("qwen") == "/some/adapter"


def test_the_writer_reads_its_adapter_and_the_chat_model_stays_plain(tiny_writer, tmp_path, monkeypatch):
    from models.registry import text_language_model

    model, tokenizer = tiny_writer
    ids = tokenizer("Request: a calm poem", return_tensors="pt").input_ids
    with torch.no_grad():
        plain = model(ids).logits
    saved_adapter(model, tmp_path / "writer").unload()
    monkeypatch.setenv("ARTCHAT_WRITER_LORA", "none")
    assert text_language_model()[0] is model
    monkeypatch.setenv("ARTCHAT_WRITER_LORA", str(tmp_path / "writer"))
    writer, _, key = text_language_model()
    assert key == "qwen" and writer is not model and text_language_model()[0] is writer  # merged once
    with torch.no_grad():
        assert not torch.allclose(writer(ids).logits, plain, atol=1e-3)
        assert torch.equal(model(ids).logits, plain)  # the base the chat reads is untouched


def test_two_adapters_per_base_and_no_third(tiny_writer, tmp_path):
    model, _ = tiny_writer
    for n in range(3):
        saved_adapter(model, tmp_path / str(n), seed=n).unload()
    chat = shared_lm.with_adapter(str(tmp_path / "0"), key="qwen")
    writer = shared_lm.with_adapter(str(tmp_path / "1"), key="qwen")
    assert chat is not writer and shared_lm.with_adapter(str(tmp_path / "0"), key="qwen") is chat
    with pytest.raises(RuntimeError, match="at most 2"):
        shared_lm.with_adapter(str(tmp_path / "2"), key="qwen")


def test_lora_on_the_top_layers_only():
    from models.language.lora_train import add_lora
    from tests.tiny_lm import tiny_qwen

    peft_model = add_lora(tiny_qwen()[0], rank=2, top_layers=1)
    adapted = {n.split(".layers.")[1].split(".")[0] for n, _ in peft_model.named_parameters() if "lora_A" in n}
    assert adapted == {"1"}  # the last of two layers
