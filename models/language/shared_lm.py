"""The shipped base language models in this process: one copy of each, placed by the model loader.

One base serves both text generation and orchestration: a LoRA adapter is merged once into a copy of the layers
it adapts (`merged_lora`), every other weight shared, so plain text reads the base untouched. Gemma 3 270M is the
default base; any key of `base_models` works the same way. The lock keeps one generation at a time on a shared
model (one lock for all: two models on 2 cores would only contend).
"""

from __future__ import annotations

import threading

from models.language.base_models import base_model, load_base
from models.loader import ModelLoader, default_loader

DEFAULT_BASE = "gemma"
GEMMA = base_model(DEFAULT_BASE).loader_name
LM_LOCK = threading.RLock()
MAX_ADAPTERS = 2  # the chat's and the writer's: each merged copy of Qwen's attention is 88 MB in bfloat16
_tokenizers: dict[str, object] = {}  # base key -> tokenizer, set when the loader builds the model
_adapters: dict[str, dict[str, object]] = {}  # base key -> {adapter path: the base with it merged}


def register_base(key: str = DEFAULT_BASE, loader: ModelLoader | None = None) -> ModelLoader:
    """Register the base model; its tokenizer is kept beside it (see `model_and_tokenizer`)."""
    loader = loader or default_loader()
    base = base_model(key)
    if not loader.is_registered(base.loader_name):

        def factory():
            model, tokenizer = load_base(key)
            _tokenizers[key] = tokenizer
            return model

        loader.register(base.loader_name, factory, no_split=[base.decoder_layer])
    return loader


def use_tokenizer(key: str, tokenizer) -> None:
    """Set the tokenizer of a base registered by hand (tests register tiny models)."""
    _tokenizers[key] = tokenizer


def model_and_tokenizer(key: str = DEFAULT_BASE, loader: ModelLoader | None = None):
    model = register_base(key, loader).get(base_model(key).loader_name)
    return model, _tokenizers[key]


def with_adapter(path: str, loader: ModelLoader | None = None, key: str = DEFAULT_BASE):
    """The base model with the LoRA adapter at `path` merged in (made once, kept; at most two adapters per base,
    the chat's and the writer's). Only the adapted layers are new weights; the base itself is not changed."""
    from models.language.merged_lora import merged_copy

    with LM_LOCK:
        attached = _adapters.setdefault(key, {})
        if path not in attached:
            if len(attached) >= MAX_ADAPTERS:
                raise RuntimeError(f"at most {MAX_ADAPTERS} LoRA adapters per base model are supported")
            base, _ = model_and_tokenizer(key, loader)
            attached[path] = merged_copy(base, path)
        return attached[path]


def base_only(key: str = DEFAULT_BASE):
    """Context in which the shared model runs without any adapter: a no-op, as adapters are merged into a copy and
    never change the base (kept for the callers that say so)."""
    from contextlib import nullcontext

    return nullcontext()


def forget_adapters() -> None:
    """Detach bookkeeping of every adapter (tests that swap the base model)."""
    _adapters.clear()
