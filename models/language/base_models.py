"""The base language models that ship on PyPI as GGUF (`data/base_models.yaml`), cached once as safetensors.

Gemma 3 270M is the default; Qwen2.5-Coder 0.5B Instruct is the alternative (`--lm qwen`). Dequantising a
GGUF takes about a minute on 2 cores; the cache then loads in seconds. A GGUF split over several packages
(their `get_part_path()` files) is joined in order into the cache folder first.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import threading
from dataclasses import dataclass
from functools import lru_cache

import yaml

DATA = os.path.join(os.path.dirname(__file__), "data", "base_models.yaml")
_convert_lock = threading.Lock()


@dataclass(frozen=True)
class BaseModel:
    key: str
    label: str
    short_name: str
    loader_name: str
    pip: tuple[str, ...]
    cache: str
    decoder_layer: str
    gguf_assemble: str | None = None
    gguf_parts: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def base_models() -> dict[str, BaseModel]:
    with open(DATA, encoding="utf-8") as f:
        rows = yaml.safe_load(f)
    return {
        key: BaseModel(key, **{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
        for key, row in rows.items()
    }


def base_model(key: str) -> BaseModel:
    models = base_models()
    if key not in models:
        raise ValueError(f"unknown base language model {key!r}; known: {', '.join(models)}")
    return models[key]


def cache_root() -> str:
    return os.environ.get("ARTCHAT_CACHE", os.path.join(os.path.expanduser("~"), ".cache", "artchat"))


def cache_dir(key: str) -> str:
    return os.path.join(cache_root(), base_model(key).cache)


def _gguf_modules(base: BaseModel) -> tuple[str, ...]:
    return (base.gguf_assemble,) if base.gguf_assemble else base.gguf_parts


def available(key: str) -> bool:
    """Whether the model can be loaded here: its packages are installed or its cache is built."""
    if os.path.exists(os.path.join(cache_dir(key), "config.json")):
        return True
    return all(importlib.util.find_spec(m) is not None for m in _gguf_modules(base_model(key)))


def gguf_path(key: str, scratch: str) -> str:
    """The GGUF file: the package's own assembly, or its parts joined in order into `scratch`."""
    base = base_model(key)
    if base.gguf_assemble:
        return str(importlib.import_module(base.gguf_assemble).assemble())
    os.makedirs(scratch, exist_ok=True)
    target = os.path.join(scratch, f"{base.cache}.gguf")
    with open(target, "wb") as out:
        for module in base.gguf_parts:
            with open(importlib.import_module(module).get_part_path(), "rb") as part:
                shutil.copyfileobj(part, out, 1 << 24)
    return target


def build_cache(key: str, target: str | None = None) -> str:
    """Dequantise the GGUF into a safetensors folder (model + tokenizer + chat template); returns the folder."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    target = target or cache_dir(key)
    with _convert_lock:
        if os.path.exists(os.path.join(target, "config.json")):
            return target
        tmp = target + ".partial"
        gguf = gguf_path(key, tmp + ".gguf")
        folder, name = os.path.dirname(gguf), os.path.basename(gguf)
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
        model.hf_quantizer = None  # save_pretrained refuses a GGUF-loaded model until it forgets the quantizer
        model.is_quantized = False
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        os.replace(tmp, target)
        shutil.rmtree(tmp + ".gguf", ignore_errors=True)
    return target


def bfloat16_cache(key: str) -> str:
    """A bfloat16 copy of the float32 cache, made once: the same weights as loading the float32 cache in
    bfloat16 (the same rounding), half the file, and loading it needs no float32 copy in memory (Qwen's peak
    resident memory while loading: 4.0 GB from float32, 0.4 GB from this copy)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    source = build_cache(key)
    target = source + "-bf16"
    with _convert_lock:
        if not os.path.exists(os.path.join(target, "config.json")):
            model = AutoModelForCausalLM.from_pretrained(source, dtype=torch.bfloat16)
            model.save_pretrained(target + ".partial")
            AutoTokenizer.from_pretrained(source).save_pretrained(target + ".partial")
            os.replace(target + ".partial", target)
    return target


def load_base(key: str, dtype=None):
    """(model, tokenizer) from the cache, building it first when needed; in `fast_dtype()` by default."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from models.language.contiguous_head import contiguous_head_inputs
    from models.language.fast_dtype import fast_dtype

    dtype = dtype or fast_dtype()
    folder = bfloat16_cache(key) if dtype == torch.bfloat16 else build_cache(key)
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=dtype)
    contiguous_head_inputs(model)
    return model, AutoTokenizer.from_pretrained(folder)


if __name__ == "__main__":
    import sys

    from models.language.fast_dtype import fast_dtype

    for k in sys.argv[1:] or ["gemma"]:
        print(f"{base_model(k).label} cache: {build_cache(k)}")
        if str(fast_dtype()) == "torch.bfloat16":
            print(f"{base_model(k).label} bfloat16 cache: {bfloat16_cache(k)}")
