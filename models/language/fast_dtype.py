"""The fastest dtype for a frozen base model on this hardware."""

from __future__ import annotations


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
