"""Any local transformers causal language model, loaded from a folder through the model loader.

The loader places it with accelerate (split over the GPUs when it does not fit one, CPU otherwise).
The tokenizer is kept beside the model; callers get both.
"""

from __future__ import annotations

import os

from models.loader import ModelLoader, default_loader

_tokenizers: dict[str, object] = {}


def causal_lm_name(path: str) -> str:
    return "causal_lm:" + os.path.abspath(path)


def register_causal_lm(path: str, loader: ModelLoader | None = None, dtype: str = "auto") -> str:
    """Register the model in `path` (loaded on first use); returns its loader name."""
    loader = loader or default_loader()
    name = causal_lm_name(path)
    if not loader.is_registered(name):

        def factory():
            from transformers import AutoModelForCausalLM, AutoTokenizer

            if not os.path.exists(os.path.join(path, "config.json")):
                raise FileNotFoundError(f"no transformers model in {path!r} (config.json missing)")
            _tokenizers[name] = AutoTokenizer.from_pretrained(path)
            return AutoModelForCausalLM.from_pretrained(path, dtype=dtype).eval()

        loader.register(name, factory)
    return name


def causal_lm(path: str, loader: ModelLoader | None = None):
    """(model, tokenizer) for the model folder at `path`."""
    loader = loader or default_loader()
    name = register_causal_lm(path, loader)
    model = loader.get(name)
    return model, _tokenizers[name]
