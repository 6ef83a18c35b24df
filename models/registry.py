"""The models artchat ships, registered on the default loader by name."""

from __future__ import annotations

import os

from models.loader import ModelLoader, default_loader

CHECKPOINTS = os.path.join(os.path.dirname(__file__), "checkpoints")
MELODY_LSTM = "melody_lstm"
HARMONY_LSTM = "harmony_lstm"
PAINTER = "painter_layout_vae"
PLACEMENT = "painter_placement"
SENTENCE_EMBEDDER = "sentence_embedder"


def checkpoint_dir(name: str) -> str:
    return os.environ.get(f"ARTCHAT_{name.upper()}_DIR", os.path.join(CHECKPOINTS, name))


def register_shipped_models(loader: ModelLoader | None = None) -> ModelLoader:
    from models.language.sentence_embedding import load_sentence_embedder
    from models.melody.harmony import load_harmony
    from models.melody.lstm import load_melody_lstm
    from models.painter.layout_vae import LayoutVAE
    from models.painter.placement import PlacementVAE

    loader = loader or default_loader()
    if not loader.is_registered(MELODY_LSTM):
        loader.register(MELODY_LSTM, lambda: load_melody_lstm(checkpoint_dir(MELODY_LSTM)))
    if not loader.is_registered(HARMONY_LSTM):
        loader.register(HARMONY_LSTM, lambda: load_harmony(checkpoint_dir(HARMONY_LSTM)))
    if not loader.is_registered(PAINTER):
        loader.register(PAINTER, lambda: LayoutVAE.from_pretrained(checkpoint_dir(PAINTER)))
    if not loader.is_registered(PLACEMENT):
        loader.register(PLACEMENT, lambda: PlacementVAE.from_pretrained(checkpoint_dir(PLACEMENT)))
    if not loader.is_registered(SENTENCE_EMBEDDER):
        loader.register(SENTENCE_EMBEDDER, load_sentence_embedder)
    return loader


TEXT_LM_PREFERENCE = ("qwen", "gemma")  # the instruction-tuned model writes better than the base one


def text_language_model_key(loader: ModelLoader | None = None) -> str:
    """Which shipped base model writes poems, titles and descriptions: `$ARTCHAT_TEXT_LM` if set, else the
    one already registered to read the chat (one model in memory; Qwen first when both are), else Qwen when
    installed, else Gemma."""
    from models.language.base_models import available, base_model

    chosen = os.environ.get("ARTCHAT_TEXT_LM")
    if chosen:
        return base_model(chosen).key
    loader = loader or default_loader()
    registered = [k for k in TEXT_LM_PREFERENCE if loader.is_registered(base_model(k).loader_name)]
    if registered:
        return registered[0]
    return next((k for k in TEXT_LM_PREFERENCE if available(k)), TEXT_LM_PREFERENCE[-1])


def writer_adapter(key: str) -> str | None:
    """The writing LoRA for base `key`: `$ARTCHAT_WRITER_LORA` (a folder, or `none`), else the shipped
    `checkpoints/writer_lora_<key>` where there is one."""
    chosen = os.environ.get("ARTCHAT_WRITER_LORA")
    if chosen:
        return None if chosen == "none" else chosen
    path = os.path.join(CHECKPOINTS, f"writer_lora_{key}")
    return path if os.path.exists(os.path.join(path, "adapter_config.json")) else None


def text_language_model(loader: ModelLoader | None = None):
    """(model, tokenizer, base key) of the model that writes texts; loaded on first use, shared with the chat,
    with its writing adapter merged in where it has one (a copy of the adapted layers only)."""
    from models.language.shared_lm import model_and_tokenizer, with_adapter

    key = text_language_model_key(loader)
    model, tokenizer = model_and_tokenizer(key, loader)
    adapter = writer_adapter(key)
    return (with_adapter(adapter, loader, key) if adapter else model), tokenizer, key
